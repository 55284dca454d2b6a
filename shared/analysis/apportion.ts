// Whole numbers that keep a total: people in age bands split into single years, county
// births shared out over townships.

/** Rounds `values` to integers summing to `total`, giving the leftover units to the largest fractions. */
export function largestRemainder(values: readonly number[], total: number): number[] {
  const sum = values.reduce((s, v) => s + v, 0);
  const scaled = sum > 0 ? values.map((v) => (v * total) / sum) : values.map(() => total / Math.max(1, values.length));
  const floors = scaled.map(Math.floor);
  let left = total - floors.reduce((s, v) => s + v, 0);
  const order = scaled.map((v, i) => ({ i, frac: v - Math.floor(v) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left--;
  }
  return floors;
}
