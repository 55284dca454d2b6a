// Rows of a school table (教育事业统计 layouts: one row per school with grade columns, or one
// row per school and grade) → schools, enrolment, staff and totals to write, with issues.
import { knownClasses } from '../analysis/enrolment';
import { COORDINATE_FIELDS, coordinateReader, locatedSchools } from '../geo/import-coords';
import type { EnrolmentRecord, School, StaffRecord } from '../domain/model';
import { SCHOOL_FACT_FIELDS, type SchoolFact } from '../domain/school';
import { gradeLabel, gradesOf, KIND_LABEL, KIND_STAGES, STAGE_LABEL, STAGES, type Stage, type UrbanRural } from '../domain/stages';
import { addMetricColumn, cellOf, columnName, type MappedColumn, type MetricColumns } from './columns';
import { fieldSpec } from './fields';
import { parseGrade, type GradeRef } from './grades';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { PREVIEW_ROWS } from './limits';
import { compactText, normaliseName, shownValue, type Unit } from './normalise';
import { emptyPlan, type ImportPlan, type SchoolTotal, type ValidateContext } from './plan';
import { TownshipResolver } from './resolve-township';
import { dataRows, type RowReader } from './row-reader';
import { inferKind, memoised, parseKind as parseKindText, parseOwnership as parseOwnershipText, parseUrbanRural as parseUrbanRuralText } from './school-kind';
import { isTotalLabel } from './townships';
import { RowYears } from './year-column';
import { warnMissingCapacity } from './capacity-check';

const STAFF_FIELDS = ['teachers', 'qualifiedAbove', 'keyTeachers', 'peArtsTeachers'] as const;
type StaffField = (typeof STAFF_FIELDS)[number];

const MAX_CLASS_SIZE = 80;

interface Layout {
  field: Map<string, MappedColumn[]>;
  grades: Map<string, { ref: GradeRef; cols: MetricColumns; label: string }>;
  stageTotals: Map<Stage, MetricColumns>;
  rowTotal: MetricColumns;
  /** One row per school and grade (学段 + 年级 columns). */
  long: boolean;
}

function layoutOf(columns: readonly MappedColumn[]): Layout {
  const layout: Layout = { field: new Map(), grades: new Map(), stageTotals: new Map(), rowTotal: {}, long: false };
  for (const col of columns) {
    const t = col.target;
    if (t.type === 'field') {
      const list = layout.field.get(t.field) ?? [];
      list.push(col);
      layout.field.set(t.field, list);
    } else if (t.type === 'grade') {
      const key = `${t.stage}|${t.grade}`;
      const g = layout.grades.get(key) ?? { ref: { stage: t.stage, grade: t.grade }, cols: {}, label: `${STAGE_LABEL[t.stage]}${gradeLabel(t.stage, t.grade)}` };
      addMetricColumn(g.cols, t.metric, t.sex, col);
      layout.grades.set(key, g);
    } else if (t.type === 'stageTotal') {
      const g = layout.stageTotals.get(t.stage) ?? {};
      addMetricColumn(g, t.metric, t.sex, col);
      layout.stageTotals.set(t.stage, g);
    } else if (t.type === 'rowTotal') {
      addMetricColumn(layout.rowTotal, t.metric, t.sex, col);
    }
  }
  layout.long = layout.field.has('grade');
  return layout;
}

/** Unit factor from the header's unit to the stored one (亩 → ㎡, 元 → 万元). */
function unitFactor(stored: Unit | undefined, header: Unit | null): number {
  if (stored === 'm2' && header === 'mu') return 2000 / 3;
  if (stored === 'wanyuan' && header === 'yuan') return 1 / 10000;
  return 1;
}

const STAGE_NAMES: readonly [RegExp, Stage][] = [
  [/学前|幼儿园|幼儿/, 'preschool'],
  [/特殊教育|特教/, 'special'],
  [/中职|中等职业|职高|职业/, 'vocational'],
  [/小学/, 'primary'],
  [/初中|初级中学/, 'junior'],
  [/高中|普通高中|高级中学/, 'senior'],
];

function parseStage(text: string): Stage | null {
  const n = normaliseName(text);
  if (!n) return null;
  if ((STAGES as readonly string[]).includes(n)) return n as Stage;
  return STAGE_NAMES.find(([re]) => re.test(n))?.[1] ?? null;
}

interface GradeCounts {
  classes: number | null;
  students: number | null;
}

