// The 80 % interval under a projected figure in a table cell, small and muted.
import type { ReactNode } from 'react';
import { fmtInt } from '../../lib/format';

/** The interval as plain elements, for a table that renders many of them at once (no component per cell). */
export function intervalText(low: number | undefined, high: number | undefined): ReactNode {
  if (low === undefined || high === undefined) return null;
  return (
    <div className="interval-text" data-testid="forecast-interval">
      {fmtInt(low)}–{fmtInt(high)}
    </div>
  );
}

export function IntervalText({ low, high }: { low: number | undefined; high: number | undefined }) {
  return intervalText(low, high);
}
