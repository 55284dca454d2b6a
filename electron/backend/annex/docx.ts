// The annexes as a Word document for pasting into the plan: each annex in its own section
// (A4 portrait or A3 landscape), 附件N in 黑体, title in 小标宋, 单位 and 制表日期, then a
// bordered table whose header rows repeat on every page (w:tblHeader) and whose rows do
// not split (w:cantSplit); page numbers "— N —" in the footer. Written by hand: a few
// hundred lines of WordprocessingML are simpler to check than a document library's model.
import {
  cellAlign,
  cellText,
  fitTable,
  headerLayout,
  labelSpan,
  PAPER_SPEC,
  type Annex,
  type Row,
} from '../../../shared/annex';
import { escapeXml } from './escape';
import { OFFICE_FONTS } from './fonts';
import { NO_MAP_IMAGES, officeNotes, type MapImage, type MapImages } from './map-images';
import { officePackage, REL_NS, relationships, type MediaPart, type Relationship } from './office-package';
import { XML_HEADER } from './zip';

const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WP_NS = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const PIC_NS = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const EMU_PER_MM = 36_000;

const TWIPS_PER_MM = 1440 / 25.4;
const twips = (mm: number) => Math.round(mm * TWIPS_PER_MM);

interface RunStyle {
  /** East Asian font; Latin text and digits use `latin`. */
  font: string;
  latin?: string;
  /** Points. */
  size: number;
  bold?: boolean;
}

const BODY: RunStyle = { font: OFFICE_FONTS.body, latin: OFFICE_FONTS.latin, size: 10.5 };
const HEAD: RunStyle = { font: OFFICE_FONTS.hei, latin: OFFICE_FONTS.hei, size: 10.5 };

function runProps(s: RunStyle): string {
  const latin = escapeXml(s.latin ?? s.font);
  return `<w:rPr><w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${escapeXml(s.font)}" w:cs="${latin}"/>${s.bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${Math.round(s.size * 2)}"/><w:szCs w:val="${Math.round(s.size * 2)}"/></w:rPr>`;
}

function run(text: string, s: RunStyle): string {
  return `<w:r>${runProps(s)}<w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>`;
}

function paragraph(content: string, opts: { align?: 'left' | 'center' | 'right'; after?: number; before?: number; tabs?: string; line?: number; sectPr?: string } = {}): string {
  const props = [
    opts.tabs ?? '',
    `<w:spacing w:before="${opts.before ?? 0}" w:after="${opts.after ?? 0}"${opts.line ? ` w:line="${opts.line}" w:lineRule="auto"` : ''}/>`,
    opts.align && opts.align !== 'left' ? `<w:jc w:val="${opts.align}"/>` : '',
    opts.sectPr ?? '',
  ].join('');
  return `<w:p><w:pPr>${props}</w:pPr>${content}</w:p>`;
}

function sectionProps(annex: Annex): string {
  const p = PAPER_SPEC[annex.paper];
  const landscape = annex.paper === 'A3 landscape';
  // The footer sits so that the page number's top is 7 mm below the type area (GB/T 9704).
  const footer = Math.max(8, p.margin.bottom - 7 - 5);
  return (
    '<w:sectPr>' +
    '<w:footerReference w:type="default" r:id="rIdFooter"/>' +
    `<w:pgSz w:w="${twips(p.widthMm)}" w:h="${twips(p.heightMm)}"${landscape ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${twips(p.margin.top)}" w:right="${twips(p.margin.right)}" w:bottom="${twips(p.margin.bottom)}" w:left="${twips(p.margin.left)}" w:header="851" w:footer="${twips(footer)}" w:gutter="0"/>` +
    '<w:cols w:space="425"/>' +
    '</w:sectPr>'
  );
}

function cell(content: string, width: number, opts: { span?: number; vMerge?: 'restart' | 'continue'; align?: 'left' | 'center' | 'right' }): string {
  const props = [
    `<w:tcW w:w="${width}" w:type="dxa"/>`,
    opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : '',
    opts.vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : opts.vMerge === 'continue' ? '<w:vMerge/>' : '',
    '<w:vAlign w:val="center"/>',
  ].join('');
  const jc = opts.align && opts.align !== 'left' ? `<w:jc w:val="${opts.align}"/>` : '';
  return `<w:tc><w:tcPr>${props}</w:tcPr><w:p><w:pPr><w:spacing w:before="0" w:after="0"/>${jc}</w:pPr>${content}</w:p></w:tc>`;
}

