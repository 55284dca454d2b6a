// The annexes as a styled workbook, one sheet per annex: 附件N, merged title, 单位 and
// 制表日期, bordered table with bold (黑体) headers, number formats, column widths, frozen
// header, and print set-up (paper, orientation, fit to width, header rows on every page).
import {
  cellAlign,
  cellNumber,
  cellText,
  columnWidths,
  headerLayout,
  labelSpan,
  PAPER_SPEC,
  wrappedLines,
  type Annex,
  type Row,
} from '../../../shared/annex';
import { columnLetter } from '../../../shared/import/normalise';
import { safeText } from '../io/table-writer';
import { escapeXml } from './escape';
import { NO_MAP_IMAGES, officeNotes, type MapImages } from './map-images';
import { StyleSheet, type CellStyle, type FontRole } from './xlsx-styles';
import { officePackage, REL_NS, relationships, type MediaPart } from './office-package';
import { sheetDrawing, type SheetPicture } from './xlsx-drawing';
import { XML_HEADER } from './zip';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** Excel paper size codes. */
const PAPER_CODE = { 'A4 portrait': 9, 'A3 landscape': 8 } as const;

export { columnLetter };

const ref = (row: number, col: number) => `${columnLetter(col)}${row}`;

class SharedStrings {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  id(text: string): number {
    const known = this.index.get(text);
    if (known !== undefined) return known;
    this.list.push(text);
    this.index.set(text, this.list.length - 1);
    return this.list.length - 1;
  }
  xml(): string {
    const items = this.list.map((t) => `<si><t xml:space="preserve">${escapeXml(t)}</t></si>`);
    return `${XML_HEADER}<sst xmlns="${MAIN_NS}" count="${items.length}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

/** One sheet's cells, row by row, with its merges and row heights. */
class SheetBuilder {
  private readonly rows = new Map<number, { height?: number; cells: Map<number, string> }>();
  readonly merges: string[] = [];

  constructor(
    private readonly styles: StyleSheet,
    private readonly strings: SharedStrings,
  ) {}

  private row(r: number) {
    let row = this.rows.get(r);
    if (!row) {
      row = { cells: new Map() };
      this.rows.set(r, row);
    }
    return row;
  }

  height(r: number, points: number): void {
    this.row(r).height = points;
  }

  text(r: number, c: number, value: string, style: CellStyle): void {
    // A text cell is never evaluated, but one that looks like a formula would become one as
    // soon as someone edits it; Excel's quotePrefix keeps it text without showing an apostrophe.
    const quote = safeText(value) !== value;
    const s = this.styles.id({ ...style, quotePrefix: quote });
    this.row(r).cells.set(c, value === '' ? `<c r="${ref(r, c)}" s="${s}"/>` : `<c r="${ref(r, c)}" s="${s}" t="s"><v>${this.strings.id(value)}</v></c>`);
  }

  number(r: number, c: number, value: number, style: CellStyle): void {
    this.row(r).cells.set(c, `<c r="${ref(r, c)}" s="${this.styles.id(style)}"><v>${value}</v></c>`);
  }

  blank(r: number, c: number, style: CellStyle): void {
    this.row(r).cells.set(c, `<c r="${ref(r, c)}" s="${this.styles.id(style)}"/>`);
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 !== r2 || c1 !== c2) this.merges.push(`${ref(r1, c1)}:${ref(r2, c2)}`);
  }

  sheetData(): string {
    const rows = [...this.rows.entries()].sort((a, b) => a[0] - b[0]);
    return rows
      .map(([r, row]) => {
        const cells = [...row.cells.entries()].sort((a, b) => a[0] - b[0]).map(([, xml]) => xml);
        const height = row.height ? ` ht="${row.height}" customHeight="1"` : '';
        return `<row r="${r}"${height}>${cells.join('')}</row>`;
      })
      .join('');
  }
}

const LINE_PT = 14;
const DEFAULT_ROW_PT = 18;

function rowFont(row: Row): FontRole {
  if (row.kind === 'total' || row.kind === 'group') return 'hei';
  return row.kind === 'subtotal' ? 'bold' : 'body';
}

interface SheetPart {
  xml: string;
  headerRows: [number, number];
  /** The map panels placed under the table, each after a caption row. */
  pictures: SheetPicture[];
}

function sheetXml(annex: Annex, styles: StyleSheet, strings: SharedStrings, images: MapImages): SheetPart {
  const table = annex.table;
  const n = table.columns.length;
  const last = n - 1;
  const widths = columnWidths(table);
  const sheet = new SheetBuilder(styles, strings);

  sheet.text(1, 0, annex.label, { font: 'label', border: false, align: 'left' });
  sheet.height(1, 24);
  sheet.text(2, 0, annex.title, { font: 'title', border: false, align: 'center', wrap: true });
  sheet.merge(2, 0, 2, last);
  const titleWidth = widths.reduce((a, b) => a + b, 0);
  sheet.height(2, 34 * wrappedLines(annex.title, Math.max(10, Math.floor(titleWidth / 1.7))));
  const split = Math.max(1, Math.ceil(n / 2));
  const unit = annex.unit ? `单位：${annex.unit}` : '';
  const date = `制表日期：${annex.date}`;
  if (n > 1) {
    sheet.text(3, 0, unit, { font: 'meta', border: false, align: 'left' });
    sheet.merge(3, 0, 3, split - 1);
    sheet.text(3, split, date, { font: 'meta', border: false, align: 'right' });
    sheet.merge(3, split, 3, last);
  } else {
    sheet.text(3, 0, [unit, date].filter(Boolean).join('  '), { font: 'meta', border: false, align: 'left' });
  }
  sheet.height(3, 20);

  const header = headerLayout(table.columns);
  const headStart = 4;
  const headStyle: CellStyle = { font: 'hei', border: true, align: 'center', wrap: true };
  // Every cell of a merged range gets the border, or Excel draws the range half-framed.
  for (let r = 0; r < header.rows; r++) for (let c = 0; c < n; c++) sheet.blank(headStart + r, c, headStyle);
  let headLines = [1, 1];
  for (const cell of header.cells) {
    const r = headStart + cell.row;
    sheet.text(r, cell.col, cell.text, headStyle);
    sheet.merge(r, cell.col, r + cell.rowSpan - 1, cell.col + cell.colSpan - 1);
    let width = 0;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) width += widths[c] ?? 8;
    const lines = Math.ceil(wrappedLines(cell.text, width) / cell.rowSpan);
    headLines = headLines.map((l, i) => (i >= cell.row && i < cell.row + cell.rowSpan ? Math.max(l, lines) : l));
  }
  for (let r = 0; r < header.rows; r++) sheet.height(headStart + r, LINE_PT * (headLines[r] ?? 1) + 6);
  const headEnd = headStart + header.rows - 1;

  let r = headEnd;
  for (const row of table.rows) {
    r += 1;
    const span = labelSpan(row, n);
    const font = rowFont(row);
    let lines = 1;
    for (let c = 0; c < n; c++) {
      const column = table.columns[c];
      const cell = c === 0 || c >= span ? (row.cells[c] ?? null) : null;
      const num = c === 0 || c >= span ? cellNumber(cell, column) : null;
      if (num) {
        sheet.number(r, c, num.value, { font, number: num.kind, border: true, align: cellAlign(cell, column) });
        continue;
      }
      const text = cellText(cell, column);
      const align = c === 0 && span > 1 ? (row.kind === 'group' ? 'left' : 'center') : cellAlign(cell, column);
      sheet.text(r, c, text, { font, border: true, align, wrap: true });
      let width = widths[c] ?? 8;
      if (c === 0) for (let k = 1; k < span; k++) width += widths[k] ?? 0;
      lines = Math.max(lines, wrappedLines(text, width));
    }
    if (span > 1) sheet.merge(r, 0, r, span - 1);
    sheet.height(r, LINE_PT * lines + 5);
  }

  const noteWidth = widths.reduce((a, b) => a + b, 0);
  const notes = officeNotes(annex, images);
  notes.forEach((note, i) => {
    r += 1;
    const text = notes.length === 1 ? `注：${note}` : `${i === 0 ? '注：' : '    '}${i + 1}. ${note}`;
    sheet.text(r, 0, text, { font: 'body', border: false, align: 'left', wrap: true });
    sheet.merge(r, 0, r, last);
    sheet.height(r, LINE_PT * wrappedLines(text, noteWidth) + 4);
  });

  const pictures: SheetPicture[] = [];
  if (annex.body === 'map') {
    for (const panel of annex.maps) {
      const image = images.get(panel);
      if (!image) continue;
      r += 2;
      sheet.text(r, 0, panel.title, { font: 'hei', border: false, align: 'left' });
      // Pictures float over rows of the default height: skip as many as the picture covers.
      pictures.push({ image, row: r, name: `${annex.label} ${panel.title}` });
      r += Math.ceil((image.heightMm * 72) / 25.4 / DEFAULT_ROW_PT);
    }
  }

  const p = PAPER_SPEC[annex.paper];
  const inch = (mm: number) => (mm / 25.4).toFixed(3);
  const frozen = headEnd;
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const xml =
    XML_HEADER +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:${ref(Math.max(r, 3), last)}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${frozen}" topLeftCell="A${frozen + 1}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="A${frozen + 1}" sqref="A${frozen + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_PT}"/>` +
    `<cols>${cols}</cols>` +
    `<sheetData>${sheet.sheetData()}</sheetData>` +
    (sheet.merges.length ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>` : '') +
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${inch(p.margin.left)}" right="${inch(p.margin.right)}" top="${inch(p.margin.top)}" bottom="${inch(p.margin.bottom)}" header="0.3" footer="${inch(Math.max(8, p.margin.bottom - 14))}"/>` +
    `<pageSetup paperSize="${PAPER_CODE[annex.paper]}" orientation="${annex.paper === 'A4 portrait' ? 'portrait' : 'landscape'}" fitToWidth="1" fitToHeight="0"/>` +
    '<headerFooter><oddFooter>&amp;C&amp;14— &amp;P —</oddFooter></headerFooter>' +
    (pictures.length ? '<drawing r:id="rIdDrawing"/>' : '') +
    '</worksheet>';
  return { xml, headerRows: [headStart, headEnd], pictures };
}

/** Sheet names: unique, at most 31 characters, none of : \ / ? * [ ]. */
function sheetNames(annexes: readonly Annex[]): string[] {
  const used = new Set<string>();
  return annexes.map((a) => {
    const base = a.label.replace(/[:\\/?*[\]]/g, '').slice(0, 28) || '附件';
    let name = base;
    for (let i = 2; used.has(name); i++) name = `${base}(${i})`;
    used.add(name);
    return name;
  });
}

export function writeAnnexXlsx(annexes: readonly Annex[], documentTitle: string, images: MapImages = NO_MAP_IMAGES): Uint8Array {
  if (annexes.length === 0) throw new RangeError('no annexes');
  const styles = new StyleSheet();
  const strings = new SharedStrings();
  const names = sheetNames(annexes);
  const sheets = annexes.map((a) => sheetXml(a, styles, strings, images));
  const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

  const workbook =
    XML_HEADER +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${names.map((name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
    `<definedNames>${sheets
      .map((s, i) => `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(quoted(names[i] ?? ''))}!$${s.headerRows[0]}:$${s.headerRows[1]}</definedName>`)
      .join('')}</definedNames>` +
    '</workbook>';
  const n = annexes.length;
  const workbookRels = relationships([
    ...annexes.map((_a, i) => ({ id: `rId${i + 1}`, type: `${REL_NS}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
    { id: `rId${n + 1}`, type: `${REL_NS}/styles`, target: 'styles.xml' },
    { id: `rId${n + 2}`, type: `${REL_NS}/sharedStrings`, target: 'sharedStrings.xml' },
  ]);
  const sheetParts = sheets.map((s, i) => ({
    name: `xl/worksheets/sheet${i + 1}.xml`,
    xml: s.xml,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  }));
  const media: MediaPart[] = [];
  const drawingParts = sheets.flatMap((s, i) => (s.pictures.length ? sheetDrawing(i + 1, s.pictures, media) : []));
  return officePackage(documentTitle, [
    { name: 'xl/workbook.xml', xml: workbook, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml' },
    { name: 'xl/_rels/workbook.xml.rels', xml: workbookRels },
    ...sheetParts,
    // Written after the sheets: the sheets add to both while they are built.
    { name: 'xl/styles.xml', xml: styles.xml(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml' },
    { name: 'xl/sharedStrings.xml', xml: strings.xml(), contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml' },
    ...drawingParts,
  ], media);
}
