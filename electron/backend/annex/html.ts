// The one HTML rendering of the annexes: the 附件 page previews it and Chromium prints it
// to PDF, so the two cannot differ. Self-contained (inline CSS and SVG, system fonts only)
// so it loads under the app's CSP, from a temporary file or a sandboxed srcdoc frame alike.
import {
  cellAlign,
  cellText,
  fitTable,
  headerLayout,
  labelSpan,
  PAPER_SPEC,
  typeArea,
  type Annex,
  type AnnexContent,
  type AnnexTable,
  type Paper,
} from '../../../shared/annex';
import { renderChartSvg } from './chart-svg';
import { renderMapPanelSvg } from './map-svg';
import { escapeHtml } from './escape';
import { BODY_STACK, HEI_STACK, PAGE_NUMBER_STACK, TITLE_STACK } from './fonts';

const PAGE_NAME: Record<Paper, string> = { 'A4 portrait': 'a4', 'A3 landscape': 'a3' };

function pageRule(paper: Paper, named: boolean): string {
  const p = PAPER_SPEC[paper];
  const m = p.margin;
  const size = paper === 'A4 portrait' ? 'A4 portrait' : 'A3 landscape';
  return `@page${named ? ` ${PAGE_NAME[paper]}` : ''} { size: ${size}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }`;
}

function styles(): string {
  const a4 = PAPER_SPEC['A4 portrait'];
  const a3 = PAPER_SPEC['A3 landscape'];
  const sheet = (p: typeof a4) =>
    `width: ${p.widthMm}mm; min-height: ${p.heightMm}mm; padding: ${p.margin.top}mm ${p.margin.right}mm ${p.margin.bottom}mm ${p.margin.left}mm;`;
  return `
${pageRule('A4 portrait', false)}
@page {
  /* GB/T 9704: 4号半角宋体 page numbers between dashes, 7 mm below the type area. */
  @bottom-center {
    content: "— " counter(page) " —";
    font-family: ${PAGE_NUMBER_STACK};
    font-size: 14pt;
    vertical-align: top;
    padding-top: 7mm;
  }
}
${pageRule('A4 portrait', true)}
${pageRule('A3 landscape', true)}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: #000; font-family: ${BODY_STACK}; font-size: 10.5pt; }
.annex { box-sizing: border-box; }
.annex.a4 { page: a4; }
.annex.a3 { page: a3; }
.annex + .annex { break-before: page; }
.annex-label { font-family: ${HEI_STACK}; font-size: 16pt; line-height: 1.4; }
.annex-title {
  font-family: ${TITLE_STACK}; font-size: 22pt; font-weight: normal; text-align: center;
  line-height: 1.35; margin: 4mm 0 5mm;
}
.annex-meta { display: flex; justify-content: space-between; gap: 8mm; font-size: 12pt; margin-bottom: 2mm; }
.annex-table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.annex-table thead { display: table-header-group; }
.annex-table tr { break-inside: avoid; page-break-inside: avoid; }
.annex-table th, .annex-table td {
  border: 0.75pt solid #000; padding: 0.9mm 1.2mm; line-height: 1.3;
  vertical-align: middle; overflow-wrap: anywhere;
}
.annex-table th { font-family: ${HEI_STACK}; font-weight: normal; text-align: center; }
.annex-table td.r { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.annex-table td.c { text-align: center; }
.annex-table tr.group td { font-family: ${HEI_STACK}; text-align: left; }
.annex-table tr.subtotal td, .annex-table tr.total td { font-weight: bold; }
.annex-table tr.subtotal td.label, .annex-table tr.total td.label { text-align: center; }
.annex-figure { margin: 2mm 0 0; break-inside: avoid; }
.annex-figure svg { display: block; width: 100%; height: auto; }
.annex-map { margin: 0; break-inside: avoid; }
.annex-map + .annex-map { break-before: page; }
.annex-map figcaption { font-family: ${HEI_STACK}; font-size: 14pt; text-align: center; margin: 0 0 2mm; }
.annex-map svg { display: block; width: 100%; height: auto; border: 0.75pt solid #000; box-sizing: border-box; }
.annex-map-table { break-before: page; }
.annex-notes { break-before: avoid; margin-top: 2mm; font-size: 10.5pt; line-height: 1.5; }
.annex-notes p { margin: 0; padding-left: 2em; text-indent: -2em; }
@media screen {
  html { background: #e9ecf0; }
  body { padding: 16px 0; }
  .annex { background: #fff; margin: 0 auto 16px; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  .annex.a4 { ${sheet(a4)} }
  .annex.a3 { ${sheet(a3)} }
}`;
}

