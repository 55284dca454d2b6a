// `cli import` and `cli import-undo`: the wizard's import, headless, through the same API.
// --json prints {ok, importId, rowsRead, rowsImported, rowsSkipped, rowsRejected, issues};
// the exit code is 1 whenever anything blocks (errors, unaccepted warnings, nothing to import).
import { GEOGRAPHIC_SYSTEMS, type CoordinateOption, type GeographicSystem } from '../../shared/geo/coords';
import fs from 'node:fs';
import path from 'node:path';
import { elapsedLine } from './progress';
import type { MethodName, MethodResult } from '../../shared/api';
import { IMPORT_KIND_REGISTRY, IMPORT_KINDS, isImportKind, SEVERITY_LABEL, type ImportResult } from '../../shared/import';

/** The kind argument as usage shows it: <schools|population|births>. */
export const IMPORT_KIND_ARG = IMPORT_KINDS.join('|');

const kindWidth = Math.max(...IMPORT_KINDS.map((k) => k.length)) + 2;
const kindLines = IMPORT_KINDS.map((k) => `        ${k.padEnd(kindWidth)}${IMPORT_KIND_REGISTRY[k].label}`).join('\n');

export const IMPORT_HELP = `  import <文件.csplan> <${IMPORT_KIND_ARG}> <数据文件> [--sheet 名称] [--year 2024] [--mapping 映射.json]
         [--encoding auto|utf-8|gbk] [--coordinates wgs84|gcj02|bd09|EPSG:代码] [--create-townships] [--skip-invalid] [--dry-run] [--accept-warnings] [--json]
      导入一张表格（.xlsx/.xls/.et/.csv）。数据类别：
${kindLines}
      自动识别表头与列，逐行检查；有错误、或有警告而未加 --accept-warnings 时不写入任何数据。
      --dry-run 只检查不写入；--mapping 使用向导保存的列对应（JSON）；--create-townships 新建表中
      出现的未知乡镇（不加时，这些乡镇的行跳过并在警告中列出，附最接近的已有名称）；--skip-invalid 跳过有错误的行，只导入其余行。导入前自动备份。
      --coordinates wgs84|gcj02|bd09|EPSG:4526 学校或村（社区）坐标的坐标系（默认 WGS-84/CGCS2000 经纬度；EPSG 为 CGCS2000 投影坐标）。
  import-undo <文件.csplan> <导入编号> [--json]
      撤销一次导入，把它改动的数据恢复到导入前（之后又被改动的数据会使撤销被拒绝）。`;

export const IMPORT_OPTIONS = {
  sheet: { type: 'string' },
  year: { type: 'string' },
  mapping: { type: 'string' },
  encoding: { type: 'string' },
  'create-townships': { type: 'boolean', default: false },
  'skip-invalid': { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'accept-warnings': { type: 'boolean', default: false },
  coordinates: { type: 'string' },
} as const;

export interface ImportCliValues {
  json?: boolean | undefined;
  sheet?: string | undefined;
  year?: string | undefined;
  mapping?: string | undefined;
  encoding?: string | undefined;
  'create-townships'?: boolean | undefined;
  coordinates?: string | undefined;
  'skip-invalid'?: boolean | undefined;
  'dry-run'?: boolean | undefined;
  'accept-warnings'?: boolean | undefined;
}

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;
type Fail = (message: string) => Error;

function readMapping(file: string, usage: Fail): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw usage(`无法读取映射文件“${file}”`);
  }
  try {
    return JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    throw usage(`映射文件“${file}”不是有效的 JSON`);
  }
}

function issueLine(i: ImportResult['issues'][number]): string {
  const where = [i.sheet && `工作表“${i.sheet}”`, i.row !== null && `第 ${i.row} 行`, i.column].filter(Boolean).join(' ');
  const value = i.value ? `，值“${i.value}”` : '';
  return `  [${SEVERITY_LABEL[i.severity]}] ${where}${value}：${i.message}`;
}