interface YearEntry {
  row: number;
  grades: Map<string, { ref: GradeRef; counts: GradeCounts }>;
  stages: Set<Stage>;
  staff: Partial<Record<StaffField, number>> | null;
  totals: SchoolTotal[];
}

interface SchoolEntry {
  code: string;
  isNew: boolean;
  firstRow: number;
  existing: School | null;
  /** Values the file gives, latest year last. */
  given: Partial<School>;
  givenYear: number;
  kindFromFile: boolean;
  years: Map<number, YearEntry>;
}

export function planSchools(sheet: SheetGrid, firstDataRow: number, columns: readonly MappedColumn[], ctx: ValidateContext): ImportPlan {
  const plan = emptyPlan('schools');
  const issues = new IssueList(ctx.sheet);
  const layout = layoutOf(columns);
  const one = (field: string) => layout.field.get(field)?.[0];
  const codeCol = one('code');
  const nameCol = one('name');
  const townshipCol = one('township');
  const townshipCodeCol = one('townshipCode');
  const yearCol = one('year');

  if (!codeCol && !nameCol) {
    issues.error('MAPPING_NO_IDENTITY', '没有对应“学校名称”或“学校标识码”的列，无法确定每行是哪所学校。请在列对应中至少指定其中一列。');
  }
  if (!yearCol && ctx.year === null) {
    issues.error('MISSING_YEAR', '表中没有“年份”列，也没有指定年份。请在导入设置中填写数据年份（如 2024），或在表中增加“年份”列。');
  }
  if (layout.long && !one('stage') && !layout.grades.size) {
    issues.error('MAPPING_NO_STAGE', '按行记录年级的表还需要“学段”列（小学、初中……），请在列对应中指定。');
  }
  for (const col of columns) {
    if (col.target.type !== 'field') continue;
    const spec = fieldSpec('schools', col.target.field);
    const f = unitFactor(spec?.unit, col.unit);
    if (f !== 1) {
      const how = spec?.unit === 'm2' ? '由“亩”换算为平方米（1 亩 ≈ 666.67 ㎡）' : '由“元”换算为万元';
      issues.info('UNIT_CONVERTED', `此列的单位${how}。`, { column: columnName(col) });
    }
  }
  const totalsOnly = layout.grades.size === 0 && !layout.long && (layout.stageTotals.size > 0 || !!layout.rowTotal.classes || !!layout.rowTotal.students);
  if (totalsOnly) {
    issues.warning(
      'TOTALS_ONLY',
      '此表只有班级数、学生数的合计，没有分年级数据。合计数将按“仅合计”保存并与已有分年级数据核对，但不会写入分年级在校生；预测需要分年级数据，建议导入含各年级的统计表。',
    );
  }
  const blocked = issues.hasErrors();

  const resolver = new TownshipResolver(ctx.townships, ctx.countyCode, ctx.createTownships, issues, ctx.countySeat ?? null);
  const urbanOf = new Map<string, UrbanRural>(ctx.townships.map((t) => [t.code, t.urbanRural]));
  const byCode = new Map(ctx.schools.map((s) => [s.code, s]));
  const byNameTownship = new Map(ctx.schools.map((s) => [`${normaliseName(s.name)}|${s.township}`, s]));
  const entries = new Map<string, SchoolEntry>();
  const seen = new Map<string, number>();
  const takenCodes = new Set(ctx.schools.map((s) => s.code));
  let generated = 0;
  const mappedCols = columns.filter((c) => c.target.type !== 'ignore');
  const parseKind = memoised(parseKindText);
  const parseOwnership = memoised(parseOwnershipText);
  const parseUrbanRural = memoised(parseUrbanRuralText);
  const coordinates = coordinateReader(layout.field.get('lng') ?? [], layout.field.get('lat') ?? [], ctx.coordinates, locatedSchools(ctx.schools));
  const attributes = SCHOOL_FACT_FIELDS.filter((f) => !COORDINATE_FIELDS.has(f)).flatMap((field) => {
    const col = one(field);
    const spec = fieldSpec('schools', field);
    return col ? [{ field, col, label: spec?.label ?? field, int: spec?.type === 'int', factor: unitFactor(spec?.unit, col.unit) }] : [];
  });

  const rowYears = new RowYears(ctx.year, yearCol);
  for (const reader of dataRows(sheet, firstDataRow, mappedCols, issues, plan.counts, blocked)) {
    const cells = reader.cells;
    const name = reader.name(nameCol, '学校名称');
    const townshipName = reader.name(townshipCol, '乡镇名称');
    const labelCell = [name, townshipName, cellOf(cells, codeCol)].find((v) => typeof v === 'string' && v !== '');
    if (typeof labelCell === 'string' && isTotalLabel(labelCell)) {
      plan.counts.rowsSkipped++;
      reader.info('TOTAL_ROW_SKIPPED', `“${shownValue(labelCell)}”是合计/小计行，已跳过，不作为学校导入。`, nameCol ?? townshipCol);
      continue;
    }
    const code = reader.code(codeCol, '学校标识码');
    const year = rowYears.of(reader);
    if (yearCol && year === null && !reader.hasErrors) reader.error('MISSING_YEAR', '本行没有年份。请填写年份，或在导入设置中指定年份。', yearCol);
    const townshipCode = reader.code(townshipCodeCol, '乡镇代码');

    let existing = code ? (byCode.get(code) ?? null) : null;
    let township: string | null = null;
    if (townshipCol || townshipCodeCol) {
      const found = resolver.resolve(townshipName, townshipCode, reader.at(townshipCol ?? townshipCodeCol));
      if (found.ok) township = found.code;
      else if (found.reason === 'unknown') reader.markError();
      else if (found.reason === 'skipped') {
        plan.counts.rowsSkipped++;
        continue;
      } else if (found.reason === 'total') {
        plan.counts.rowsSkipped++;
        reader.info('TOTAL_ROW_SKIPPED', '乡镇一栏为合计/全县，已跳过此行。', townshipCol);
        continue;
      }
    }
    if (!existing && !code && name && township) existing = byNameTownship.get(`${normaliseName(name)}|${township}`) ?? null;
    if (!name && !existing) {
      reader.error('MISSING_NAME', code ? `项目中没有标识码为“${code}”的学校，新学校需要填写学校名称。` : '缺少学校名称。请填写校名，或删除此行。', nameCol ?? codeCol);
    }
    if (!existing && !township && !reader.hasErrors) {
      reader.error('MISSING_TOWNSHIP', '新学校需要所在乡镇（街道）。请在表中填写乡镇，或在列对应中指定乡镇列。', townshipCol);
    }

    const given: Partial<School> = {};
    if (name) given.name = name;
    if (township) given.township = township;
    const kindText = reader.text(one('kind'), '办学类型');
    if (kindText) {
      const kind = parseKind(kindText);
      if (kind) given.kind = kind;
      else reader.error('UNKNOWN_KIND', `无法识别办学类型“${shownValue(kindText)}”。请改为：${Object.values(KIND_LABEL).join('、')} 之一。`, one('kind'));
    }
    const ownText = reader.text(one('ownership'), '举办者');
    if (ownText) {
      const own = parseOwnership(ownText);
      if (own) given.ownership = own;
      else reader.error('UNKNOWN_OWNERSHIP', `无法识别举办者“${shownValue(ownText)}”。请改为“公办”“民办”或“普惠性民办”。`, one('ownership'));
    }
    const urText = reader.text(one('urbanRural'), '城乡分类');
    if (urText) {
      const ur = parseUrbanRural(urText);
      if (ur) given.urbanRural = ur;
      else reader.error('UNKNOWN_URBAN_RURAL', `无法识别城乡分类“${shownValue(urText)}”。请改为“城区”“镇区”“乡村”，或统计用城乡分类代码（如 111、121、220）。`, one('urbanRural'));
    }
    for (const { field, col, label, int, factor } of attributes) {
      const v = int ? reader.count(col, label) : reader.amount(col, label);
      if (v === null) continue;
      // Converted values are rounded to what the unit warrants; others are kept exactly.
      (given as Record<SchoolFact, number>)[field] = factor === 1 ? v : Math.round(v * factor * 100) / 100;
    }
    coordinates.read(reader, given);

    const staff = readStaff(reader, layout);
    const yearGrades = new Map<string, { ref: GradeRef; counts: GradeCounts }>();
    const stages = new Set<Stage>();
    const totals: SchoolTotal[] = [];
    if (layout.long) {
      readLongGrade(reader, layout, ctx, yearGrades, stages);
    } else {
      for (const [key, g] of layout.grades) {
        stages.add(g.ref.stage);
        const counts = readCounts(reader, g.cols, g.label);
        if (counts.classes !== null || counts.students !== null) yearGrades.set(key, { ref: g.ref, counts });
      }
      checkTotals(reader, layout, yearGrades);
      if (totalsOnly) totals.push(...readTotals(reader, layout));
    }

    if (reader.hasErrors || year === null) {
      plan.counts.rowsRejected++;
      continue;
    }
    const entryKey = existing?.code ?? code ?? `n:${normaliseName(name)}|${township}`;
    let entry = entries.get(entryKey);
    if (!entry) {
      let newCode = existing?.code ?? code;
      if (!newCode) {
        do newCode = `${township ?? 'X'}${String(++generated).padStart(3, '0')}`;
        while (takenCodes.has(newCode));
        reader.info('CODE_GENERATED', `表中没有学校标识码，已为新学校“${name}”生成临时标识码 ${newCode}。以后导入含标识码的统计表时，请按校名和乡镇匹配。`, nameCol);
      }
      takenCodes.add(newCode);
      entry = {
        code: newCode, isNew: !existing, firstRow: reader.row, existing, given: {}, givenYear: -1, kindFromFile: false, years: new Map(),
      };
      entries.set(entryKey, entry);
    }
    const dupKey = layout.long
      ? [...yearGrades.keys()].map((g) => `${entry.code}|${year}|${g}`)
      : [`${entry.code}|${year}`];
    const dup = dupKey.map((k) => seen.get(k)).find((x) => x !== undefined);
    if (dup !== undefined) {
      reader.error(
        'DUPLICATE_ROW',
        layout.long ? `与第 ${dup} 行是同一所学校、同一年份的同一年级。请删除重复行。` : `与第 ${dup} 行是同一所学校、同一年份（${year} 年）。请删除重复行，或更正学校标识码/名称。`,
        codeCol ?? nameCol,
      );
      plan.counts.rowsRejected++;
      continue;
    }
    for (const k of dupKey) seen.set(k, reader.row);
    if (year >= entry.givenYear) {
      entry.given = { ...entry.given, ...given };
      entry.givenYear = year;
      if (given.kind) entry.kindFromFile = true;
    }
    const ye: YearEntry = entry.years.get(year) ?? { row: reader.row, grades: new Map(), stages: new Set<Stage>(), staff: null, totals: [] };
    for (const [k, v] of yearGrades) ye.grades.set(k, v);
    for (const s of stages) ye.stages.add(s);
    if (staff) ye.staff = { ...(ye.staff ?? {}), ...staff };
    for (const t of totals) ye.totals.push({ ...t, school: entry.code, year });
    entry.years.set(year, ye);
  }
  rowYears.report(issues);
  resolver.reportSkipped();

  if (!blocked) buildRecords(plan, entries, issues, ctx, urbanOf, resolver);
  if (!blocked) warnMissingCapacity(plan, issues);
  plan.newTownships = resolver.created;
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}

