// Rows of a village table → villages merged into the stored ones. A row is matched to a
// stored village by its 12-digit code, else by township and name: the row's population and
// children replace the stored ones where it gives them (a blank cell is unknown and leaves
// the stored figure), its coordinates replace the stored point (a polygon from a boundary
// file keeps its outline); an unmatched row is a new point village. Villages the file does
// not name stay as they are. See docs/ARCHITECTURE.md, "Village tables".
import { coordinateReader, locatedSchools } from '../geo/import-coords';
import { COVERAGE_STAGES, type CoverageStage, type Position, type Village, type VillageChildren } from '../geo/model';
import { columnName, type MappedColumn } from './columns';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { PREVIEW_ROWS } from './limits';
import { normaliseName } from './normalise';
import { emptyPlan, sourceLabel, type ImportPlan, type ValidateContext } from './plan';
import { finishCounts } from './plan-schools';
import { TownshipResolver } from './resolve-township';
import { dataRows, type RowReader } from './row-reader';

/** The 12-digit 统计用区划代码 of a village (县 6 + 乡 3 + 村 3). */
const VILLAGE_CODE = /^\d{12}$/;
const NAMES_SHOWN = 10;

/** The column of a stage's school-age children. */
export const STAGE_CHILD_FIELDS = {
  preschool: { field: 'preschoolChildren', label: '学前适龄儿童', synonyms: ['学前适龄儿童', '学前学龄儿童', '学前儿童', '学前教育适龄儿童', '幼儿园适龄儿童', '学前适龄人口'] },
  primary: { field: 'primaryChildren', label: '小学适龄儿童', synonyms: ['小学适龄儿童', '小学学龄儿童', '小学适龄人口', '小学学龄人口', '小学阶段适龄儿童'] },
  junior: { field: 'juniorChildren', label: '初中适龄儿童', synonyms: ['初中适龄儿童', '初中学龄儿童', '初中适龄人口', '初中学龄人口', '初中阶段适龄少年', '初中适龄少年'] },
} as const;

interface Columns {
  field: (f: string) => MappedColumn | undefined;
  stages: { stage: CoverageStage; col: MappedColumn; label: string }[];
  bands: { from: number; to: number; col: MappedColumn }[];
}

function columnsOf(columns: readonly MappedColumn[]): Columns {
  const field = (f: string) => columns.find((c) => c.target.type === 'field' && c.target.field === f);
  const stages = COVERAGE_STAGES.flatMap((stage) => {
    const col = field(STAGE_CHILD_FIELDS[stage].field);
    return col ? [{ stage, col, label: STAGE_CHILD_FIELDS[stage].label }] : [];
  });
  const bands = columns.flatMap((col) => (col.target.type === 'age' && col.target.to !== null ? [{ from: col.target.from, to: col.target.to, col }] : []));
  return { field, stages, bands };
}

/** The row's children: per stage where the file gives stage columns, else by age band; null when every cell is blank. */
function readChildren(reader: RowReader, c: Columns): VillageChildren | null {
  const byStage: Partial<Record<CoverageStage, number>> = {};
  for (const s of c.stages) {
    const n = reader.count(s.col, s.label);
    if (n !== null) byStage[s.stage] = n;
  }
  if (Object.keys(byStage).length > 0) return { basis: 'stage', byStage };
  const bands: { from: number; to: number; count: number }[] = [];
  for (const b of c.bands) {
    const n = reader.count(b.col, `${b.from}-${b.to}岁人口`);
    if (n !== null) bands.push({ from: b.from, to: b.to, count: n });
  }
  return bands.length > 0 ? { basis: 'age', bands } : null;
}

