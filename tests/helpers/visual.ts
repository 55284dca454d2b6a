// The visual check of the e2e suite: text that is cut off, and text drawn over other text,
// in what the user can see right now. It runs inside the page (page.evaluate), so the
// function below must stay self-contained: no imports, no helpers from this module.
import type { Page } from 'playwright-core';

export interface VisualProblem {
  kind: 'cut' | 'overlap' | 'wrap';
  text: string;
  other?: string;
}

/**
 * Text boxes (HTML text by line, chart labels as SVG <text>) that are visible, not covered by
 * something else and inside the viewport. Two boxes overlapping by more than a few pixels
 * each way are reported; so is HTML text clipped by an `overflow: hidden` ancestor unless it
 * ends in an ellipsis and the full text is in a `title` near it (antd tables and paths do
 * that); and a table header wrapping onto a second line.
 */
function inPageCheck(): VisualProblem[] {
  const problems: VisualProblem[] = [];
  const vw = window.innerWidth;
  const vh = window.innerHeight;
  type Box = { left: number; top: number; right: number; bottom: number };
  const inter = (a: Box, b: Box): Box => ({
    left: Math.max(a.left, b.left),
    top: Math.max(a.top, b.top),
    right: Math.min(a.right, b.right),
    bottom: Math.min(a.bottom, b.bottom),
  });
  const size = (b: Box) => ({ w: b.right - b.left, h: b.bottom - b.top });
  const short = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 40);

  // The clip of every ancestor that hides or scrolls its overflow, and the hiding ones that
  // cut the text. A table's viewport with its own scroll bar (antd's fixed header and virtual
  // lists hide their overflow and scroll by script) only shows part of what the user can
  // scroll to, so it does not cut.
  const VIEWPORT = /\b(ant-table-(body|content|header|container)|plain-table-(head|body)|rc-virtual-list(-holder)?|ant-table-tbody-virtual(-holder)?)\b/;
  const clipOf = (el: Element): { clip: Box; hiding: Box[] } => {
    let clip: Box = { left: 0, top: 0, right: vw, bottom: vh };
    const hiding: Box[] = [];
    // Past a scrolling box, what overflows is the scroller's business, not a cut.
    let scrolled = false;
    for (let a: Element | null = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = getComputedStyle(a);
      scrolled ||= VIEWPORT.test(typeof a.className === 'string' ? a.className : '') || s.overflowX === 'auto' || s.overflowX === 'scroll';
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      const r = a.getBoundingClientRect();
      clip = inter(clip, r);
      if ((s.overflowX === 'hidden' || s.overflowX === 'clip') && !scrolled) hiding.push(r);
    }
    return { clip, hiding };
  };
  const titled = (el: Element) => {
    for (let a: Element | null = el, i = 0; a && i < 4; a = a.parentElement, i++) {
      if (a.getAttribute('title') || a.getAttribute('aria-label') || a.hasAttribute('data-full-text')) return true;
    }
    return false;
  };
  const related = (a: Element, b: Element) => a === b || a.contains(b) || b.contains(a);

  // A text node cut by an ellipsis reports two rects (the whole line and the part shown): they
  // are one text, not an overlap.
  const boxes: { box: Box; text: string; owner: Element; node: Node }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = n.textContent ?? '';
    if (!text.trim()) continue;
    const parent = n.parentElement;
    if (!parent || parent.closest('script,style,noscript,[aria-hidden="true"]')) continue;
    if (!parent.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const svgText = parent.closest('text');
    const owner: Element = svgText ?? parent;
    const { clip, hiding } = clipOf(owner);
    const rects: Box[] = [];
    if (svgText) {
      rects.push(svgText.getBoundingClientRect());
    } else {
      const range = document.createRange();
      range.selectNodeContents(n);
      for (const r of Array.from(range.getClientRects())) rects.push(r);
    }
    const lineTops = new Set<number>();
    for (const r of rects) {
      if (r.right - r.left < 1 || r.bottom - r.top < 1) continue;
      const seen = inter(r, clip);
      const { w, h } = size(seen);
      if (w < 2 || h < 2) continue;
      lineTops.add(Math.round(r.top));
      // Covered by a drawer, a sticky header or a fixed column: not what the user sees.
      const hit = document.elementFromPoint((seen.left + seen.right) / 2, (seen.top + seen.bottom) / 2);
      const root = svgText ? (svgText.ownerSVGElement ?? svgText) : parent;
      if (hit && !related(hit, root)) continue;
      if (!svgText && hiding.some((c) => r.right > c.right + 1 || r.left < c.left - 1)) {
        const style = getComputedStyle(parent);
        const ellipsis = style.textOverflow === 'ellipsis' || parent.closest('[class*="ellipsis"]') !== null;
        if (!(ellipsis && titled(parent))) problems.push({ kind: 'cut', text: short(text) });
      }
      boxes.push({ box: seen, text, owner, node: n });
    }
    if (!svgText && parent.closest('th') && lineTops.size > 1) problems.push({ kind: 'wrap', text: short(text) });
  }

  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i]!;
      const b = boxes[j]!;
      if (a.node === b.node) continue;
      const { w, h } = size(inter(a.box, b.box));
      if (w > 3 && h > 3) problems.push({ kind: 'overlap', text: short(a.text), other: short(b.text) });
    }
  }
  return problems;
}

/**
 * Tables on screen whose columns run off to the right while neither their own horizontal
 * scroll bar (at the bottom of their body) nor a sticky one is in the viewport: the columns
 * look absent. Self-contained for page.evaluate, like the check above.
 */
function hiddenScrollBarCheck(): string[] {
  const vh = window.innerHeight;
  const out: string[] = [];
  for (const table of document.querySelectorAll('.app-content :is(.ant-table-wrapper, .plain-table)')) {
    const body = table.querySelector('.ant-table-body, .ant-table-content, .plain-table-body');
    if (!body || body.scrollWidth <= body.clientWidth + 1) continue;
    const r = body.getBoundingClientRect();
    if (r.width === 0 || r.bottom <= 0 || r.top >= vh || r.bottom <= vh) continue;
    const bar = table.querySelector('.ant-table-sticky-scroll, .plain-table-scroll')?.getBoundingClientRect();
    if (bar && bar.height > 0 && bar.top >= 0 && bar.bottom <= vh + 1) continue;
    const id = table.getAttribute('data-testid') ?? table.querySelector('[data-testid]')?.getAttribute('data-testid');
    out.push(id ?? (table.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30));
  }
  return out;
}

/**
 * Runs the check over the whole of the scrolling content, one screenful at a time, and
 * returns each problem once, labelled with `where`.
 */
export async function visualProblems(page: Page, where: string): Promise<string[]> {
  const found = new Set<string>();
  const scroller = page.locator('.app-content');
  const hasScroller = (await scroller.count()) > 0;
  for (let step = 0; step < 12; step++) {
    for (const p of await page.evaluate(inPageCheck)) {
      found.add(`${where}: ${p.kind} «${p.text}»${p.other ? ` × «${p.other}»` : ''}`);
    }
    for (const table of await page.evaluate(hiddenScrollBarCheck)) found.add(`${where}: scroll bar off screen «${table}»`);
    if (!hasScroller) break;
    const moved = await scroller.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight * 0.8;
      return el.scrollTop !== before;
    });
    if (!moved) break;
    await page.waitForTimeout(150);
  }
  if (hasScroller) await scroller.evaluate((el) => (el.scrollTop = 0));
  return [...found];
}
