// Rows of a population table → population records by township, year, single age and sex.
// Three layouts: townships as rows and ages as columns (the export layout), ages as rows
// and townships as columns (census tables), or one row per township and age.
import type { PopulationRecord } from '../domain/model';
import { findAggregateRows, type AggregateRow } from './aggregate-rows';
import { ageSpanLabel, parseAge, splitBands, type AgeSpan, type BandCount } from './ages';
import { columnName, type MappedColumn } from './columns';
import type { Sex } from './grades';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { PREVIEW_ROWS } from './limits';
import { compactText, shownValue } from './normalise';
import { emptyPlan, sourceLabel, type ImportCounts, type ImportPlan, type ValidateContext } from './plan';
import { finishCounts } from './plan-schools';
import { TownshipResolver } from './resolve-township';
import { dataRows, type RowReader } from './row-reader';
import { rowTownship } from './row-township';
import { isTotalLabel } from './townships';
import { RowYears } from './year-column';

type StoredSex = 'T' | 'M' | 'F';

interface AgeCell {
  from: number;
  to: number | null;
  count: number;
  row: number;
  column: string;
}

export interface PlaceColumn extends MappedColumn {
  /** The header cells of the column: the township is the first. */
  parts: readonly string[];
}

function storedSex(s: Sex | null, fallback: StoredSex): StoredSex {
  if (s === 'M') return 'M';
  if (s === 'F' || s === 'ofF') return 'F';
  return fallback;
}

function parseSexCell(text: string): StoredSex | null {
  const c = compactText(text);
  if (c === '' || isTotalLabel(c) || /^(合计|总计|小计|全部|计|总)$/.test(c)) return 'T';
  if (/^男性?$/.test(c)) return 'M';
  if (/^女性?$/.test(c)) return 'F';
  return null;
}

/** The age in the row's age cell (null, reported, when unreadable); 'total' for a 合计 row, counted as skipped. */
function rowAge(reader: RowReader, col: MappedColumn | undefined, counts: ImportCounts): AgeSpan | null | 'total' {
  const label = reader.text(col, '年龄');
  if (reader.skipsTotal(label, col, counts)) return 'total';
  const span = parseAge(compactText(label));
  if (!span) reader.error('UNKNOWN_AGE', `无法识别年龄“${shownValue(label)}”。请写成“5岁”“5”“1-4岁”或“85岁及以上”。`, col);
  return span;
}