export function planVillages(sheet: SheetGrid, firstDataRow: number, columns: readonly MappedColumn[], ctx: ValidateContext): ImportPlan {
  const plan = emptyPlan('villages');
  const issues = new IssueList(ctx.sheet);
  const c = columnsOf(columns);
  const nameCol = c.field('name');
  const codeCol = c.field('code');
  const townshipCol = c.field('township');
  const townshipCodeCol = c.field('townshipCode');
  const lngCols = columns.filter((col) => col.target.type === 'field' && col.target.field === 'lng');
  const latCols = columns.filter((col) => col.target.type === 'field' && col.target.field === 'lat');
  const populationCol = c.field('population');
  if (!nameCol && !codeCol) issues.error('MAPPING_NO_VILLAGE', '没有对应“村（社区）名称”或“村级代码”的列。请在列对应中指定其中之一。');
  if (!townshipCol && !townshipCodeCol && !codeCol) issues.error('MAPPING_NO_TOWNSHIP', '没有对应“乡镇（街道）”“乡镇代码”或 12 位“村级代码”的列，无法确定村（社区）所在乡镇。请在列对应中指定。');
  if (c.stages.length > 0 && c.bands.length > 0) {
    issues.warning('BANDS_IGNORED', '表中既有各学段适龄儿童列，又有年龄段列：有学段儿童数的行按学段导入，年龄段列只用于学段列空白的行。');
  }
  const blocked = issues.hasErrors();

  const stored = ctx.villages ?? [];
  const byCode = new Map(stored.flatMap((v) => (v.code ? [[v.code, v] as const] : [])));
  const byName = new Map(stored.map((v) => [`${v.townshipId}|${normaliseName(v.name)}`, v]));
  const takenIds = new Set(stored.map((v) => v.id));
  const resolver = new TownshipResolver(ctx.townships, ctx.countyCode, ctx.createTownships, issues, ctx.countySeat ?? null);
  const located: Position[] = [
    ...locatedSchools(ctx.schools),
    ...stored.map((v) => v.point),
  ];
  const coordinates = coordinateReader(lngCols, latCols, ctx.coordinates, located);
  const source = sourceLabel(ctx.fileName);
  /** First row of each village key, and whether that row had a code. */
  const seen = new Map<string, { row: number; code: string | null }>();
  const namesSeen = new Map<string, { row: number; code: string | null }>();
  const withoutFigures: string[] = [];
  let updated = 0;
  const mapped = columns.filter((col) => col.target.type !== 'ignore');

  for (const reader of dataRows(sheet, firstDataRow, mapped, issues, plan.counts, blocked)) {
    const name = reader.name(nameCol, '村（社区）名称');
    const code = reader.code(codeCol, '村级代码');
    if (!code && reader.skipsTotal(name, nameCol, plan.counts)) continue;
    if (code && !VILLAGE_CODE.test(code)) {
      reader.warning('VILLAGE_CODE_FORMAT', `村级代码“${code}”不是 12 位数字的统计用区划代码：仍按原样保存，但不能用它确定所在乡镇。`, codeCol);
    }
    const townshipName = reader.name(townshipCol, '乡镇名称');
    const townshipCodeCell = reader.code(townshipCodeCol, '乡镇代码');
    // A 12-digit village code names its township in its first 9 digits.
    const townshipCode = townshipCodeCell ?? (!townshipName && code && VILLAGE_CODE.test(code) ? code.slice(0, 9) : null);
    const found = resolver.resolve(townshipName, townshipCode, reader.at(townshipCol ?? townshipCodeCol ?? codeCol));
    if (!found.ok) {
      if (found.reason === 'skipped') {
        plan.counts.rowsSkipped++;
        continue;
      }
      if (found.reason === 'total') {
        plan.counts.rowsSkipped++;
        reader.info('TOTAL_ROW_SKIPPED', '乡镇一栏为合计/全县，已跳过此行。', townshipCol);
        continue;
      }
      if (found.reason === 'unknown') reader.markError();
      else reader.error('MISSING_TOWNSHIP', '缺少所在乡镇（街道）。请填写乡镇名称或代码。', townshipCol ?? townshipCodeCol ?? codeCol);
    }
    if (!name && !code) reader.error('MISSING_NAME', '缺少村（社区）名称。请填写名称，或删除此行。', nameCol ?? codeCol);
    const township = found.ok ? found.code : '';
    const named = name && township ? byName.get(`${township}|${normaliseName(name)}`) : undefined;
    // A name match with another code is a second village of the same name, not this one.
    const existing = (code ? byCode.get(code) : undefined) ?? (named && (!code || !named.code || named.code === code) ? named : null) ?? null;
    if (!name && !existing && !reader.hasErrors) reader.error('MISSING_NAME', `项目中没有村级代码为“${code}”的村（社区），新的村（社区）需要填写名称。`, nameCol ?? codeCol);

    const given: { lng?: number | null; lat?: number | null } = {};
    coordinates.read(reader, given);
    const point: Position | null = given.lng != null && given.lat != null ? [given.lng, given.lat] : null;
    if (!point && !existing && !reader.hasErrors) {
      reader.error('MISSING_COORDINATE', '新的村（社区）需要经纬度，才能计算到学校的距离。请填写经度、纬度（或在一格中写“经度,纬度”）。', lngCols[0] ?? latCols[0] ?? nameCol);
    }
    const population = reader.count(populationCol, '总人口');
    const children = readChildren(reader, c);
    if (reader.hasErrors) {
      plan.counts.rowsRejected++;
      continue;
    }

    const key = existing ? `id:${existing.id}` : code ? `code:${code}` : `name:${township}|${normaliseName(name)}`;
    const dup = seen.get(key);
    if (dup) {
      issues.error('DUPLICATE_ROW', `与第 ${dup.row} 行是同一个村（社区）（${code ? `村级代码 ${code}` : `同一乡镇中同名“${name}”`}）。请删除重复的行，或用村级代码区分同名的村（社区）。`, {
        row: reader.row, column: columnName((code ? codeCol : nameCol) as MappedColumn), value: code ?? name,
      });
      plan.counts.rowsRejected++;
      continue;
    }
    seen.set(key, { row: reader.row, code });
    const nameKey = `${township}|${normaliseName(name || existing?.name)}`;
    const sameName = namesSeen.get(nameKey);
    if (sameName) {
      reader.warning('SAME_NAME_IN_TOWNSHIP', `与第 ${sameName.row} 行同一乡镇、同名“${name}”，按村级代码作为两个村（社区）导入。请核对是否确为两个村。`, nameCol);
    } else namesSeen.set(nameKey, { row: reader.row, code });

    const village: Village = existing
      ? {
          ...existing,
          name: name || existing.name,
          code: code ?? existing.code,
          townshipId: township,
          geometry: point && existing.geometry.type === 'Point' ? { type: 'Point', coordinates: point } : existing.geometry,
          point: point ?? existing.point,
          population: population ?? existing.population,
          children: children ?? existing.children,
          source,
        }
      : {
          id: newId(code, township, takenIds),
          name,
          code,
          townshipId: township,
          geometry: { type: 'Point', coordinates: point as Position },
          point: point as Position,
          population,
          children,
          source,
        };
    takenIds.add(village.id);
    if (existing) updated++;
    if (village.population === null && village.children === null) withoutFigures.push(village.name);
    plan.villages.push(village);
  }

  resolver.reportSkipped();
  if (withoutFigures.length > 0) {
    const shown = withoutFigures.slice(0, NAMES_SHOWN).join('、') + (withoutFigures.length > NAMES_SHOWN ? ` 等 ${withoutFigures.length} 个` : '');
    issues.warning('VILLAGE_CHILDREN_UNKNOWN', `${shown}没有人口或儿童数：按“不详”保存（不是 0），覆盖分析将列出这些村（社区），不计入儿童数。`);
  }
  if (!blocked) {
    plan.preview = {
      headers: ['乡镇代码', '村（社区）', '村级代码', '经度', '纬度', '总人口', ...COVERAGE_STAGES.map((s) => STAGE_CHILD_FIELDS[s].label)],
      rows: plan.villages.slice(0, PREVIEW_ROWS).map((v) => [
        v.townshipId, v.name, v.code, v.point[0], v.point[1], v.population,
        ...COVERAGE_STAGES.map((s) => (v.children?.basis === 'stage' ? (v.children.byStage[s] ?? null) : null)),
      ]),
    };
    plan.summary = [
      ['新增村（社区）', `${plan.villages.length - updated} 个`],
      ['更新村（社区）', `${updated} 个`],
      ['人口不详', `${withoutFigures.length} 个`],
    ];
  }
  plan.newTownships = resolver.created;
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}

/** The village code, or the township's code and a number not yet taken (ids are at most 40 characters). */
function newId(code: string | null, township: string, taken: ReadonlySet<string>): string {
  if (code && code.length <= 40 && !taken.has(code)) return code;
  let n = 1;
  while (taken.has(`${township}-${n}`)) n++;
  return `${township}-${n}`;
}
