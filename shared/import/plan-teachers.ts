// Rows of a teacher table → 教职工 by 岗位, 年龄段, 学历, 职称 and 骨干 level per school and year.
// A school the project holds also gets its 专任教师 and 县级以上骨干教师 counts updated in its
// staff record (its other counts kept); a school it does not hold yet is kept by 学校标识码
// and said so.
import { ALL_PROFILE_CATEGORIES, PROFILE_CATEGORIES, PROFILE_DIMENSION_LABEL, type ProfileCategory, type ProfileDimension, type StaffProfileRecord } from '../domain/staff-profile';
import type { StaffRecord } from '../domain/model';
import { columnName, type MappedColumn } from './columns';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { MAX_SCHOOL_STAFF, PREVIEW_ROWS } from './limits';
import { emptyPlan, type ImportPlan, type ValidateContext } from './plan';
import { finishCounts } from './plan-schools';
import { dataRows, type RowReader } from './row-reader';

export function planTeachers(sheet: SheetGrid, firstDataRow: number, columns: readonly MappedColumn[], ctx: ValidateContext): ImportPlan {
  const plan = emptyPlan('teachers');
  const issues = new IssueList(ctx.sheet);
  const field = (f: string) => columns.find((c) => c.target.type === 'field' && c.target.field === f);
  const codeCol = field('code');
  const nameCol = field('name');
  const yearCol = field('year');
  const counted = ALL_PROFILE_CATEGORIES.map((c) => ({ category: c, col: field(c.key) })).filter((x) => x.col);
  if (!codeCol && !nameCol) issues.error('MAPPING_NO_SCHOOL', '没有对应“学校标识码”或“学校名称”的列。请在列对应中指定。');
  if (counted.length === 0) issues.error('MAPPING_NO_COUNT', '没有对应岗位、年龄段、学历、职称或骨干教师人数的列。请在列对应中指定。');
  if (!yearCol && ctx.year === null) issues.error('MISSING_YEAR', '表中没有“年份”列，也没有指定年份。请在导入设置中填写年份，或在表中增加“年份”列。');
  const blocked = issues.hasErrors();
  const byCode = new Map(ctx.schools.map((s) => [s.code, s]));
  const byName = new Map(ctx.schools.map((s) => [s.name, s]));
  const staff = new Map(ctx.staff.map((s) => [`${s.school}|${s.year}`, s]));
  const seen = new Map<string, number>();
  const waiting = new Set<string>();
  const mapped = columns.filter((c) => c.target.type !== 'ignore');

  for (const reader of dataRows(sheet, firstDataRow, mapped, issues, plan.counts, blocked)) {
    const name = reader.text(nameCol, '学校名称');
    if (reader.skipsTotal(name, nameCol, plan.counts)) continue;
    const code = reader.code(codeCol, '学校标识码');
    const school = (code ? byCode.get(code) : undefined) ?? (name ? byName.get(name) : undefined);
    const key = school?.code ?? code;
    if (!key) reader.error('UNKNOWN_SCHOOL', `项目中没有名为“${name}”的学校，表中也没有学校标识码。请先导入学校统计表，或填写学校标识码。`, nameCol);
    const year = (yearCol ? reader.year(yearCol) : null) ?? ctx.year;
    if (year === null && !reader.hasErrors) reader.error('MISSING_YEAR', '本行没有年份。', yearCol);
    const values = counted.map(({ category, col }) => ({ category, col: col as MappedColumn, n: reader.count(col, category.label) }));
    for (const v of values) {
      if (v.n !== null && v.n > MAX_SCHOOL_STAFF) {
        reader.error('IMPLAUSIBLE_COUNT', `${v.category.label} ${v.n} 人，超过一所学校可能有的人数（${MAX_SCHOOL_STAFF.toLocaleString('en-US')} 人）。这一行可能是全县或更大范围的合计，或数字的单位有误。请核对原表。`, v.col);
      }
    }
    if (reader.hasErrors || !key || year === null) {
      plan.counts.rowsRejected++;
      continue;
    }
    const dup = seen.get(`${key}|${year}`);
    if (dup !== undefined) {
      issues.error('DUPLICATE_ROW', `${year} 年的教职工数据与第 ${dup} 行重复（同一学校、同一年份）。请删除重复的行。`, { row: reader.row, column: columnName(values[0]?.col ?? mapped[0] as MappedColumn), value: key });
      plan.counts.rowsRejected++;
      continue;
    }
    seen.set(`${key}|${year}`, reader.row);
    const given = values.filter((v): v is typeof v & { n: number } => v.n !== null);
    for (const v of given) plan.staffProfile.push({ school: key, year, dimension: v.category.dimension, category: v.category.key, count: v.n } satisfies StaffProfileRecord);
    warnUnbalanced(reader, given);
    if (!school) {
      waiting.add(key);
      reader.warning('SCHOOL_NOT_YET', `学校标识码 ${key} 尚未导入项目，本行教职工结构已保存，导入该校后生效。`, codeCol);
      continue;
    }
    const stored = staff.get(`${school.code}|${year}`);
    const teachers = given.find((v) => v.category.key === 'post_teachers')?.n;
    const keyLevels = given.filter((v) => v.category.dimension === 'key');
    if (stored && (teachers !== undefined || keyLevels.length > 0)) {
      plan.staff.push({
        ...stored,
        teachers: teachers ?? stored.teachers,
        keyTeachers: keyLevels.length > 0 ? keyLevels.reduce((s, v) => s + v.n, 0) : stored.keyTeachers,
      } satisfies StaffRecord);
    }
  }

  if (!blocked) {
    plan.preview = {
      headers: ['学校标识码', '年份', '分类', '类别', '人数'],
      rows: plan.staffProfile.slice(0, PREVIEW_ROWS).map((p) => [p.school, p.year, p.dimension, ALL_PROFILE_CATEGORIES.find((c) => c.key === p.category)?.label ?? p.category, p.count]),
    };
    plan.summary = [
      ['学校', `${seen.size} 所`],
      ['教职工结构记录', `${plan.staffProfile.length} 条`],
      ['更新专任教师、骨干教师数', `${plan.staff.length} 所`],
      ...(waiting.size ? ([['尚未导入的学校', `${waiting.size} 所`]] as [string, string][]) : []),
    ];
  }
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}