function readCounts(reader: RowReader, cols: MetricColumns, what: string): GradeCounts {
  const classes = reader.count(cols.classes, what, '班级数');
  const plain = reader.count(cols.students, what, '学生数');
  const male = reader.count(cols.M, what, '男生数');
  const female = reader.count(cols.F, what, '女生数');
  const ofFemale = reader.count(cols.ofF, what, '其中女生数');
  let students = plain;
  if (plain === null && (male !== null || female !== null)) students = (male ?? 0) + (female ?? 0);
  if (plain !== null && male !== null && female !== null && plain !== male + female) {
    reader.warning('SEX_SUM_MISMATCH', `${what}学生数 ${plain} 与男 ${male}、女 ${female} 之和 ${male + female} 不一致。导入时以学生数为准，请核对原表。`, cols.students);
  }
  if (ofFemale !== null && students !== null && ofFemale > students) {
    reader.warning('FEMALE_OVER_TOTAL', `${what}“其中：女” ${ofFemale} 人多于学生数 ${students} 人，请核对原表。`, cols.ofF);
  }
  if (students !== null && students > 0 && classes === 0) {
    reader.warning(
      'STUDENTS_NO_CLASSES',
      `${what}有学生 ${students} 人，班级数却为 0。若是复式班（与其他年级合班上课、班级记在别的年级）可接受此警告；否则请补填班级数。`,
      cols.classes,
    );
  }
  if (students !== null && classes !== null && classes > 0 && students / classes > MAX_CLASS_SIZE) {
    reader.warning(
      'CLASS_SIZE_HIGH',
      `${what}平均每班 ${(students / classes).toFixed(1)} 人，超过 ${MAX_CLASS_SIZE} 人，很可能填错（例如班级数与学生数错列）。请核对；确认无误可接受警告后导入。`,
      cols.students ?? cols.M,
    );
  }
  return { classes, students };
}

