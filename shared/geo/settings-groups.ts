// The geographic settings as the settings drawer shows them: groups of fields, each group
// with the source of its defaults (a national standard or 参考值), the fields' paths inside
// `settings.geo`, their bounds (the schema's own) and what 恢复默认 puts back.
import { COVERAGE_STAGES, type CoverageStage } from './model';
import { defaultGeoSettings, GEO_SETTING_LIMITS, GEO_PLACE_LABEL, GEO_SETTING_SOURCES, GEO_STAGE_LABEL, TRAVEL_MODE_LABEL, TRAVEL_MODES, type GeoSettings } from './settings';

export type GeoFieldPath = readonly string[];

export interface GeoSettingField {
  /** Inside `settings.geo`. */
  path: GeoFieldPath;
  /** Short label under the group's title. */
  label: string;
  /** The whole name, for messages ("镇区及乡村小学服务半径"). */
  name: string;
  /** A number within bounds, or one of the travel modes. */
  input: { kind: 'number'; min: number; max: number; step: number; unit: string } | { kind: 'mode'; options: { value: string; label: string }[] };
}

export interface GeoSettingGroup {
  key: string;
  title: string;
  /** Where the defaults come from, in full. */
  source: string;
  /** The defaults are the program's reference values, not a national norm. */
  reference: boolean;
  fields: GeoSettingField[];
}

/** A reference value's source starts so (shared/standards). */
export const isReferenceSource = (source: string): boolean => source.startsWith('参考值');

/** The standard's number, for a tag ("GB 50180-2018"), or 参考值. */
export function sourceTag(source: string): string {
  if (isReferenceSource(source)) return '参考值';
  return /（((?:GB|GB\/T|JGJ|建标)[^）]*)）/.exec(source)?.[1] ?? '国家标准';
}

type Limit = (typeof GEO_SETTING_LIMITS)[keyof typeof GEO_SETTING_LIMITS];
const number = (l: Limit, step: number) => ({ kind: 'number' as const, min: l.min, max: l.max, step, unit: l.unit });

function perStage(prefix: readonly string[], name: (stage: CoverageStage) => string, limit: Limit, step: number): GeoSettingField[] {
  return COVERAGE_STAGES.map((stage) => ({ path: [...prefix, stage], label: GEO_STAGE_LABEL[stage], name: name(stage), input: number(limit, step) }));
}

function group(key: string, title: string, source: string, fields: GeoSettingField[]): GeoSettingGroup {
  return { key, title, source, reference: isReferenceSource(source), fields };
}

const { urban, rural } = GEO_PLACE_LABEL;

export const GEO_SETTING_GROUPS: readonly GeoSettingGroup[] = [
  group('urbanRadius', `服务半径（${urban}，米）`, GEO_SETTING_SOURCES.urban, perStage(['urban'], (s) => `${urban}${GEO_STAGE_LABEL[s]}服务半径`, GEO_SETTING_LIMITS.metres, 50)),
  group('ruralRadius', `服务半径（${rural}，米）`, GEO_SETTING_SOURCES.rural, perStage(['rural'], (s) => `${rural}${GEO_STAGE_LABEL[s]}服务半径`, GEO_SETTING_LIMITS.metres, 100)),
  group('roadFactor', '路网系数（道路距离 ÷ 直线距离）', GEO_SETTING_SOURCES.roadFactor, [
    { path: ['roadFactor'], label: '路网系数', name: '路网系数', input: number(GEO_SETTING_LIMITS.roadFactor, 0.05) },
  ]),
  group('speed', '出行速度（km/h）', GEO_SETTING_SOURCES.speed, [
    { path: ['travel', 'walkKmh'], label: '步行', name: '步行速度', input: number(GEO_SETTING_LIMITS.walkKmh, 0.5) },
    { path: ['travel', 'busKmh'], label: '校车（平均，含停靠）', name: '校车平均速度', input: number(GEO_SETTING_LIMITS.busKmh, 1) },
  ]),
  group('urbanMinutes', `出行时间阈值（${urban}，步行，分钟）`, GEO_SETTING_SOURCES.urbanMinutes, perStage(['travel', 'urban'], (s) => `${urban}${GEO_STAGE_LABEL[s]}出行时间阈值`, GEO_SETTING_LIMITS.minutes, 1)),
  group('ruralMinutes', `出行时间阈值（${rural}，分钟）与出行方式`, GEO_SETTING_SOURCES.ruralMinutes, [
    ...perStage(['travel', 'rural'], (s) => `${rural}${GEO_STAGE_LABEL[s]}出行时间阈值`, GEO_SETTING_LIMITS.minutes, 1),
    ...COVERAGE_STAGES.map(
      (stage): GeoSettingField => ({
        path: ['travel', 'ruralMode', stage],
        label: `${GEO_STAGE_LABEL[stage]}出行方式`,
        name: `${rural}${GEO_STAGE_LABEL[stage]}出行方式`,
        input: { kind: 'mode', options: TRAVEL_MODES.map((m) => ({ value: m, label: TRAVEL_MODE_LABEL[m] })) },
      }),
    ),
  ]),
];

/** The value at a path of the geographic settings. */
export function geoValueAt(settings: GeoSettings, path: GeoFieldPath): unknown {
  let v: unknown = settings;
  for (const k of path) v = (v as Record<string, unknown> | undefined)?.[k];
  return v;
}

/** The group's defaults, path by path: what 恢复默认 puts back. */
export function groupDefaults(g: GeoSettingGroup): { path: GeoFieldPath; value: unknown }[] {
  const d = defaultGeoSettings();
  return g.fields.map((f) => ({ path: f.path, value: geoValueAt(d, f.path) }));
}

/** Whether a group holds values other than its defaults. */
export function groupChanged(g: GeoSettingGroup, settings: GeoSettings): boolean {
  return groupDefaults(g).some(({ path, value }) => geoValueAt(settings, path) !== value);
}

/** A settings object with the form's values laid over the stored ones (fields the form did not hold stay). */
export function mergeGeoSettings(base: GeoSettings, form: unknown): GeoSettings {
  const merge = (b: unknown, f: unknown): unknown => {
    if (f === undefined || f === null) return b;
    if (typeof b !== 'object' || b === null || typeof f !== 'object') return f;
    const out: Record<string, unknown> = { ...(b as Record<string, unknown>) };
    for (const [k, v] of Object.entries(f as Record<string, unknown>)) out[k] = merge(out[k], v);
    return out;
  };
  return merge(base, form) as GeoSettings;
}
