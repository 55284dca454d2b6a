// `cli annex`: the plan's annexes (附件) as PDF, XLSX or DOCX, through the same API as the
// 附件 page. Annexes are named by their customary number (1–9; 7 is the figures) or kind.
import fs from 'node:fs';
import path from 'node:path';
import { progressLine } from './progress';
import { ANNEX_FORMATS, PAPERS, type AnnexFormat, type AnnexKind, type AnnexList, type Paper } from '../../shared/annex';
import type { MethodName, MethodResult } from '../../shared/api';

export const ANNEX_HELP = `  annex <文件.csplan> --out <文件.pdf|.xlsx|.docx> [--annex 6,7] [--plan 十五五] [--scenario 中] [--title-prefix XX县] [--paper a4|a3|6:a3,7:a4] [--first-number 1] [--intervals]
      生成规划附件（格式由 --out 的扩展名决定）。--annex 按序号或名称选择附件并决定顺序
      （1 主要发展指标表，2 学龄人口与在校生预测表，3 学位供需平衡表，4 新建改扩建学校项目表，
      5 学校布局调整表，6 现状学校一览表，7 图表，8 教师需求测算表，9 学校布局规划图，10 规划学校一览表，11 上期规划项目完成情况表），缺省为全部已有数据的附件；编号依次为附件1、附件2…
      --intervals 在预测表的每行在校生预测数下加一行 80% 预测区间。
      附件1、3、4、5、8 和学位需求图取自 --plan 指定的规划（缺省为第一个规划），按 --scenario 的预测情景
      （缺省为该规划的情景）测算。`;

export const ANNEX_OPTIONS = {
  annex: { type: 'string' },
  'title-prefix': { type: 'string' },
  paper: { type: 'string' },
  'first-number': { type: 'string' },
  intervals: { type: 'boolean' },
} as const;

export interface AnnexCliValues {
  out?: string | undefined;
  plan?: string | undefined;
  scenario?: string | undefined;
  annex?: string | undefined;
  'title-prefix'?: string | undefined;
  paper?: string | undefined;
  'first-number'?: string | undefined;
  intervals?: boolean | undefined;
}

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;

const PAPER_WORDS: Record<string, Paper> = { a4: 'A4 portrait', a3: 'A3 landscape' };

function parsePaper(word: string, usage: (m: string) => Error): Paper {
  const paper = PAPER_WORDS[word.trim().toLowerCase()] ?? PAPERS.find((p) => p.toLowerCase() === word.trim().toLowerCase());
  if (!paper) throw usage(`未知的纸张“${word}”，可选 a4（A4 纵向）或 a3（A3 横向）`);
  return paper;
}

/** --annex 6,7 or --annex schools,students-chart → kinds in that order (7 means every figure). */
export function selectAnnexes(list: AnnexList, spec: string | undefined, usage: (m: string) => Error, refuse: (m: string) => Error = usage): AnnexKind[] {
  const available = list.annexes.filter((a) => a.available);
  if (!spec) {
    if (available.length === 0) throw refuse('项目中还没有可生成附件的数据');
    return available.map((a) => a.kind);
  }
  const kinds: AnnexKind[] = [];
  for (const token of spec.split(/[,，\s]+/).filter(Boolean)) {
    const matches = /^\d+$/.test(token) ? list.annexes.filter((a) => a.number === Number(token)) : list.annexes.filter((a) => a.kind === token);
    if (matches.length === 0) throw usage(`未知的附件“${token}”，可用序号 1–7 或名称：${list.annexes.map((a) => a.kind).join('、')}`);
    const ready = matches.filter((a) => a.available);
    if (ready.length === 0) throw refuse(`附件“${token}”（${matches.map((a) => a.title).join('、')}）暂不能生成：${matches[0]?.reason ?? ''}`);
    for (const a of ready) if (!kinds.includes(a.kind)) kinds.push(a.kind);
  }
  return kinds;
}

