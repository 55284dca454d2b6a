// Small random layouts for property tests: schools that may close or convert, sites, standard
// sizes, 教学点 options, boarding, locks, budgets, a first build year, the distance or the area rule.
import fc from 'fast-check';
import { areaArcs } from '../../../shared/optimise/arcs';
import { instance, option, school, site } from './tiny';

const T = 3;
const kids = fc.array(fc.integer({ min: 0, max: 150 }), { minLength: T, maxLength: T });
const pointArb = fc.record({ x: fc.integer({ min: 0, max: 12_000 }), children: kids });
const optionsArb = fc.array(fc.record({ added: fc.integer({ min: 30, max: 300 }), cost: fc.integer({ min: 50, max: 800 }) }), { maxLength: 2 });
const schoolArb = fc.record({
  x: fc.integer({ min: 0, max: 12_000 }),
  seats: fc.integer({ min: 20, max: 300 }),
  options: optionsArb,
  closable: fc.boolean(),
  keep: fc.boolean(),
  credit: fc.constantFrom(0, 0, 40),
  boarding: fc.option(fc.integer({ min: 20, max: 200 }), { nil: null }),
});
const siteArb = fc.record({ x: fc.integer({ min: 0, max: 12_000 }), options: optionsArb, teachingPoint: fc.boolean() });
const teachingPoint = { ...option(45, 60), classes: 1, kind: 'teaching_point' as const, name: '教学点' };
export const instanceArb = fc
  .record({
    points: fc.array(pointArb, { minLength: 1, maxLength: 5 }),
    schools: fc.array(schoolArb, { minLength: 1, maxLength: 3 }),
    sites: fc.array(siteArb, { maxLength: 2 }),
    budget: fc.array(fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }), { minLength: T, maxLength: T }),
    firstBuildIndex: fc.integer({ min: 0, max: 1 }),
    boardingKm: fc.option(fc.constant(15), { nil: null }),
    totalBudget: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
    beyondFactor: fc.constantFrom(1, 2),
    areaRule: fc.boolean(),
  })
  .map((r) => {
    const inst = instance(
      r.points.map((p, i) => ({ id: `P${i}`, ...p })),
      [
        ...r.schools.map((s, i) =>
          school(`S${i}`, s.x, s.seats, {
            options: s.options.map((o) => option(o.added, o.cost, s.seats)),
            closable: s.closable,
            keep: s.keep,
            convertCredit: s.credit,
            convertKind: s.credit > 0 ? 'kindergarten' : null,
            convertSeats: s.credit > 0 ? 90 : 0,
            boardingCost: s.boarding,
          }),
        ),
        ...r.sites.map((s, i) => site(`N${i}`, s.x, [...(s.teachingPoint ? [teachingPoint] : []), ...s.options.map((o) => option(o.added, o.cost))])),
      ],
      { budget: r.budget, totalBudget: r.totalBudget, beyondFactor: r.beyondFactor, firstBuildIndex: r.firstBuildIndex, boardingKm: r.boardingKm },
    );
    if (!r.areaRule) return inst;
    // Two areas split at 6 km: the area-balance rule's arcs instead of the distance rule's.
    const area = (x: number) => (x < 6000 ? 'W' : 'E');
    return { ...inst, arcs: areaArcs(inst.points, inst.facilities, inst.points.map((p) => area(p.x)), inst.facilities.map((f) => area(f.x)), 1) };
  });

