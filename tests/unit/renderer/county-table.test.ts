// The 预测 分学段 table as plain HTML: the same headings (with their help), figures, interval
// rows and peak mark as the antd table it replaced, and the row comparison that decides which
// stages a slider's answer renders again.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ProjectionResult } from '../../../shared/projection';
import { CountyTable, countyRows, sameCountyRow } from '../../../renderer/src/components/forecast/CountyTable';

// Only what the table reads; the rest of a projection plays no part in it.
const result = {
  baseYear: 2025,
  years: [2026, 2027, 2028],
  history: { years: [2024, 2025], county: { primary: [25_300, 25_100], junior: [12_000, 12_018] } },
  county: { primary: [23_833, 22_251, 20_090], junior: [12_165, 12_841, 12_689] },
  countyLow: { primary: [23_411, 21_739, 19_367], junior: [11_950, 12_000, 12_232] },
  countyHigh: { primary: [24_187, 22_642, 20_655], junior: [12_346, 13_100, 13_046] },
  peaks: [
    { stage: 'primary', kind: 'falling', text: '' },
    { stage: 'junior', kind: 'peak', peakYear: 2027, text: '' },
  ],
} as unknown as ProjectionResult;

const html = renderToStaticMarkup(createElement(CountyTable, { result, stages: ['primary', 'junior'] }));
const cells = (rowText: string): string[] => {
  const row = html.split('<tr class="plain-table-row">').find((r) => r.includes(rowText)) ?? '';
  return [...row.split('</tr>')[0]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
};

describe('the 分学段 table', () => {
  it('heads its columns with the stage, the base year as recorded and each projected year, each figure column with its help', () => {
    expect(html).toContain('data-testid="forecast-county-table"');
    const heads = [...html.split('<tbody>')[0]!.split('plain-table-sizer')[0]!.matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => m[1]!);
    expect(heads.map((h) => h.replace(/<[^>]+>/g, ''))).toEqual(['学段', '2025（实际）', '2026', '2027', '2028']);
    expect(heads[1]).toContain('data-explain="forecast.actual"');
    for (const h of heads.slice(2)) expect(h).toContain('data-explain="forecast.county"');
  });

  it('shows each stage\'s figures grouped by thousands, and its 80 % interval in the row under them', () => {
    expect(cells('小学')).toEqual(['小学', '25,100', '23,833', '22,251', '20,090']);
    const rows = html.split('<tr class="plain-table-row">').slice(1);
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain('80% 区间');
    expect(rows[1]).toContain('23,411–24,187');
    expect(rows[3]).toContain('12,000–13,100');
  });

  it('marks the peak year of a stage that peaks inside the projection, and only that cell', () => {
    expect(html.match(/peak-cell/g)).toHaveLength(1);
    expect(html).toMatch(/peak-cell">12,841</);
  });

  it('renders a stage again only when one of its figures changes', () => {
    const [primary, junior] = countyRows(result, ['primary', 'junior']);
    const copy = structuredClone(result);
    const [samePrimary, movedJunior] = countyRows({ ...copy, county: { ...copy.county, junior: [12_165, 12_842, 12_689] } }, ['primary', 'junior']);
    expect(samePrimary!.values).not.toBe(primary!.values);
    expect(sameCountyRow(primary!, samePrimary!)).toBe(true);
    expect(sameCountyRow(junior!, movedJunior!)).toBe(false);
    const [widened] = countyRows({ ...copy, countyHigh: { ...copy.countyHigh!, primary: [24_188, 22_642, 20_655] } }, ['primary']);
    expect(sameCountyRow(primary!, widened!)).toBe(false);
  });
});
