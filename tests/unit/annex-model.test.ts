// The format-neutral annex model: number formats, header merges, numbering, column fitting.
import { describe, expect, it } from 'vitest';
import {
  cellAlign,
  cellText,
  chineseOrdinal,
  columnWidths,
  displayWidth,
  fitTable,
  formatNumber,
  headerLayout,
  numberAnnexes,
  tableDate,
  typeArea,
  yearSpan,
  type AnnexContent,
  type AnnexTable,
  type Column,
} from '../../shared/annex';

describe('number formats', () => {
  it('groups integers, keeps one decimal for rates and percentages, and leaves serials plain', () => {
    expect(formatNumber(1234567, 'integer')).toBe('1,234,567');
    expect(formatNumber(-1234.4, 'integer')).toBe('-1,234');
    expect(formatNumber(-0.3, 'integer')).toBe('0');
    expect(formatNumber(999, 'integer')).toBe('999');
    expect(formatNumber(2025, 'serial')).toBe('2025');
    expect(formatNumber(45.25, 'rate')).toBe('45.3');
    expect(formatNumber(-0.01, 'rate')).toBe('0.0');
    expect(formatNumber(0.9346, 'percent')).toBe('93.5%');
    expect(formatNumber(1.2, 'percent')).toBe('120.0%');
    expect(formatNumber(Number.NaN, 'integer')).toBe('');
  });

  it('formats a cell by its column, or by its own kind when it carries one', () => {
    const rate: Column = { header: '班额', kind: 'rate' };
    expect(cellText(52, rate)).toBe('52.0');
    expect(cellText({ value: 0.5, kind: 'percent' }, rate)).toBe('50.0%');
    expect(cellText(null, rate)).toBe('');
    expect(cellText('—', rate)).toBe('—');
    expect(cellAlign(12, { header: '序号', kind: 'serial' })).toBe('center');
    expect(cellAlign(12, rate)).toBe('right');
    expect(cellAlign('名称', { header: '名称', kind: 'text' })).toBe('left');
  });

  it('counts Chinese characters, full-width signs and the em dash as two columns', () => {
    expect(displayWidth('ab1')).toBe(3);
    expect(displayWidth('学校')).toBe(4);
    expect(displayWidth('（㎡）')).toBe(6);
    expect(displayWidth('2019—2025')).toBe(10);
  });

  it('writes dates, year spans and heading numbers as government documents do', () => {
    expect(tableDate(2025, 3, 7)).toBe('2025年3月7日');
    expect(yearSpan(2026, 2030)).toBe('2026—2030年');
    expect(yearSpan(2026, 2026)).toBe('2026年');
    expect(yearSpan(null, 2027)).toBe('2027年');
    expect([1, 9, 10, 11, 16, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '九', '十', '十一', '十六', '二十', '二十一', '九十九']);
    expect(chineseOrdinal(100)).toBe('100');
  });
});

describe('header layout', () => {
  it('uses one row when no column is grouped', () => {
    const layout = headerLayout([
      { header: '甲', kind: 'text' },
      { header: '乙', kind: 'integer' },
    ]);
    expect(layout.rows).toBe(1);
    expect(layout.cells).toEqual([
      { text: '甲', row: 0, col: 0, rowSpan: 1, colSpan: 1 },
      { text: '乙', row: 0, col: 1, rowSpan: 1, colSpan: 1 },
    ]);
  });

  it('merges adjacent columns of a group above them and spans the others over both rows', () => {
    const layout = headerLayout([
      { header: '序号', kind: 'serial' },
      { header: '班', group: '建设规模', kind: 'integer' },
      { header: '学位', group: '建设规模', kind: 'integer' },
      { header: '备注', kind: 'text' },
      { header: '甲', group: '其他', kind: 'integer' },
    ]);
    expect(layout.rows).toBe(2);
    expect(layout.cells).toEqual([
      { text: '序号', row: 0, col: 0, rowSpan: 2, colSpan: 1 },
      { text: '建设规模', row: 0, col: 1, rowSpan: 1, colSpan: 2 },
      { text: '班', row: 1, col: 1, rowSpan: 1, colSpan: 1 },
      { text: '学位', row: 1, col: 2, rowSpan: 1, colSpan: 1 },
      { text: '备注', row: 0, col: 3, rowSpan: 2, colSpan: 1 },
      { text: '其他', row: 0, col: 4, rowSpan: 1, colSpan: 1 },
      { text: '甲', row: 1, col: 4, rowSpan: 1, colSpan: 1 },
    ]);
  });
});

describe('numbering', () => {
  const content = (title: string): AnnexContent => ({
    kind: 'schools',
    title,
    unit: null,
    date: '',
    paper: 'A4 portrait',
    notes: [],
    body: 'table',
    table: { columns: [], rows: [] },
  });

  it('numbers in the order given, from an explicit number on', () => {
    const annexes = numberAnnexes([content('a'), content('b'), content('c')], [3]);
    expect(annexes.map((a) => a.label)).toEqual(['附件3', '附件4', '附件5']);
    expect(numberAnnexes([content('a'), content('b')]).map((a) => a.number)).toEqual([1, 2]);
  });
});

describe('fitting a table to the paper', () => {
  const wide: AnnexTable = {
    columns: [
      { header: '名称', kind: 'text' },
      ...Array.from({ length: 7 }, (_, i): Column => ({ header: `数值${i}`, kind: 'integer' })),
      { header: '备注', kind: 'text' },
    ],
    rows: [{ kind: 'data', cells: ['某某县城关镇第一中心小学附属幼儿园', ...Array.from({ length: 7 }, () => 1234567), '这是一条很长的备注说明文字'] }],
  };

  it('fills the width exactly, keeps numbers at their natural width and squeezes text', () => {
    const area = typeArea('A4 portrait').widthMm;
    expect(area).toBe(156);
    const fit = fitTable(wide, area);
    expect(fit.widthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(area, 6);
    const natural = columnWidths(wide).map((w) => w - 2);
    const mmPerChar = (fit.fontPt * 25.4) / 72 / 2;
    // "1,234,567" keeps its width (plus padding) whatever the paper.
    expect(fit.widthsMm[1]).toBeGreaterThanOrEqual((natural[1] ?? 0) * mmPerChar + 2.6);
    expect(fit.widthsMm[0]).toBeLessThan((natural[0] ?? 0) * mmPerChar);
    expect(fit.fontPt).toBeLessThan(10.5);
  });

  it('shrinks every column alike when even the narrowest layout does not fit', () => {
    const crowded: AnnexTable = { columns: Array.from({ length: 20 }, (_, i): Column => ({ header: `列${i}`, kind: 'integer' })), rows: [{ kind: 'data', cells: Array.from({ length: 20 }, () => 123456789) }] };
    const fit = fitTable(crowded, 156);
    expect(fit.fontPt).toBe(7.5);
    expect(fit.widthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(156, 6);
    expect(new Set(fit.widthsMm.map((w) => w.toFixed(6))).size).toBe(1);
  });

  it('keeps 五号 and grows every column when the paper is wide enough', () => {
    const fit = fitTable(wide, typeArea('A3 landscape').widthMm);
    expect(fit.fontPt).toBe(10.5);
    expect(fit.widthsMm.reduce((a, b) => a + b, 0)).toBeCloseTo(370, 6);
  });
});
