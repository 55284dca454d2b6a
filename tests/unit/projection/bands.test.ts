import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitBands } from '../../../shared/projection';

const total = (xs: { count: number }[]) => xs.reduce((s, x) => s + x.count, 0);

describe('splitting five-year census bands into single years', () => {
  it('keeps each band total and tilts toward the neighbouring band', () => {
    const out = splitBands([
      { from: 0, to: 4, count: 500 },
      { from: 5, to: 9, count: 400 },
    ]);
    expect(out.map((x) => x.age)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(total(out.slice(0, 5))).toBeCloseTo(500, 9);
    expect(total(out.slice(5))).toBeCloseTo(400, 9);
    // Density falls from 100 to 80 a year across the two bands: slope −20 / 5 = −4 a year.
    expect(out[0]?.count).toBeCloseTo(108, 9);
    expect(out[4]?.count).toBeCloseTo(92, 9);
    expect(out[5]?.count).toBeCloseTo(88, 9);
  });

  it('gives whole people that add up to the band when asked', () => {
    const out = splitBands([{ from: 0, to: 4, count: 7 }, { from: 5, to: 9, count: 3 }, { from: 10, to: 14, count: 1001 }], { integers: true });
    expect(out.every((x) => Number.isInteger(x.count) && x.count >= 0)).toBe(true);
    expect(total(out.filter((x) => x.age <= 4))).toBe(7);
    expect(total(out.filter((x) => x.age >= 5 && x.age <= 9))).toBe(3);
    expect(total(out.filter((x) => x.age >= 10))).toBe(1001);
  });

  it('refuses overlapping bands', () => {
    expect(() => splitBands([{ from: 0, to: 4, count: 1 }, { from: 4, to: 8, count: 1 }])).toThrow(/重叠/);
  });

  it('keeps every band total and never goes negative, whatever the bands', () => {
    const bands = fc
      .array(fc.record({ width: fc.integer({ min: 1, max: 6 }), count: fc.integer({ min: 0, max: 100_000 }) }), { minLength: 1, maxLength: 8 })
      .map((list) => {
        let from = 0;
        return list.map(({ width, count }) => {
          const band = { from, to: from + width - 1, count };
          from += width;
          return band;
        });
      });
    fc.assert(
      fc.property(bands, fc.boolean(), (list, integers) => {
        const out = splitBands(list, { integers });
        for (const b of list) {
          const inBand = out.filter((x) => x.age >= b.from && x.age <= b.to);
          expect(inBand).toHaveLength(b.to - b.from + 1);
          if (integers) expect(total(inBand)).toBe(b.count);
          else expect(total(inBand)).toBeCloseTo(b.count, 6);
        }
        expect(out.every((x) => x.count >= 0)).toBe(true);
      }),
    );
  });
});
