// Rows of a births table → births by township and year (one row per township and year, or
// years as columns), or a county series when the table has no township column.
import type { BirthRecord } from '../domain/model';
import { columnName, type MappedColumn } from './columns';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { PREVIEW_ROWS } from './limits';
import { emptyPlan, sourceLabel, type ImportPlan, type ValidateContext } from './plan';
import { finishCounts } from './plan-schools';
import { TownshipResolver } from './resolve-township';
import { dataRows } from './row-reader';
import { rowTownship } from './row-township';

export function planBirths(sheet: SheetGrid, firstDataRow: number, columns: readonly MappedColumn[], ctx: ValidateContext): ImportPlan {
  const plan = emptyPlan('births');
  const issues = new IssueList(ctx.sheet);
  const field = (f: string) => columns.find((c) => c.target.type === 'field' && c.target.field === f);
  const townshipCol = field('township');
  const townshipCodeCol = field('townshipCode');
  const yearCol = field('year');
  const countCol = field('count');
  const totalCol = field('total');
  const yearCols = columns.filter((c) => c.target.type === 'yearCol');
  const county = !townshipCol && !townshipCodeCol;

  if (!countCol && yearCols.length === 0) {
    issues.error('MAPPING_NO_COUNT', '没有对应“出生人数”的列。请在列对应中指定出生人数列；如果每个年份一列，请把各年份列对应为该年出生人数。');
  } else if (countCol && !yearCol && ctx.year === null) {
    issues.error('MISSING_YEAR', '表中没有“年份”列，也没有指定年份。请在导入设置中填写年份，或在表中增加“年份”列。');
  }
  if (county && yearCols.length > 0) {
    issues.error('MAPPING_NO_TOWNSHIP', '各年份一列的表需要“乡镇（街道）”列，说明每行是哪个乡镇。请在列对应中指定乡镇列。');
  }
  if (county && !issues.hasErrors()) {
    issues.info('COUNTY_SERIES', '表中没有乡镇列，按全县合计的出生人口导入（不分乡镇）。');
  }
  const blocked = issues.hasErrors();
  const resolver = new TownshipResolver(ctx.townships, ctx.countyCode, ctx.createTownships, issues, ctx.countySeat ?? null);
  const source = sourceLabel(ctx.fileName);
  const seen = new Map<string, number>();
  const mapped = columns.filter((c) => c.target.type !== 'ignore');

  for (const reader of dataRows(sheet, firstDataRow, mapped, issues, plan.counts, blocked)) {
    let township: string | null = null;
    if (!county) {
      const found = rowTownship(reader, resolver, townshipCol, townshipCodeCol, plan.counts);
      if (found === 'skip') continue;
      township = found;
    } else {
      if (reader.skipsTotal(reader.text(yearCol, '年份'), yearCol, plan.counts)) continue;
    }
    const values: { year: number; count: number; col: MappedColumn }[] = [];
    if (countCol) {
      const year = yearCol ? reader.year(yearCol) ?? ctx.year : ctx.year;
      const count = reader.count(countCol, '出生人数');
      if (year === null && !reader.hasErrors) reader.error('MISSING_YEAR', '本行没有年份。', yearCol);
      if (year !== null && count !== null) values.push({ year, count, col: countCol });
    }
    for (const col of yearCols) {
      if (col.target.type !== 'yearCol') continue;
      const count = reader.count(col, `${col.target.year} 年出生人数`);
      if (count !== null) values.push({ year: col.target.year, count, col });
    }
    if (totalCol && yearCols.length > 0) {
      const total = reader.count(totalCol, '合计');
      const sum = values.reduce((s, v) => s + v.count, 0);
      if (total !== null && total !== sum) reader.warning('TOTAL_MISMATCH', `合计 ${total} 与各年份之和 ${sum} 不一致。导入时以各年份数据为准，请核对原表。`, totalCol);
    }
    if (reader.hasErrors || (!county && township === null)) {
      plan.counts.rowsRejected++;
      continue;
    }
    let duplicate = false;
    for (const v of values) {
      const key = `${township ?? ''}|${v.year}`;
      const dup = seen.get(key);
      if (dup !== undefined) {
        issues.error('DUPLICATE_ROW', `${v.year} 年的出生人数与第 ${dup} 行重复（同一乡镇、同一年份）。请删除重复的行。`, { row: reader.row, column: columnName(v.col), value: String(v.count) });
        duplicate = true;
      }
    }
    if (duplicate) {
      plan.counts.rowsRejected++;
      continue;
    }
    for (const v of values) {
      seen.set(`${township ?? ''}|${v.year}`, reader.row);
      if (township === null) plan.countyBirths.push({ year: v.year, count: v.count, source });
      else plan.births.push({ township, year: v.year, count: v.count, source } satisfies BirthRecord);
    }
  }

  resolver.reportSkipped();
  if (!blocked) {
    plan.newTownships = resolver.created;
    const rows = county
      ? plan.countyBirths.map((b) => ['（全县）', b.year, b.count] as (string | number)[])
      : plan.births.map((b) => [b.township, b.year, b.count] as (string | number)[]);
    plan.preview = { headers: ['乡镇代码', '年份', '出生人数'], rows: rows.slice(0, PREVIEW_ROWS) };
    const years = [...new Set([...plan.births, ...plan.countyBirths].map((b) => b.year))].sort();
    plan.summary = [
      ['出生记录', `${plan.births.length + plan.countyBirths.length} 条${county ? '（全县合计）' : ''}`],
      ['年份', years.length ? `${years[0]}–${years[years.length - 1]}` : '—'],
      ['新建乡镇', `${resolver.created.length} 个`],
    ];
  }
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}
