// The choices of the mapping editor: every target a column of this kind can take, grouped,
// with Chinese labels, plus whatever the proposal already chose (a band like 20-24岁).
import type { SchoolSystem } from '../domain/stages';
import type { TargetOption } from './api-types';
import type { ImportKind } from './kinds';
import { IMPORT_KIND_REGISTRY, parseTarget, targetLabel } from './kinds/registry';
import { formatTarget, type Target } from './targets';

function option(kind: ImportKind, t: Target, group: string): TargetOption {
  return { value: formatTarget(t), label: targetLabel(kind, t), group };
}

export function targetOptions(kind: ImportKind, system: SchoolSystem, chosen: readonly string[]): TargetOption[] {
  const spec = IMPORT_KIND_REGISTRY[kind];
  const out: TargetOption[] = [{ value: 'ignore', label: '不导入', group: '不导入' }];
  for (const f of spec.fields) out.push({ value: f.field, label: f.label, group: '基本信息' });
  for (const { target, group } of spec.targetChoices?.(system) ?? []) out.push(option(kind, target, group));
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