function readStaff(reader: RowReader, layout: Layout): Partial<Record<StaffField, number>> | null {
  let out: Partial<Record<StaffField, number>> | null = null;
  for (const field of STAFF_FIELDS) {
    const cols = layout.field.get(field) ?? [];
    let sum: number | null = null;
    for (const col of cols) {
      const v = reader.count(col, fieldSpec('schools', field)?.label ?? field);
      if (v !== null) sum = (sum ?? 0) + v;
    }
    if (sum !== null) (out ??= {})[field] = sum;
  }
  if (out && out.teachers !== undefined) {
    for (const f of ['qualifiedAbove', 'keyTeachers', 'peArtsTeachers'] as const) {
      const v = out[f];
      if (v !== undefined && v > out.teachers) {
        reader.warning('STAFF_OVER_TOTAL', `${fieldSpec('schools', f)?.label ?? f} ${v} 人多于专任教师 ${out.teachers} 人，请核对原表。`, layout.field.get(f)?.[0]);
      }
    }
  }
  return out;
}

function readLongGrade(
  reader: RowReader,
  layout: Layout,
  ctx: ValidateContext,
  grades: Map<string, { ref: GradeRef; counts: GradeCounts }>,
  stages: Set<Stage>,
): void {
  const stageCol = layout.field.get('stage')?.[0];
  const gradeCol = layout.field.get('grade')?.[0];
  const stageText = reader.text(stageCol, '学段');
  const gradeText = reader.text(gradeCol, '年级');
  const stage = stageText ? parseStage(stageText) : null;
  if (stageText && !stage) {
    reader.error('UNKNOWN_STAGE', `无法识别学段“${shownValue(stageText)}”。请改为：${Object.values(STAGE_LABEL).join('、')} 之一。`, stageCol);
    return;
  }
  let ref: GradeRef | null = null;
  const compact = compactText(gradeText);
  if (stage === 'special') ref = { stage, grade: 1 };
  else if (/^\d{1,2}$/.test(compact) && stage) {
    const n = Number(compact);
    ref = n >= 1 && n <= gradesOf(stage, ctx.system) ? { stage, grade: n } : null;
  } else {
    const vocational = /^中职([一二三123])$/.exec(compact);
    if (vocational) ref = { stage: 'vocational', grade: '一二三'.indexOf(vocational[1] as string) + 1 || Number(vocational[1]) };
    else ref = parseGrade(`${stage ? STAGE_LABEL[stage] : ''}${compact}`, ctx.system) ?? parseGrade(compact, ctx.system);
  }
  if (!ref) {
    reader.error('UNKNOWN_GRADE', `无法识别年级“${shownValue(gradeText)}”。请写成“一年级”“初一”“高一”“小班”等。`, gradeCol);
    return;
  }
  if (stage && ref.stage !== stage) {
    reader.error('GRADE_STAGE_MISMATCH', `年级“${shownValue(gradeText)}”不属于学段“${STAGE_LABEL[stage]}”。请核对学段与年级。`, gradeCol);
    return;
  }
  const counts = readCounts(reader, layout.rowTotal, `${STAGE_LABEL[ref.stage]}${gradeLabel(ref.stage, ref.grade)}`);
  stages.add(ref.stage);
  if (counts.classes !== null || counts.students !== null) grades.set(`${ref.stage}|${ref.grade}`, { ref, counts });
}

