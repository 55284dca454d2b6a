// Placing annexes in the plan document: the planner's order and numbers (附件1 …).
import type { Annex, AnnexContent } from './model';

export function annexLabel(number: number): string {
  return `附件${number}`;
}

/**
 * Numbers annexes in the order given: an explicit number where the planner set one, else
 * one more than the annex before (so "start at 3" is a number on the first annex only).
 */
export function numberAnnexes(contents: readonly AnnexContent[], numbers: readonly (number | undefined)[] = []): Annex[] {
  let previous = 0;
  return contents.map((content, i) => {
    const number = numbers[i] ?? previous + 1;
    previous = number;
    return { ...content, number, label: annexLabel(number) };
  });
}

/**
 * Notes as XLSX and DOCX print them: those formats carry a figure as its numbers, so they
 * say where the drawing is.
 */
export function tabularNotes(annex: Annex): string[] {
  if (annex.body === 'figure') return ['本表为图中数据，图形见 PDF 版。', ...annex.notes];
  if (annex.body === 'map') return ['本表为布局图的服务半径覆盖数据，布局图见 PDF 版。', ...annex.notes];
  return annex.notes;
}