export function planPopulation(sheet: SheetGrid, firstDataRow: number, columns: readonly PlaceColumn[], ctx: ValidateContext, headerRow: number): ImportPlan {
  const plan = emptyPlan('population');
  const issues = new IssueList(ctx.sheet);
  const field = (f: string) => columns.find((c) => c.target.type === 'field' && c.target.field === f);
  const ageCols = columns.filter((c) => c.target.type === 'age');
  const placeCols = columns.filter((c) => c.target.type === 'place');
  const townshipCol = field('township');
  const townshipCodeCol = field('townshipCode');
  const yearCol = field('year');
  const sexCol = field('sex');
  const ageRowCol = field('age');
  const countCol = field('count');
  const totalCol = field('total');
  const layout = placeCols.length && ageRowCol ? 'transposed' : ageCols.length ? 'wide' : ageRowCol && countCol ? 'long' : null;

  if (!layout) {
    issues.error(
      'MAPPING_NO_AGES',
      '没有找到年龄：请把年龄列（如“0岁”“1-4岁”）对应到年龄，或把“年龄”列与“人数”列对应好；年龄在行、乡镇在列的普查表，请把各乡镇列对应为“乡镇人口”。',
    );
  } else if (layout !== 'transposed' && !townshipCol && !townshipCodeCol) {
    issues.error('MAPPING_NO_TOWNSHIP', '没有对应“乡镇（街道）”的列。请在列对应中指定乡镇列。');
  }
  if (!yearCol && ctx.year === null) {
    issues.error('MISSING_YEAR', '表中没有“年份”列，也没有指定年份。请在导入设置中填写数据年份（如 2020 年七普），或在表中增加“年份”列。');
  }
  const blocked = issues.hasErrors();
  const resolver = new TownshipResolver(ctx.townships, ctx.countyCode, ctx.createTownships, issues, ctx.countySeat ?? null);
  const groups = new Map<string, AgeCell[]>();
  const add = (township: string, year: number, sex: StoredSex, cell: AgeCell) => {
    const key = `${township}|${year}|${sex}`;
    const list = groups.get(key) ?? [];
    list.push(cell);
    groups.set(key, list);
  };

  // Transposed: each township column is resolved once, from its header.
  const placeTownship = new Map<number, string | null>();
  if (layout === 'transposed' && !blocked) {
    for (const col of placeCols) {
      const name = col.parts[0] ?? '';
      if (isTotalLabel(name)) {
        placeTownship.set(col.index, null);
        continue;
      }
      const found = resolver.resolve(name, null, { row: headerRow + 1, column: columnName(col) });
      placeTownship.set(col.index, found.ok ? found.code : null);
    }
  }

  const mapped = columns.filter((c) => c.target.type !== 'ignore');
  const rowYears = new RowYears(ctx.year, yearCol);
  const aggregates = layout === 'wide' ? findAggregateRows(sheet.rows, firstDataRow, ageCols.map((c) => c.index)) : new Map<number, AggregateRow>();
  for (const reader of dataRows(sheet, firstDataRow, mapped, issues, plan.counts, blocked)) {
    const aggregate = aggregates.get(reader.row - 1);
    if (aggregate) {
      plan.counts.rowsSkipped++;
      reader.info(
        'AGGREGATE_ROW_SKIPPED',
        `“${shownValue(reader.text(townshipCol, '地区'))}”的各年龄人数等于其下第 ${aggregate.from}–${aggregate.to} 行之和，是汇总行（全国、省或市），已跳过。`,
        townshipCol,
      );
      continue;
    }
    const year = rowYears.of(reader);
    const pending: { township: string; sex: StoredSex; cell: AgeCell }[] = [];

    if (layout === 'transposed') {
      const span = rowAge(reader, ageRowCol, plan.counts);
      if (span === 'total') continue;
      for (const col of placeCols) {
        const township = placeTownship.get(col.index);
        const count = reader.count(col, '人口数');
        if (!span || !township || count === null || col.target.type !== 'place') continue;
        pending.push({ township, sex: storedSex(col.target.sex, 'T'), cell: { ...span, count, row: reader.row, column: columnName(col) } });
      }
      checkRowTotal(reader, totalCol, pending);
    } else {
      const township = rowTownship(reader, resolver, townshipCol, townshipCodeCol, plan.counts);
      if (township === 'skip') continue;
      const sexText = reader.text(sexCol, '性别');
      const rowSex = sexCol ? parseSexCell(sexText) : 'T';
      if (rowSex === null) reader.error('UNKNOWN_SEX', `无法识别性别“${shownValue(sexText)}”。请写“男”“女”或“合计”。`, sexCol);
      if (layout === 'wide') {
        for (const col of ageCols) {
          if (col.target.type !== 'age') continue;
          const count = reader.count(col, `${ageSpanLabel(col.target)}人口数`);
          if (count === null || township === null || !rowSex) continue;
          const t = col.target;
          pending.push({ township, sex: storedSex(t.sex, rowSex), cell: { from: t.from, to: t.to, count, row: reader.row, column: columnName(col) } });
        }
        checkRowTotal(reader, totalCol, pending);
      } else {
        const span = rowAge(reader, ageRowCol, plan.counts);
        if (span === 'total') continue;
        const count = reader.count(countCol, '人口数');
        if (span && count !== null && township !== null && rowSex) {
          pending.push({ township, sex: rowSex, cell: { ...span, count, row: reader.row, column: countCol ? columnName(countCol) : '' } });
        }
      }
    }
    if (reader.hasErrors || year === null) {
      if (year === null && !reader.hasErrors) reader.error('MISSING_YEAR', '本行没有年份。请填写年份，或在导入设置中指定年份。', yearCol);
      plan.counts.rowsRejected++;
      continue;
    }
    for (const p of pending) add(p.township, year, p.sex, p.cell);
  }
  rowYears.report(issues);
  resolver.reportSkipped();

  if (!blocked) {
    plan.population = toRecords(groups, issues, sourceLabel(ctx.fileName));
    plan.newTownships = resolver.created;
    plan.preview = {
      headers: ['乡镇代码', '年份', '性别', '年龄', '人数'],
      rows: plan.population.slice(0, PREVIEW_ROWS).map((p) => [p.township, p.year, p.sex === 'T' ? '合计' : p.sex === 'M' ? '男' : '女', p.age, p.count]),
    };
    const townships = new Set(plan.population.map((p) => p.township));
    const years = [...new Set(plan.population.map((p) => p.year))].sort();
    plan.summary = [
      ['乡镇（街道）', `${townships.size} 个`],
      ['年份', years.join('、') || '—'],
      ['单岁人口记录', `${plan.population.length} 条`],
      ['新建乡镇', `${resolver.created.length} 个`],
    ];
  }
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}

