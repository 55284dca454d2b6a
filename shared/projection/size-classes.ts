// School size classes: tiny schools are where grade progression is noisiest, so the engine's
// own backtest decides, class by class, how far to trust it against last year's value.

export const SIZE_CLASSES = [
  { key: 'tiny', label: '100 人以下', max: 100 },
  { key: 'small', label: '100–499 人', max: 500 },
  { key: 'medium', label: '500–1499 人', max: 1500 },
  { key: 'large', label: '1500 人及以上', max: Infinity },
] as const;

export type SizeClass = (typeof SIZE_CLASSES)[number]['key'];

/** Students of a school's stage in the base year → its class. */
export function sizeClassOf(students: number): SizeClass {
  for (const c of SIZE_CLASSES) if (students < c.max) return c.key;
  return 'large';
}

export function sizeClassLabel(key: SizeClass): string {
  return SIZE_CLASSES.find((c) => c.key === key)?.label ?? key;
}
