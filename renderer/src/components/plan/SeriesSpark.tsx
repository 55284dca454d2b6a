// A tiny year-by-year line for a table row (a target's values over the plan's years), the
// target year marked. Plain SVG: a table of targets should not hold a chart instance per row.
interface Props {
  values: (number | null)[];
  markIndex: number;
  color: string;
  width?: number;
  height?: number;
}

export function SeriesSpark({ values, markIndex, color, width = 110, height = 24 }: Props) {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const max = Math.max(...known);
  const min = Math.min(...known);
  const span = max - min || 1;
  const n = values.length;
  const x = (i: number) => (n <= 1 ? 0 : (i / (n - 1)) * (width - 6) + 3);
  const y = (v: number) => height - 4 - ((v - min) / span) * (height - 8);
  const points = values.map((v, i) => (v === null ? null : `${x(i).toFixed(1)},${y(v).toFixed(1)}`)).filter(Boolean).join(' ');
  const mark = values[markIndex];
  return (
    <svg width={width} height={height} aria-hidden>
      <polyline points={points} fill="none" stroke={color} strokeWidth={1.5} />
      {mark !== null && mark !== undefined ? <circle cx={x(markIndex)} cy={y(mark)} r={2.8} fill={color} /> : null}
    </svg>
  );
}