function printResult(r: ImportResult): void {
  const head = r.ok
    ? r.dryRun
      ? '检查通过（试运行，未写入）'
      : `导入完成，导入编号 ${r.importId}（导入前已备份：${r.backup}）`
    : '未导入任何数据';
  const lines = [head, `读取 ${r.rowsRead} 行，导入 ${r.rowsImported} 行，跳过 ${r.rowsSkipped} 行（合计、说明等），拒绝 ${r.rowsRejected} 行`];
  for (const [k, v] of r.summary) lines.push(`  ${k}：${v}`);
  const shown = r.issues.filter((i) => i.severity !== 'info');
  if (shown.length) lines.push(`问题（错误与警告共 ${shown.length} 条）：`, ...shown.slice(0, 50).map(issueLine));
  if (shown.length > 50) lines.push(`  ……另有 ${shown.length - 50} 条，用 --json 查看全部`);
  console.log(lines.join('\n'));
}

/** --coordinates: a geographic system's name, or EPSG:<code> for projected coordinates. */
export function coordinateOptionOf(value: string | undefined, usage: Fail): CoordinateOption | undefined {
  if (value === undefined) return undefined;
  const v = value.trim().toLowerCase();
  if ((GEOGRAPHIC_SYSTEMS as readonly string[]).includes(v)) return { system: v as GeographicSystem };
  const epsg = /^epsg:(\d{4,5})$/.exec(v);
  if (epsg) return { system: 'projected', epsg: Number(epsg[1]) };
  throw usage('--coordinates 可选 wgs84、gcj02、bd09 或 EPSG:代码（如 EPSG:4526）');
}

export async function importCommand(project: string, kind: string, file: string, values: ImportCliValues, call: Call, usage: Fail, refuse: Fail): Promise<void> {
  if (!isImportKind(kind)) throw usage(`未知的数据类别“${kind}”，可选：${IMPORT_KINDS.join('、')}`);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year.trim())) throw usage('--year 应为四位年份，例如 2024');
  if (values.encoding !== undefined && !['auto', 'utf-8', 'gbk'].includes(values.encoding)) throw usage('--encoding 可选 auto、utf-8、gbk');
  const mapping = values.mapping ? readMapping(values.mapping, usage) : undefined;
  const coordinates = coordinateOptionOf(values.coordinates, usage);
  await call('project.open', { path: project });
  const progress = elapsedLine(`正在${values['dry-run'] ? '检查' : '导入'} ${path.basename(file)}`);
  const result = await call('import.run', {
    path: file,
    kind,
    sheet: values.sheet,
    year: values.year === undefined ? undefined : Number(values.year),
    mapping,
    encoding: values.encoding,
    dryRun: values['dry-run'],
    acceptWarnings: values['accept-warnings'],
    createTownships: values['create-townships'],
    skipInvalidRows: values['skip-invalid'],
    coordinates,
  }).finally(() => progress.end());
  if (values.json) {
    const { ok, importId, rowsRead, rowsImported, rowsSkipped, rowsRejected, issues } = result;
    console.log(JSON.stringify({ ok, importId, rowsRead, rowsImported, rowsSkipped, rowsRejected, issues }, null, 2));
  } else printResult(result);
  if (!result.ok) {
    const first = result.issues.find((i) => i.severity === 'error');
    throw refuse(`导入未完成：${first ? first.message : '存在问题'}`);
  }
}

export async function importUndoCommand(project: string, id: string, values: ImportCliValues, call: Call, usage: Fail): Promise<void> {
  if (!/^\d{1,9}$/.test(id) || Number(id) < 1) throw usage('导入编号应为正整数（见 import 的输出，或 --json 中的 importId）');
  await call('project.open', { path: project });
  const result = await call('import.undo', { importId: Number(id) });
  if (values.json) console.log(JSON.stringify({ ok: true, ...result }, null, 2));
  else console.log(`已撤销第 ${result.importId} 次导入，恢复 ${result.restored} 处改动（撤销前已备份：${result.backup}）`);
}
