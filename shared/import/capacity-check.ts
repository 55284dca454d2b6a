// A school file that gives students but neither 班级数 nor 设计学位数 leaves those unknown,
// not zero. The import says which schools, and what the planning pages will do instead: estimate
// classes and seats from the students at the standard class size, marked as estimated.
import { CAPACITY_METHOD, knownClasses } from '../analysis/enrolment';
import type { IssueList } from './issues';
import type { ImportPlan } from './plan';

const NAMES_SHOWN = 10;

export function warnMissingCapacity(plan: ImportPlan, issues: IssueList): void {
  const classes = new Map<string, { students: number; classes: number }>();
  for (const rep of plan.enrolment) {
    const t = classes.get(rep.school) ?? { students: 0, classes: 0 };
    for (const r of rep.records) {
      t.students += r.students;
      t.classes += knownClasses(r.classes);
    }
    classes.set(rep.school, t);
  }
  const missing = plan.schools
    .map((s) => s.record)
    .filter((s) => !(s.designSeats && s.designSeats > 0) && (classes.get(s.code)?.students ?? 0) > 0 && classes.get(s.code)?.classes === 0);
  if (missing.length === 0) return;
  const names = missing.slice(0, NAMES_SHOWN).map((s) => s.name).join('、') + (missing.length > NAMES_SHOWN ? ' 等' : '');
  issues.warning(
    'CAPACITY_UNKNOWN',
    `${missing.length} 所学校有在校生，但表中没有班级数和设计学位数（${names}）。这些数据按“未知”记录，不按 0 计；` +
      `规划、附件中它们的班级数和学位按在校生估算（${CAPACITY_METHOD.students}；有校舍建筑面积的，学位按${CAPACITY_METHOD.floor.replace(/^估算：/, '')}），并标为“估算”。` +
      '接受警告即按此导入；也可补上这两列后重新导入，或导入后在“学校 → 编辑”中补录。',
  );
}
