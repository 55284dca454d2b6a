// Township names as files write them (城关镇, 城关, 城关镇人民政府, 東城街道) matched to the
// project's townships, and the labels of total rows (合计, 全县…).
import type { Township } from '../domain/model';
import { normaliseName } from './normalise';

export interface TownshipRef {
  code: string;
  name: string;
}

const SUFFIX = /(人民政府|街道办事处|办事处|街道|民族乡|镇|乡)$/;

function bare(normalised: string): string {
  const b = normalised.replace(SUFFIX, '');
  return b.length >= 1 ? b : normalised;
}

/** Levenshtein distance by code point (names are a few characters, so the plain table is fine). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length] ?? 0;
}

export class TownshipIndex {
  private readonly byName = new Map<string, TownshipRef>();
  private readonly byBare = new Map<string, TownshipRef | null>();
  private readonly byCodeMap = new Map<string, TownshipRef>();

  constructor(townships: readonly TownshipRef[]) {
    for (const t of townships) this.add(t);
  }

  add(t: TownshipRef): void {
    const n = normaliseName(t.name);
    this.byName.set(n, t);
    this.byCodeMap.set(t.code, t);
    const b = bare(n);
    // Two townships with the same bare name (东城镇, 东城乡) make the bare name ambiguous.
    const seen = this.byBare.get(b);
    this.byBare.set(b, seen === undefined || seen?.code === t.code ? t : null);
  }

  find(label: string): TownshipRef | null {
    const n = normaliseName(label);
    if (!n) return null;
    return this.byName.get(n) ?? this.byBare.get(bare(n)) ?? null;
  }

  byCode(code: string): TownshipRef | null {
    return this.byCodeMap.get(code) ?? null;
  }

  /**
   * The township whose name is nearest to `label` (edit distance over the bare names), when it
   * is near enough to be a typo of it: one character in a two- or three-character name, about
   * a third of a longer one. Null when nothing is that close, or two are equally close.
   */
  closest(label: string): TownshipRef | null {
    const b = bare(normaliseName(label));
    if (!b) return null;
    const limit = Math.max(1, Math.floor(b.length / 3));
    let best: TownshipRef | null = null;
    let bestDistance = limit + 1;
    let tie = false;
    for (const t of this.byCodeMap.values()) {
      const d = editDistance(b, bare(normaliseName(t.name)));
      if (d < bestDistance) {
        best = t;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance) tie = true;
    }
    return tie ? null : best;
  }

  get size(): number {
    return this.byCodeMap.size;
  }

  codes(): string[] {
    return [...this.byCodeMap.keys()];
  }
}

const TOTAL_WORDS = /合计|总计|小计|汇总|累计/;
const WHOLE_AREA = /^(全县|全市|全区|全旗|全省|全州|全县区|共计|总体|县合计)$/;

/** 合计 / 小计 / 全县 … : a total row or column, not a school or township. */
export function isTotalLabel(text: string): boolean {
  const n = normaliseName(text);
  return n !== '' && (TOTAL_WORDS.test(n) || WHOLE_AREA.test(n));
}

/**
 * Kind and urban/rural class of a township created by an import, from its name: 街道 and the
 * county seat (城关镇, or the township the county's 县城 setting names) are 城区, 乡 are 乡村,
 * other towns 镇区. The planner corrects any of it afterwards.
 */
export function newTownshipShape(name: string, countySeat: string | null = null): Pick<Township, 'kind' | 'urbanRural'> {
  if (/街道|办事处$/.test(name)) return { kind: '街道', urbanRural: '城区' };
  const seat = /^城关(镇)?$/.test(normaliseName(name)) || (!!countySeat && bare(normaliseName(countySeat)) === bare(normaliseName(name)));
  if (/乡$/.test(name)) return { kind: '乡', urbanRural: seat ? '城区' : '乡村' };
  return { kind: '镇', urbanRural: seat ? '城区' : '镇区' };
}

/**
 * Codes for townships an import creates: the county code followed by three digits from 901
 * upwards, which real division codes do not use for townships, skipping codes taken.
 */
export function nextTownshipCodes(countyCode: string, taken: Iterable<string>, count: number): string[] {
  const used = new Set(taken);
  const out: string[] = [];
  const prefix = /^\d{6}$/.test(countyCode) ? countyCode : '000000';
  for (let n = 901; out.length < count && n <= 999; n++) {
    const code = `${prefix}${n}`;
    if (!used.has(code)) out.push(code);
  }
  // Past 999, longer numeric codes (still digits only, as the API expects).
  for (let n = 1000; out.length < count; n++) {
    const code = `${prefix}${n}`;
    if (!used.has(code)) out.push(code);
  }
  return out;
}