/** The known grades' sum, and whether any grade of the row left the count unknown. */
function sumOf(grades: Map<string, { ref: GradeRef; counts: GradeCounts }>, metric: 'classes' | 'students', stage?: Stage): { sum: number; known: number; unknown: number } {
  const out = { sum: 0, known: 0, unknown: 0 };
  for (const g of grades.values()) {
    if (stage && g.ref.stage !== stage) continue;
    const v = g.counts[metric];
    if (v === null) out.unknown++;
    else {
      out.sum += v;
      out.known++;
    }
  }
  return out;
}

function checkTotals(reader: RowReader, layout: Layout, grades: Map<string, { ref: GradeRef; counts: GradeCounts }>): void {
  if (layout.grades.size === 0) return;
  const check = (cols: MetricColumns, what: string, stage?: Stage) => {
    for (const metric of ['classes', 'students'] as const) {
      const col = metric === 'classes' ? cols.classes : cols.students;
      if (!col) continue;
      const total = reader.count(col, `${what}${metric === 'classes' ? '班级数' : '学生数'}合计`);
      if (total === null) continue;
      const { sum: parts, known, unknown } = sumOf(grades, metric, stage);
      // Grades that leave the count blank say nothing against the total; only a known part above it does.
      if (known === 0) continue;
      if (unknown > 0 ? total < parts : total !== parts) {
        reader.warning(
          'TOTAL_MISMATCH',
          `${what}${metric === 'classes' ? '班级数' : '学生数'}合计 ${total} 与各年级之和 ${parts} 不一致（相差 ${total - parts}）。导入时以各年级数据为准，请核对原表。`,
          col,
        );
      }
    }
  };
  check(layout.rowTotal, '全校');
  for (const [stage, cols] of layout.stageTotals) check(cols, STAGE_LABEL[stage], stage);
}

