// `cli inclusion-set`: the 集团与特殊教育 editor, headless. One school-year record of pupils with
// disabilities or 随迁子女, or one school group, set through inclusion.edit (journalled, undone
// by `edit-undo`). Counts not given keep what the record holds, so one flag changes one count.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { MethodName, MethodResult } from '../../shared/api';
import { MIGRANT_FIELDS, SPECIAL_NEEDS_FIELDS, type EditResult, type InclusionData } from '../../shared/domain';
import { argumentErrorMessage } from './usage';

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;
type Fail = (message: string) => Error;

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const NEEDS_COUNTS = ['inclusive', 'specialClass', 'homeTaught', 'resourceRooms'] as const;
const MIGRANT_COUNTS = ['pupils', 'purchased'] as const;
const labelled = (fields: Record<string, { label?: string }>, keys: readonly string[]) => keys.map((k) => `--${kebab(k)}（${fields[k]?.label ?? k}）`).join(' ');

export const INCLUSION_HELP = `  inclusion-set <文件.csplan> special-needs <学校> --year 年份 [--计数 人数 …] [--json]
      修改一所学校某年的残疾学生与资源教室；计数：${labelled(SPECIAL_NEEDS_FIELDS, NEEDS_COUNTS)}。
      未给出的计数保持原值；写“空”表示未知（清除）。
  inclusion-set <文件.csplan> migrants <学校> --year 年份 [--pupils 人数] [--purchased 人数] [--json]
      修改一所学校某年的随迁子女（${labelled(MIGRANT_FIELDS, MIGRANT_COUNTS)}）。
  inclusion-set <文件.csplan> group <集团名称> [--kind 教育集团|共同体|学区] [--core 学校] [--members 学校、学校] [--add-members 学校、…] [--year-formed 年份|空] [--rename 新名称] [--json]
      新建或修改一个学校集团（共同体、学区）；学校可写标识码或名称，多所用“、”分隔。
  inclusion-set <文件.csplan> remove-group <集团名称> [--json]
      删除一个学校集团。
  inclusion-set <文件.csplan> --json <修改.json|->
      从文件（“-”为标准输入）读入一次修改，格式同接口 inclusion.edit，如
      {"what":"migrants","school":"城关第一小学","year":2025,"pupils":120,"purchased":null}。
      每次修改都记入修改记录，可用 edit-undo 撤销。`;

const WHAT = { 'special-needs': 'specialNeeds', migrants: 'migrants', group: 'group', 'remove-group': 'removeGroup' } as const;
type WhatWord = keyof typeof WHAT;
const isWhat = (w: string | undefined): w is WhatWord => w !== undefined && w in WHAT;

const EMPTY = new Set(['空', '无', '未知', '-', '—']);
const OPTIONS = {
  json: { type: 'boolean' as const, default: false },
  year: { type: 'string' as const },
  ...Object.fromEntries([...NEEDS_COUNTS, ...MIGRANT_COUNTS].map((k) => [kebab(k), { type: 'string' as const }])),
  kind: { type: 'string' as const },
  core: { type: 'string' as const },
  members: { type: 'string' as const },
  'add-members': { type: 'string' as const },
  'year-formed': { type: 'string' as const },
  rename: { type: 'string' as const },
};

const LABELS: Record<string, string> = {
  ...Object.fromEntries(NEEDS_COUNTS.map((k) => [kebab(k), SPECIAL_NEEDS_FIELDS[k].label])),
  ...Object.fromEntries(MIGRANT_COUNTS.map((k) => [kebab(k), MIGRANT_FIELDS[k].label])),
  year: '年份',
  'year-formed': '组建年份',
};

function whole(option: string, text: string, usage: Fail, blank: boolean): number | null {
  const t = text.trim();
  if (blank && EMPTY.has(t)) return null;
  const n = Number(t.replace(/,/g, ''));
  if (t === '' || !Number.isInteger(n)) throw usage(`--${option}（${LABELS[option] ?? option}）应为整数${blank ? '或“空”' : ''}，收到“${text}”`);
  return n;
}

const schoolList = (text: string) => text.split(/[、,，;；]/).map((s) => s.trim()).filter(Boolean);