const headerText = (text: string) => text.split('\n').map(escapeHtml).join('<br>');

function tableHtml(table: AnnexTable, paper: Paper): string {
  const area = typeArea(paper).widthMm;
  const fit = fitTable(table, area);
  const cols = fit.widthsMm.map((w) => `<col style="width:${((w / area) * 100).toFixed(2)}%">`).join('');
  const header = headerLayout(table.columns);
  const headRows: string[] = [];
  for (let r = 0; r < header.rows; r++) {
    const cells = header.cells
      .filter((c) => c.row === r)
      .map((c) => `<th${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}>${headerText(c.text)}</th>`);
    headRows.push(`<tr>${cells.join('')}</tr>`);
  }
  const n = table.columns.length;
  const body = table.rows.map((row) => {
    const span = labelSpan(row, n);
    const cells: string[] = [];
    for (let i = 0; i < n; i += i === 0 ? span : 1) {
      const column = table.columns[i];
      const cell = row.cells[i] ?? null;
      const text = escapeHtml(cellText(cell, column));
      if (i === 0 && span > 1) {
        cells.push(`<td colspan="${span}" class="label">${text}</td>`);
        continue;
      }
      const align = cellAlign(cell, column);
      const cls = align === 'right' ? 'r' : align === 'center' ? 'c' : '';
      cells.push(cls ? `<td class="${cls}">${text}</td>` : `<td>${text}</td>`);
    }
    return `<tr class="${row.kind}">${cells.join('')}</tr>`;
  });
  return `<table class="annex-table" style="font-size:${fit.fontPt}pt"><colgroup>${cols}</colgroup><thead>${headRows.join('')}</thead><tbody>${body.join('')}</tbody></table>`;
}

function notesHtml(notes: readonly string[]): string {
  if (notes.length === 0) return '';
  const lines =
    notes.length === 1
      ? [`注：${notes[0] ?? ''}`]
      : notes.map((note, i) => `${i === 0 ? '注：' : '　　'}${i + 1}. ${note}`);
  return `<div class="annex-notes">${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</div>`;
}

/**
 * An annex's printed section after its label (附件N): everything that does not depend on where
 * the annex falls in the document, so a section drawn once serves any numbering.
 */
export async function annexBodyHtml(annex: AnnexContent): Promise<string> {
  const dateLabel = annex.body === 'map' ? '制图日期' : '制表日期';
  const meta = `<div class="annex-meta"><span>${annex.unit ? `单位：${escapeHtml(annex.unit)}` : ''}</span><span>${dateLabel}：${escapeHtml(annex.date)}</span></div>`;
  const body =
    annex.body === 'figure'
      ? `<figure class="annex-figure">${await renderChartSvg(annex.chart, annex.paper)}</figure>`
      : annex.body === 'map'
        ? annex.maps.map((m) => `<figure class="annex-map"><figcaption>${escapeHtml(m.title)}</figcaption>${renderMapPanelSvg(m, annex.paper)}</figure>`).join('\n') +
          `<div class="annex-map-table">${tableHtml(annex.table, annex.paper)}</div>`
        : tableHtml(annex.table, annex.paper);
  return [`<h1 class="annex-title">${escapeHtml(annex.title)}</h1>`, meta, body, notesHtml(annex.notes), '</section>'].join('\n');
}

function annexHtml(annex: Annex, body: string): string {
  return [`<section class="annex ${PAGE_NAME[annex.paper]}" data-kind="${annex.kind}">`, `<div class="annex-label">${escapeHtml(annex.label)}</div>`, body].join('\n');
}

/** `bodyOf` gives each annex's section after its label, when drawn before (annexBodyHtml otherwise). */
export async function renderAnnexesHtml(annexes: readonly Annex[], documentTitle: string, bodyOf: (annex: Annex, index: number) => Promise<string> = annexBodyHtml): Promise<string> {
  const bodies = await Promise.all(annexes.map((annex, i) => bodyOf(annex, i)));
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(documentTitle)}</title>`,
    `<style>${styles()}</style>`,
    '</head>',
    '<body>',
    ...annexes.map((annex, i) => annexHtml(annex, bodies[i] ?? '')),
    '</body>',
    '</html>',
  ].join('\n');
}
