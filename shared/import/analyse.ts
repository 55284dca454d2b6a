// One sheet from header to plan: find the header, propose (or apply) the mapping, and turn
// the rows into an import plan. Pure: the backend supplies the sheet and the project's data.
import { columnName } from './columns';
import { columnLetter } from './normalise';
import { detectHeader, HEADER_SEARCH_ROWS, type HeaderBand } from './header';
import { rowWidth, type CellRange, type SheetGrid } from './grid';
import { IssueList, type ImportIssue } from './issues';
import type { ImportKind } from './kinds';
import { MAX_COLUMNS } from './limits';
import { applyMapping, headerSignature, proposeMapping, type ColumnMapping, type MappingFile } from './mapping';
import { IMPORT_KIND_REGISTRY, parseTarget } from './kinds/registry';
import { emptyPlan, type ImportPlan, type ValidateContext } from './plan';
import type { PlaceColumn } from './plan-population';
import type { RecogniseContext } from './recognise';

export interface SavedTemplate {
  name: string;
  signature: string;
  mapping: MappingFile;
}

export interface SheetAnalysis {
  header: HeaderBand | null;
  columns: ColumnMapping[];
  /** Problems with the sheet itself (no header, a merge over everything, mojibake…). */
  issues: ImportIssue[];
  signature: string;
  /** The saved template or mapping file the proposal came from. */
  mappingSource: string | null;
}

function rangeText(m: CellRange): string {
  return `${columnLetter(m.s.c)}${m.s.r + 1}:${columnLetter(m.e.c)}${m.e.r + 1}`;
}

/** Sheet-level refusals that no mapping can fix. */
function sheetProblems(sheet: SheetGrid, issues: IssueList): void {
  const width = rowWidth(sheet.rows);
  if (width > MAX_COLUMNS) {
    issues.error('SHEET_TOO_WIDE', `工作表“${sheet.name}”有 ${width} 列，超过本程序支持的 ${MAX_COLUMNS} 列。请删除多余的列，或把数据复制到新工作表后再导入。`);
  }
  const area = sheet.rows.length * width;
  for (const m of sheet.merges) {
    const rows = Math.min(m.e.r, sheet.rows.length - 1) - m.s.r + 1;
    const cols = Math.min(m.e.c, width - 1) - m.s.c + 1;
    // A title spans one row, a grouped header one row or one column; a merge spanning
    // rows and columns over most of the sheet hides the data under its top-left cell.
    if (rows >= 2 && cols >= 2 && rows * cols >= area * 0.8 && area >= 4) {
      issues.error(
        'MERGE_WHOLE_SHEET',
        `工作表“${sheet.name}”的 ${rangeText(m)} 是一个合并单元格，盖住了几乎整张表，其中的数据无法读取。请在 Excel/WPS 中选中整表、取消合并单元格后再导入。`,
        { value: rangeText(m) },
      );
      return;
    }
  }
}

function replacementChars(sheet: SheetGrid): number {
  let n = 0;
  for (let r = 0; r < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); r++) {
    for (const v of sheet.rows[r] ?? []) if (typeof v === 'string' && v.includes('\ufffd')) n++;
  }
  return n;
}

