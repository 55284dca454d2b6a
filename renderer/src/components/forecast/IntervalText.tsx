// The 80 % interval under a projected figure in a table cell, small and muted.
import { fmtInt } from '../../lib/format';

export function IntervalText({ low, high }: { low: number | undefined; high: number | undefined }) {
  if (low === undefined || high === undefined) return null;
  return (
    <div className="interval-text" data-testid="forecast-interval">
      {fmtInt(low)}–{fmtInt(high)}
    </div>
  );
}
