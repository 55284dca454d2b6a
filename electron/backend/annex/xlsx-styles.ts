// The cell formats of the annex workbook (xl/styles.xml). SheetJS community edition cannot
// write styles, so the few the annexes need are declared here and referred to by index.
import { NUMBER_FORMAT, type NumberKind } from '../../../shared/annex';
import { escapeXml } from './escape';
import { OFFICE_FONTS } from './fonts';
import { XML_HEADER } from './zip';

export type FontRole = 'body' | 'bold' | 'hei' | 'label' | 'title' | 'meta';

const FONTS: Record<FontRole, { name: string; size: number; bold?: boolean }> = {
  body: { name: OFFICE_FONTS.song, size: 10.5 },
  bold: { name: OFFICE_FONTS.song, size: 10.5, bold: true },
  hei: { name: OFFICE_FONTS.hei, size: 10.5 },
  label: { name: OFFICE_FONTS.hei, size: 14 },
  // Excel substitutes a missing 方正小标宋 with a plain font; 黑体 is on every Chinese Windows.
  title: { name: OFFICE_FONTS.hei, size: 18 },
  meta: { name: OFFICE_FONTS.song, size: 11 },
};
const FONT_ORDER: FontRole[] = ['body', 'bold', 'hei', 'label', 'title', 'meta'];

/** Excel's built-in ids for '0' and '#,##0'; custom formats start at 164. */
const NUM_FMT_ID: Record<NumberKind, number> = { serial: 1, integer: 3, rate: 164, percent: 165, coefficient: 166 };

export interface CellStyle {
  font: FontRole;
  number?: NumberKind;
  border: boolean;
  align: 'left' | 'center' | 'right';
  wrap?: boolean;
  /** Excel's own marker for text that must never be read as a formula. */
  quotePrefix?: boolean;
}

export class StyleSheet {
  private readonly xfs: string[] = [];
  private readonly index = new Map<string, number>();

  constructor() {
    // xf 0 is the default every unstyled cell uses.
    this.id({ font: 'body', border: false, align: 'left' });
  }

  id(style: CellStyle): number {
    const key = JSON.stringify([style.font, style.number ?? null, style.border, style.align, style.wrap ?? false, style.quotePrefix ?? false]);
    const known = this.index.get(key);
    if (known !== undefined) return known;
    const numFmt = style.number ? NUM_FMT_ID[style.number] : 0;
    const attrs = [
      `numFmtId="${numFmt}"`,
      `fontId="${FONT_ORDER.indexOf(style.font)}"`,
      'fillId="0"',
      `borderId="${style.border ? 1 : 0}"`,
      'xfId="0"',
      numFmt ? 'applyNumberFormat="1"' : '',
      'applyFont="1"',
      style.border ? 'applyBorder="1"' : '',
      'applyAlignment="1"',
      style.quotePrefix ? 'quotePrefix="1"' : '',
    ].filter(Boolean);
    const alignment = `<alignment horizontal="${style.align}" vertical="center"${style.wrap ? ' wrapText="1"' : ''}/>`;
    this.xfs.push(`<xf ${attrs.join(' ')}>${alignment}</xf>`);
    const id = this.xfs.length - 1;
    this.index.set(key, id);
    return id;
  }

  xml(): string {
    const custom = (['rate', 'percent', 'coefficient'] as const).map((k) => `<numFmt numFmtId="${NUM_FMT_ID[k]}" formatCode="${escapeXml(NUMBER_FORMAT[k])}"/>`);
    const fonts = FONT_ORDER.map((role) => {
      const f = FONTS[role];
      return `<font>${f.bold ? '<b/>' : ''}<sz val="${f.size}"/><name val="${escapeXml(f.name)}"/><charset val="134"/></font>`;
    });
    const thin = '<left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/>';
    return (
      XML_HEADER +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      `<numFmts count="${custom.length}">${custom.join('')}</numFmts>` +
      `<fonts count="${fonts.length}">${fonts.join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}
