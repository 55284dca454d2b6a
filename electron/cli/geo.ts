// `cli coverage`: 服务半径 coverage per stage through the same API as the 布局图 page.
import type { MethodName, MethodResult } from '../../shared/api';
import { COVERAGE_BY, COVERAGE_UNKNOWN_LABEL, type CoverageBy, type CoverageResult } from '../../shared/geo/api';
import { TRAVEL_MODE_LABEL } from '../../shared/geo/settings';
import { COVERAGE_STAGES } from '../../shared/geo/model';
import { STAGE_LABEL } from '../../shared/domain';
import { compactJson } from './projection';

export const GEO_HELP = `  coverage <文件.csplan> [--plan 十五五] [--scenario 中] [--year 2030] [--by distance|time] [--json]
      服务半径覆盖：各学段服务半径内儿童占比（全县、分乡镇），超出服务半径的村（社区）及到最近学校的距离，
      平均和最远距离（米，直线距离 × 路网系数）。--year 默认规划基准年；规划年份按规划项目调整学校。
      --by time 按出行时间（分钟，步行或校车速度见规划设置）判断覆盖；JSON 中距离（distance，米）旁另有时间（minutes，分钟）。`;

export const GEO_OPTIONS = { by: { type: 'string' } } as const;

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;

export interface GeoCliValues {
  json?: boolean | undefined;
  plan?: string | undefined;
  scenario?: string | undefined;
  year?: string | undefined;
  by?: string | undefined;
}

const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
const km = (m: number | null) => (m === null ? '—' : m >= 1000 ? `${(m / 1000).toFixed(1)} 公里` : `${m} 米`);
const min = (m: number | null) => (m === null ? '—' : `${m} 分钟`);
const people = (n: number | null) => (n === null ? '未知' : `${Math.round(n)} 人`);
const count = (n: number | null) => (n === null ? '未知' : String(Math.round(n)));

export function coverageText(r: CoverageResult): string {
  const byTime = r.by === 'time';
  const speeds = `步行 ${r.speeds.walk} km/h、校车 ${r.speeds.bus} km/h`;
  const lines = [`${byTime ? '出行时间' : '服务半径'}覆盖（${r.year} 年${r.plan ? `，规划“${r.plan.name}”` : ''}，情景 ${r.scenario}，路网系数 ${r.roadFactor}${byTime ? `，${speeds}` : ''}）`];
  for (const stage of COVERAGE_STAGES) {
    const s = r.stages[stage];
    const limit = byTime
      ? `出行时间 城区步行 ${s.travelMinutes.urban} 分钟、镇区和乡村${TRAVEL_MODE_LABEL[s.travelMinutes.ruralMode]} ${s.travelMinutes.rural} 分钟`
      : `服务半径 城区 ${s.serviceDistance.urban} 米、镇区和乡村 ${s.serviceDistance.rural} 米`;
    lines.push(
      '',
      `${STAGE_LABEL[stage]}：${limit}；有位置的学校 ${s.schools} 所`,
      `  儿童 ${people(s.children)}，覆盖 ${people(s.covered)}（${pct(s.share)}）；平均距离 ${km(s.distance.mean)}（${min(s.minutes.mean)}），最远 ${km(s.distance.max)}（${min(s.minutes.max)}）`,
      ...(s.unknown.length > 0 ? [`  未知原因：${s.unknown.map((u) => COVERAGE_UNKNOWN_LABEL[u]).join('；')}`] : []),
      ...s.townships.filter((t) => s.children !== null && t.children !== 0).map((t) => `  ${t.name}：${count(t.covered)} / ${count(t.children)}（${pct(t.share)}）`),
    );
    if (s.uncovered.length > 0) {
      lines.push(`  超出${byTime ? '出行时间' : '服务半径'}的村（社区）${s.uncovered.length} 个（最远的 10 个）：`);
      for (const u of s.uncovered.slice(0, 10)) lines.push(`    ${u.township} ${u.village}：儿童 ${Math.round(u.children)} 人，距 ${u.nearest ?? '（无该学段学校）'} ${km(u.distance)}（${min(u.minutes)}）`);
    }
  }
  if (r.notes.length) lines.push('', '说明：', ...r.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

export async function coverageCommand(values: GeoCliValues, call: Call, usage: (m: string) => Error): Promise<void> {
  let year: number | undefined;
  if (values.year !== undefined) {
    if (!/^\d{4}$/.test(values.year.trim())) throw usage('--year 应为四位年份，例如 2030');
    year = Number(values.year);
  }
  if (values.by !== undefined && !(COVERAGE_BY as readonly string[]).includes(values.by)) throw usage(`--by 应为 distance（按距离）或 time（按出行时间），而不是“${values.by}”`);
  const by = values.by as CoverageBy | undefined;
  const r = await call('geo.coverage', { plan: values.plan, scenario: values.scenario, year, by });
  console.log(values.json ? compactJson(r) : coverageText(r));
}
