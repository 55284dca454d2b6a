// `npm run cli -- <command>`: the same backend as the app, for batch work and automation.
// Every command goes through the API dispatcher, so the CLI and the UI give the same numbers.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBackend, defaultDataDir, type Backend } from '../backend';
import { DATA_KINDS, type DataKind, type DataTable } from '../../shared/templates/layouts';
import type { MethodName, MethodResult, ProjectInfo } from '../../shared/api';
import { STAGE_LABEL, STAGES } from '../../shared/domain';
import { toXlsx, writeCsvStream, writeBytesWhole, writeCsvFile } from '../backend/io/table-writer';
import { annexCommand, ANNEX_HELP, ANNEX_OPTIONS } from './annex';
import { chromiumPrinter, chromiumRasteriser } from '../backend/annex/chromium';
import { backtestText, compactJson, projectionText } from './projection';
import { importCommand, importUndoCommand, IMPORT_HELP, IMPORT_KIND_ARG, IMPORT_OPTIONS } from './import';
import { evaluateCommand, planAddProjectCommand, planCreateCommand, planListCommand, PLAN_HELP, PLAN_OPTIONS } from './plan';
import { PLAN_SETTINGS_HELP, PLAN_SETTINGS_OPTIONS, planSetTargetCommand, planSettingsCommand } from './plan-settings';
import { coverageCommand, GEO_HELP, GEO_OPTIONS } from './geo';
import { importGeoCommand, IMPORT_GEO_HELP } from './import-geo';
import { optimiseCommand, OPTIMISE_HELP, OPTIMISE_OPTIONS } from './optimise';
import { argumentErrorMessage, commandsIn, INVOCATION, usageLine } from './usage';
import { editCommand, EDIT_HELP, isEditCommand } from './edit';
import { endQuietlyWhenStdoutCloses } from './closed-pipe';
import { countyDivision, DIVISION_SOURCE } from '../../shared/divisions/counties';
import { officialTownships } from '../../shared/divisions/townships';

class UsageError extends Error {}
class CommandError extends Error {}
/** Ctrl-C cancelled the command's work before it wrote anything (exit 130, as a shell reports SIGINT). */
class InterruptedError extends Error {}

const HELP = `县域学校布局规划 命令行工具

用法：npm run cli -- <命令> [参数]

  new <文件.csplan> [--sample] [--name 名称] [--code 行政区划代码] [--division 县级区划代码] [--school-system 六三制|五四制] [--json]
      新建项目文件；--sample 写入示例县数据和“十五五”示例规划；--division 按全国行政区划表预置该县的乡镇（街道）名称和 9 位代码。
  info <文件.csplan> [--json]
      显示项目概况（学校数、各学段在校生、人口年份等）。
  export <文件.csplan> <${DATA_KINDS.join('|')}> [--out 文件.csv|文件.xlsx]
      按导入模板的格式导出数据；不给 --out 时以 CSV 输出到标准输出。
  project <文件.csplan> [--scenario 中] [--base-year 2025] [--horizon 2040] [--json] [--out 文件.xlsx]
      预测各学段、各乡镇、各学校逐年在校生与学龄人口；--base-year 只用该年及以前的数据。
  backtest <文件.csplan> [--base-year 2022] [--to 2025] [--scenario 中] [--json]
      以较早年份为基准年重新预测，与实际比较，并与“沿用基准年”“线性趋势”两种简单方法对比。
${ANNEX_HELP}
${IMPORT_HELP}
${PLAN_HELP}
${PLAN_SETTINGS_HELP}
${EDIT_HELP}
${GEO_HELP}
${IMPORT_GEO_HELP}
${OPTIMISE_HELP}
  help
      显示本说明。

从空白项目到打印附件的完整流程见程序内的“使用指南”（任一页面右上角的“帮助”按钮，开始页同样有），
其中也可下载学校、人口、出生的空白导入模板。
出错时以非零退出码结束（用法错误为 2），错误说明写到标准错误输出。
要把 --json 或 CSV 输出交给其他程序处理时，请用 npm run -s cli -- …：不加 -s 时，npm 会先在标准输出打印一行脚本说明。`;

