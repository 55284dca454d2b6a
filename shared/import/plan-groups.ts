// Rows of a school-groups table (one group a row: name, kind, core school, member schools in
// one cell, year formed) → school groups. Every school must already be in the project.
import { GROUP_KINDS, type GroupKind, type SchoolGroup } from '../domain/inclusion';
import { MEMBER_SEPARATOR } from '../templates/inclusion-layouts';
import { columnName, type MappedColumn } from './columns';
import type { SheetGrid } from './grid';
import { IssueList } from './issues';
import { PREVIEW_ROWS } from './limits';
import { emptyPlan, type ImportPlan, type ValidateContext } from './plan';
import { finishCounts } from './plan-schools';
import { dataRows } from './row-reader';
import { SchoolFinder } from './school-ref';

/** The kind a cell names, in the words bureaus use. */
export function groupKindOf(text: string): GroupKind | null {
  const t = text.replace(/\s/g, '');
  if (!t) return null;
  if ((GROUP_KINDS as readonly string[]).includes(t)) return t as GroupKind;
  if (t.includes('学区')) return '学区';
  if (t.includes('共同体') || t.includes('联盟')) return '共同体';
  if (t.includes('集团')) return '教育集团';
  return null;
}

const MENTION = /^(.*?)[（(]\s*([0-9A-Za-z]{1,20})\s*[)）]$/;

export function planGroups(sheet: SheetGrid, firstDataRow: number, columns: readonly MappedColumn[], ctx: ValidateContext): ImportPlan {
  const plan = emptyPlan('school_groups');
  const issues = new IssueList(ctx.sheet);
  const field = (f: string) => columns.find((c) => c.target.type === 'field' && c.target.field === f);
  const nameCol = field('name');
  const kindCol = field('kind');
  const coreCodeCol = field('coreCode');
  const coreNameCol = field('coreName');
  const membersCol = field('members');
  const yearCol = field('yearFormed');
  if (!nameCol) issues.error('MAPPING_NO_NAME', '没有对应“集团（共同体、学区）名称”的列。请在列对应中指定。');
  if (!coreCodeCol && !coreNameCol) issues.error('MAPPING_NO_CORE', '没有对应“核心学校标识码”或“核心学校名称”的列。请在列对应中指定其中之一。');
  const blocked = issues.hasErrors();
  const finder = new SchoolFinder(ctx.schools);
  const seen = new Map<string, number>();
  const mapped = columns.filter((c) => c.target.type !== 'ignore');

  for (const reader of dataRows(sheet, firstDataRow, mapped, issues, plan.counts, blocked)) {
    const name = reader.name(nameCol, '集团（共同体、学区）名称');
    if (!name && !reader.hasErrors) reader.error('MISSING_NAME', '缺少集团（共同体、学区）名称。请填写，或删除此行。', nameCol);
    const kindText = reader.text(kindCol, '类型');
    const kind = kindText ? groupKindOf(kindText) : '教育集团';
    if (kind === null) reader.error('BAD_GROUP_KIND', `类型“${kindText}”无法识别。请填写：${GROUP_KINDS.join('、')}。`, kindCol);
    const core = finder.find(reader.code(coreCodeCol, '核心学校标识码'), reader.name(coreNameCol, '核心学校名称'));
    if (!core.ok && !reader.hasErrors) reader.error('UNKNOWN_SCHOOL', `核心学校：${core.message}`, coreCodeCol ?? coreNameCol);
    const members: string[] = [];
    for (const item of reader.text(membersCol, '成员学校').split(MEMBER_SEPARATOR).map((s) => s.trim()).filter(Boolean)) {
      const m = MENTION.exec(item);
      const found = m ? finder.find(m[2] ?? null, m[1] ?? '') : /^[0-9]{6,20}$/.test(item) ? finder.find(item, '') : finder.find(null, item);
      if (!found.ok) reader.error('UNKNOWN_SCHOOL', `成员学校“${item}”：${found.message}`, membersCol, item);
      else if ((!core.ok || found.school.code !== core.school.code) && !members.includes(found.school.code)) members.push(found.school.code);
    }
    const yearFormed = reader.year(yearCol);
    if (reader.hasErrors || !core.ok || kind === null) {
      plan.counts.rowsRejected++;
      continue;
    }
    const dup = seen.get(name);
    if (dup !== undefined) {
      issues.error('DUPLICATE_ROW', `“${name}”与第 ${dup} 行重复。同一集团请写在一行，成员学校用顿号分隔。`, { row: reader.row, column: columnName(nameCol as MappedColumn), value: name });
      plan.counts.rowsRejected++;
      continue;
    }
    seen.set(name, reader.row);
    plan.groups.push({ name, kind, core: core.school.code, members, yearFormed } satisfies SchoolGroup);
  }

  if (!blocked) {
    const names = new Map(ctx.schools.map((s) => [s.code, s.name]));
    plan.preview = {
      headers: ['名称', '类型', '核心学校', '成员学校数', '组建年份'],
      rows: plan.groups.slice(0, PREVIEW_ROWS).map((g) => [g.name, g.kind, names.get(g.core) ?? g.core, g.members.length, g.yearFormed]),
    };
    plan.summary = [
      ['学校集团（共同体、学区）', `${plan.groups.length} 个`],
      ['涉及学校', `${plan.groups.reduce((s, g) => s + 1 + g.members.length, 0)} 所`],
    ];
  }
  plan.issues = issues.finish();
  finishCounts(plan, ctx.skipInvalidRows);
  return plan;
}
