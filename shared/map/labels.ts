// Names on the map without overprinting: each label takes the first of its places whose box
// is free of the labels already placed (and, if it can, of the symbols), in priority order;
// a school name with no free place is left out (zooming in on the page brings it back), a
// township name is always drawn. No name goes under the legend, scale bar or north arrow:
// a township name whose places are all under them is moved out beside them.
import type { SceneText } from './scene';

export type Box = readonly [number, number, number, number];

export interface LabelPlace {
  x: number;
  y: number;
  anchor: SceneText['anchor'];
}

export interface LabelRequest {
  /** The scene group (and so the layer) the text belongs to. */
  group: string;
  text: string;
  size: number;
  color: string;
  places: readonly LabelPlace[];
  /** Drawn at its first place even where every place is taken. */
  required: boolean;
}

/** Width of a CJK character is its size; Latin letters and digits about half of it. */
export function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? size : size * 0.56;
  return w;
}

/** The box a text covers around its baseline point, with the halo's margin. */
export function textBox(text: string, size: number, place: LabelPlace): Box {
  const w = textWidth(text, size);
  const left = place.anchor === 'start' ? place.x : place.anchor === 'end' ? place.x - w : place.x - w / 2;
  return [left - 1.5, place.y - size * 0.9, left + w + 1.5, place.y + size * 0.25];
}

const overlaps = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

/** A uniform grid of boxes, so a county's 600 names test only their neighbours. */
class BoxIndex {
  private readonly cells = new Map<string, Box[]>();
  constructor(private readonly cell = 64) {}

  private keys(b: Box): string[] {
    const out: string[] = [];
    for (let i = Math.floor(b[0] / this.cell); i <= Math.floor(b[2] / this.cell); i++) {
      for (let j = Math.floor(b[1] / this.cell); j <= Math.floor(b[3] / this.cell); j++) out.push(`${i},${j}`);
    }
    return out;
  }

  add(b: Box): void {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }

  hits(b: Box): boolean {
    return this.keys(b).some((k) => this.cells.get(k)?.some((o) => overlaps(o, b)));
  }
}

/** A box moved just out of `b`: to its left, above, below, then to its right. */
function besideBox(box: Box, b: Box): [number, number][] {
  return [
    [b[0] - 1 - box[2], 0],
    [0, b[1] - 1 - box[3]],
    [0, b[3] + 1 - box[1]],
    [b[2] + 1 - box[0], 0],
  ];
}

/**
 * Places the labels in the order given; `symbols` are boxes a label avoids when it can,
 * `reserved` boxes (the legend, scale bar, north arrow) boxes no label enters; `frame`, the
 * view, bounds where a township name may be moved to.
 */
export function placeLabels(requests: readonly LabelRequest[], symbols: readonly Box[], reserved: readonly Box[] = [], frame?: Box): SceneText[] {
  const placed = new BoxIndex();
  const marks = new BoxIndex();
  for (const s of symbols) marks.add(s);
  const inReserved = (b: Box) => reserved.some((r) => overlaps(r, b));
  const out: SceneText[] = [];
  for (const r of requests) {
    let places = r.places;
    let boxes = places.map((p) => textBox(r.text, r.size, p));
    let i = boxes.findIndex((b) => !inReserved(b) && !placed.hits(b) && !marks.hits(b));
    if (i < 0) i = boxes.findIndex((b) => !inReserved(b) && !placed.hits(b));
    if (i < 0 && r.required) {
      const first = places[0];
      const box = boxes[0];
      if (first && box) {
        // Every place of a township name is under the furniture or taken: try it beside each box that covers it.
        // Within the frame (the view) when one is given: a name moved off the map is no better than a hidden one.
        const inFrame = ([dx, dy]: [number, number]) => !frame || (box[0] + dx >= frame[0] && box[1] + dy >= frame[1] && box[2] + dx <= frame[2] && box[3] + dy <= frame[3]);
        const moves = reserved.filter((b) => overlaps(b, box)).flatMap((b) => besideBox(box, b).filter(inFrame));
        places = [first, ...moves.map(([dx, dy]) => ({ ...first, x: first.x + dx, y: first.y + dy }))];
        boxes = places.map((p) => textBox(r.text, r.size, p));
        i = boxes.findIndex((b) => !inReserved(b) && !placed.hits(b));
        if (i < 0) i = boxes.findIndex((b) => !inReserved(b));
        if (i < 0) i = 0;
      }
    }
    const place = places[i];
    const box = boxes[i];
    if (!place || !box) continue;
    placed.add(box);
    out.push({ type: 'text', group: r.group, x: Math.round(place.x * 10) / 10, y: Math.round(place.y * 10) / 10, text: r.text, size: r.size, color: r.color, anchor: place.anchor, halo: true });
  }
  return out;
}

/** Right, left, above and below a symbol of radius r at (x, y). */
export function placesAround(x: number, y: number, r: number, size: number): LabelPlace[] {
  return [
    { x: x + r + 3, y: y + size * 0.35, anchor: 'start' },
    { x: x - r - 3, y: y + size * 0.35, anchor: 'end' },
    { x, y: y - r - 3, anchor: 'middle' },
    { x, y: y + r + size, anchor: 'middle' },
  ];
}
