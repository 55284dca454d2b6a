// Township cells of an import resolved to project townships. An unknown name is a warning,
// not an error: its rows are skipped and listed, with the nearest existing name offered as
// the likely typo, or — when the planner ticks it — the township is created once (a warning
// naming the new code). A project without any township yet takes them from its first file:
// there is nothing a name could be a typo of, so they are created and listed without asking.
import type { Township } from '../domain/model';
import { MAX_NAME_LENGTH, nameTooLongMessage } from '../domain/names';
import { IssueList } from './issues';
import { normaliseName, shownValue } from './normalise';
import { isTotalLabel, newTownshipShape, nextTownshipCodes, TownshipIndex } from './townships';

/** `skipped`: an unknown name not created; the row is left out (not an error) and listed by `reportSkipped`. */
export type TownshipLookup = { ok: true; code: string } | { ok: false; reason: 'missing' | 'unknown' | 'total' | 'skipped' };

const ROWS_SHOWN = 20;

/** 青山乡 in the file, 青山镇 in the project (or the reverse): the same place, named before or after 撤乡设镇. */
function isTownToVillageSwap(label: string, stored: string): boolean {
  const a = normaliseName(label);
  const b = normaliseName(stored);
  return a !== b && a.slice(0, -1) === b.slice(0, -1) && /[乡镇]$/.test(a) && /[乡镇]$/.test(b) && !a.endsWith('民族乡') && !b.endsWith('民族乡');
}

export class TownshipResolver {
  readonly index: TownshipIndex;
  readonly created: Township[] = [];
  private readonly unknownCodes = new Map<string, string>();
  private readonly found = new Map<string, TownshipLookup>();
  /** Unknown names left out, with the rows that named them. */
  private readonly skipped = new Map<string, { label: string; rows: number[]; at: { row: number; column: string } }>();

  /** The project had no township: every name in the file is created, as information. */
  readonly firstFile: boolean;
  private readonly create: boolean;

  constructor(
    townships: readonly Township[],
    private readonly countyCode: string,
    create: boolean,
    private readonly issues: IssueList,
    private readonly countySeat: string | null = null,
  ) {
    this.index = new TownshipIndex(townships);
    this.firstFile = townships.length === 0;
    this.create = create || this.firstFile;
  }

  /**
   * `name` and `code` are the row's cells (either may be empty). Reports its own issues
   * at `at`; returns the code or why there is none.
   */
  resolve(name: string, code: string | null, at: { row: number; column: string }): TownshipLookup {
    // Thousands of rows name a few hundred townships: remember the names already found.
    const memoKey = `${name}|${code ?? ''}`;
    const known = this.found.get(memoKey);
    if (known) {
      if (!known.ok && known.reason === 'skipped') this.skipped.get(memoKey)?.rows.push(at.row);
      return known;
    }
    const result = this.lookup(name, code, at);
    if (result.ok || result.reason === 'total') this.found.set(memoKey, result);
    if (!result.ok && result.reason === 'skipped') {
      this.found.set(memoKey, result);
      this.skipped.set(memoKey, { label: name.trim(), rows: [at.row], at });
    }
    return result;
  }

  /** One warning per unknown name left out: its rows, and the existing township it may be a typo of. */
  reportSkipped(): void {
    for (const { label, rows: list, at } of this.skipped.values()) {
      const shown = list.slice(0, ROWS_SHOWN).join('、') + (list.length > ROWS_SHOWN ? ' 等' : '');
      this.issues.warning(
        'UNKNOWN_TOWNSHIP',
        `项目中没有名为“${shownValue(label)}”的乡镇（街道）${this.typoHint(label)}。第 ${shown} 行（共 ${list.length} 行）将跳过不导入。` +
          '如是笔误，请改正原表后重新检查；如确是新乡镇，请勾选“新建表中出现的未知乡镇”。',
        { ...at, value: shownValue(label) },
      );
    }
  }

  private typoHint(label: string): string {
    const near = this.index.closest(label);
    return near ? `，是否为“${near.name}”（${near.code}）之误` : '';
  }

  private lookup(name: string, code: string | null, at: { row: number; column: string }): TownshipLookup {
    const label = name.trim();
    if (label && isTotalLabel(label)) return { ok: false, reason: 'total' };
    if (code) {
      const byCode = this.index.byCode(code);
      if (byCode) return { ok: true, code: byCode.code };
    }
    if (!label && !code) return { ok: false, reason: 'missing' };
    const found = label ? this.index.find(label) : null;
    if (found) {
      if (isTownToVillageSwap(label, found.name)) {
        this.issues.warning(
          'TOWNSHIP_KIND_CHANGED',
          `表中的“${shownValue(label)}”按项目中的“${found.name}”（${found.code}）导入：名称只差“乡”“镇”一字，多为撤乡设镇（或名称写法不同）。请核对；如已撤乡设镇，可在“乡镇 → 编辑”中改名和类型。`,
          { ...at, value: shownValue(label) },
        );
      }
      return { ok: true, code: found.code };
    }
    if (!label) {
      this.issues.error('UNKNOWN_TOWNSHIP_CODE', `项目中没有代码为“${code}”的乡镇（街道）。请核对代码，或在表中增加乡镇名称列，以便新建该乡镇。`, { ...at, value: code ?? '' });
      return { ok: false, reason: 'unknown' };
    }
    if (label.length > MAX_NAME_LENGTH) {
      this.issues.error('NAME_TOO_LONG', nameTooLongMessage('乡镇（街道）名称', label.length), { ...at, value: shownValue(label) });
      return { ok: false, reason: 'unknown' };
    }
    if (!this.create) return { ok: false, reason: 'skipped' };
    return { ok: true, code: this.createTownship(label, code, at) };
  }

  private createTownship(label: string, code: string | null, at: { row: number; column: string }): string {
    const key = normaliseName(label);
    const known = this.unknownCodes.get(key);
    if (known) return known;
    // Asked before the new name joins the index, so it is not its own nearest match.
    const hint = this.firstFile ? '' : this.typoHint(label);
    const codeOk = code !== null && /^\d{9,12}$/.test(code) && !this.index.byCode(code);
    const newCode = codeOk ? code : (nextTownshipCodes(this.countyCode, this.index.codes(), 1)[0] as string);
    const township: Township = { code: newCode, name: label, ...newTownshipShape(label, this.countySeat), area: '' };
    this.created.push(township);
    this.index.add(township);
    this.unknownCodes.set(key, newCode);
    const what = `将新建乡镇（街道）“${township.name}”，代码 ${newCode}，类别“${township.kind}”，城乡分类“${township.urbanRural}”。导入后可在项目中修改。`;
    if (this.firstFile) this.issues.info('TOWNSHIP_FROM_FIRST_FILE', `项目中还没有乡镇（街道），按表中名称建立：${what}`, { ...at, value: shownValue(label) });
    else this.issues.warning('NEW_TOWNSHIP', hint ? `${what}（请核对${hint.slice(1)}。）` : what, { ...at, value: shownValue(label) });
    return newCode;
  }
}
