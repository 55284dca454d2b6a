// The import kind registry is complete and each kind is consistent with itself: its blank
// template is recognised by its own recogniser, maps fully, and a filled-in template plans
// one row without errors; every target its mapping editor offers parses back to itself.
import { describe, expect, it } from 'vitest';
import { SCHOOL_SYSTEMS } from '../../../shared/domain/stages';
import {
  analyseSheet,
  formatTarget,
  IMPORT_KIND_REGISTRY,
  IMPORT_KINDS,
  importTemplate,
  parseTarget,
  planImport,
  targetOptions,
  TownshipIndex,
  type GridCell,
} from '../../../shared/import';
import { context, sheet, townships } from './grids';

const filled = (row: readonly GridCell[]) => row.map((v) => (typeof v === 'string' ? v.replace('（示例）', '') : v));

describe('the import kind registry', () => {
  it('has exactly one entry per kind, with distinct names in Chinese', () => {
    expect(Object.keys(IMPORT_KIND_REGISTRY).sort()).toEqual([...IMPORT_KINDS].sort());
    const specs = IMPORT_KINDS.map((k) => IMPORT_KIND_REGISTRY[k]);
    for (const key of ['label', 'shortLabel', 'description'] as const) {
      const values = specs.map((s) => s[key]);
      expect(new Set(values).size, key).toBe(values.length);
      for (const v of values) expect(v, key).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const s of specs) {
      const names = s.fields.map((f) => f.field);
      expect(new Set(names).size, s.label).toBe(names.length);
    }
  });

  for (const kind of IMPORT_KINDS) {
    for (const system of SCHOOL_SYSTEMS) {
      it(`${kind} (${system}): the blank template round-trips through analyse and plan`, () => {
        const ctx = { system, townships: new TownshipIndex(townships) };
        const template = importTemplate(kind, system);
        expect(template.rows.length).toBeGreaterThan(0);
        const blank = sheet([template.headers, ...template.rows], [], template.sheet);
        const a = analyseSheet(kind, blank, ctx);
        expect(a.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(a.header).toMatchObject({ first: 0, last: 0 });
        const unmapped = a.columns.filter((c) => c.target === 'ignore').map((c) => c.label);
        expect(unmapped, '模板中没有对应的列').toEqual([]);
        const targets = a.columns.map((c) => c.target);
        expect(new Set(targets).size, '模板中有两列对应同一项').toBe(targets.length);
        for (const t of targets) expect(parseTarget(kind, t), t).not.toBeNull();

        // Kinds whose rows name stored schools are planned against the fixture's schools, which their templates name.
        const vctx = context({ system, year: null, staff: [], ...(IMPORT_KIND_REGISTRY[kind].namesStoredSchools ? {} : { schools: [] }) });
        const asIs = planImport(kind, blank, a, a.columns, vctx);
        expect(asIs.counts.rowsImported).toBe(0);
        expect(asIs.issues.map((i) => i.code)).toContain('EXAMPLE_ROW_SKIPPED');

        const real = sheet([template.headers, ...template.rows.map(filled)], [], template.sheet);
        const plan = planImport(kind, real, analyseSheet(kind, real, ctx), a.columns, vctx);
        expect(plan.issues.filter((i) => i.severity === 'error')).toEqual([]);
        expect(plan.kind).toBe(kind);
        expect(plan.counts.rowsImported).toBe(template.rows.length);
      });
    }

    it(`${kind}: every target the mapping editor offers parses back to itself`, () => {
      const options = targetOptions(kind, '六三制', []);
      expect(options.length).toBeGreaterThan(IMPORT_KIND_REGISTRY[kind].fields.length);
      for (const o of options) {
        const t = parseTarget(kind, o.value);
        expect(t, o.value).not.toBeNull();
        expect(formatTarget(t!)).toBe(o.value);
        expect(o.label).not.toBe('');
      }
    });
  }

  it("refuses another kind's targets", () => {
    expect(parseTarget('births', 'students:primary:1')).toBeNull();
    expect(parseTarget('schools', 'yearCol:2020')).toBeNull();
    expect(parseTarget('population', 'peArtsTeachers')).toBeNull();
  });
});