function readTotals(reader: RowReader, layout: Layout): SchoolTotal[] {
  const out: SchoolTotal[] = [];
  const push = (cols: MetricColumns, stage: Stage | '') => {
    const label = stage ? STAGE_LABEL[stage] : '全校';
    const classes = reader.count(cols.classes, `${label}班级数合计`);
    let students = reader.count(cols.students, `${label}学生数合计`);
    if (students === null && (cols.M || cols.F)) {
      const m = reader.count(cols.M, `${label}男生数`);
      const f = reader.count(cols.F, `${label}女生数`);
      if (m !== null || f !== null) students = (m ?? 0) + (f ?? 0);
    }
    if (classes !== null || students !== null) out.push({ school: '', year: 0, stage, classes, students });
  };
  push(layout.rowTotal, '');
  for (const [stage, cols] of layout.stageTotals) push(cols, stage);
  return out;
}

function buildRecords(
  plan: ImportPlan,
  entries: Map<string, SchoolEntry>,
  issues: IssueList,
  ctx: ValidateContext,
  urbanOf: Map<string, UrbanRural>,
  resolver: TownshipResolver,
): void {
  for (const t of resolver.created) urbanOf.set(t.code, t.urbanRural);
  const staffBefore = new Map(ctx.staff.map((s) => [`${s.school}|${s.year}`, s]));
  const at = (row: number) => ({ row, column: '', value: '' });
  const older = fileYearOf(entries) < latestStoredYear(ctx);
  if (older) {
    issues.info(
      'OLDER_YEAR',
      `此表的年份早于项目中已有的最新年份（${latestStoredYear(ctx)} 年）：只写入该年的学生与教职工数据，已有学校的名称、类型、所在乡镇和办学状态保持最新年份的，不被旧表改回。`,
    );
  }
  for (const entry of entries.values()) {
    const latest = [...entry.years.entries()].sort((a, b) => b[0] - a[0])[0];
    const stagesWithStudents = new Set<Stage>();
    for (const g of latest?.[1].grades.values() ?? []) if ((g.counts.students ?? 0) > 0) stagesWithStudents.add(g.ref.stage);
    const base = entry.existing;
    let kind = entry.given.kind ?? base?.kind ?? null;
    const name = entry.given.name ?? base?.name ?? '';
    if (!entry.kindFromFile && !base) {
      const guess = inferKind(name, stagesWithStudents);
      kind = guess.kind;
      if (!kind) {
        issues.error('KIND_UNKNOWN', `无法确定“${name}”的办学类型：校名中看不出类型，也没有分年级学生数。请在表中增加“办学类型”列。`, at(entry.firstRow));
        plan.counts.rowsRejected += entry.years.size;
        continue;
      }
      if (guess.conflict) issues.warning('KIND_CONFLICT', `“${name}”：校名与有学生的年级不一致，办学类型${guess.how}。如不对，请在表中增加“办学类型”列。`, at(entry.firstRow));
      else issues.info('KIND_INFERRED', `“${name}”没有办学类型，${guess.how}（推断）。`, at(entry.firstRow));
    }
    if (!kind) continue;
    const stagesOfKind = new Set(KIND_STAGES[kind]);
    const foreign = [...stagesWithStudents].filter((s) => !stagesOfKind.has(s) && s !== 'preschool');
    if (foreign.length) {
      issues.warning(
        'KIND_STAGE_MISMATCH',
        `“${name}”的办学类型为“${KIND_LABEL[kind]}”，但${foreign.map((s) => STAGE_LABEL[s]).join('、')}年级也有学生。请核对办学类型；这些学生仍会导入。`,
        at(entry.firstRow),
      );
    }
    const township = entry.given.township ?? base?.township ?? '';
    if (!entry.given.ownership && !base) issues.info('OWNERSHIP_DEFAULT', `“${name}”没有举办者，按“公办”记录。`, at(entry.firstRow));
    const record: School = {
      code: entry.code,
      name,
      kind,
      ownership: entry.given.ownership ?? base?.ownership ?? '公办',
      township,
      urbanRural: entry.given.urbanRural ?? base?.urbanRural ?? urbanOf.get(township) ?? '乡村',
      ...factsOf(entry.given, base),
      // In the file with pupils: open, whatever an earlier year's file said.
      status: stagesWithStudents.size > 0 ? '在办' : (base?.status ?? '在办'),
      formerNames: formerNamesAfter(base, name),
    };
    if (older && base) Object.assign(record, base);
    if (base && base.name !== record.name) {
      issues.info('NAME_CHANGED', `标识码 ${record.code} 的学校名称将由“${base.name}”改为“${record.name}”，原名记入“曾用名”，历年数据保留在新名称下。`, at(entry.firstRow));
    }
    if (base?.status === '停办' && record.status === '在办') issues.info('SCHOOL_REOPENED', `“${name}”此前标为停办，本表中有在校生，改为“在办”。`, at(entry.firstRow));
    plan.schools.push({ record, isNew: entry.isNew });
    for (const [year, ye] of [...entry.years.entries()].sort((a, b) => a[0] - b[0])) {
      const records: EnrolmentRecord[] = [];
      for (const g of ye.grades.values()) {
        const classes = g.counts.classes;
        const students = g.counts.students ?? 0;
        if ((classes ?? 0) > 0 || students > 0) records.push({ school: record.code, year, stage: g.ref.stage, grade: g.ref.grade, classes, students });
      }
      if (ye.stages.size > 0) plan.enrolment.push({ school: record.code, year, stages: [...ye.stages], records });
      if (ye.staff) {
        const before = staffBefore.get(`${record.code}|${year}`);
        const staff: StaffRecord = {
          school: record.code,
          year,
          teachers: ye.staff.teachers ?? before?.teachers ?? 0,
          qualifiedAbove: ye.staff.qualifiedAbove ?? before?.qualifiedAbove ?? 0,
          keyTeachers: ye.staff.keyTeachers ?? before?.keyTeachers ?? 0,
          peArtsTeachers: ye.staff.peArtsTeachers ?? before?.peArtsTeachers ?? 0,
        };
        plan.staff.push(staff);
      }
      for (const t of ye.totals) {
        plan.totals.push(t);
        if (t.stage !== '') continue;
        const stored = ctx.enrolmentTotals.get(`${record.code}|${year}`);
        if (!stored) continue;
        const differs = (t.students !== null && t.students !== stored.students) || (t.classes !== null && stored.classes !== null && t.classes !== stored.classes);
        if (differs) {
          issues.warning(
            'TOTAL_DIFFERS_FROM_STORED',
            `“${name}” ${year} 年：表中合计（${t.classes ?? '—'} 班，${t.students ?? '—'} 人）与项目中已有的分年级数据之和（${stored.classes === null ? '班级数未知' : `${stored.classes} 班`}，${stored.students} 人）不一致。分年级数据不会被改动，请核对。`,
            at(ye.row),
          );
        }
      }
    }
  }
  const closed = markMissingSchools(plan, entries, issues, ctx);
  plan.preview = schoolPreview(plan);
  const newCount = plan.schools.filter((s) => s.isNew).length;
  const years = [...new Set(plan.enrolment.map((e) => e.year).concat(plan.staff.map((s) => s.year), plan.totals.map((t) => t.year)))].sort();
  plan.summary = [
    ['新增学校', `${newCount} 所`],
    ['更新学校', `${plan.schools.length - newCount} 所`],
    ['分年级班级与学生记录', `${plan.enrolment.reduce((s, e) => s + e.records.length, 0)} 条`],
    ['教职工记录', `${plan.staff.length} 条`],
    ...(plan.totals.length ? [['仅有合计的记录', `${plan.totals.length} 条`] as [string, string]] : []),
    ['数据年份', years.length ? years.join('、') : '—'],
    ...(closed ? [['表中未出现、标为停办的学校', `${closed} 所`] as [string, string]] : []),
  ];
}

