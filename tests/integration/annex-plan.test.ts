// The plan's annexes (1, 3, 4, 5 and the demand chart) on the sample county, fed by a plan
// made through the API as the 规划 page makes it: a new school, an expansion and a closure
// with its receiving school. Every annex is exported to XLSX, DOCX and PDF and read back;
// the numbers are checked against the plan and against `plan.evaluate`, the numbers the
// 规划 page and `cli evaluate` show.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend';
import { chromiumPrinter } from '../../electron/backend/annex/chromium';
import { ANNEX_KINDS, WARNING_LABEL, type AnnexExportResult, type AnnexList } from '../../shared/annex';
import type { SchoolRow, TownshipRow } from '../../shared/api';
import { STAGE_LABEL } from '../../shared/domain';
import type { PlanDetail, PlanEvaluation } from '../../shared/plan';
import { docxTables, sheetRows } from '../helpers/office';
import { openSampleCounty, resultOf } from '../helpers/backend';

const run = promisify(execFile);
let dir: string;
let projectPath: string;
let backend: Backend;

const ok = <T>(method: string, input: unknown) => resultOf<T>(backend.dispatch(method, input));

/** Raw values of a sheet (numbers as numbers), row by row, from its first row. */
function values(sheet: XLSX.WorkSheet): (string | number | null)[][] {
  return XLSX.utils.sheet_to_json<(string | number | null)[]>(sheet, { header: 1, defval: null, blankrows: true });
}

const squeeze = (s: string) => s.replace(/\s+/g, '');
const ALL = ANNEX_KINDS.map((kind) => ({ kind }));
const PLAN = { plan: '十五五', scenario: '中' };

let plan: PlanDetail;
let ev: PlanEvaluation;
let book: XLSX.WorkBook;
const NEW_SCHOOL = '城关第五小学';
const CLOSED = '青山乡田湾教学点';
const RECEIVER = '青山乡九年一贯制学校';

function sheet(n: number): XLSX.WorkSheet {
  const s = book.Sheets[`附件${n}`];
  if (!s) throw new Error(`no sheet 附件${n}`);
  return s;
}

beforeAll(async () => {
  ({ dir, projectPath, backend } = await openSampleCounty('csp-annex-plan-', { printPdf: chromiumPrinter() }));
});
afterAll(() => backend?.close());

describe('the plan annexes without a plan', () => {
  it('are listed as unavailable and refused, saying in Chinese that a plan is needed', async () => {
    const list = await ok<AnnexList>('annex.list', {});
    expect(list.plans).toEqual([]);
    expect(list.plan).toBeNull();
    expect(list.scenarios).toEqual(['低', '中', '高']);
    for (const kind of ['indicators', 'seat-balance', 'projects', 'adjustments', 'demand-chart']) {
      expect(list.annexes.find((a) => a.kind === kind)).toMatchObject({ available: false, reason: '尚未建立规划，请先在“规划”页新建规划。' });
    }
    const res = await backend.dispatch('annex.preview', { annexes: [{ kind: 'adjustments' }] });
    expect(res.ok || res.error).toMatchObject({ code: 'NOT_FOUND', message: '无法生成“学校布局调整表”：尚未建立规划，请先在“规划”页新建规划。' });
  });
});

