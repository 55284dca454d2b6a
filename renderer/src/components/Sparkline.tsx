// A tiny inline line for a table row. Plain SVG rather than one ECharts instance per row, so
// a table of a hundred schools or targets stays light. Values after `dashedFrom` (projected
// years) are dashed; `markIndex` puts a dot on one year (a plan's target year).
interface Props {
  values: (number | null)[];
  color: string;
  dashedFrom?: number;
  markIndex?: number;
  width?: number;
  height?: number;
}

export function Sparkline({ values, color, dashedFrom, markIndex, width = 120, height = 26 }: Props) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const max = Math.max(...known);
  const min = Math.min(...known);
  const span = max - min || 1;
  const n = values.length;
  const x = (i: number) => (n <= 1 ? 0 : (i / (n - 1)) * (width - 6) + 3);
  const y = (v: number) => height - 4 - ((v - min) / span) * (height - 8);
  const points = (from: number, to: number) =>
    values
      .slice(from, to)
      .map((v, k) => (v === null ? null : `${x(from + k).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  const split = dashedFrom === undefined ? n : Math.max(0, Math.min(n, dashedFrom));
  const mark = markIndex === undefined ? null : values[markIndex];
  return (
    <svg width={width} height={height} className="sparkline" aria-hidden>
      <polyline points={points(0, split + 1)} fill="none" stroke={color} strokeWidth={1.6} />
      {split < n - 1 ? (
        <polyline points={points(split, n)} fill="none" stroke={color} strokeWidth={1.6} strokeDasharray="3 2" opacity={0.85} />
      ) : null}
      {mark !== null && mark !== undefined && markIndex !== undefined ? (
        <circle cx={x(markIndex)} cy={y(mark)} r={2.8} fill={color} />
      ) : null}
    </svg>
  );
}