/** The latest year the file gives data for (-Infinity: none). */
function fileYearOf(entries: Map<string, SchoolEntry>): number {
  let year = -Infinity;
  for (const e of entries.values()) for (const y of e.years.keys()) year = Math.max(year, y);
  return year;
}

/** The latest year the project holds school data for (-Infinity: none). */
function latestStoredYear(ctx: ValidateContext): number {
  let year = -Infinity;
  for (const key of ctx.enrolmentTotals.keys()) year = Math.max(year, Number(key.split('|')[1]));
  return year;
}

/** The stored former names, plus the stored name when the file renames the school. */
function formerNamesAfter(base: School | null, name: string): string[] {
  const before = base?.formerNames ?? [];
  if (!base || base.name === name) return [...before];
  return [...before.filter((n) => n !== base.name && n !== name), base.name];
}

/**
 * A school with data last year that a new year's whole table leaves out, in a township the
 * file covers, is marked 停办 (kept, with all its years; the import can be undone, and a
 * later file with pupils marks it 在办 again) and listed. Only a file of a year after the
 * latest stored does this: re-importing a year must not close schools that opened since.
 */
function markMissingSchools(plan: ImportPlan, entries: Map<string, SchoolEntry>, issues: IssueList, ctx: ValidateContext): number {
  const fileYear = fileYearOf(entries);
  const stored = latestStoredYear(ctx);
  if (!Number.isFinite(fileYear) || !Number.isFinite(stored) || fileYear <= stored) return 0;
  // Last year's schools: a file holding fewer than four in five of them is a part (one
  // township's, one stage's sheet), not the year's whole table, and says nothing about the others.
  const lastYear = new Set([...ctx.enrolmentTotals.keys()].filter((k) => k.endsWith(`|${stored}`)).map((k) => k.split('|')[0]));
  const kept = [...lastYear].filter((c) => entries.has(c as string)).length;
  if (kept * 5 < lastYear.size * 4) return 0;
  const covered = new Set(plan.schools.map((s) => s.record.township));
  const missing = ctx.schools.filter((s) => s.status === '在办' && lastYear.has(s.code) && !entries.has(s.code) && covered.has(s.township));
  for (const s of missing) plan.schools.push({ record: { ...s, status: '停办' }, isNew: false });
  if (missing.length === 0) return 0;
  const shown = missing.slice(0, 20).map((s) => `${s.name}（${s.code}）`).join('、');
  issues.info(
    'SCHOOLS_MISSING_FROM_FILE',
    `${fileYear} 年的表中没有以下 ${missing.length} 所学校（其所在乡镇在表中）：${shown}${missing.length > 20 ? ' 等' : ''}。已标为“停办”：不删除，历年数据保留；如仍在办，请在学校信息中改回“在办”，或撤销本次导入。`,
  );
  return missing.length;
}