function readEdit(file: string, usage: Fail): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch {
    throw usage(`无法读取修改文件“${file}”`);
  }
  try {
    const v = JSON.parse(text.replace(/^\ufeff/, '')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // reported below
  }
  throw usage(`修改文件“${file}”应为 JSON 对象，如 {"what":"migrants","school":"城关第一小学","year":2025,"pupils":120,"purchased":null}`);
}

/** The stored school a reference names (code, or a name held by one school), for merging with its record. */
function codeOf(schools: readonly { code: string; name: string }[], ref: string): string {
  const named = schools.filter((s) => s.name === ref);
  return schools.some((s) => s.code === ref) ? ref : named.length === 1 ? (named[0] as { code: string }).code : ref;
}

function printEdit(r: EditResult): void {
  console.log([`已修改${r.subject}，修改编号 ${r.editId}：`, ...r.changes.map((c) => `  ${c.label}：${c.before} → ${c.after}`)].join('\n'));
}

/** Runs `inclusion-set`; `argv` starts with the command word. */
export async function inclusionSetCommand(argv: string[], call: Call, usage: Fail): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    const message = argumentErrorMessage(err);
    throw message ? usage(message) : err;
  }
  const { values, positionals } = parsed;
  const v = values as Record<string, string | boolean | undefined>;
  const text = (k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);
  const project = positionals[1];
  if (!project) throw usage('缺少参数：项目文件路径');
  const word = positionals[2];

  if (!isWhat(word)) {
    if (!values.json || word === undefined) throw usage(`缺少参数：修改什么（${Object.keys(WHAT).join('|')}），或 --json 修改.json`);
    if (positionals.length > 3) throw usage(`多余的参数“${positionals[3]}”`);
    const edit = readEdit(word, usage);
    await call('project.open', { path: project });
    printEdit(await call('inclusion.edit', edit));
    return;
  }
  const target = positionals[3];
  if (!target) throw usage(word === 'group' || word === 'remove-group' ? '缺少参数：集团名称' : '缺少参数：学校标识码或名称');
  if (positionals.length > 4) throw usage(`多余的参数“${positionals[4]}”`);

  await call('project.open', { path: project });
  const data: InclusionData = await call('inclusion.get', {});
  const schools = await call('schools.list', {});
  let edit: Record<string, unknown>;
  if (word === 'special-needs' || word === 'migrants') {
    const yearText = text('year');
    if (yearText === undefined) throw usage('缺少 --year 年份');
    const year = whole('year', yearText, usage, false) as number;
    const school = codeOf(schools, target);
    const counts = word === 'special-needs' ? NEEDS_COUNTS : MIGRANT_COUNTS;
    const records: readonly Record<string, unknown>[] = word === 'special-needs' ? data.specialNeeds : data.migrants;
    const current = records.find((r) => r.school === school && r.year === year);
    edit = { what: WHAT[word], school: target, year };
    let given = 0;
    for (const k of counts) {
      const t = text(kebab(k));
      if (t !== undefined) given++;
      edit[k] = t !== undefined ? whole(kebab(k), t, usage, true) : (current?.[k] ?? null);
    }
    if (given === 0) throw usage(`没有给出要修改的计数（${counts.map((k) => `--${kebab(k)}`).join('、')}）`);
  } else if (word === 'group') {
    const current = data.groups.find((g) => g.name === target);
    const core = text('core') ?? current?.core;
    if (!core) throw usage(`新建集团“${target}”需要 --core 核心学校`);
    const members = text('members') !== undefined ? schoolList(text('members') as string) : [...(current?.members ?? [])];
    members.push(...schoolList(text('add-members') ?? ''));
    const yearFormed = text('year-formed');
    edit = {
      what: 'group',
      ...(text('rename') !== undefined ? { previousName: target, name: text('rename') } : { name: target }),
      kind: text('kind') ?? current?.kind ?? '教育集团',
      core,
      members,
      yearFormed: yearFormed !== undefined ? whole('year-formed', yearFormed, usage, true) : (current?.yearFormed ?? null),
    };
  } else {
    edit = { what: 'removeGroup', name: target };
  }
  const result = await call('inclusion.edit', edit);
  if (values.json) console.log(JSON.stringify(result, null, 2));
  else printEdit(result);
}