function checkRowTotal(reader: RowReader, totalCol: MappedColumn | undefined, pending: { sex: StoredSex; cell: AgeCell }[]): void {
  if (!totalCol) return;
  const total = reader.count(totalCol, '合计');
  if (total === null || pending.length === 0) return;
  const hasT = pending.some((p) => p.sex === 'T');
  const sum = pending.filter((p) => (hasT ? p.sex === 'T' : true)).reduce((s, p) => s + p.cell.count, 0);
  if (sum !== total) {
    reader.warning('TOTAL_MISMATCH', `合计 ${total} 与各年龄之和 ${sum} 不一致（相差 ${total - sum}）。导入时以各年龄数据为准，请核对原表。`, totalCol);
  }
}

/** Per township, year and sex: single ages kept, bands split, subtotal bands checked and dropped. */
function toRecords(groups: Map<string, AgeCell[]>, issues: IssueList, source: string): PopulationRecord[] {
  const out: PopulationRecord[] = [];
  let splitCount = 0;
  let openCount = 0;
  for (const [key, cells] of groups) {
    const [township = '', yearText = '', sex = 'T'] = key.split('|');
    const year = Number(yearText);
    const singles = new Map<number, AgeCell>();
    const bands: AgeCell[] = [];
    for (const c of cells) {
      if (c.to === c.from) {
        const dup = singles.get(c.from);
        if (dup) {
          issues.error('DUPLICATE_AGE', `${c.from} 岁的人口在第 ${dup.row} 行已有一次（同一乡镇、年份、性别）。请删除重复的行或列。`, { row: c.row, column: c.column, value: String(c.count) });
          continue;
        }
        singles.set(c.from, c);
      } else bands.push(c);
    }
    const toSplit: BandCount[] = [];
    const claimed = new Set<number>();
    for (const b of bands) {
      const to = b.to ?? b.from;
      const ages = Array.from({ length: to - b.from + 1 }, (_, k) => b.from + k);
      if (b.to !== null && ages.every((a) => singles.has(a))) {
        const sum = ages.reduce((s, a) => s + (singles.get(a)?.count ?? 0), 0);
        if (sum !== b.count) {
          issues.warning('BAND_TOTAL_MISMATCH', `${ageSpanLabel(b)}小计 ${b.count} 与各单岁之和 ${sum} 不一致。导入时以单岁数据为准，请核对原表。`, { row: b.row, column: b.column, value: String(b.count) });
        }
        continue;
      }
      if (ages.some((a) => singles.has(a) || claimed.has(a))) {
        issues.error('AGE_OVERLAP', `${ageSpanLabel(b)}与其他年龄列（行）重叠，无法确定各岁人数。请只保留单岁或不重叠的年龄组。`, { row: b.row, column: b.column, value: String(b.count) });
        continue;
      }
      ages.forEach((a) => claimed.add(a));
      if (b.to === null) {
        openCount++;
        out.push({ township, year, age: b.from, sex: sex as PopulationRecord['sex'], count: b.count, source });
        continue;
      }
      toSplit.push({ from: b.from, to: b.to, count: b.count });
    }
    if (toSplit.length) {
      splitCount += toSplit.length;
      const all = [...toSplit, ...[...singles.values()].map((s) => ({ from: s.from, to: s.from, count: s.count }))];
      for (const [age, count] of splitBands(all)) {
        out.push({ township, year, age, sex: sex as PopulationRecord['sex'], count, source });
      }
    } else {
      for (const s of singles.values()) out.push({ township, year, age: s.from, sex: sex as PopulationRecord['sex'], count: s.count, source });
    }
  }
  if (splitCount) issues.info('AGE_BANDS_SPLIT', `${splitCount} 个年龄组已按相邻年龄组的走势拆分为单岁人口，各年龄组合计保持不变。`);
  if (openCount) issues.info('OPEN_AGE_BAND', `“××岁及以上”的人口记在该组的起始年龄上（学龄人口预测不使用这些年龄）。`);
  out.sort((a, b) => a.year - b.year || a.township.localeCompare(b.township) || a.sex.localeCompare(b.sex) || a.age - b.age);
  return out;
}
