// The seats no layout can provide in the years before a build can be ready (过渡期缺口): with
// every existing school open and nothing built, the most children the schools can seat along
// the arcs allowed without a boarding section is a maximum flow; the rest is the floor of the
// bridged gap. The objective leaves out the penalty on that floor (a constant no decision can
// change, which would otherwise swell the objective and shrink the reported gap); a closure
// that adds to the gap is still charged. See docs/ARCHITECTURE.md, "Layout optimiser".
import type { OptInstance } from './instance';

const EPS = 1e-9;

/** Maximum flow source → points → schools → sink (Dinic), capacities real. */
class FlowNet {
  private head: number[];
  private to: number[] = [];
  private cap: number[] = [];
  private next: number[] = [];
  private level: number[] = [];
  private it: number[] = [];

  constructor(private readonly n: number) {
    this.head = new Array<number>(n).fill(-1);
  }

  edge(a: number, b: number, c: number): void {
    for (const [u, v, w] of [[a, b, c], [b, a, 0]] as const) {
      this.to.push(v);
      this.cap.push(w);
      this.next.push(this.head[u] as number);
      this.head[u] = this.to.length - 1;
    }
  }

  private bfs(s: number, t: number): boolean {
    this.level = new Array<number>(this.n).fill(-1);
    this.level[s] = 0;
    const queue = [s];
    for (let i = 0; i < queue.length; i++) {
      const u = queue[i] as number;
      for (let e = this.head[u] as number; e >= 0; e = this.next[e] as number) {
        const v = this.to[e] as number;
        if ((this.cap[e] as number) > EPS && this.level[v] === -1) {
          this.level[v] = (this.level[u] as number) + 1;
          queue.push(v);
        }
      }
    }
    return (this.level[t] as number) >= 0;
  }

  private push(u: number, t: number, f: number): number {
    if (u === t) return f;
    for (; (this.it[u] as number) >= 0; this.it[u] = this.next[this.it[u] as number] as number) {
      const e = this.it[u] as number;
      const v = this.to[e] as number;
      if ((this.cap[e] as number) <= EPS || this.level[v] !== (this.level[u] as number) + 1) continue;
      const got = this.push(v, t, Math.min(f, this.cap[e] as number));
      if (got > EPS) {
        this.cap[e] = (this.cap[e] as number) - got;
        this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + got;
        return got;
      }
    }
    return 0;
  }

  maxFlow(s: number, t: number): number {
    let flow = 0;
    while (this.bfs(s, t)) {
      this.it = [...this.head];
      for (let f = this.push(s, t, Infinity); f > EPS; f = this.push(s, t, Infinity)) flow += f;
    }
    return flow;
  }
}

/** Children without a seat in year index `t` when every existing school is open and nothing is built. */
function floorIn(inst: OptInstance, t: number): number {
  const P = inst.points.length;
  const F = inst.facilities.length;
  const net = new FlowNet(P + F + 2);
  const source = P + F;
  const sink = source + 1;
  let demand = 0;
  inst.points.forEach((p, i) => {
    const d = p.children[t] ?? 0;
    if (d <= 0) return;
    demand += d;
    net.edge(source, i, d);
  });
  for (const a of inst.arcs) {
    // Far arcs need a boarding section, and none can be ready in these years.
    if (!a.far && inst.facilities[a.facility]?.existing) net.edge(a.point, P + a.facility, Infinity);
  }
  inst.facilities.forEach((f, j) => {
    if (f.existing && f.seats > 0) net.edge(P + j, sink, f.seats);
  });
  return Math.max(0, demand - net.maxFlow(source, sink));
}

const cache = new WeakMap<OptInstance, number[]>();

/** Per year before the first build year: the children no layout can seat (the floor of the bridged gap). */
export function bridgedFloor(inst: OptInstance): number[] {
  const hit = cache.get(inst);
  if (hit) return hit;
  const out: number[] = [];
  for (let t = 0; t < Math.min(inst.firstBuildIndex, inst.years.length); t++) out.push(floorIn(inst, t));
  cache.set(inst, out);
  return out;
}

/** 万元: the unmet penalty on the bridged floor, left out of the objective. */
export function bridgedFloorPenalty(inst: OptInstance): number {
  return inst.weights.unmet * bridgedFloor(inst).reduce((a, b) => a + b, 0);
}
