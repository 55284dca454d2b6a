// 城区 or not, written once (shared/domain/urban.ts): which townships take the urban series
// of a norm, and what a township of unknown 城乡分类 — a code the county's list does not hold —
// takes: the 镇区及乡村 series, in every caller that chooses between the two.
import { describe, expect, it } from 'vitest';
import { plannedSchoolsInput } from '../../electron/backend/annex/planned-schools-source';
import { isUrban, urbanTownshipCodes, type Township } from '../../shared/domain';
import { evaluatePlan, newPlan, schoolReservations, type Plan } from '../../shared/plan';
import { parseParams, type Development } from '../../shared/projection';
import { planContext, T1, T2, T3 } from '../fixtures/plan-county';
import { project } from '../fixtures/plan-projects';

/** A township code the fixture's list does not hold. */
const UNKNOWN = '990999099';
const township = (code: string, urbanRural: Township['urbanRural']): Township => ({ code, name: code, kind: '镇', urbanRural, area: '' });

describe('城区 or not', () => {
  it('is 城区 only for a township classed 城区', () => {
    expect(isUrban(township('1', '城区'))).toBe(true);
    expect(isUrban(township('2', '镇区'))).toBe(false);
    expect(isUrban(township('3', '乡村'))).toBe(false);
    const codes = urbanTownshipCodes([township('1', '城区'), township('2', '镇区'), township('3', '乡村'), township('4', '城区')]);
    expect([...codes].sort()).toEqual(['1', '4']);
  });

  it('takes the fixture county’s 城关镇 and 东城街道 as 城区, 青山乡 and an unknown township not', () => {
    const codes = urbanTownshipCodes(planContext().townships);
    expect([T1, T2, T3, UNKNOWN].map((c) => codes.has(c))).toEqual([true, true, false, false]);
  });

  it('sizes a 配套学校 in an unknown township by the rural 生均用地, like one in 乡村', () => {
    const codes = urbanTownshipCodes(planContext().townships);
    const plan: Plan = { ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }), name: '十五五' };
    const dev = (code: string): Development => ({
      id: 1, name: '滨河新城', township: code, dwellings: null, residents: 10_000, completionYear: 2027, scenario: null, reserveKind: 'primary', reserveSetting: null,
    });
    const site = (code: string) => schoolReservations([dev(code)], parseParams({}), plan, (c) => codes.has(c))[0];
    // 855 seats (see plan-reservations.test.ts) × 23 ㎡ rural, × 18 ㎡ urban.
    expect(site(UNKNOWN)).toMatchObject({ urban: false, siteArea: 19665 });
    expect(site(T3)?.siteArea).toBe(19665);
    expect(site(T1)?.siteArea).toBe(15390);
  });

  it('gives a new school in an unknown township the rural 生均用地 in 规划学校一览表', () => {
    const ctx = planContext();
    const plan: Plan = {
      ...newPlan(2024, { targetYear: 2029, outlookYear: 2034 }),
      name: '十五五',
      projects: [
        project({ id: 1, type: '新建', name: '新区小学', kind: 'primary', township: UNKNOWN, classes: 12, seats: 540, siteArea: 12000, completionYear: 2027 }),
        project({ id: 2, type: '新建', name: '城关第二小学', kind: 'primary', township: T2, classes: 12, seats: 540, siteArea: 12000, completionYear: 2027 }),
      ],
    };
    const rows = plannedSchoolsInput(plan, evaluatePlan(ctx, plan), new Map(), urbanTownshipCodes(ctx.townships)).schools;
    expect(rows.find((r) => r.name === '新区小学')?.siteNorm).toBe(23);
    expect(rows.find((r) => r.name === '城关第二小学')?.siteNorm).toBe(18);
  });
});