export function analyseSheet(
  kind: ImportKind,
  sheet: SheetGrid,
  ctx: RecogniseContext,
  options: { headerRows?: { first: number; last: number }; templates?: readonly SavedTemplate[]; mapping?: MappingFile } = {},
): SheetAnalysis {
  const issues = new IssueList(sheet.name);
  sheetProblems(sheet, issues);
  if (issues.hasErrors()) return { header: null, columns: [], issues: issues.finish(), signature: '', mappingSource: null };
  const headerRows = options.headerRows ?? (options.mapping?.header ? { first: options.mapping.header.first - 1, last: options.mapping.header.last - 1 } : undefined);
  const header = detectHeader(kind, sheet, ctx, headerRows);
  if (!header) {
    const garbled = replacementChars(sheet);
    if (garbled > 0) {
      issues.error(
        'MOJIBAKE',
        `工作表“${sheet.name}”的表头中有 ${garbled} 个单元格含无法识别的字符（乱码），很可能是文件编码选错了：GBK（GB18030）编码的 CSV 被当作 UTF-8 读取。请把“文件编码”改为“GBK”或“自动识别”后重试。`,
      );
    } else {
      issues.error(
        'HEADER_NOT_FOUND',
        `在工作表“${sheet.name}”的前 ${HEADER_SEARCH_ROWS} 行中没有找到表头（应有“学校名称”“乡镇”“年龄”“出生人数”等列名）。请确认选择了正确的工作表和数据类别；表头名称特殊时，可手动指定表头所在行，或下载空白模板对照填写。`,
      );
    }
    return { header: null, columns: [], issues: issues.finish(), signature: '', mappingSource: null };
  }
  const columns = proposeMapping(kind, sheet, header, ctx);
  const signature = headerSignature(columns);
  let mappingSource: string | null = null;
  if (options.mapping) {
    if (applyMapping(columns, options.mapping, '映射文件') > 0) mappingSource = options.mapping.name ?? '映射文件';
  } else {
    const template = options.templates?.find((t) => t.signature === signature && t.mapping.kind === kind);
    if (template && applyMapping(columns, template.mapping, `模板“${template.name}”`) > 0) mappingSource = template.name;
  }
  if (columns.every((c) => c.target === 'ignore')) {
    issues.error('NOTHING_MAPPED', '没有任何一列能对应到要导入的数据项。请在列对应中手动指定，或确认选择了正确的数据类别。');
  }
  if (replacementChars(sheet) >= 3) {
    issues.warning('MOJIBAKE', `工作表“${sheet.name}”中有乱码（无法识别的字符）。如果文件是 GBK 编码的 CSV，请把“文件编码”改为“GBK”后重新读取。`);
  }
  return { header, columns, issues: issues.finish(), signature, mappingSource };
}

/** The mapped columns as the planners read them; unknown targets become issues. */
function mappedColumns(kind: ImportKind, header: HeaderBand, targets: readonly { index: number; target: string }[], issues: IssueList): PlaceColumn[] {
  const byIndex = new Map(header.columns.map((c) => [c.index, c]));
  const out: PlaceColumn[] = [];
  for (const { index, target } of targets) {
    const col = byIndex.get(index);
    if (!col) continue;
    const t = parseTarget(kind, target);
    if (!t) {
      issues.error('BAD_TARGET', `列的对应项“${target.slice(0, 40)}”无法识别，请重新选择。`, { column: columnName(col) });
      continue;
    }
    if (t.type === 'ignore') continue;
    out.push({ index, letter: col.letter, label: col.label, parts: col.parts, target: t, unit: null });
  }
  return out;
}

export function planImport(
  kind: ImportKind,
  sheet: SheetGrid,
  analysis: Pick<SheetAnalysis, 'header' | 'columns'>,
  targets: readonly { index: number; target: string }[],
  ctx: ValidateContext,
): ImportPlan {
  const header = analysis.header;
  if (!header) return emptyPlan(kind);
  const issues = new IssueList(sheet.name);
  const columns = mappedColumns(kind, header, targets, issues);
  // A header's unit (亩, 元) travels with its column, whatever the target chosen.
  const units = new Map(analysis.columns.map((c) => [c.index, c.unit]));
  for (const c of columns) c.unit = units.get(c.index) ?? null;
  if (issues.hasErrors()) {
    const plan = emptyPlan(kind);
    plan.issues = issues.finish();
    return plan;
  }
  const plan = IMPORT_KIND_REGISTRY[kind].plan(sheet, header.last + 1, columns, ctx, header.first);
  if (plan.newTownships.length > 0) plan.summary.push(['新建乡镇（街道）', newTownshipsLine(plan.newTownships)]);
  return plan;
}

/** 3 个：城关镇（城区）、青山乡（乡村）…, as the import report lists them. */
function newTownshipsLine(created: readonly { name: string; urbanRural: string }[]): string {
  const shown = created.slice(0, 50).map((t) => `${t.name}（${t.urbanRural}）`);
  return `${created.length} 个：${shown.join('、')}${created.length > shown.length ? ' 等' : ''}`;
}
