// How each thing looks on the map: school symbols by kind, colours by 学位预警, village
// shading by children. The legend reads the same tables, so it always matches the drawing.
import { LEVEL_COLOR } from '../domain/palette';
import type { SchoolKind } from '../domain/stages';
import type { Level } from '../plan/types';

export type SymbolShape = 'circle' | 'triangle' | 'square' | 'diamond' | 'hexagon';

/** Shape by stage: 幼儿园 triangle, 小学 circle, 初中 square, 一贯制 diamond, 高中/其他 hexagon. */
export const KIND_SHAPE: Record<SchoolKind, SymbolShape> = {
  kindergarten: 'triangle',
  primary: 'circle',
  teaching_point: 'circle',
  junior: 'square',
  nine_year: 'diamond',
  twelve_year: 'diamond',
  complete_middle: 'hexagon',
  senior: 'hexagon',
  vocational: 'hexagon',
  special: 'hexagon',
};

export const SHAPE_LABEL: Record<SymbolShape, string> = {
  triangle: '幼儿园',
  circle: '小学（含教学点）',
  square: '初级中学',
  diamond: '九年/十二年一贯制',
  hexagon: '高中、完全中学及其他',
};

export const LEVEL_FILL: Record<Level, string> = {
  red: LEVEL_COLOR.red,
  orange: LEVEL_COLOR.orange,
  green: LEVEL_COLOR.green,
  blue: LEVEL_COLOR.blue,
  none: LEVEL_COLOR.muted,
};

/** The 学位预警 terms of 学位供需 (renderer/src/i18n/zh-plan.ts `levels`), so the two pages speak alike. */
export const LEVEL_LABEL: Record<Level, string> = {
  red: '学位不足（利用率>100%）',
  orange: '趋紧（90%–100%）',
  green: '适度（60%–90%）',
  blue: '富余（<60%）',
  none: '无学位或学生数据',
};

/** Radius in px: area grows with students, so a school twice the size looks twice as heavy. */
export function schoolRadius(students: number | null, kind: SchoolKind): number {
  if (students === null || !Number.isFinite(students) || students <= 0) return kind === 'teaching_point' ? 3 : 4;
  return Math.min(13, Math.max(3, 3 + 10 * Math.sqrt(students / 3000)));
}

/** SVG path of a symbol centred at (x, y) with "radius" r (shapes of about equal area). */
export function symbolPath(shape: SymbolShape, x: number, y: number, r: number): string {
  const f = (v: number) => Math.round(v * 10) / 10;
  switch (shape) {
    case 'circle':
      return `M${f(x - r)},${f(y)}a${f(r)},${f(r)} 0 1,0 ${f(2 * r)},0a${f(r)},${f(r)} 0 1,0 ${f(-2 * r)},0Z`;
    case 'square': {
      const h = r * 0.886;
      return `M${f(x - h)},${f(y - h)}h${f(2 * h)}v${f(2 * h)}h${f(-2 * h)}Z`;
    }
    case 'diamond': {
      const h = r * 1.2;
      return `M${f(x)},${f(y - h)}L${f(x + h)},${f(y)}L${f(x)},${f(y + h)}L${f(x - h)},${f(y)}Z`;
    }
    case 'triangle': {
      const h = r * 1.35;
      return `M${f(x)},${f(y - h)}L${f(x + h * 0.866)},${f(y + h / 2)}L${f(x - h * 0.866)},${f(y + h / 2)}Z`;
    }
    case 'hexagon': {
      const pts = [0, 1, 2, 3, 4, 5].map((i) => {
        const a = (Math.PI / 3) * i;
        return `${f(x + r * 1.05 * Math.cos(a))},${f(y + r * 1.05 * Math.sin(a))}`;
      });
      return `M${pts.join('L')}Z`;
    }
  }
}

/** Children per village: class limits (upper bounds) and their shades, light to dark. */
export const VILLAGE_CLASSES: readonly { max: number; fill: string; label: string }[] = [
  { max: 50, fill: '#fdebd0', label: '50 人以下' },
  { max: 150, fill: '#f8c98c', label: '50–150 人' },
  { max: 300, fill: '#ef9f4c', label: '150–300 人' },
  { max: 600, fill: '#d5701c', label: '300–600 人' },
  { max: Infinity, fill: '#9c4608', label: '600 人以上' },
];

export function villageFill(children: number | null): string | null {
  if (children === null || !Number.isFinite(children)) return null;
  return (VILLAGE_CLASSES.find((c) => children < c.max) ?? VILLAGE_CLASSES[VILLAGE_CLASSES.length - 1])?.fill ?? null;
}

export const MAP_COLORS = {
  countyLine: '#262626',
  townshipLine: '#8c8c8c',
  townshipFill: '#f7f7f2',
  ring: '#1f5fa8',
  catchment: '#9aa7b5',
  transfer: '#434343',
  group: '#722ed1',
  newSchool: '#ffffff',
  closedSchool: '#bfbfbf',
  expandedRing: '#237804',
  selected: '#fadb14',
  label: '#434343',
  road: '#b5a58c',
  river: '#6fa8dc',
  town: '#e8e2d6',
} as const;
