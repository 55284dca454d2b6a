// `cli school-set`, `township-set`, `edit-list`, `edit-undo` (and `inclusion-set`, cli/inclusion.ts): the 学校 and 乡镇 editors,
// headless. Every school field is an option named after it (designSeats → --design-seats),
// so a field added to the declaration is settable here without another list.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { MethodName, MethodResult } from '../../shared/api';
import { KIND_LABEL, SCHOOL_FIELDS, SCHOOL_KINDS, TOWNSHIP_FIELDS, type EditRecord, type EditResult, type FieldDef } from '../../shared/domain';
import { inclusionSetCommand, INCLUSION_HELP } from './inclusion';
import { argumentErrorMessage } from './usage';

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;
type Fail = (message: string) => Error;

export const EDIT_COMMANDS = ['school-set', 'township-set', 'edit-list', 'edit-undo', 'inclusion-set'] as const;
type EditCommand = (typeof EDIT_COMMANDS)[number];

export function isEditCommand(word: string | undefined): word is EditCommand {
  return (EDIT_COMMANDS as readonly string[]).includes(word ?? '');
}

const kebab = (field: string) => field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const optionList = (fields: Readonly<Record<string, FieldDef>>) =>
  Object.entries(fields)
    .map(([k, f]) => `--${kebab(k)}（${f.label ?? k}）`)
    .join(' ');

export const EDIT_HELP = `  school-set <文件.csplan> <学校标识码|学校名称> [--字段 取值 …] [--json 修改.json]
      修改一所学校并打印改了什么；可用的字段：${optionList(SCHOOL_FIELDS)}。
      数值写“空”表示未知（清除）；办学类型可写中文（如 九年一贯制学校）；乡镇可写代码或名称；
      曾用名可写多个，用“、”分隔。
      --json 修改.json 从文件读入修改，如 {"designSeats": 1080, "designClasses": 24}。
  township-set <文件.csplan> <乡镇代码|乡镇名称> [--字段 取值 …] [--json 修改.json]
      修改一个乡镇（街道）；可用的字段：${optionList(TOWNSHIP_FIELDS)}。
  edit-list <文件.csplan> [--json]
      列出修改记录（最近的在前），含修改编号。
  edit-undo <文件.csplan> <修改编号> [--json]
      撤销一次修改（之后又被修改过的数据会使撤销被拒绝，需先撤销更晚的修改）。
${INCLUSION_HELP}`;

function fieldOptions(fields: Readonly<Record<string, FieldDef>>) {
  return Object.fromEntries(Object.keys(fields).map((k) => [kebab(k), { type: 'string' as const }]));
}

const KIND_BY_LABEL = new Map<string, string>(SCHOOL_KINDS.map((k) => [KIND_LABEL[k], k]));
const EMPTY = new Set(['空', '无', '未知', '-', '—', '']);

/** A flag's text as the field's value: numbers for the numeric facts, “空” as unknown. */
function valueOf(field: string, def: FieldDef, text: string, usage: Fail): unknown {
  const t = text.trim();
  if ('import' in def) {
    if (EMPTY.has(t)) return null;
    const n = Number(t.replace(/,/g, ''));
    if (!Number.isFinite(n)) throw usage(`--${kebab(field)}（${def.label ?? field}）应为数字或“空”，收到“${text}”`);
    return n;
  }
  if (field === 'kind' && KIND_BY_LABEL.has(t)) return KIND_BY_LABEL.get(t);
  // A list field (曾用名): names separated by 、 or commas; “空” clears it.
  if ('json' in def) return EMPTY.has(t) ? [] : t.split(/[、,，;；]/).map((n) => n.trim()).filter(Boolean);
  return t;
}

function readChanges(file: string, usage: Fail): Record<string, unknown> {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw usage(`无法读取修改文件“${file}”`);
  }
  try {
    const v = JSON.parse(text.replace(/^\ufeff/, '')) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw usage(`修改文件“${file}”应为 JSON 对象，如 {"designSeats": 1080}`);
}

function printEdit(r: EditResult): void {
  const lines = [`已修改${r.subject}，修改编号 ${r.editId}：`, ...r.changes.map((c) => `  ${c.label}：${c.before} → ${c.after}`)];
  console.log(lines.join('\n'));
}

function historyLine(e: EditRecord): string {
  const when = e.editedAt.slice(0, 19).replace('T', ' ');
  const undone = e.undoneAt ? `（已于 ${e.undoneAt.slice(0, 19).replace('T', ' ')} 撤销）` : '';
  return `${e.id}\t${when}\t${e.subject}${undone}\n${e.changes.map((c) => `\t  ${c.label}：${c.before} → ${c.after}`).join('\n')}`;
}

/** Runs one editor command; `argv` is the whole command line (the command word first). */
export async function editCommand(argv: string[], call: Call, usage: Fail): Promise<void> {
  const command = argv[0] as EditCommand;
  if (command === 'inclusion-set') return inclusionSetCommand(argv, call, usage);
  const fields: Readonly<Record<string, FieldDef>> = command === 'township-set' ? TOWNSHIP_FIELDS : SCHOOL_FIELDS;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false }, ...(command.endsWith('-set') ? fieldOptions(fields) : {}) },
    });
  } catch (err) {
    const message = argumentErrorMessage(err);
    throw message ? usage(message) : err;
  }
  const { values, positionals } = parsed;
  const project = positionals[1];
  if (!project) throw usage('缺少参数：项目文件路径');
  const json = values.json === true;

  if (command === 'edit-list') {
    await call('project.open', { path: project });
    const list = await call('edits.list', {});
    if (json) console.log(JSON.stringify(list, null, 2));
    else console.log(list.length ? list.map(historyLine).join('\n') : '还没有修改记录。');
    return;
  }
  if (command === 'edit-undo') {
    const id = positionals[2] ?? '';
    if (!/^\d{1,9}$/.test(id) || Number(id) < 1) throw usage('修改编号应为正整数（见 school-set / township-set 的输出，或 edit-list）');
    await call('project.open', { path: project });
    const r = await call('edits.undo', { editId: Number(id) });
    console.log(json ? JSON.stringify({ ok: true, ...r }, null, 2) : `已撤销第 ${r.editId} 次修改（${r.subject}），恢复 ${r.restored} 处改动`);
    return;
  }

  const target = positionals[2];
  if (!target) throw usage(command === 'school-set' ? '缺少参数：学校标识码或名称' : '缺少参数：乡镇代码或名称');
  // `--json 文件`: the file follows the flag as a positional, since --json alone asks for JSON output.
  const fromFile = json && positionals[3] !== undefined ? readChanges(positionals[3], usage) : {};
  if (positionals.length > (json && positionals[3] !== undefined ? 4 : 3)) throw usage(`多余的参数“${positionals[json ? 4 : 3] ?? ''}”`);
  const changes: Record<string, unknown> = { ...fromFile };
  for (const [k, def] of Object.entries(fields)) {
    const text = (values as Record<string, unknown>)[kebab(k)];
    if (typeof text === 'string') changes[k] = valueOf(k, def, text, usage);
  }
  if (Object.keys(changes).length === 0) throw usage('没有给出要修改的字段（如 --design-seats 1080，或 --json 修改.json）');
  await call('project.open', { path: project });
  const result =
    command === 'school-set'
      ? await call('schools.update', { school: target, changes })
      : await call('townships.update', { township: target, changes });
  if (json && positionals[3] === undefined) console.log(JSON.stringify(result, null, 2));
  else printEdit(result);
}
