// Where the printed pages fall in the on-screen document, measured from the unzoomed frame.
// On screen each annex is one sheet as tall as its content; on paper it breaks wherever the
// type area (版心) is full and before every forced break, so each stretch between forced
// breaks takes ceil(height / type-area height) pages. Rows that refuse to split and repeated
// table headers can add a page now and then, which is why the count is shown as 约.
import { PAPER_SPEC, typeArea, type Paper } from '@shared/annex';

export type ZoomMode = 'width' | 'actual' | 'page';

export interface SheetLayout {
  /** Document size at zoom 1, in CSS px. */
  width: number;
  height: number;
  /** Top of every printed page in the document, at zoom 1. */
  pageTops: number[];
  /** Height of the tallest paper, for fitting a whole page in the panel. */
  pageHeight: number;
}

const PX_PER_MM = 96 / 25.4;
const FORCED_BREAK = '.annex-map + .annex-map, .annex-map-table';
/** Half a line: what the sheet's content may overshoot the type area by without a new page. */
const SLACK_PX = 8;
/** Room beside a sheet in the preview, so its shadow shows. */
const SHEET_MARGIN_PX = 40;

export function measureSheets(doc: Document): SheetLayout {
  const pageTops: number[] = [];
  let pageHeight = 0;
  let sheetWidth = 0;
  for (const sheet of Array.from(doc.querySelectorAll<HTMLElement>('section.annex'))) {
    const paper: Paper = sheet.classList.contains('a3') ? 'A3 landscape' : 'A4 portrait';
    const spec = PAPER_SPEC[paper];
    const areaPx = typeArea(paper).heightMm * PX_PER_MM;
    pageHeight = Math.max(pageHeight, spec.heightMm * PX_PER_MM);
    sheetWidth = Math.max(sheetWidth, sheet.offsetWidth);
    const contentTop = sheet.offsetTop + spec.margin.top * PX_PER_MM;
    const contentBottom = sheet.offsetTop + sheet.offsetHeight - spec.margin.bottom * PX_PER_MM;
    const breaks = Array.from(sheet.querySelectorAll<HTMLElement>(FORCED_BREAK)).map((el) => el.getBoundingClientRect().top + (doc.defaultView?.scrollY ?? 0));
    const starts = [contentTop, ...breaks.filter((y) => y > contentTop && y < contentBottom)];
    starts.forEach((start, i) => {
      const end = starts[i + 1] ?? contentBottom;
      const n = Math.max(1, Math.ceil((end - start - SLACK_PX) / areaPx));
      for (let k = 0; k < n; k++) pageTops.push(k === 0 && i === 0 ? sheet.offsetTop : start + k * areaPx);
    });
  }
  // The frame is wider than any sheet, so the document's own width would overstate it.
  return { width: sheetWidth + SHEET_MARGIN_PX, height: doc.documentElement.scrollHeight, pageTops, pageHeight: pageHeight || 297 * PX_PER_MM };
}

/** The page shown at the top of the panel when it is scrolled to `y` (zoom 1 px). */
export function pageAt(layout: SheetLayout, y: number): number {
  let index = 0;
  layout.pageTops.forEach((top, i) => {
    if (top <= y + SLACK_PX) index = i;
  });
  return index;
}

/** Widest sheet of the preview (A3 landscape, 420 mm) or A4 (210 mm), plus the frame's margins. */
const FALLBACK_WIDTH = { a3: 420 * PX_PER_MM + SHEET_MARGIN_PX, a4: 210 * PX_PER_MM + SHEET_MARGIN_PX };

export function zoomFor(mode: ZoomMode, layout: SheetLayout | null, hasA3: boolean, panelWidth: number, panelHeight: number): number {
  if (mode === 'actual') return 1;
  const docWidth = layout?.width ?? (hasA3 ? FALLBACK_WIDTH.a3 : FALLBACK_WIDTH.a4);
  const fitWidth = Math.min(1, (panelWidth - 24) / docWidth);
  if (mode === 'width') return Math.max(0.2, fitWidth);
  const fitPage = (panelHeight - 24) / (layout?.pageHeight ?? 297 * PX_PER_MM);
  return Math.max(0.2, Math.min(fitWidth, fitPage));
}
