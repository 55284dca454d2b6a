import { describe, expect, it } from 'vitest';
import { safeText } from '../../electron/backend/io/table-writer';
import { plainText } from '../../shared/import/values';

describe('text a spreadsheet would run', () => {
  it('neutralises a leading pipe like = + - @', () => {
    for (const v of ['|calc', '=1+1', '+1', '-1', '@SUM(A1)']) expect(safeText(v)).toBe(`'${v}`);
    expect(safeText('城关|小学')).toBe('城关|小学');
  });

  it('reads the neutralised text back as it was written', () => {
    for (const v of ['|calc', '=HYPERLINK("x")', '+86 123', '-', '@家长', '\t缩进', '城关小学', "'引号"]) {
      expect(plainText(safeText(v))).toBe(plainText(v));
    }
  });
});