function rowStyle(row: Row, body: RunStyle, head: RunStyle): RunStyle {
  if (row.kind === 'group') return head;
  return row.kind === 'data' ? body : { ...body, bold: true };
}

/** Header text with its line breaks. */
function lines(text: string, s: RunStyle): string {
  return text
    .split('\n')
    .map((line, i) => (i > 0 ? `<w:r>${runProps(s)}<w:br/></w:r>` : '') + run(line, s))
    .join('');
}

function tableXml(annex: Annex, textWidthMm: number): string {
  const table = annex.table;
  const n = table.columns.length;
  // The same column widths and font size as the PDF.
  const fit = fitTable(table, textWidthMm);
  const grid = fit.widthsMm.map((w) => Math.floor(w * TWIPS_PER_MM));
  const body: RunStyle = { ...BODY, size: fit.fontPt };
  const head: RunStyle = { ...HEAD, size: fit.fontPt };
  const spanWidth = (from: number, count: number) => grid.slice(from, from + count).reduce((a, b) => a + b, 0);

  const header = headerLayout(table.columns);
  const headRows: string[] = [];
  for (let r = 0; r < header.rows; r++) {
    const cells: string[] = [];
    for (const h of header.cells.filter((c) => c.row === r || (c.row < r && c.row + c.rowSpan > r)).sort((a, b) => a.col - b.col)) {
      const continued = h.row < r;
      cells.push(
        cell(continued ? '' : lines(h.text, head), spanWidth(h.col, h.colSpan), {
          span: h.colSpan,
          vMerge: h.rowSpan > 1 ? (continued ? 'continue' : 'restart') : undefined,
          align: 'center',
        }),
      );
    }
    headRows.push(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells.join('')}</w:tr>`);
  }

  const bodyRows = table.rows.map((row) => {
    const span = labelSpan(row, n);
    const style = rowStyle(row, body, head);
    const cells: string[] = [];
    for (let i = 0; i < n; i += i === 0 ? span : 1) {
      const column = table.columns[i];
      const value = row.cells[i] ?? null;
      const text = cellText(value, column);
      const align = i === 0 && span > 1 ? (row.kind === 'group' ? 'left' : 'center') : cellAlign(value, column);
      cells.push(cell(text ? run(text, style) : '', spanWidth(i, i === 0 ? span : 1), { span: i === 0 ? span : 1, align }));
    }
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
  });

  const border = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`;
  return (
    '<w:tbl>' +
    '<w:tblPr>' +
    `<w:tblW w:w="${grid.reduce((a, b) => a + b, 0)}" w:type="dxa"/>` +
    '<w:jc w:val="center"/>' +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar>' +
    '</w:tblPr>' +
    `<w:tblGrid>${grid.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    headRows.join('') +
    bodyRows.join('') +
    '</w:tbl>'
  );
}

/** The images of the document: each a media part with the relationship document.xml names it by. */
class DocxMedia {
  readonly parts: MediaPart[] = [];
  readonly relationships: Relationship[] = [];

  /** An inline picture in its own run, at the size given. */
  picture(image: MapImage, name: string): string {
    const n = this.parts.length + 1;
    const id = `rIdMedia${n}`;
    this.parts.push({ name: `word/media/map${n}.png`, bytes: image.png });
    this.relationships.push({ id, type: `${REL_NS}/image`, target: `media/map${n}.png` });
    const cx = Math.round(image.widthMm * EMU_PER_MM);
    const cy = Math.round(image.heightMm * EMU_PER_MM);
    return (
      '<w:r><w:drawing>' +
      `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/>` +
      `<wp:docPr id="${n}" name="${escapeXml(name)}"/>` +
      `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A_NS}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
      `<a:graphic xmlns:a="${A_NS}"><a:graphicData uri="${PIC_NS}"><pic:pic xmlns:pic="${PIC_NS}">` +
      `<pic:nvPicPr><pic:cNvPr id="${n}" name="map${n}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
      `<pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
      `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
      '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    );
  }
}

/** A map annex's panels, each with its caption on a page of its own, the coverage table after them. */
function mapPanelsXml(annex: Annex, images: MapImages, media: DocxMedia): string {
  if (annex.body !== 'map' || !annex.maps.some((m) => images.get(m))) return '';
  const pageBreak = '<w:r><w:br w:type="page"/></w:r>';
  const panels = annex.maps.map((panel, i) => {
    const image = images.get(panel);
    if (!image) return '';
    return (
      paragraph((i > 0 ? pageBreak : '') + run(panel.title, { font: OFFICE_FONTS.hei, latin: OFFICE_FONTS.hei, size: 14 }), { align: 'center', after: 60 }) +
      paragraph(media.picture(image, `${annex.label} ${panel.title}`), { align: 'center', after: 120 })
    );
  });
  return panels.join('') + paragraph(pageBreak);
}

function annexXml(annex: Annex, isLast: boolean, images: MapImages, media: DocxMedia): string {
  const p = PAPER_SPEC[annex.paper];
  const textWidthMm = p.widthMm - p.margin.left - p.margin.right;
  const textWidth = twips(textWidthMm);
  const metaStyle: RunStyle = { font: OFFICE_FONTS.body, latin: OFFICE_FONTS.latin, size: 12 };
  const parts = [
    paragraph(run(annex.label, { font: OFFICE_FONTS.hei, size: 16 })),
    paragraph(run(annex.title, { font: OFFICE_FONTS.title, latin: OFFICE_FONTS.latin, size: 22 }), { align: 'center', before: 120, after: 240 }),
    paragraph(run(annex.unit ? `单位：${annex.unit}` : '', metaStyle) + '<w:r><w:tab/></w:r>' + run(`制表日期：${annex.date}`, metaStyle), {
      tabs: `<w:tabs><w:tab w:val="right" w:pos="${textWidth}"/></w:tabs>`,
      after: 60,
    }),
    mapPanelsXml(annex, images, media),
    tableXml(annex, textWidthMm),
  ];
  const given = officeNotes(annex, images);
  const notes = given.map((note, i) => (given.length === 1 ? `注：${note}` : `${i === 0 ? '注：' : '　　'}${i + 1}. ${note}`));
  // A section ends with a paragraph carrying its properties (the last one's go in w:body).
  const sect = isLast ? undefined : sectionProps(annex);
  if (notes.length === 0) notes.push('');
  notes.forEach((note, i) => {
    const end = i === notes.length - 1;
    parts.push(paragraph(note ? run(note, BODY) : '', { before: i === 0 ? 60 : 0, sectPr: end ? sect : undefined }));
  });
  return parts.join('');
}

function footerXml(): string {
  const s: RunStyle = { font: OFFICE_FONTS.song, latin: OFFICE_FONTS.latin, size: 14 };
  const rp = runProps(s);
  return (
    XML_HEADER +
    `<w:ftr xmlns:w="${W_NS}" xmlns:r="${REL_NS}">` +
    paragraph(
      run('— ', s) +
        `<w:r>${rp}<w:fldChar w:fldCharType="begin"/></w:r>` +
        `<w:r>${rp}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
        `<w:r>${rp}<w:fldChar w:fldCharType="separate"/></w:r>` +
        run('1', s) +
        `<w:r>${rp}<w:fldChar w:fldCharType="end"/></w:r>` +
        run(' —', s),
      { align: 'center' },
    ) +
    '</w:ftr>'
  );
}

