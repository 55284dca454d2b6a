// Schools whose seats the evaluation had to estimate (no design seats, no classes recorded),
// and the notes that make every conclusion resting on them say so: the gaps, 大班额 and
// build suggestions of an area count its estimated schools.
import { CAPACITY_METHOD } from '../analysis/enrolment';
import type { PlanRun } from './run';
import type { BuildSuggestion, PlanWarning } from './types';

export interface CapacityEstimate {
  code: string;
  name: string;
  township: string;
  area: string;
  classes: number;
  seats: number;
  method: string;
}

export function capacityEstimates(run: PlanRun): CapacityEstimate[] {
  return run.timeline.schools.flatMap((i) =>
    i.estimated
      ? [{ code: i.ref, name: i.name, township: i.township, area: run.areaOf(i.township), ...i.estimated, method: CAPACITY_METHOD.students }]
      : [],
  );
}

const DEPENDS: ReadonlySet<PlanWarning['kind']> = new Set(['area-gap', 'school-gap', 'large-class']);

/** The warning that names the estimated schools, and each dependent conclusion with how many of its schools are estimated. */
export function withEstimateNotes(
  estimates: readonly CapacityEstimate[],
  warnings: PlanWarning[],
  suggestions: BuildSuggestion[],
  baseYear: number,
): { warnings: PlanWarning[]; suggestions: BuildSuggestion[] } {
  if (estimates.length === 0) return { warnings, suggestions };
  const inArea = (area: string) => estimates.filter((e) => e.area === area).length;
  const names = estimates.slice(0, 5).map((e) => e.name).join('、') + (estimates.length > 5 ? ` 等` : '');
  const head: PlanWarning = {
    kind: 'estimated',
    level: 'orange',
    year: baseYear,
    stage: null,
    subject: 'estimates',
    message:
      `${estimates.length} 所学校（${names}）没有设计学位数和班级数，学位按在校生估算（${CAPACITY_METHOD.students}）。` +
      '学位缺口、大班额和新建建议都含这些估算；请在“学校 → 编辑”中补录设计学位数和班级数。',
  };
  const noted = warnings.map((w) => {
    if (!DEPENDS.has(w.kind)) return w;
    const n = w.kind === 'area-gap' ? inArea(w.subject) : estimates.length;
    return n > 0 ? { ...w, message: `${w.message}（含估算：${n} 所学校的学位为估算）` } : w;
  });
  const notedSuggestions = suggestions.map((s) => {
    const n = inArea(s.area);
    return n > 0 ? { ...s, text: `${s.text}（本片区有 ${n} 所学校的学位为估算，补录设计学位数后结论可能改变。）` } : s;
  });
  return { warnings: [head, ...noted], suggestions: notedSuggestions };
}