/**
 * 专任教师 broken down by 年龄段, 学历 or 职称 should add up to 专任教师, and 骨干 cannot outnumber
 * them; say where they do not (kept as given, since the planner may know better than the check).
 */
function warnUnbalanced(reader: RowReader, given: readonly { category: ProfileCategory & { dimension: ProfileDimension }; col: MappedColumn; n: number }[]): void {
  const teachers = given.find((v) => v.category.key === 'post_teachers');
  if (!teachers) return;
  for (const dimension of ['age', 'degree', 'title'] as const) {
    const parts = given.filter((v) => v.category.dimension === dimension);
    if (parts.length === 0) continue;
    const sum = parts.reduce((s, v) => s + v.n, 0);
    const label = PROFILE_DIMENSION_LABEL[dimension];
    // A table giving some categories only is not wrong unless those alone exceed the whole.
    if (parts.length === PROFILE_CATEGORIES[dimension].length ? sum !== teachers.n : sum > teachers.n) {
      const partial = parts.length === PROFILE_CATEGORIES[dimension].length ? '' : `（表中只有 ${parts.length} 个类别）`;
      reader.warning('PROFILE_SUM_MISMATCH', `按${label}分列的专任教师${partial}合计 ${sum} 人，与“专任教师” ${teachers.n} 人不一致，已按表中数字保存。`, parts[0]?.col);
    }
  }
  const keyLevels = given.filter((v) => v.category.dimension === 'key');
  const keySum = keyLevels.reduce((s, v) => s + v.n, 0);
  if (keySum > teachers.n) {
    reader.warning('KEY_ABOVE_TEACHERS', `骨干教师合计 ${keySum} 人，多于“专任教师” ${teachers.n} 人，已按表中数字保存。请核对原表。`, keyLevels[0]?.col);
  }
}
