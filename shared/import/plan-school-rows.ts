// Rows of a per-school table (one school and year a row, a few counts) → records keyed by
// school and year, for the kinds that add facts to stored schools (残疾学生与资源教室, 随迁子女).
import { columnName, type MappedColumn } from './columns';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { PREVIEW_ROWS } from './limits';
import { emptyPlan, type ImportPlan, type ValidateContext } from './plan';
import { finishCounts } from './plan-schools';
import type { ImportKind } from './kinds';
import { dataRows } from './row-reader';
import { SchoolFinder } from './school-ref';

export interface SchoolRowsSpec<R> {
  kind: ImportKind;
  /** The count fields in column order, with the label a message names. */
  counts: readonly { field: string; label: string }[];
  /** The record of a row; `values` are the counts by field (null: blank, unknown). */
  record(school: string, year: number, values: Record<string, number | null>): R;
  /** Where the records go in the plan. */
  into(plan: ImportPlan): R[];
  /** The summary line's name: ['残疾学生记录', …]. */
  summaryLabel: string;
}

export function planSchoolRows<R>(spec: SchoolRowsSpec<R>, sheet: SheetGrid, firstDataRow: number, columns: readonly MappedColumn[], ctx: ValidateContext): ImportPlan {
  const plan = emptyPlan(spec.kind);
  const issues = new IssueList(ctx.sheet);
  const field = (f: string) => columns.find((c) => c.target.type === 'field' && c.target.field === f);
  const yearCol = field('year');
  const codeCol = field('code');
  const nameCol = field('name');
  const countCols = spec.counts.map((c) => ({ ...c, col: field(c.field) }));
  if (!codeCol && !nameCol) issues.error('MAPPING_NO_SCHOOL', '没有对应“学校标识码”或“学校名称”的列。请在列对应中指定其中之一。');
  if (countCols.every((c) => !c.col)) issues.error('MAPPING_NO_COUNT', `没有可导入的数据列（${spec.counts.map((c) => c.label).join('、')}）。请在列对应中指定。`);
  if (!yearCol && ctx.year === null) issues.error('MISSING_YEAR', '表中没有“年份”列，也没有指定年份。请在导入设置中填写年份，或在表中增加“年份”列。');
  const blocked = issues.hasErrors();
  const finder = new SchoolFinder(ctx.schools);
  const seen = new Map<string, number>();
  const out = spec.into(plan);
  const preview: (string | number | null)[][] = [];
  const mapped = columns.filter((c) => c.target.type !== 'ignore');

  for (const reader of dataRows(sheet, firstDataRow, mapped, issues, plan.counts, blocked)) {
    const code = reader.code(codeCol, '学校标识码');
    const name = reader.name(nameCol, '学校名称');
    if (!code && reader.skipsTotal(name, nameCol, plan.counts)) continue;
    const year = (yearCol ? reader.year(yearCol) : null) ?? ctx.year;
    if (year === null && !reader.hasErrors) reader.error('MISSING_YEAR', '本行没有年份。', yearCol);
    const values: Record<string, number | null> = {};
    for (const c of countCols) values[c.field] = reader.count(c.col, c.label);
    if (!reader.hasErrors && Object.values(values).every((v) => v === null)) {
      reader.error('EMPTY_ROW', `本行没有${spec.counts.map((c) => c.label).join('、')}数据。请填写，或删除此行。`, countCols.find((c) => c.col)?.col);
    }
    const found = finder.find(code, name);
    if (!found.ok && !reader.hasErrors) reader.error('UNKNOWN_SCHOOL', found.message, code ? codeCol : nameCol);
    if (reader.hasErrors || !found.ok || year === null) {
      plan.counts.rowsRejected++;
      continue;
    }
    const key = `${found.school.code}|${year}`;
    const dup = seen.get(key);
    if (dup !== undefined) {
      issues.error('DUPLICATE_ROW', `${found.school.name} ${year} 年的数据与第 ${dup} 行重复。请删除重复的行。`, { row: reader.row, column: columnName((codeCol ?? nameCol) as MappedColumn), value: code ?? name });
      plan.counts.rowsRejected++;
      continue;
    }
    seen.set(key, reader.row);
    out.push(spec.record(found.school.code, year, values));
    preview.push([found.school.code, found.school.name, year, ...spec.counts.map((c) => values[c.field] ?? null)]);
  }

  if (!blocked) {
    plan.preview = { headers: ['学校标识码', '学校名称', '年份', ...spec.counts.map((c) => c.label)], rows: preview.slice(0, PREVIEW_ROWS) };
    const years = [...new Set(preview.map((r) => r[2] as number))].sort();
    plan.summary = [
      [spec.summaryLabel, `${out.length} 条`],
      ['年份', years.length ? `${years[0]}–${years[years.length - 1]}` : '—'],
    ];
  }
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}
