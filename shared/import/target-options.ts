// The choices of the mapping editor: every target a column of this kind can take, grouped,
// with Chinese labels, plus whatever the proposal already chose (a band like 20-24岁).
import { gradesOf, STAGE_LABEL, type SchoolSystem, type Stage } from '../domain/stages';
import type { TargetOption } from './api-types';
import { FIELDS } from './fields';
import type { ImportKind } from './kinds';
import { formatTarget, parseTarget, targetLabel, type Target } from './targets';

const GRADE_STAGES: readonly Stage[] = ['preschool', 'primary', 'junior', 'senior', 'vocational'];

function option(kind: ImportKind, t: Target, group: string): TargetOption {
  return { value: formatTarget(t), label: targetLabel(kind, t), group };
}

export function targetOptions(kind: ImportKind, system: SchoolSystem, chosen: readonly string[]): TargetOption[] {
  const out: TargetOption[] = [{ value: 'ignore', label: '不导入', group: '不导入' }];
  for (const f of FIELDS[kind]) out.push({ value: f.field, label: f.label, group: '基本信息' });
  if (kind === 'schools') {
    for (const stage of GRADE_STAGES) {
      const group = `${STAGE_LABEL[stage]}分年级`;
      for (let g = 1; g <= gradesOf(stage, system); g++) {
        out.push(option(kind, { type: 'grade', metric: 'classes', stage, grade: g, sex: null }, group));
        for (const sex of [null, 'M', 'F', 'ofF'] as const) out.push(option(kind, { type: 'grade', metric: 'students', stage, grade: g, sex }, group));
      }
    }
    out.push(option(kind, { type: 'grade', metric: 'students', stage: 'special', grade: 1, sex: null }, '特殊教育'));
    out.push(option(kind, { type: 'grade', metric: 'classes', stage: 'special', grade: 1, sex: null }, '特殊教育'));
    for (const stage of ['preschool', 'primary', 'junior', 'senior'] as const) {
      for (const metric of ['classes', 'students'] as const) out.push(option(kind, { type: 'stageTotal', metric, stage, sex: null }, '合计'));
    }
    for (const metric of ['classes', 'students'] as const) out.push(option(kind, { type: 'rowTotal', metric, sex: null }, '合计'));
    out.push(option(kind, { type: 'rowTotal', metric: 'students', sex: 'M' }, '合计'));
    out.push(option(kind, { type: 'rowTotal', metric: 'students', sex: 'F' }, '合计'));
  }
  if (kind === 'population') {
    for (const sex of [null, 'M', 'F'] as const) out.push(option(kind, { type: 'place', sex }, '乡镇列（年龄在行）'));
    for (let a = 0; a <= 17; a++) {
      for (const sex of [null, 'M', 'F'] as const) out.push(option(kind, { type: 'age', from: a, to: a, sex }, '单岁年龄'));
    }
  }
  const seen = new Set(out.map((o) => o.value));
  for (const value of chosen) {
    if (seen.has(value)) continue;
    const t = parseTarget(kind, value);
    if (!t) continue;
    out.push(option(kind, t, t.type === 'age' ? '年龄组' : t.type === 'yearCol' ? '年份列' : '其他'));
    seen.add(value);
  }
  return out;
}
