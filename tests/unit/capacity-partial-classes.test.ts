// A school whose file gives class counts for some grades and not others: only the unknown
// grades are estimated (their students ÷ the standard class size, grade by grade), the known
// counts are kept, and the seats say they are partly estimated.
import { describe, expect, it } from 'vitest';
import { capacityOf, CAPACITY_METHOD, latestYearSummary, unknownGradeClasses } from '../../shared/analysis/enrolment';
import type { EnrolmentRecord } from '../../shared/domain';
import { NATIONAL_SETTINGS } from '../../shared/plan/settings';

const grade = (g: number, students: number, classes: number | null): EnrolmentRecord => ({ school: 'S1', year: 2024, stage: 'primary', grade: g, students, classes });

describe('a school with some grades’ class counts unknown', () => {
  // 小学 standard class size 45. Grades 1–3 known: 2 + 2 + 3 = 7 classes.
  // Grades 4–6 unknown: 91 → ⌈91/45⌉ = 3, 45 → 1, 0 pupils → 0; estimated 4 classes.
  const records = [grade(1, 80, 2), grade(2, 88, 2), grade(3, 120, 3), grade(4, 91, null), grade(5, 45, null), grade(6, 0, null)];
  const size = NATIONAL_SETTINGS.classSize.primary;

  it('estimates the unknown grades one by one, not the school from the known sum', () => {
    expect(size).toBe(45);
    expect(unknownGradeClasses(records, size)).toBe(4);
    const latest = latestYearSummary(records, NATIONAL_SETTINGS);
    expect(latest.classesByStage.primary).toBe(7);
    expect(latest.estimatedClassesByStage.primary).toBe(4);
    const cap = capacityOf({ designSeats: null, kind: 'primary' }, latest.classesByStage, NATIONAL_SETTINGS.classSize, latest.byStage, null, latest.estimatedClassesByStage);
    // (7 known + 4 estimated) × 45 = 495 seats, marked as partly estimated.
    expect(cap).toEqual({ seats: 495, source: 'grades' });
    expect(CAPACITY_METHOD[cap.source as 'grades']).toMatch(/^估算/);
  });

  it('leaves a school with every count known, or every count unknown, to the rules it had', () => {
    const known = records.map((r) => ({ ...r, classes: r.classes ?? 1 }));
    expect(unknownGradeClasses(known, size)).toBe(0);
    const k = latestYearSummary(known, NATIONAL_SETTINGS);
    expect(capacityOf({ designSeats: null, kind: 'primary' }, k.classesByStage, NATIONAL_SETTINGS.classSize, k.byStage, null, k.estimatedClassesByStage)).toEqual({ seats: 10 * 45, source: 'classes' });
    const none = records.map((r) => ({ ...r, classes: null }));
    expect(unknownGradeClasses(none, size)).toBe(0);
    const n = latestYearSummary(none, NATIONAL_SETTINGS);
    // Whole-school estimate: 424 pupils → ⌈424/45⌉ = 10 classes → 450 seats.
    expect(capacityOf({ designSeats: null, kind: 'primary' }, n.classesByStage, NATIONAL_SETTINGS.classSize, n.byStage, null, n.estimatedClassesByStage)).toEqual({ seats: 450, source: 'students' });
  });

  it('never estimates over recorded design seats', () => {
    const latest = latestYearSummary(records, NATIONAL_SETTINGS);
    expect(capacityOf({ designSeats: 540, kind: 'primary' }, latest.classesByStage, NATIONAL_SETTINGS.classSize, latest.byStage, null, latest.estimatedClassesByStage)).toEqual({ seats: 540, source: 'design' });
  });
});
