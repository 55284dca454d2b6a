// Which faces an annex is set in: the first of each stack installed, said as standard (GB/T 9704)
// or 替代, and for XLSX/DOCX the names written into the file.
import { describe, expect, it } from 'vitest';
import { chosenFonts, fontsNote } from '../../electron/backend/annex/font-choice';

describe('annex fonts', () => {
  it('takes 方正小标宋, 黑体 and 仿宋_GB2312 when installed and says they are the standard’s', () => {
    const office = new Set(['方正小标宋简体', 'SimHei', '仿宋_GB2312', 'Times New Roman', 'SimSun']);
    expect(chosenFonts(office)).toEqual([
      { label: '标题', font: '方正小标宋简体', standard: true },
      { label: '表头', font: 'SimHei', standard: true },
      { label: '正文', font: '仿宋_GB2312', standard: true },
    ]);
    expect(fontsNote('pdf', office)).toBe('字体：标题 方正小标宋简体，表头 SimHei，正文 仿宋_GB2312。均为 GB/T 9704-2012 规定的字体。');
  });

  it('names the fallbacks on a machine with Noto CJK only, and the default face when nothing matches', () => {
    const noto = new Set(['Noto Sans CJK SC', 'Noto Serif CJK SC', 'Times New Roman']);
    expect(chosenFonts(noto).map((c) => [c.font, c.standard])).toEqual([
      ['Noto Sans CJK SC', false],
      ['Noto Sans CJK SC', false],
      ['Noto Serif CJK SC', false],
    ]);
    expect(fontsNote('pdf', noto)).toMatch(/^字体：标题 Noto Sans CJK SC（替代），表头 Noto Sans CJK SC（替代），正文 Noto Serif CJK SC（替代）。本机未安装/);
    expect(fontsNote('pdf', new Set())).toContain('标题 系统默认字体（替代）');
  });

  it('says which faces XLSX and DOCX name, whatever is installed here', () => {
    expect(fontsNote('docx', new Set())).toBe('字体：文件中标题用方正小标宋简体、表头用黑体、正文用仿宋（GB/T 9704-2012），打开文件的电脑未安装时由办公软件替换。');
  });
});
