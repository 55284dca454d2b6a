// The notes an annex prints for its number columns, generated from the number registry
// (shared/explain/numbers.ts) that the pages' hover help reads, so the two cannot drift.
import { annexNumberNote, numberNote, type NumberKey } from '../explain/numbers';
import type { AnnexContent } from './model';

/** The registry entries of an annex's columns, each once, in column order. */
export function explainedKeys(content: AnnexContent): NumberKey[] {
  return [...new Set(content.table.columns.flatMap((c) => (c.explain ? [c.explain] : [])))];
}

/**
 * The annex with a note for every explained column. A provider's short note on the same
 * number (title and formula) is replaced in place by the whole explanation, not repeated.
 */
export function withColumnNotes<T extends AnnexContent>(content: T): T {
  const notes = [...content.notes];
  for (const key of explainedKeys(content)) {
    const full = annexNumberNote(key);
    const short = notes.indexOf(numberNote(key));
    if (short >= 0) notes[short] = full;
    else if (!notes.includes(full)) notes.push(full);
  }
  return { ...content, notes };
}
