// Township cells of an import resolved to project townships; unknown names are refused or,
// when the planner allows it, created once each (with a warning naming the new code). A
// project without any township yet takes them from its first file: there is nothing a
// name could be a typo of, so they are created and listed without asking.
import type { Township } from '../domain/model';
import { MAX_NAME_LENGTH, nameTooLongMessage } from '../domain/names';
import { IssueList } from './issues';
import { normaliseName, shownValue } from './normalise';
import { isTotalLabel, newTownshipShape, nextTownshipCodes, TownshipIndex } from './townships';

export type TownshipLookup = { ok: true; code: string } | { ok: false; reason: 'missing' | 'unknown' | 'total' };

export class TownshipResolver {
  readonly index: TownshipIndex;
  readonly created: Township[] = [];
  private readonly unknownCodes = new Map<string, string>();
  private readonly found = new Map<string, TownshipLookup>();

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
    if (known) return known;
    const result = this.lookup(name, code, at);
    if (result.ok || result.reason === 'total') this.found.set(memoKey, result);
    return result;
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
    if (found) return { ok: true, code: found.code };
    if (!label) {
      this.issues.error('UNKNOWN_TOWNSHIP_CODE', `项目中没有代码为“${code}”的乡镇（街道）。请核对代码，或在表中增加乡镇名称列，以便新建该乡镇。`, { ...at, value: code ?? '' });
      return { ok: false, reason: 'unknown' };
    }
    if (label.length > MAX_NAME_LENGTH) {
      this.issues.error('NAME_TOO_LONG', nameTooLongMessage('乡镇（街道）名称', label.length), { ...at, value: shownValue(label) });
      return { ok: false, reason: 'unknown' };
    }
    if (!this.create) {
      this.issues.error(
        'UNKNOWN_TOWNSHIP',
        `项目中没有名为“${shownValue(label)}”的乡镇（街道）。请更正名称，或在导入设置中勾选“新建表中出现的未知乡镇”。`,
        { ...at, value: shownValue(label) },
      );
      return { ok: false, reason: 'unknown' };
    }
    return { ok: true, code: this.createTownship(label, code, at) };
  }

  private createTownship(label: string, code: string | null, at: { row: number; column: string }): string {
    const key = normaliseName(label);
    const known = this.unknownCodes.get(key);
    if (known) return known;
    const codeOk = code !== null && /^\d{9,12}$/.test(code) && !this.index.byCode(code);
    const newCode = codeOk ? code : (nextTownshipCodes(this.countyCode, this.index.codes(), 1)[0] as string);
    const township: Township = { code: newCode, name: label, ...newTownshipShape(label, this.countySeat), area: '' };
    this.created.push(township);
    this.index.add(township);
    this.unknownCodes.set(key, newCode);
    const what = `将新建乡镇（街道）“${township.name}”，代码 ${newCode}，类别“${township.kind}”，城乡分类“${township.urbanRural}”。导入后可在项目中修改。`;
    if (this.firstFile) this.issues.info('TOWNSHIP_FROM_FIRST_FILE', `项目中还没有乡镇（街道），按表中名称建立：${what}`, { ...at, value: shownValue(label) });
    else this.issues.warning('NEW_TOWNSHIP', what, { ...at, value: shownValue(label) });
    return newCode;
  }
}