async function call<M extends MethodName>(backend: Backend, method: M, input: unknown): Promise<MethodResult<M>> {
  const res = await backend.dispatch(method, input);
  if (!res.ok) throw new CommandError(res.error.message);
  return res.result as MethodResult<M>;
}

function need(positionals: string[], index: number, what: string): string {
  const v = positionals[index];
  if (!v) throw new UsageError(`缺少参数：${what}`);
  return v;
}

function yearOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`${name} 应为四位年份，例如 2025`);
  return Number(value);
}

function printInfo(info: ProjectInfo): void {
  const lines = [
    `${info.name}（${info.countyCode}），${info.schoolSystem}，基准年 ${info.baseYear}`,
    `乡镇（街道）${info.townships} 个；学校 ${info.schools.total} 所：` +
      STAGES.filter((s) => info.schools.byStage[s] > 0)
        .map((s) => `${STAGE_LABEL[s]} ${info.schools.byStage[s]}`)
        .join('，'),
    `在校生年份：${info.enrolmentYears.join('、') || '无'}`,
    `人口年份：${info.populationYears.join('、') || '无'}；出生年份：${info.birthYears.join('、') || '无'}`,
  ];
  for (const y of info.enrolmentYears) {
    const b = info.studentsByYear[y];
    if (b) lines.push(`  ${y} 年在校生：` + STAGES.filter((s) => b[s] > 0).map((s) => `${STAGE_LABEL[s]} ${b[s]}`).join('，'));
  }
  console.log(lines.join('\n'));
}

async function writeTable(table: DataTable, out: string | undefined): Promise<void> {
  if (!out) {
    await writeCsvStream(table, process.stdout);
    return;
  }
  const ext = path.extname(out).toLowerCase();
  if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError(`不支持的导出格式“${ext || out}”，请用 .csv 或 .xlsx`);
  if (ext === '.csv') writeCsvFile(table, out);
  else {
    const { bytes, truncated } = toXlsx(table);
    writeBytesWhole(out, bytes);
    for (const line of truncated) console.error(`注意：${line}`);
  }
  console.error(`已导出 ${table.rows.length} 行到 ${path.resolve(out)}`);
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  sample: { type: 'boolean', default: false },
  name: { type: 'string' },
  code: { type: 'string' },
  division: { type: 'string' },
  'school-system': { type: 'string' },
  out: { type: 'string' },
  scenario: { type: 'string' },
  'base-year': { type: 'string' },
  horizon: { type: 'string' },
  to: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  ...ANNEX_OPTIONS,
  ...IMPORT_OPTIONS,
  ...PLAN_OPTIONS,
  ...PLAN_SETTINGS_OPTIONS,
  ...OPTIMISE_OPTIONS,
  ...GEO_OPTIONS,
} as const;

