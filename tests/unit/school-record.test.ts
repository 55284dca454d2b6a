// The school declaration drives the export, the blank template and the import: every fact
// a school has goes out in a column and comes back into the same field.
import { describe, expect, it } from 'vitest';
import { headerOf, SCHOOL_FACT_FIELDS, SCHOOL_FACTS, SchoolSchema, type School } from '../../shared/domain';
import { analyseSheet, importTemplate, planImport, type GridCell } from '../../shared/import';
import { dataTable } from '../../shared/templates/layouts';
import { tinyCounty } from '../fixtures/tiny-county';
import { context, recogniseCtx, sheet } from './import/grids';

const factsOf = (s: School) => Object.fromEntries(SCHOOL_FACT_FIELDS.map((f) => [f, s[f]]));

describe('the school declaration', () => {
  it('validates the stored schools of a county', () => {
    for (const s of tinyCounty().schools) expect(SchoolSchema.parse(s)).toEqual(s);
    expect(() => SchoolSchema.parse({ ...tinyCounty().schools[0], floorArea: '大' })).toThrow();
  });

  it('names every fact in the blank template, where the import recognises it', () => {
    const template = importTemplate('schools', '六三制');
    const a = analyseSheet('schools', sheet([template.headers, ...(template.rows as GridCell[][])]), recogniseCtx);
    const target = new Map(a.columns.map((c) => [c.label, c.target]));
    for (const f of SCHOOL_FACT_FIELDS) expect(target.get(headerOf(SCHOOL_FACTS[f])), f).toBe(f);
  });

  it('exports every fact and reads it back into the same field', () => {
    const county = tinyCounty();
    // Distinct values per fact, so a column read into the wrong field cannot pass.
    county.schools = county.schools.map((s, i) => ({
      ...s,
      ...Object.fromEntries(SCHOOL_FACT_FIELDS.map((f, k) => [f, f === 'lat' ? 30 + i : f === 'lng' ? 110 + i : 100 * (k + 1) + i])),
    }));
    const table = dataTable('schools', county);
    const grid = sheet([table.headers, ...(table.rows as GridCell[][])]);
    const a = analyseSheet('schools', grid, recogniseCtx);
    const p = planImport('schools', grid, a, a.columns, context({ schools: [], staff: [], year: null }));
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const read = new Map(p.schools.map((s) => [s.record.code, factsOf(s.record)]));
    const exported = new Set(table.rows.map((r) => r[1]));
    for (const s of county.schools.filter((x) => exported.has(x.code))) expect(read.get(s.code)).toEqual(factsOf(s));
    expect(read.size).toBeGreaterThan(0);
  });

  it('exports a school that has no enrolment record, and the import reads it back', () => {
    const county = tinyCounty();
    const first = county.schools[0];
    if (!first) throw new Error('fixture has no school');
    const lonely: School = { ...first, code: '9999999999', name: '新建无学生学校' };
    county.schools = [...county.schools, lonely];
    const table = dataTable('schools', county);
    const row = table.rows.find((r) => r[1] === lonely.code);
    expect(row).toBeDefined();
    // Its year is the data's latest; its classes and students are unknown, not zero.
    expect(row?.[0]).toBe(Math.max(...county.enrolment.map((e) => e.year), ...county.staff.map((s) => s.year)));
    expect(row?.slice(-2)).toEqual([null, null]);
    const grid = sheet([table.headers, ...(table.rows as GridCell[][])]);
    const a = analyseSheet('schools', grid, recogniseCtx);
    const p = planImport('schools', grid, a, a.columns, context({ schools: [], staff: [], year: null }));
    expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(new Set(p.schools.map((s) => s.record.code))).toEqual(new Set(county.schools.map((s) => s.code)));
  });
});