/** --paper a3 for all, or 6:a3,7:a4 per customary number. */
function papersFor(list: AnnexList, kinds: AnnexKind[], spec: string | undefined, usage: (m: string) => Error): (Paper | undefined)[] {
  if (!spec) return kinds.map(() => undefined);
  if (!spec.includes(':')) {
    const paper = parsePaper(spec, usage);
    return kinds.map(() => paper);
  }
  const byNumber = new Map<number, Paper>();
  for (const part of spec.split(',')) {
    const [num, word] = part.split(':');
    if (!num || !word || !/^\d+$/.test(num.trim())) throw usage(`--paper 的写法应为 a4、a3 或 6:a3,7:a4，收到“${part}”`);
    byNumber.set(Number(num), parsePaper(word, usage));
  }
  return kinds.map((k) => byNumber.get(list.annexes.find((a) => a.kind === k)?.number ?? 0));
}

/** `usage` makes a wrong-usage error (exit 2), `refuse` a refused-operation error (exit 1). */
export async function annexCommand(values: AnnexCliValues, call: Call, usage: (m: string) => Error, refuse: (m: string) => Error): Promise<void> {
  const out = values.out;
  if (!out) throw usage('请用 --out 指定输出文件（.pdf、.xlsx 或 .docx）');
  const ext = path.extname(out).toLowerCase().slice(1);
  if (!(ANNEX_FORMATS as readonly string[]).includes(ext)) throw usage(`不支持的附件格式“${ext || out}”，请用 .pdf、.xlsx 或 .docx`);
  const format = ext as AnnexFormat;
  let first: number | undefined;
  if (values['first-number'] !== undefined) {
    if (!/^\d{1,2}$/.test(values['first-number']) || Number(values['first-number']) < 1) throw usage('--first-number 应为 1–99 的整数');
    first = Number(values['first-number']);
  }
  // A plan asked for by name must exist, whichever annexes are printed.
  if (values.plan !== undefined) {
    const plans = await call('plan.list', {});
    if (!plans.some((p) => p.name === values.plan)) {
      throw refuse(`没有名为“${values.plan}”的规划。${plans.length ? `现有规划：${plans.map((p) => p.name).join('、')}。` : '项目中还没有规划，请先用 plan-create 或在“规划”页新建规划。'}`);
    }
  }
  const choice = { plan: values.plan, scenario: values.scenario };
  const list = await call('annex.list', choice);
  const kinds = selectAnnexes(list, values.annex, usage, refuse);
  const papers = papersFor(list, kinds, values.paper, usage);
  const target = path.resolve(out);
  const annexes = kinds.map((kind, i) => ({
    kind,
    paper: papers[i],
    number: i === 0 ? first : undefined,
    ...(values.intervals && kind === 'forecast' ? { intervals: true } : {}),
  }));
  const progress = progressLine();
  let result;
  try {
    if (process.stderr.isTTY) {
      // Built one by one for the progress line; the export below then finds them ready.
      for (const [i, selection] of annexes.entries()) {
        progress.step(i, annexes.length + 1, `正在生成${list.annexes.find((a) => a.kind === selection.kind)?.title ?? selection.kind}`);
        await call('annex.prepare', { ...choice, titlePrefix: values['title-prefix'], annexes: [selection] });
      }
      progress.step(annexes.length, annexes.length + 1, `正在写出 ${path.basename(target)}`);
    }
    result = await call('annex.export', { ...choice, format, outPath: target, titlePrefix: values['title-prefix'], annexes });
  } finally {
    progress.end();
  }
  if (!fs.existsSync(target)) throw new Error(`附件文件没有写出：${target}`);
  console.error(`已生成 ${kinds.length} 个附件（${(result.bytes / 1024).toFixed(0)} KB）到 ${result.path ?? target}`);
  if (result.fonts) console.error(result.fonts);
}