function parse(argv: string[]) {
  try {
    return parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (err) {
    const message = argumentErrorMessage(err);
    throw message ? new UsageError(message) : err;
  }
}

/** The command word, read leniently, so that a wrong option still names the command it was given to. */
function commandOf(argv: string[]): string | undefined {
  return parseArgs({ args: argv, allowPositionals: true, strict: false, options: OPTIONS }).positionals[0];
}

/** The usage to print after a wrong-usage error: the command's own line, or how to call any command. */
function usageFor(command: string | undefined): string {
  const line = command === undefined ? undefined : usageLine(HELP, command);
  if (line) return `用法：${line}`;
  return `用法：${INVOCATION} <命令> [参数]\n命令：${commandsIn(HELP).join('、')}；${INVOCATION} help 显示详细说明。`;
}

/** The editor commands take an option per field, so they read their own options (cli/edit.ts). */
async function runEdit(argv: string[]): Promise<void> {
  const backend = createBackend({ dataDir: defaultDataDir(), shell: 'cli' });
  try {
    await editCommand(argv.slice(argv.findIndex(isEditCommand)), (method, input) => call(backend, method, input), (m) => new UsageError(m));
  } finally {
    backend.close();
  }
}

async function run(argv: string[]): Promise<void> {
  if (isEditCommand(commandOf(argv)) && !argv.includes('--help') && !argv.includes('-h')) return runEdit(argv);
  const { values, positionals } = parse(argv);
  const [command] = positionals;
  if (!command || command === 'help' || values.help) {
    console.log(HELP);
    return;
  }
  if (!usageLine(HELP, command)) throw new UsageError(`未知命令“${command}”`);
  const backend = createBackend({ dataDir: defaultDataDir(), shell: 'cli', printPdf: chromiumPrinter(), rasterise: chromiumRasteriser() });
  try {
    switch (command) {
      case 'new': {
        const file = need(positionals, 1, '项目文件路径');
        const division = values.division ? countyDivision(values.division) : null;
        if (values.division && !division) throw new UsageError(`全国行政区划表中没有代码为“${values.division}”的县（市、区）。请给出 6 位县级区划代码，如 430121。`);
        const summary = await call(backend, 'project.create', {
          path: file,
          name: values.name ?? division?.name ?? (values.sample ? '示例县' : path.basename(file, path.extname(file))),
          countyCode: division?.code ?? values.code,
          schoolSystem: values['school-system'],
          sample: values.sample,
          ...(division ? { officialTownships: true } : {}),
        });
        if (values.json) console.log(JSON.stringify(summary, null, 2));
        else console.log(`已创建项目：${summary.path}（${summary.name}，学校 ${summary.schools} 所）`);
        if (division && !values.json) console.log(`已按全国行政区划表（${DIVISION_SOURCE}）预置 ${division.path.join(' ')} 的 ${officialTownships(division.code).length} 个乡镇（街道）。`);
        return;
      }
      case 'info': {
        await call(backend, 'project.open', { path: need(positionals, 1, '项目文件路径') });
        const info = await call(backend, 'project.info', {});
        if (values.json) console.log(JSON.stringify(info, null, 2));
        else printInfo(info);
        return;
      }
      case 'export': {
        const file = need(positionals, 1, '项目文件路径');
        const kind = need(positionals, 2, `数据类别（${DATA_KINDS.join('|')}）`);
        if (!DATA_KINDS.includes(kind as DataKind)) throw new UsageError(`未知的数据类别“${kind}”，可选：${DATA_KINDS.join('、')}`);
        await call(backend, 'project.open', { path: file });
        await writeTable(await call(backend, 'data.export', { kind }), values.out);
        return;
      }
      case 'project': {
        const file = need(positionals, 1, '项目文件路径');
        await call(backend, 'project.open', { path: file });
        const request = {
          scenario: values.scenario,
          baseYear: yearOption(values['base-year'], '--base-year'),
          horizon: yearOption(values.horizon, '--horizon'),
        };
        if (values.out) {
          if (path.extname(values.out).toLowerCase() !== '.xlsx') throw new UsageError('预测结果只能导出为 .xlsx 文件');
          const { base64 } = await call(backend, 'projection.exportXlsx', request);
          writeBytesWhole(values.out, Buffer.from(base64, 'base64'));
          console.error(`已导出预测结果到 ${path.resolve(values.out)}`);
        }
        const result = await call(backend, 'projection.run', request);
        if (values.json) console.log(compactJson(result));
        else if (!values.out) console.log(projectionText(result, (await call(backend, 'project.info', {})).name));
        return;
      }
      case 'backtest': {
        await call(backend, 'project.open', { path: need(positionals, 1, '项目文件路径') });
        const result = await call(backend, 'projection.backtest', {
          baseYear: yearOption(values['base-year'], '--base-year'),
          to: yearOption(values.to, '--to'),
          scenario: values.scenario,
        });
        console.log(values.json ? compactJson(result) : backtestText(result));
        return;
      }
      case 'annex': {
        const file = need(positionals, 1, '项目文件路径');
        await call(backend, 'project.open', { path: file });
        await annexCommand(values, (method, input) => call(backend, method, input), (m) => new UsageError(m), (m) => new CommandError(m));
        return;
      }
      case 'import': {
        const file = need(positionals, 1, '项目文件路径');
        const kind = need(positionals, 2, `数据类别（${IMPORT_KIND_ARG}）`);
        const data = need(positionals, 3, '要导入的数据文件');
        await importCommand(file, kind, data, values, (method, input) => call(backend, method, input), (m) => new UsageError(m), (m) => new CommandError(m));
        return;
      }
      case 'import-undo': {
        const file = need(positionals, 1, '项目文件路径');
        const id = need(positionals, 2, '导入编号');
        await importUndoCommand(file, id, values, (method, input) => call(backend, method, input), (m) => new UsageError(m));
        return;
      }
      case 'evaluate':
      case 'plan-list':
      case 'plan-create':
      case 'plan-add-project': {
        await call(backend, 'project.open', { path: need(positionals, 1, '项目文件路径') });
        const api = <M extends MethodName>(method: M, input: unknown) => call(backend, method, input);
        const usage = (m: string) => new UsageError(m);
        const refuse = (m: string) => new CommandError(m);
        if (command === 'evaluate') await evaluateCommand(values, api, refuse);
        else if (command === 'plan-list') await planListCommand(values, api);
        else if (command === 'plan-create') await planCreateCommand(values, api, usage);
        else await planAddProjectCommand(need(positionals, 2, '项目 JSON 文件'), values, api, usage, refuse);
        return;
      }
      case 'plan-settings':
      case 'plan-set-target': {
        await call(backend, 'project.open', { path: need(positionals, 1, '项目文件路径') });
        const api = <M extends MethodName>(method: M, input: unknown) => call(backend, method, input);
        const run = command === 'plan-settings' ? planSettingsCommand : planSetTargetCommand;
        await run(values, api, (m) => new UsageError(m), (m) => new CommandError(m));
        return;
      }
      case 'coverage': {
        await call(backend, 'project.open', { path: need(positionals, 1, '项目文件路径') });
        await coverageCommand(values, (method, input) => call(backend, method, input), (m) => new UsageError(m));
        return;
      }
      case 'import-geo': {
        const file = need(positionals, 1, '项目文件路径');
        const layer = need(positionals, 2, '图层（县界、乡镇边界、村（社区）或参考图层）');
        const data = need(positionals, 3, '要导入的地理数据文件');
        await importGeoCommand(file, layer, data, values, (method, input) => call(backend, method, input), (m) => new UsageError(m), (m) => new CommandError(m), (m) => new InterruptedError(m));
        return;
      }
      case 'optimise': {
        await call(backend, 'project.open', { path: need(positionals, 1, '项目文件路径') });
        await optimiseCommand(values, (method, input) => call(backend, method, input), (m) => new UsageError(m));
        return;
      }
      default:
        throw new UsageError(`未知命令“${command}”`);
    }
  } finally {
    backend.close();
  }
}

/** process.exit drops what a pipe has not taken yet (output over 64 KB was cut): let stdout drain first. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

endQuietlyWhenStdoutCloses();
const argv = process.argv.slice(2);
run(argv).then(
  () => exit(0),
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`用法错误：${err.message}\n${usageFor(commandOf(argv))}`);
      exit(2);
      return;
    }
    if (err instanceof InterruptedError) {
      console.error(err.message);
      exit(130);
      return;
    }
    console.error(`错误：${err instanceof Error ? err.message : String(err)}`);
    exit(err instanceof CommandError ? 1 : 3);
  },
);
