// How many teaching posts (编制) one school stage needs in one year, by the national ratios:
// students per teacher for 小学、初中、高中, teachers per class for kindergartens, and for 村小
// and 教学点 the higher of the student rule and the class rule. The ratios are plan settings
// (settings.ts, defaults and sources in shared/standards). See docs/ARCHITECTURE.md, "Teachers".
import type { SchoolKind, Stage, UrbanRural } from '../../domain/stages';
import type { PlanSettings } from '../settings';

/** Stages a national staffing ratio exists for. */
export const TEACHER_STAGES = ['preschool', 'primary', 'junior', 'senior'] as const satisfies readonly Stage[];
export type TeacherStage = (typeof TEACHER_STAGES)[number];

export function isTeacherStage(stage: Stage): stage is TeacherStage {
  return (TEACHER_STAGES as readonly Stage[]).includes(stage);
}

/** Which rule set the posts: the student ratio, the class ratio of small rural schools, or kindergarten classes. */
export type StaffingRule = 'students' | 'classes' | 'kindergarten';

export interface PostsNeeded {
  posts: number;
  rule: StaffingRule;
}

export interface StaffedUnit {
  stage: TeacherStage;
  kind: SchoolKind;
  urbanRural: UrbanRural;
  students: number;
  classes: number;
}

/** Teachers per class under the small-school rule, or null where only the student ratio applies. */
export function classRuleOf(u: Pick<StaffedUnit, 'stage' | 'kind' | 'urbanRural'>, t: PlanSettings['teachers']): number | null {
  if (u.stage !== 'primary') return null;
  if (u.kind === 'teaching_point') return t.perClass.teachingPoint;
  if (u.kind === 'primary' && u.urbanRural === '乡村') return t.perClass.villagePrimary;
  return null;
}

// Posts are whole: a school with 20.1 posts' worth of pupils is staffed with 21.
const whole = (x: number) => Math.ceil(x - 1e-9);

export function postsNeeded(u: StaffedUnit, t: PlanSettings['teachers']): PostsNeeded {
  if (u.students <= 0) return { posts: 0, rule: u.stage === 'preschool' ? 'kindergarten' : 'students' };
  if (u.stage === 'preschool') return { posts: whole(u.classes * t.kindergartenPerClass), rule: 'kindergarten' };
  const byStudents = whole(u.students / t.studentsPerTeacher[u.stage]);
  const perClass = classRuleOf(u, t);
  if (perClass === null) return { posts: byStudents, rule: 'students' };
  const byClasses = whole(u.classes * perClass);
  return byClasses > byStudents ? { posts: byClasses, rule: 'classes' } : { posts: byStudents, rule: 'students' };
}
