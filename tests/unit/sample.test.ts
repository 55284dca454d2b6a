import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CountyData, School } from '../../shared/domain/model';
import { KIND_STAGES, SCHOOL_KINDS, gradesOf, type Stage } from '../../shared/domain/stages';
import { STANDARDS } from '../../shared/standards';
import { SAMPLE_COUNTY_NAME, generateCounty, generateProvince, sampleCountyCode } from '../../shared/sample';
import { createRng } from '../../shared/sample/prng';

const county = generateCounty();
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

function studentsBy(data: CountyData, year: number, stage: Stage): number {
  return data.enrolment.filter((r) => r.year === year && r.stage === stage).reduce((s, r) => s + r.students, 0);
}

function birthsIn(data: CountyData, year: number): number {
  return data.births.filter((b) => b.year === year).reduce((s, b) => s + b.count, 0);
}

function population(data: CountyData, year: number, ages: number[], townships?: Set<string>): number {
  return data.population
    .filter((p) => p.year === year && ages.includes(p.age) && (!townships || townships.has(p.township)))
    .reduce((s, p) => s + p.count, 0);
}

function schoolYear(data: CountyData, school: School, year: number): { students: number; classes: number } {
  let students = 0;
  let classes = 0;
  for (const r of data.enrolment) {
    if (r.school !== school.code || r.year !== year) continue;
    students += r.students;
    classes += r.classes ?? Number.NaN;
  }
  return { students, classes };
}

function averageClass(data: CountyData, school: School, year: number): number {
  const { students, classes } = schoolYear(data, school, year);
  return classes > 0 ? students / classes : 0;
}

