// The bundled national division list and the township name variants an import matches
// against official names: 城关 ↔ 城关镇, XX街道办事处 ↔ XX街道, and 乡 ↔ 镇 after 撤乡设镇,
// which is matched but reported.
import { describe, expect, it } from 'vitest';
import { countyDivision, DIVISION_TREE } from '../../shared/divisions/counties';
import { officialTownships } from '../../shared/divisions/townships';
import { IssueList } from '../../shared/import/issues';
import { TownshipResolver } from '../../shared/import/resolve-township';
import { editDistance, TownshipIndex } from '../../shared/import/townships';

describe('the national division list', () => {
  it('finds a county by its 6-digit code, with its province and city', () => {
    expect(countyDivision('430121')).toEqual({ code: '430121', name: '长沙县', path: ['湖南省', '长沙市', '长沙县'] });
    expect(countyDivision('999999')).toBeNull();
    expect(DIVISION_TREE.find((p) => p.code === '43')?.children?.find((c) => c.code === '4301')?.children?.map((c) => c.name)).toContain('浏阳市');
  });

  it('gives the county’s official townships with 9-digit codes under the county code', () => {
    const list = officialTownships('430121');
    expect(list.slice(0, 2)).toEqual([
      { code: '430121001', name: '星沙街道' },
      { code: '430121002', name: '泉塘街道' },
    ]);
    expect(list.find((t) => t.name === '黄兴镇')?.code).toBe('430121102');
    for (const t of list) expect(t.code).toMatch(/^430121\d{3}$/);
    expect(officialTownships('999999')).toEqual([]);
  });
});

describe('file names matched to official township names', () => {
  const official = [
    { code: '430121001', name: '星沙街道' },
    { code: '430121102', name: '黄兴镇' },
    { code: '430121900', name: '城关镇' },
    { code: '430121201', name: '青山乡' },
  ];
  const resolve = (label: string, code: string | null = null) => {
    const issues = new IssueList('Sheet1');
    const r = new TownshipResolver(
      official.map((t) => ({ ...t, kind: '镇' as const, urbanRural: '镇区' as const, area: '' })),
      '430121',
      false,
      issues,
    );
    const found = r.resolve(label, code, { row: 2, column: 'B 列（乡镇）' });
    r.reportSkipped();
    return { found, codes: issues.items.map((i) => `${i.severity}:${i.code}`) };
  };

  it('matches by code first, whatever the name says', () => {
    expect(resolve('星沙镇街道', '430121001')).toEqual({ found: { ok: true, code: '430121001' }, codes: [] });
  });

  it('matches 城关 to 城关镇 and 街道办事处 to 街道 without a word', () => {
    expect(resolve('城关')).toEqual({ found: { ok: true, code: '430121900' }, codes: [] });
    expect(resolve('星沙街道办事处')).toEqual({ found: { ok: true, code: '430121001' }, codes: [] });
  });

  it('matches 乡 to 镇 (撤乡设镇) and says so in a warning', () => {
    expect(resolve('青山镇')).toEqual({ found: { ok: true, code: '430121201' }, codes: ['warning:TOWNSHIP_KIND_CHANGED'] });
    expect(resolve('黄兴乡')).toEqual({ found: { ok: true, code: '430121102' }, codes: ['warning:TOWNSHIP_KIND_CHANGED'] });
  });

  it('leaves an unknown name out with a warning, never an error', () => {
    expect(resolve('白沙镇')).toEqual({ found: { ok: false, reason: 'skipped' }, codes: ['warning:UNKNOWN_TOWNSHIP'] });
  });

  it('suggests the nearest name only when it is near enough to be a typo', () => {
    const index = new TownshipIndex(official);
    expect(index.closest('黄星镇')?.name).toBe('黄兴镇');
    expect(index.closest('星沙街')?.name).toBe('星沙街道');
    expect(index.closest('白马垄镇')).toBeNull();
    expect(editDistance('黄兴', '黄星')).toBe(1);
    expect(editDistance('', '星沙')).toBe(2);
  });
});
