// A ring with each edge cut into `parts` straight pieces: the same outline with many more
// vertices, as surveyed boundaries have (large-file tests and the geo-import bench).
export function densify<P extends readonly [number, number]>(ring: readonly P[], parts: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x0, y0] = ring[i]!;
    const [x1, y1] = ring[i + 1]!;
    for (let k = 0; k < parts; k++) out.push([x0 + ((x1 - x0) * k) / parts, y0 + ((y1 - y0) * k) / parts]);
  }
  const last = ring[ring.length - 1]!;
  out.push([last[0], last[1]]);
  return out;
}
