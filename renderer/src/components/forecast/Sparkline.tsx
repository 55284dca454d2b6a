// A tiny inline chart for table rows: recorded years solid, projected years dashed. Plain
// SVG rather than one ECharts instance per row, so a table of a hundred schools stays light.
interface Props {
  history: (number | null)[];
  projection: number[];
  color: string;
  width?: number;
  height?: number;
}

export function Sparkline({ history, projection, color, width = 120, height = 26 }: Props) {
  const values = [...history, ...projection];
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const max = Math.max(...known);
  const min = Math.min(...known);
  const span = max - min || 1;
  const n = values.length;
  const x = (i: number) => (n <= 1 ? 0 : (i / (n - 1)) * (width - 4) + 2);
  const y = (v: number) => height - 3 - ((v - min) / span) * (height - 6);
  const path = (from: number, to: number) =>
    values
      .slice(from, to)
      .map((v, k) => (v === null ? null : `${x(from + k).toFixed(1)},${y(v).toFixed(1)}`))
      .filter(Boolean)
      .join(' ');
  const split = history.length - 1;
  return (
    <svg width={width} height={height} className="sparkline" aria-hidden>
      <polyline points={path(0, history.length)} fill="none" stroke={color} strokeWidth={1.6} />
      <polyline points={path(split, n)} fill="none" stroke={color} strokeWidth={1.6} strokeDasharray="3 2" opacity={0.85} />
    </svg>
  );
}