describe('the plan annexes of a plan with a new school and a closure', () => {
  beforeAll(async () => {
    const schools = await ok<SchoolRow[]>('schools.list', {});
    const townships = await ok<TownshipRow[]>('townships.list', {});
    const code = (name: string) => schools.find((s) => s.name === name)?.code ?? '';
    const created = await ok<PlanDetail>('plan.create', { name: '十五五' });
    plan = await ok<PlanDetail>('plan.addProjects', {
      plan: created.id,
      projects: [
        {
          type: '新建', name: NEW_SCHOOL, kind: 'primary', township: townships.find((t) => t.name === '城关镇')?.code,
          classes: 36, seats: 1620, floorArea: 16200, investment: 4860, startYear: 2026, completionYear: 2028, note: '缓解城区大班额',
        },
        { type: '改扩建', name: '城关第一初级中学扩建', school: code('城关第一初级中学'), stage: 'junior', classes: 12, seats: 600, floorArea: 6000, investment: 2400, completionYear: 2027 },
        { type: '撤并', name: `${CLOSED}撤并`, school: code(CLOSED), completionYear: 2027, receivers: [{ school: code(RECEIVER), share: 1 }] },
      ],
    });
    ev = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id, scenario: '中' });
    const xlsx = await ok<AnnexExportResult>('annex.export', { ...PLAN, format: 'xlsx', annexes: ALL });
    book = XLSX.read(Buffer.from(xlsx.base64 ?? '', 'base64'), { cellNF: true });
  });

  it('lists every annex as available for the plan', async () => {
    const list = await ok<AnnexList>('annex.list', PLAN);
    expect(list.plans.map((p) => p.name)).toEqual(['十五五']);
    expect(list.plan).toMatchObject({ id: plan.id, name: '十五五', baseYear: 2025, targetYear: 2030, outlookYear: 2040, scenario: '中' });
    expect(list.annexes.filter((a) => !a.available)).toEqual([]);
    // Without naming the plan, the first one is used.
    expect((await ok<AnnexList>('annex.list', {})).plan?.id).toBe(plan.id);
    expect(book.SheetNames).toEqual(['附件1', '附件2', '附件3', '附件4', '附件5', '附件6', '附件7', '附件8', '附件9', '附件10', '附件11', '附件12']);
  });

  it('附件1 lists every target with its base, projected value and 达标 as the evaluation has them', () => {
    const s = sheet(1);
    expect(s.A2?.v).toBe('示例县“十五五”教育事业主要发展指标表');
    expect(s.D5?.v).toBe('2025年');
    expect(s.E5?.v).toBe('2030年');
    const rows = values(s);
    expect(ev.targets.length).toBeGreaterThan(10);
    for (const t of ev.targets) {
      const row = rows.find((r) => r[1] === t.name);
      expect(row, t.name).toBeDefined();
      expect(row?.[2] ?? '').toBe(t.unit);
      expect(row?.[3]).toBe(t.base);
      expect(row?.[5]).toBe(t.attribute);
      expect(row?.[6]).toBe(t.projected);
      expect(row?.[7]).toBe(t.met === null ? '—' : t.met ? '是' : '否');
    }
    // Some targets are met and some are not on the sample county: both answers are tested.
    expect(new Set(ev.targets.map((t) => t.met))).toEqual(new Set([true, false]));
    const rate = rows.find((r) => r[1] === '学前三年毛入园率');
    expect(rate?.[4]).toBe('>90');
    expect(rows.find((r) => r[1] === '大班额')?.[4]).toBe('0');
  });

  it('附件3 shows demand and seats by area, stage and year as the evaluation’s gap records', () => {
    const s = sheet(3);
    const rows = values(s);
    let area = '';
    const found = new Map<string, (string | number | null)[]>();
    for (const r of rows.slice(5)) {
      if (typeof r[0] === 'string' && /^[一二三四五六七八九十]+、/.test(r[0]) && r[1] === null) {
        area = r[0].replace(/^[一二三四五六七八九十]+、/, '');
        continue;
      }
      if (typeof r[1] === 'number') found.set(`${area}|${r[0]}|${r[1]}`, r);
    }
    // The plan period after the base year, then the outlook year.
    expect([...new Set([...found.keys()].map((k) => Number(k.split('|')[2])))].sort()).toEqual([2026, 2027, 2028, 2029, 2030, 2040]);
    const record = ev.gaps.find((g) => g.area === '城区片区' && g.stage === 'primary' && g.year === 2028);
    if (!record) throw new Error('no gap record');
    const row = found.get(`城区片区|小学|2028`);
    expect(row?.slice(2, 6)).toEqual([record.demand, record.capacity, record.gap, record.classGap]);
    expect(row?.[7]).toBe(WARNING_LABEL[record.level as keyof typeof WARNING_LABEL]);
    // Every area record of those years is in the table, and the county-wide stages under 全县.
    const years = new Set([2026, 2027, 2028, 2029, 2030, 2040]);
    for (const g of ev.gaps.filter((x) => years.has(x.year))) {
      expect(found.get(`${g.area}|${STAGE_LABEL[g.stage]}|${g.year}`)?.slice(2, 4), `${g.area} ${g.stage} ${g.year}`).toEqual([g.demand, g.capacity]);
    }
    const countyPrimary = ev.county.find((g) => g.stage === 'primary' && g.year === 2030);
    expect(found.get('全县|小学|2030')?.slice(2, 4)).toEqual([countyPrimary?.demand, countyPrimary?.capacity]);
  });

  it('附件4 lists the new school and the expansion with classes, seats, floor area and investment, and totals that add up', () => {
    const s = sheet(4);
    expect(s.A2?.v).toBe('示例县“十五五”新建改扩建学校项目表');
    const rows = values(s);
    const school = rows.find((r) => r[1] === NEW_SCHOOL);
    // 用地面积 (after 学位) and 资金来源 (after 总投资) have their own columns. The new school's site is
    // the plan's estimate from the norm, 1,620 seats × 18 ㎡ per pupil = 29,160 ㎡; no funding given.
    expect(school).toEqual([1, NEW_SCHOOL, '新建', '城关镇', '小学', 36, 1620, 29160, 16200, 4860, null, '2026—2028年', '缓解城区大班额']);
    const expansion = rows.find((r) => r[1] === '城关第一初级中学扩建');
    expect(expansion?.slice(2, 11)).toEqual(['改扩建', '城关镇', '初中', 12, 600, null, 6000, 2400, null]);
    // The closure is not a build: it is in 附件5, not here.
    expect(rows.some((r) => r[1] === `${CLOSED}撤并`)).toBe(false);
    const data = rows.filter((r) => typeof r[0] === 'number');
    const total = rows.find((r) => r[0] === `合计（${data.length}个）`);
    // The label spans 序号 and 项目名称; the figures are in 班, 学位, 用地面积, 建筑面积, 总投资.
    const sum = (i: number) => data.reduce((a, r) => a + Number(r[i] ?? 0), 0);
    expect(total?.slice(5, 10)).toEqual([sum(5), sum(6), sum(7), sum(8), sum(9)]);
    expect(total?.[7]).toBe(29160);
    expect(total?.[9]).toBe(4860 + 2400);
    expect(rows.find((r) => r[0] === '小学小计（1个）')?.slice(5, 10)).toEqual([36, 1620, 29160, 16200, 4860]);
    expect(rows.find((r) => r[0] === '初中小计（1个）')?.slice(5, 10)).toEqual([12, 600, null, 6000, 2400]);
    // Numbers are numbers with a thousands format (总投资 is the 10th column now, was the 9th).
    const totalRow = rows.indexOf(total ?? []);
    expect(s[XLSX.utils.encode_cell({ r: totalRow, c: 9 })]).toMatchObject({ t: 'n', v: 7260, z: '#,##0' });
  });

  it('附件5 lists the closure with its receiving school, year and the pupils concerned', () => {
    const s = sheet(5);
    expect(s.A2?.v).toBe('示例县“十五五”学校布局调整表');
    const rows = values(s);
    const row = rows.find((r) => r[2] === CLOSED);
    const closed = ev.schools.find((x) => x.name === CLOSED);
    const pupils = closed?.demand[ev.years.indexOf(2026)];
    expect(pupils).toBeGreaterThan(0);
    expect(row).toEqual([1, '青山乡', CLOSED, '教学点', '撤并', RECEIVER, pupils, 2027, null]);
    expect(rows.some((r) => r[0] === '一、撤并')).toBe(true);
    expect(rows.find((r) => r[0] === '合计（1所）')?.[6]).toBe(pupils);
  });

  it('the demand chart carries the county’s demand and seats per stage and year', () => {
    const s = sheet(8);
    expect(s.A2?.v).toBe('示例县各学段学位需求与供给');
    const rows = values(s);
    for (const g of ev.county.filter((x) => x.year === 2030 || x.year === 2040)) {
      const row = rows.find((r) => r[0] === STAGE_LABEL[g.stage] && r[1] === g.year);
      expect(row?.slice(2, 4), `${g.stage} ${g.year}`).toEqual([g.demand, g.capacity]);
    }
  });

  it('follows the scenario asked for', async () => {
    const high = await ok<PlanEvaluation>('plan.evaluate', { plan: plan.id, scenario: '高' });
    const out = await ok<AnnexExportResult>('annex.export', { plan: plan.id, scenario: '高', format: 'xlsx', annexes: [{ kind: 'demand-chart' }] });
    const rows = values(XLSX.read(Buffer.from(out.base64 ?? '', 'base64')).Sheets['附件1'] ?? {});
    const mid = ev.county.find((g) => g.stage === 'preschool' && g.year === 2035);
    const hi = high.county.find((g) => g.stage === 'preschool' && g.year === 2035);
    expect(hi?.demand).not.toBe(mid?.demand);
    expect(rows.find((r) => r[0] === '学前' && r[1] === 2035)?.[2]).toBe(hi?.demand);
  });

  it('refuses a plan or scenario that does not exist, in Chinese', async () => {
    const plan2 = await backend.dispatch('annex.export', { plan: '十四五', format: 'xlsx', annexes: [{ kind: 'projects' }] });
    expect(!plan2.ok && plan2.error).toMatchObject({ code: 'NOT_FOUND', message: '无法生成“新建改扩建学校项目表”：没有名为“十四五”的规划。现有规划：十五五。' });
    const list = await ok<AnnexList>('annex.list', { plan: '十四五' });
    expect(list.annexes.find((a) => a.kind === 'indicators')?.reason).toBe('没有名为“十四五”的规划。现有规划：十五五。');
    const scenario = await backend.dispatch('annex.export', { plan: '十五五', scenario: '无此情景', format: 'xlsx', annexes: [{ kind: 'seat-balance' }] });
    expect(!scenario.ok && scenario.error.message).toMatch(/没有名为“无此情景”的预测情景/);
  });

  it('writes a Word document whose plan tables show the workbook’s text', async () => {
    const docx = await ok<AnnexExportResult>('annex.export', { ...PLAN, format: 'docx', annexes: ALL });
    const tables = docxTables(Buffer.from(docx.base64 ?? '', 'base64'));
    expect(tables).toHaveLength(ALL.length);
    // 附件1 (two header rows), 附件3 (two), 附件4 (two), 附件5 (one), the demand chart (one).
    for (const [n, headerRows] of [[1, 2], [3, 2], [4, 2], [5, 1], [8, 1]] as const) {
      const table = tables[n - 1] ?? [];
      const fromSheet = sheetRows(sheet(n), 3).slice(0, table.length);
      expect(table.length, `附件${n}`).toBeGreaterThan(headerRows);
      expect(table.slice(headerRows), `附件${n}`).toEqual(fromSheet.slice(headerRows));
    }
    expect(tables[3]?.some((r) => r.includes(NEW_SCHOOL))).toBe(true);
    expect(tables[4]?.some((r) => r.includes(CLOSED) && r.includes(RECEIVER))).toBe(true);
  });

  it('prints every annex to PDF with the plan titles and numbers, 附件4 on A3 landscape', async () => {
    const out = path.join(dir, '规划附件.pdf');
    await ok<AnnexExportResult>('annex.export', { ...PLAN, format: 'pdf', outPath: out, annexes: ALL });
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    const pages = text.split('\f').filter((p) => p.trim().length > 0);
    const all = squeeze(text);
    for (const title of [
      '示例县“十五五”教育事业主要发展指标表',
      '示例县学位供需平衡表',
      '示例县“十五五”新建改扩建学校项目表',
      '示例县“十五五”学校布局调整表',
      '示例县各学段学位需求与供给',
      '示例县现状学校一览表',
    ]) {
      expect(all).toContain(title);
    }
    expect(all).toContain(NEW_SCHOOL);
    expect(all).toContain(RECEIVER);
    expect(all).toContain('合计（2个）');
    expect(all).toContain('7,260');
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', out], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => `${Math.round(Number(m[1]))}x${Math.round(Number(m[2]))}`);
    expect(sizes).toHaveLength(pages.length);
    const projectsPage = pages.findIndex((p) => squeeze(p).includes('新建改扩建学校项目表'));
    expect(sizes[projectsPage]).toBe('1191x842');
    const adjustmentsPage = pages.findIndex((p) => squeeze(p).includes('学校布局调整表'));
    expect(sizes[adjustmentsPage]).toBe('595x842');
    // The seat balance runs over several pages, its header on each.
    const balancePages = pages.filter((p, i) => i > 0 && squeeze(p).includes('学位需求') && squeeze(p).includes('预警等级'));
    expect(balancePages.length).toBeGreaterThan(2);
  });

  it('says so in the tables of a plan without builds or layout changes', async () => {
    const bare = await ok<PlanDetail>('plan.create', { name: '对照' });
    const out = await ok<AnnexExportResult>('annex.export', { plan: bare.id, format: 'xlsx', annexes: [{ kind: 'projects' }, { kind: 'adjustments' }] });
    const empty = XLSX.read(Buffer.from(out.base64 ?? '', 'base64'));
    expect(values(empty.Sheets['附件1'] ?? {}).some((r) => r[0] === '（规划中尚无新建、改扩建或迁建项目）')).toBe(true);
    expect(values(empty.Sheets['附件2'] ?? {}).some((r) => r[0] === '（规划中尚无撤并、迁建或转型的学校）')).toBe(true);
    // The plan named first is still the one asked for by name.
    expect((await ok<AnnexList>('annex.list', { plan: '十五五' })).plan?.id).toBe(plan.id);
    expect((await ok<AnnexList>('annex.list', { plan: '对照' })).plan?.id).toBe(bare.id);
  });

  it('previews every annex with the plan', async () => {
    const { html } = await ok<{ html: string }>('annex.preview', { ...PLAN, annexes: ALL });
    expect(html.match(/<section class="annex/g)).toHaveLength(ALL.length);
    expect(html).toContain(NEW_SCHOOL);
  });
});

