// The national standards table: every number has a source, and the plan settings' defaults,
// the building norms and the pages without a plan all read it.
import { describe, expect, it } from 'vitest';
import { defaultSettings, floorAreaPerStudent, NATIONAL_SETTINGS, standardClassCounts } from '../../shared/plan';
import { STANDARDS, type Standard } from '../../shared/standards';

function isStandard(x: unknown): x is Standard<unknown> {
  return typeof x === 'object' && x !== null && 'value' in x && 'source' in x;
}

/** Every entry of the table, nested groups included. */
function entries(o: object, prefix = ''): [string, Standard<unknown>][] {
  return Object.entries(o).flatMap(([k, v]) => (isStandard(v) ? [[`${prefix}${k}`, v]] : entries(v as object, `${prefix}${k}.`)));
}

function numbers(v: unknown): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v)) return v.flatMap(numbers);
  if (typeof v === 'object' && v !== null) return Object.values(v).flatMap(numbers);
  return [];
}

describe('national standards', () => {
  it('give every number a source', () => {
    const all = entries(STANDARDS);
    expect(all.length).toBeGreaterThan(20);
    for (const [key, s] of all) {
      expect(s.source, key).toMatch(/\S/);
      for (const n of numbers(s.value)) expect(Number.isFinite(n) && n > 0, `${key}: ${n}`).toBe(true);
    }
  });

  it('are the plan settings’ defaults', () => {
    const d = defaultSettings();
    expect(d.largeClass).toBe(STANDARDS.largeClass.value);
    expect(d.oversizedClass).toBe(STANDARDS.oversizedClass.value);
    expect(d.classSize).toEqual(STANDARDS.classSize.value);
    expect(d.schoolSize).toEqual({
      primary: STANDARDS.schoolSize.primary.value,
      junior: STANDARDS.schoolSize.junior.value,
      combined: STANDARDS.schoolSize.combined.value,
      senior: STANDARDS.schoolSize.senior.value,
      kindergarten: STANDARDS.schoolSize.kindergarten.value,
    });
    expect({ primary: d.balance.primary, junior: d.balance.junior }).toEqual(STANDARDS.balance.value);
    expect(d.balance.cvLimit).toEqual(STANDARDS.balanceCvLimit.value);
    expect(d.balance.minPass).toBe(STANDARDS.balanceMinPass.value);
    expect(d.levels).toEqual(STANDARDS.seatLevels.value);
    expect(d.costPerM2).toBe(STANDARDS.costPerM2.value);
  });

  it('hold the national figures', () => {
    expect([STANDARDS.largeClass.value, STANDARDS.oversizedClass.value]).toEqual([56, 66]);
    expect(STANDARDS.classSize.value).toMatchObject({ primary: 45, junior: 50, senior: 50 });
    expect(STANDARDS.kindergartenClassSize.value).toEqual([25, 30, 35]);
    expect(STANDARDS.balanceRemainderShare.value).toBe(0.85);
    expect(STANDARDS.serviceRadius.value).toEqual({ kindergarten: 300, primary: 500, junior: 1000 });
    expect(STANDARDS.studentsPerTeacher.value).toEqual({ primary: 19, junior: 13.5, senior: 12.5 });
  });

  it('feed the building norms', () => {
    expect(standardClassCounts('nine_year', true)).toEqual(STANDARDS.standardClassCounts.value.nine_year.urban);
    expect(floorAreaPerStudent('junior', 18, 'basic')).toBe(7.1);
    expect(floorAreaPerStudent('kindergarten', 12, 'planning')).toBe(9.3);
  });

  it('reach pages without a plan as read-only national settings', () => {
    expect(NATIONAL_SETTINGS).toEqual(defaultSettings());
    expect(Object.isFrozen(NATIONAL_SETTINGS.classSize)).toBe(true);
    // A new plan's settings stay editable: freezing the shared defaults must not reach them.
    const fresh = defaultSettings();
    expect([fresh, fresh.classSize, fresh.balance.primary, fresh.levels].some((o) => Object.isFrozen(o))).toBe(false);
  });
});