/** Structural checks that must hold for every generated county, whatever the seed. */
function checkIntegrity(data: CountyData): void {
  const schools = new Map(data.schools.map((s) => [s.code, s]));
  const townships = new Set(data.townships.map((t) => t.code));
  expect(schools.size).toBe(data.schools.length);
  expect(townships.size).toBe(data.townships.length);
  expect(new Set(data.schools.map((s) => s.name)).size).toBe(data.schools.length);
  for (const t of data.townships) expect(t.code).toMatch(new RegExp(`^${data.meta.code}\\d{3}$`));
  for (const s of data.schools) {
    expect(s.code).toMatch(/^\d{10}$/);
    expect(townships.has(s.township)).toBe(true);
    for (const v of [s.siteArea, s.floorArea, s.teachingArea, s.sportsArea, s.multimediaRooms, s.boardingStudents, s.designClasses, s.designSeats]) {
      expect(Number.isInteger(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(Number.isFinite(s.equipmentValue)).toBe(true);
    expect(s.equipmentValue).toBeGreaterThan(0);
    expect(s.floorArea).toBeGreaterThan(s.teachingArea ?? Infinity);
    expect(s.siteArea).toBeGreaterThan(s.sportsArea ?? Infinity);
  }
  for (const r of data.enrolment) {
    const school = schools.get(r.school);
    expect(school, r.school).toBeDefined();
    if (!school) continue;
    expect(KIND_STAGES[school.kind]).toContain(r.stage);
    expect(r.grade).toBeGreaterThanOrEqual(1);
    expect(r.grade).toBeLessThanOrEqual(gradesOf(r.stage, data.meta.schoolSystem));
    if (school.kind === 'teaching_point') expect(r.grade).toBeLessThanOrEqual(4);
    expect(Number.isInteger(r.students) && r.students >= 0).toBe(true);
    // The sample knows every class count: none is left unknown (null).
    const classes = r.classes ?? Number.NaN;
    expect(Number.isInteger(classes) && classes >= 0).toBe(true);
    expect(classes >= 1).toBe(r.students > 0);
    expect(r.students).toBeGreaterThanOrEqual(classes);
  }
  for (const r of data.staff) {
    expect(schools.has(r.school)).toBe(true);
    for (const v of [r.teachers, r.qualifiedAbove, r.keyTeachers, r.peArtsTeachers]) {
      expect(Number.isInteger(v) && v >= 0).toBe(true);
      expect(v).toBeLessThanOrEqual(r.teachers);
    }
  }
  for (const p of data.population) {
    expect(townships.has(p.township)).toBe(true);
    expect(Number.isInteger(p.count) && p.count >= 0).toBe(true);
  }
  for (const b of data.births) {
    expect(townships.has(b.township)).toBe(true);
    expect(Number.isInteger(b.count) && b.count > 0).toBe(true);
  }
}

describe('sample county: determinism', () => {
  it('gives identical data for the same seed and index', () => {
    expect(generateCounty()).toEqual(county);
    expect(generateCounty({ seed: 7, index: 2 })).toEqual(generateCounty({ seed: 7, index: 2 }));
  });

  it('gives different counties for different indexes and seeds', () => {
    const second = generateCounty({ index: 1 });
    expect(second.meta.name).toBe(`${SAMPLE_COUNTY_NAME}2`);
    expect(second.meta.code).not.toBe(county.meta.code);
    expect(second.births.map((b) => b.count)).not.toEqual(county.births.map((b) => b.count));
    const reseeded = generateCounty({ seed: 12345 });
    expect(reseeded.meta.code).toBe(county.meta.code);
    expect(reseeded.enrolment.map((r) => r.students)).not.toEqual(county.enrolment.map((r) => r.students));
  });

  it('keeps codes unique across a province', () => {
    const province = generateProvince(3);
    expect(province.map((c) => c.meta.name)).toEqual(['示例县', '示例县2', '示例县3']);
    expect(province[0]).toEqual(county);
    const counties = province.map((c) => c.meta.code);
    const schools = province.flatMap((c) => c.schools.map((s) => s.code));
    const townships = province.flatMap((c) => c.townships.map((t) => t.code));
    expect(new Set(counties).size).toBe(3);
    expect(new Set(schools).size).toBe(schools.length);
    expect(new Set(townships).size).toBe(townships.length);
  });

  it('keeps county codes 6 digits and distinct over a large province', () => {
    const codes = Array.from({ length: 500 }, (_, i) => sampleCountyCode(i));
    for (const c of codes) expect(c).toMatch(/^99\d{2}(0[1-9]|[1-9]\d)$/);
    expect(new Set(codes).size).toBe(codes.length);
    expect(sampleCountyCode(0)).toBe('990101');
  });

  it('rejects a bad county index', () => {
    expect(() => generateCounty({ index: -1 })).toThrow(RangeError);
    expect(() => generateCounty({ index: 1.5 })).toThrow(RangeError);
    expect(() => generateProvince(-1)).toThrow(RangeError);
  });

  it('uses a seeded generator that repeats and stays in range', () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(new Set(xs).size).toBeGreaterThan(990);
    expect(createRng(42).fork('x').next()).not.toBe(createRng(42).fork('y').next());
  });
});

describe('sample county: shape', () => {
  it('has the meta of a 六三制 county with base year 2025', () => {
    expect(county.meta).toEqual({ name: '示例县', code: '990101', schoolSystem: '六三制', baseYear: 2025 });
  });

  it('has a county town, street offices and rural townships in planning areas', () => {
    expect(county.townships.length).toBeGreaterThanOrEqual(13);
    expect(county.townships.length).toBeLessThanOrEqual(17);
    const town = county.townships.find((t) => t.name === '城关镇');
    expect(town).toMatchObject({ kind: '镇', urbanRural: '城区', area: '城区片区' });
    const streets = county.townships.filter((t) => t.kind === '街道');
    expect(streets.length).toBeGreaterThanOrEqual(2);
    for (const s of streets) expect(s.urbanRural).toBe('城区');
    for (const t of county.townships.filter((x) => x.kind === '乡')) expect(t.urbanRural).toBe('乡村');
    const areas = new Set(county.townships.map((t) => t.area));
    expect(areas.size).toBeGreaterThanOrEqual(4);
    expect(areas.size).toBeLessThanOrEqual(5);
    for (const a of areas) expect(a).toMatch(/片区$/);
  });

  it('has about 100 schools of every kind with unique 10-digit codes', () => {
    expect(county.schools.length).toBeGreaterThanOrEqual(90);
    expect(county.schools.length).toBeLessThanOrEqual(110);
    const kinds = new Set(county.schools.map((s) => s.kind));
    for (const k of SCHOOL_KINDS) expect(kinds.has(k), k).toBe(true);
    const count = (k: string): number => county.schools.filter((s) => s.kind === k).length;
    expect(count('kindergarten')).toBeGreaterThanOrEqual(30);
    expect(count('primary')).toBeGreaterThanOrEqual(25);
    expect(count('teaching_point')).toBeGreaterThanOrEqual(8);
    expect(count('senior')).toBe(2);
    for (const s of county.schools) expect(s.status).toBe('在办');
  });

  it('has one public central kindergarten per township and all three ownerships', () => {
    for (const t of county.townships) {
      const central = county.schools.filter((s) => s.township === t.code && s.kind === 'kindergarten' && s.name.endsWith('中心幼儿园'));
      expect(central.length, t.name).toBe(1);
      expect(central[0]?.ownership).toBe('公办');
    }
    const ownerships = new Set(county.schools.filter((s) => s.kind === 'kindergarten').map((s) => s.ownership));
    expect([...ownerships].sort()).toEqual(['公办', '民办', '普惠性民办'].sort());
  });

  it('places schools around latitude 34 and longitude 113, near their township', () => {
    for (const s of county.schools) {
      expect(s.lat).toBeGreaterThan(33.5);
      expect(s.lat).toBeLessThan(35.5);
      expect(s.lng).toBeGreaterThan(112.5);
      expect(s.lng).toBeLessThan(114.5);
    }
  });

  it('records every school in every stage it teaches, and only those', () => {
    for (const s of county.schools) {
      const stages = new Set(county.enrolment.filter((r) => r.school === s.code && r.year === 2025).map((r) => r.stage));
      expect([...stages].sort(), s.name).toEqual([...KIND_STAGES[s.kind]].sort());
    }
    expect(county.enrolment.length).toBeGreaterThan(2000);
    expect(county.enrolment.length).toBeLessThan(8000);
  });

  it('has staff for every school and year 2019–2025', () => {
    for (const s of county.schools) {
      expect(county.staff.filter((r) => r.school === s.code).map((r) => r.year), s.name).toEqual(YEARS);
    }
  });

  it('has population by township, year 2020–2025 and age 0–17, and births 2010–2025', () => {
    expect(county.population.length).toBe(county.townships.length * 6 * 18);
    const keys = new Set(county.population.map((p) => `${p.township}/${p.year}/${p.age}`));
    expect(keys.size).toBe(county.population.length);
    for (const p of county.population) {
      expect(p.sex).toBe('T');
      expect(p.source).toBe(p.year === 2020 ? '七普' : '年度估算');
      expect(p.year >= 2020 && p.year <= 2025 && p.age >= 0 && p.age <= 17).toBe(true);
    }
    expect(county.births.length).toBe(county.townships.length * 16);
    for (const b of county.births) expect(b.year >= 2010 && b.year <= 2025 && b.source === '卫健部门').toBe(true);
  });

  it('keeps teaching points tiny', () => {
    for (const s of county.schools.filter((x) => x.kind === 'teaching_point')) {
      const { students, classes } = schoolYear(county, s, 2025);
      expect(students).toBeGreaterThan(0);
      expect(students).toBeLessThanOrEqual(60);
      expect(classes).toBeLessThanOrEqual(4);
    }
  });

  it('has a special school with 60–120 pupils every year', () => {
    for (const y of YEARS) {
      const n = studentsBy(county, y, 'special');
      expect(n).toBeGreaterThanOrEqual(60);
      expect(n).toBeLessThanOrEqual(120);
    }
  });
});

describe('sample county: trends a planner must see', () => {
  it('has births peaking in 2016 and halving by 2023', () => {
    const series = Array.from({ length: 16 }, (_, i) => birthsIn(county, 2010 + i));
    expect(Math.max(...series)).toBe(birthsIn(county, 2016));
    expect(birthsIn(county, 2016)).toBeGreaterThanOrEqual(4000);
    expect(birthsIn(county, 2016)).toBeLessThanOrEqual(6000);
    expect(birthsIn(county, 2023)).toBeLessThanOrEqual(0.6 * birthsIn(county, 2016));
  });

  it('has primary enrolment past its peak while junior enrolment still rises', () => {
    const primary = YEARS.map((y) => studentsBy(county, y, 'primary'));
    const peak = Math.max(...primary);
    const p2025 = studentsBy(county, 2025, 'primary');
    const j2019 = studentsBy(county, 2019, 'junior');
    const j2025 = studentsBy(county, 2025, 'junior');
    expect(p2025 < peak || (p2025 >= 0.97 * peak && j2025 >= 1.05 * j2019)).toBe(true);
    expect(j2025).toBeGreaterThanOrEqual(1.05 * j2019);
    expect(studentsBy(county, 2022, 'junior')).toBeGreaterThan(j2019);
    expect(j2025).toBeGreaterThan(studentsBy(county, 2022, 'junior'));
  });

  it('has kindergarten enrolment falling clearly', () => {
    expect(studentsBy(county, 2025, 'preschool')).toBeLessThanOrEqual(0.85 * studentsBy(county, 2019, 'preschool'));
    expect(studentsBy(county, 2025, 'preschool')).toBeLessThan(studentsBy(county, 2022, 'preschool'));
  });

  it('has enrolment ratios in realistic ranges', () => {
    for (const y of [2020, 2023, 2025]) {
      const ger = studentsBy(county, y, 'preschool') / population(county, y, [3, 4, 5]);
      expect(ger).toBeGreaterThan(0.8);
      expect(ger).toBeLessThan(0.96);
      const teens = population(county, y, [15, 16, 17]);
      expect(studentsBy(county, y, 'senior') / teens).toBeGreaterThan(0.5);
      expect(studentsBy(county, y, 'senior') / teens).toBeLessThan(0.7);
      expect(studentsBy(county, y, 'vocational') / teens).toBeGreaterThan(0.25);
      expect(studentsBy(county, y, 'vocational') / teens).toBeLessThan(0.4);
    }
    const kids = county.enrolment.filter((r) => r.year === 2025 && r.stage === 'preschool');
    const ownership = new Map(county.schools.map((s) => [s.code, s.ownership]));
    const publicShare = kids.filter((r) => ownership.get(r.school) === '公办').reduce((s, r) => s + r.students, 0) / studentsBy(county, 2025, 'preschool');
    expect(publicShare).toBeGreaterThan(0.5);
    expect(publicShare).toBeLessThan(0.85);
  });

  it('crowds county-town schools and empties rural ones', () => {
    const urban = county.schools.filter((s) => s.urbanRural === '城区');
    const crowded = urban.filter((s) => averageClass(county, s, 2025) >= 56);
    expect(crowded.length).toBeGreaterThanOrEqual(3);
    expect(urban.some((s) => averageClass(county, s, 2025) >= 66)).toBe(true);
    for (const s of crowded) expect(schoolYear(county, s, 2025).students).toBeGreaterThan(s.designSeats ?? Infinity);

    const ruralPrimary = county.schools.filter((s) => s.urbanRural === '乡村' && s.kind === 'primary');
    expect(ruralPrimary.some((s) => averageClass(county, s, 2025) < 25)).toBe(true);
    for (const s of county.schools.filter((x) => x.urbanRural !== '城区' && ['primary', 'teaching_point', 'kindergarten'].includes(x.kind))) {
      expect(schoolYear(county, s, 2025).students, s.name).toBeLessThan(s.designSeats ?? 0);
      expect(schoolYear(county, s, 2025).students, s.name).toBeLessThan(schoolYear(county, s, 2019).students);
    }
  });

  it('loses rural six-year-olds between 2020 and 2025', () => {
    const rural = county.townships.filter((t) => t.urbanRural !== '城区');
    expect(rural.length).toBeGreaterThan(0);
    for (const t of rural) {
      const set = new Set([t.code]);
      expect(population(county, 2025, [6], set), t.name).toBeLessThan(population(county, 2020, [6], set));
    }
  });

  it('moves children to the county town: urban share of a cohort grows with age', () => {
    const urban = new Set(county.townships.filter((t) => t.urbanRural === '城区').map((t) => t.code));
    // The cohort born in 2013: age 7 in 2020, age 12 in 2025.
    const share = (year: number, age: number): number => population(county, year, [age], urban) / population(county, year, [age]);
    expect(share(2025, 12)).toBeGreaterThan(share(2020, 7));
  });

  it('has some schools passing and some failing the 优质均衡 indicators', () => {
    const compulsory = county.schools.filter(
      (s) => (s.kind === 'primary' || s.kind === 'junior') && schoolYear(county, s, 2025).students >= 50,
    );
    const ratios = compulsory.map((s) => {
      const students = schoolYear(county, s, 2025).students;
      const staff = county.staff.find((r) => r.school === s.code && r.year === 2025);
      return {
        teaching: (s.teachingArea ?? 0) / students,
        sports: (s.sportsArea ?? 0) / students,
        key: ((staff?.keyTeachers ?? 0) * 100) / students,
        peArts: ((staff?.peArtsTeachers ?? 0) * 100) / students,
        perTeacher: students / (staff?.teachers ?? 1),
      };
    });
    const both = (values: number[], threshold: number): void => {
      expect(values.some((v) => v >= threshold)).toBe(true);
      expect(values.some((v) => v < threshold)).toBe(true);
    };
    both(ratios.map((r) => r.teaching), 4.5);
    both(ratios.map((r) => r.sports), 7.5);
    both(ratios.map((r) => r.key), 1);
    both(ratios.map((r) => r.peArts), 0.9);
    for (const r of ratios) {
      expect(r.perTeacher).toBeGreaterThan(5);
      expect(r.perTeacher).toBeLessThan(25);
    }
  });
});

describe('sample county: integrity', () => {
  it('has only non-negative integers, classes iff students, and valid references', () => {
    checkIntegrity(county);
  });

  it('has age-0 population equal to births (within 1 %) in every township and year', () => {
    for (const p of county.population.filter((x) => x.age === 0)) {
      const births = county.births.find((b) => b.township === p.township && b.year === p.year);
      expect(births).toBeDefined();
      expect(Math.abs(p.count - (births?.count ?? 0))).toBeLessThanOrEqual(0.01 * (births?.count ?? 0));
    }
  });

  it('sums township births to a smooth county series', () => {
    for (let y = 2011; y <= 2025; y++) {
      const change = birthsIn(county, y) / birthsIn(county, y - 1);
      expect(change).toBeGreaterThan(0.75);
      expect(change).toBeLessThan(1.15);
    }
  });

  it('sizes design seats from design classes and standard class sizes', () => {
    for (const s of county.schools) {
      const stages = KIND_STAGES[s.kind];
      const sizes = stages.map((st) => STANDARDS.classSize.value[st]);
      expect(s.designSeats).toBeGreaterThanOrEqual((s.designClasses ?? 0) * Math.min(...sizes));
      expect(s.designSeats).toBeLessThanOrEqual((s.designClasses ?? 0) * Math.max(...sizes));
    }
  });

  it('holds its invariants for other seeds and counties', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.integer({ min: 0, max: 200 }), (seed, index) => {
        const data = generateCounty({ seed, index });
        checkIntegrity(data);
        expect(data.schools.length).toBeGreaterThanOrEqual(90);
        expect(data.schools.length).toBeLessThanOrEqual(110);
        expect(data.townships.length).toBeGreaterThanOrEqual(13);
        expect(data.townships.length).toBeLessThanOrEqual(17);
        const series = Array.from({ length: 16 }, (_, i) => birthsIn(data, 2010 + i));
        expect(Math.max(...series)).toBe(birthsIn(data, 2016));
        expect(studentsBy(data, 2025, 'junior')).toBeGreaterThanOrEqual(1.05 * studentsBy(data, 2019, 'junior'));
        expect(studentsBy(data, 2025, 'preschool')).toBeLessThanOrEqual(0.85 * studentsBy(data, 2019, 'preschool'));
        const urbanCrowded = data.schools.filter((s) => s.urbanRural === '城区' && averageClass(data, s, 2025) >= 56);
        expect(urbanCrowded.length).toBeGreaterThanOrEqual(3);
      }),
      { numRuns: 8 },
    );
  });
});