describe('cli annex with a plan', () => {
  const tsx = path.resolve('node_modules/.bin/tsx');
  const cli = path.resolve('electron/cli/main.ts');
  const env = () => ({ ...process.env, CSP_DATA_DIR: path.join(dir, 'cli-data') });

  it('prints the plan annexes with --plan and --scenario, and refuses an unknown plan (exit 1)', async () => {
    backend.close();
    try {
      const out = path.join(dir, 'x.pdf');
      const { stderr } = await run(tsx, [cli, 'annex', projectPath, '--plan', '十五五', '--scenario', '中', '--out', out], { env: env() });
      expect(stderr).toContain(`已生成 ${ALL.length} 个附件`);
      const text = squeeze(execFileSync('pdftotext', [out, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
      expect(text).toContain('示例县“十五五”新建改扩建学校项目表');
      expect(text).toContain('示例县“十五五”学校布局调整表');
      expect(text).toContain(NEW_SCHOOL);

      const refused = await run(tsx, [cli, 'annex', projectPath, '--plan', '十四五', '--annex', '6', '--out', path.join(dir, 'y.pdf')], { env: env() }).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(refused?.code).toBe(1);
      expect(refused?.stderr).toContain('没有名为“十四五”的规划。现有规划：十五五、对照。');
      expect(fs.existsSync(path.join(dir, 'y.pdf'))).toBe(false);
    } finally {
      await ok('project.open', { path: projectPath });
    }
  });
});
