// What an editor form sends: only the fields whose value differs from the record's, with an
// emptied number or text sent as unknown (null) or empty, never as 0.
function normalised(v: unknown): unknown {
  if (v === undefined || v === '') return null;
  return typeof v === 'string' ? v.trim() : v;
}

export function changedFields(initial: Record<string, unknown>, current: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of fields) {
    if (!(k in current)) continue;
    const before = normalised(initial[k]);
    const after = normalised(current[k]);
    if (JSON.stringify(before) !== JSON.stringify(after)) out[k] = after === null && typeof initial[k] === 'string' ? '' : after;
  }
  return out;
}