function stylesXml(): string {
  return (
    XML_HEADER +
    `<w:styles xmlns:w="${W_NS}">` +
    '<w:docDefaults>' +
    `<w:rPrDefault>${runProps(BODY)}</w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>' +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '</w:styles>'
  );
}

export function writeAnnexDocx(annexes: readonly Annex[], documentTitle: string, images: MapImages = NO_MAP_IMAGES): Uint8Array {
  const last = annexes[annexes.length - 1];
  if (!last) throw new RangeError('no annexes');
  const media = new DocxMedia();
  const body = annexes.map((a, i) => annexXml(a, i === annexes.length - 1, images, media)).join('') + sectionProps(last);
  const document = XML_HEADER + `<w:document xmlns:w="${W_NS}" xmlns:r="${REL_NS}" xmlns:wp="${WP_NS}"><w:body>${body}</w:body></w:document>`;
  return officePackage(documentTitle, [
    { name: 'word/document.xml', xml: document, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml' },
    {
      name: 'word/_rels/document.xml.rels',
      xml: relationships([
        { id: 'rIdStyles', type: `${REL_NS}/styles`, target: 'styles.xml' },
        { id: 'rIdFooter', type: `${REL_NS}/footer`, target: 'footer1.xml' },
        ...media.relationships,
      ]),
    },
    { name: 'word/styles.xml', xml: stylesXml(), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml' },
    { name: 'word/footer1.xml', xml: footerXml(), contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml' },
  ], media.parts);
}