/** Each fact as the file gives it, else as stored, else unknown. */
function factsOf(given: Partial<School>, base: School | null): Pick<School, SchoolFact> {
  return Object.fromEntries(SCHOOL_FACT_FIELDS.map((f) => [f, given[f] ?? base?.[f] ?? null])) as Pick<School, SchoolFact>;
}

function schoolPreview(plan: ImportPlan): ImportPlan['preview'] {
  const enrol = new Map<string, { classes: number; students: number; year: number }>();
  for (const e of plan.enrolment) {
    const t = enrol.get(e.school) ?? { classes: 0, students: 0, year: e.year };
    if (e.year >= t.year) {
      t.year = e.year;
      t.classes = e.records.reduce((s, r) => s + knownClasses(r.classes), 0);
      t.students = e.records.reduce((s, r) => s + r.students, 0);
    }
    enrol.set(e.school, t);
  }
  const staff = new Map(plan.staff.map((s) => [s.school, s.teachers]));
  const total = new Map(plan.totals.filter((t) => t.stage === '').map((t) => [t.school, t]));
  return {
    headers: ['状态', '学校标识码', '学校名称', '办学类型', '举办者', '乡镇代码', '城乡分类', '年份', '班级数', '在校生', '专任教师'],
    rows: plan.schools.slice(0, PREVIEW_ROWS).map(({ record: s, isNew }) => {
      const e = enrol.get(s.code);
      const t = total.get(s.code);
      return [
        isNew ? '新增' : '更新', s.code, s.name, KIND_LABEL[s.kind], s.ownership, s.township, s.urbanRural,
        e?.year ?? t?.year ?? null, e?.classes ?? t?.classes ?? null, e?.students ?? t?.students ?? null, staff.get(s.code) ?? null,
      ];
    }),
  };
}

export function finishCounts(plan: ImportPlan, skipInvalidRows: boolean): void {
  const c = plan.counts;
  const hasErrors = plan.issues.some((i) => i.severity === 'error');
  const fileErrors = plan.issues.some((i) => i.severity === 'error' && i.row === null);
  const importable = c.rowsRead - c.rowsSkipped - c.rowsRejected;
  c.rowsImported = hasErrors && (!skipInvalidRows || fileErrors) ? 0 : Math.max(0, importable);
}
