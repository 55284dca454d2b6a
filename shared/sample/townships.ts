// The county's geography: the county town (城关镇 plus street offices) in the centre and
// rural 镇/乡 around it, grouped into planning areas by compass side.
import type { Township } from '../domain/model';
import { COUNTY_TOWN, RURAL_TOWNSHIPS, STREETS } from './names';
import type { Rng } from './prng';

/** A township with what the generator needs beyond the stored record. */
export interface TownshipInfo {
  township: Township;
  /** Part of the county town (城关镇 or a 街道): where schools overflow. */
  urban: boolean;
  lat: number;
  lng: number;
  /** Distance from the county centre. */
  distanceKm: number;
  /** Relative size (births) within its group, urban or rural. */
  birthWeight: number;
  /** Multiplier on the yearly loss of rural children to the county town and beyond. */
  outflow: number;
  /** Multiplier on the share of resident children sent to county-town schools (进城就读). */
  pull: number;
}

export interface CountyFrame {
  code: string;
  name: string;
  lat: number;
  lng: number;
  townships: TownshipInfo[];
}

const KM_PER_DEG_LAT = 111;

function offset(lat: number, lng: number, km: number, bearingDeg: number): { lat: number; lng: number } {
  const rad = (bearingDeg * Math.PI) / 180;
  const kmPerDegLng = KM_PER_DEG_LAT * Math.cos((lat * Math.PI) / 180);
  return {
    lat: round6(lat + (km * Math.sin(rad)) / KM_PER_DEG_LAT),
    lng: round6(lng + (km * Math.cos(rad)) / kmPerDegLng),
  };
}

export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** Moves a point a random distance (up to maxKm) in a random direction: schools around a seat. */
export function scatter(rng: Rng, lat: number, lng: number, maxKm: number): { lat: number; lng: number } {
  return offset(lat, lng, maxKm * Math.sqrt(rng.next()), rng.float(0, 360));
}

/** Planning area of a rural township from its bearing seen from the county town. */
function areaOf(bearingDeg: number): string {
  const b = ((bearingDeg % 360) + 360) % 360;
  if (b < 45 || b >= 315) return '东部片区';
  if (b < 135) return '北部片区';
  if (b < 225) return '西部片区';
  return '南部片区';
}

export function buildTownships(
  rng: Rng,
  countyCode: string,
  countyName: string,
  centre: { lat: number; lng: number },
): CountyFrame {
  const total = rng.int(14, 16);
  const streetCount = rng.int(2, 3);
  const ruralCount = total - 1 - streetCount;
  const out: TownshipInfo[] = [];

  // Codes follow the national pattern: 0xx street offices, 1xx towns, 2xx townships (乡).
  const streets = rng.shuffle(STREETS).slice(0, streetCount);
  streets.forEach((s, i) => {
    const distanceKm = rng.float(1.5, 3);
    const pos = offset(centre.lat, centre.lng, distanceKm, s.bearing + rng.float(-15, 15));
    out.push({
      township: { code: `${countyCode}${pad3(i + 1)}`, name: s.name, kind: '街道', urbanRural: '城区', area: '城区片区' },
      urban: true,
      ...pos,
      distanceKm,
      birthWeight: rng.float(0.85, 1.15),
      outflow: 0,
      pull: 0,
    });
  });
  out.push({
    township: { code: `${countyCode}100`, name: COUNTY_TOWN, kind: '镇', urbanRural: '城区', area: '城区片区' },
    urban: true,
    lat: round6(centre.lat),
    lng: round6(centre.lng),
    distanceKm: 0,
    birthWeight: rng.float(1.3, 1.6),
    outflow: 0,
    pull: 0,
  });

  const names = rng.shuffle(RURAL_TOWNSHIPS).slice(0, ruralCount);
  // Spread rural townships evenly around the town so that each planning area gets some.
  const start = rng.float(0, 360);
  let nextTown = 101;
  let nextXiang = 200;
  names.forEach((name, i) => {
    const bearing = start + (360 / ruralCount) * i + rng.float(-10, 10);
    const distanceKm = rng.float(7, 24);
    const isXiang = name.endsWith('乡');
    const pos = offset(centre.lat, centre.lng, distanceKm, bearing);
    out.push({
      township: {
        code: `${countyCode}${pad3(isXiang ? nextXiang++ : nextTown++)}`,
        name,
        kind: isXiang ? '乡' : '镇',
        urbanRural: isXiang ? '乡村' : '镇区',
        area: areaOf(bearing),
      },
      urban: false,
      ...pos,
      distanceKm,
      // 乡 are the smaller, more remote units.
      birthWeight: isXiang ? rng.float(0.55, 0.95) : rng.float(0.95, 1.6),
      outflow: rng.float(0.7, 1.3),
      // Families near the town send more children there.
      pull: 1.35 - ((distanceKm - 7) / 17) * 0.7,
    });
  });

  out.sort((a, b) => a.township.code.localeCompare(b.township.code));
  return { code: countyCode, name: countyName, lat: centre.lat, lng: centre.lng, townships: out };
}

function pad3(n: number): string {
  return String(n).padStart(3, '0');
}
