// 学位预警 levels at their boundaries, class gaps, and projected class sizes.
import { describe, expect, it } from 'vitest';
import { classGapOf, defaultSettings, estimateClasses, levelOf, planSettingsSchema, seatsShort, shareAtLeast } from '../../shared/plan';

const levels = defaultSettings().levels;

describe('seat warning level', () => {
  it('is red above 100 %, orange from 90 % to 100 %, green from 60 % to 90 %, blue below 60 %', () => {
    expect(levelOf(1001, 1000, levels)).toBe('red');
    expect(levelOf(1000, 1000, levels)).toBe('orange');
    expect(levelOf(900, 1000, levels)).toBe('orange');
    expect(levelOf(899, 1000, levels)).toBe('green');
    expect(levelOf(600, 1000, levels)).toBe('green');
    expect(levelOf(599, 1000, levels)).toBe('blue');
    expect(levelOf(0, 1000, levels)).toBe('blue');
  });

  it('is red for students without seats and none for neither', () => {
    expect(levelOf(5, 0, levels)).toBe('red');
    expect(levelOf(0, 0, levels)).toBe('none');
  });

  it('follows thresholds set by the planner', () => {
    const strict = planSettingsSchema.parse({ levels: { red: 0.95, orange: 0.85, blue: 0.5 } }).levels;
    expect(levelOf(960, 1000, strict)).toBe('red');
    expect(levelOf(950, 1000, strict)).toBe('orange');
    expect(levelOf(550, 1000, strict)).toBe('green');
    expect(levelOf(499, 1000, strict)).toBe('blue');
  });

  it('refuses thresholds out of order', () => {
    expect(planSettingsSchema.safeParse({ levels: { red: 1, orange: 0.5, blue: 0.6 } }).success).toBe(false);
  });
});

describe('seat and class gaps', () => {
  it('counts classes short upwards and spare classes downwards', () => {
    expect(classGapOf(420, 45)).toBe(10); // 9.33 → 10 classes short
    expect(classGapOf(-420, 45)).toBe(-9); // 9 whole classes spare
    expect(classGapOf(0, 45)).toBe(0);
    expect(Object.is(classGapOf(-9, 45), 0)).toBe(true); // not −0
  });

  it('gives the seats that bring use down to the red threshold', () => {
    expect(seatsShort(1100, 900, 1)).toBe(200);
    expect(seatsShort(900, 900, 1)).toBe(0);
    expect(seatsShort(950, 900, 0.95)).toBe(100); // 950 / 0.95 = 1000 seats needed
  });
});

describe('projected classes', () => {
  const s = defaultSettings();

  it('packs students into the rooms there are when they run short', () => {
    // 600 pupils need 14 classes of 45 but have 10 rooms: 10 classes of 60.
    const c = estimateClasses(600, 10, 6, 45, s);
    expect(c.classes).toBe(10);
    expect(c.average).toBe(60);
    // Sizes spread over 55–65: share ≥ 56 = (65 − 56) / 10 = 0.9 → 9 classes; none ≥ 66.
    expect(c.large).toBe(9);
    expect(c.oversized).toBe(0);
  });

  it('opens classes at the standard size when there are rooms, and one per grade at least', () => {
    expect(estimateClasses(600, 20, 6, 45, s)).toMatchObject({ classes: 14, large: 0 });
    expect(estimateClasses(60, 12, 6, 45, s)).toMatchObject({ classes: 6, average: 10 });
    expect(estimateClasses(0, 12, 6, 45, s)).toMatchObject({ classes: 0, average: null });
  });

  it('spreads class sizes evenly around the average', () => {
    expect(shareAtLeast(56, 56, 5)).toBeCloseTo(0.5, 12);
    expect(shareAtLeast(50, 56, 5)).toBe(0);
    expect(shareAtLeast(70, 66, 5)).toBeCloseTo(0.9, 12);
    expect(shareAtLeast(56, 56, 0)).toBe(1);
  });
});
