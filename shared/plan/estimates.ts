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
      ? [{ code: i.ref, name: i.name, township: i.township, area: run.areaOf(i.township), ...i.estimated }]
      : [],
  );
}

/** How the seats were estimated: the one method, or each with how many schools it estimated. */
function estimateMethods(estimates: readonly CapacityEstimate[]): string {
  const byMethod = new Map<string, number>();
  for (const e of estimates) {
    const m = e.method.startsWith(CAPACITY_METHOD.floor) ? CAPACITY_METHOD.floor : e.method;
    byMethod.set(m, (byMethod.get(m) ?? 0) + 1);
  }
  const source = (m: string) => (m === CAPACITY_METHOD.floor ? '校舍建筑面积' : m === CAPACITY_METHOD.grades ? '已知班级数和其余年级在校生' : '在校生');
  const only = estimates[0]?.method ?? '';
  if (byMethod.size === 1) return `学位按${source(only.startsWith(CAPACITY_METHOD.floor) ? CAPACITY_METHOD.floor : only)}估算（${only}）`;
  return `学位为估算（${[...byMethod].map(([m, n]) => `${n} 所按${source(m)}：${m}`).join('；')}）`;
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
      `${estimates.length} 所学校（${names}）${estimates.some((e) => e.method === CAPACITY_METHOD.grades) ? '没有设计学位数，班级数缺全部或部分年级' : '没有设计学位数和班级数'}，${estimateMethods(estimates)}。` +
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
