// A control that owns the value being moved (a slider handle): the owner of the value (the
// 预测 page, whose projection follows it) hears of it only once the planner lets go (pointer
// or key up) or holds the handle still, so a drag re-renders the control alone.
import { useEffect, useRef, useState } from 'react';

/** How long a dragged handle rests before its value is passed on. */
export const DRAG_REST_MS = 120;

export interface DraftValue<T> {
  value: T;
  onChange: (value: T) => void;
  onChangeComplete: (value: T) => void;
}

export function useDraftValue<T>(value: T, commit: (value: T) => void): DraftValue<T> {
  const [draft, setDraft] = useState(value);
  // A new value from the owner (a discard, another scenario) replaces the draft; the one just
  // passed on coming back does not (the handle may have moved on since).
  const [owned, setOwned] = useState(value);
  const [passed, setPassed] = useState<{ value: T } | null>(null);
  if (!Object.is(owned, value)) {
    setOwned(value);
    if (!passed || !Object.is(passed.value, value)) setDraft(value);
  }
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef(commit);
  useEffect(() => {
    latest.current = commit;
  });
  useEffect(() => () => clearTimeout(timer.current), []);
  const pass = (v: T) => {
    clearTimeout(timer.current);
    if (Object.is(v, value)) return;
    setPassed({ value: v });
    latest.current(v);
  };
  return {
    value: draft,
    onChange: (v) => {
      setDraft(v);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => pass(v), DRAG_REST_MS);
    },
    onChangeComplete: pass,
  };
}
