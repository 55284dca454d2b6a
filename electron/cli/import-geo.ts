// `cli import-geo`: county outline, township boundaries, villages or a reference layer from
// GeoJSON or Shapefile, through the same geo.importLayer as the 布局图 page's dialog.
// --json prints the GeoImportResult; the exit code is 1 whenever the file is refused.
import path from 'node:path';
import type { MethodName, MethodResult } from '../../shared/api';
import { GEO_LAYER_LABEL, GEO_LAYERS, type GeoImportResult, type GeoLayer } from '../../shared/geo/api';
import { coordinateOptionOf } from './import';
import { geoProgressText } from '../../shared/geo/import-progress';
import { progressLine } from './progress';

const layerWidth = Math.max(...GEO_LAYERS.map((k) => k.length)) + 2;
const layerLines = GEO_LAYERS.map((k) => `        ${k.padEnd(layerWidth)}${GEO_LAYER_LABEL[k]}`).join('\n');

export const IMPORT_GEO_HELP = `  import-geo <文件.csplan> <${GEO_LAYERS.join('|')}> <数据文件> [--coordinates wgs84|gcj02|bd09|EPSG:代码]
         [--encoding auto|utf-8|gbk] [--dry-run] [--json]
      导入地理数据（GeoJSON .geojson/.json，或 Shapefile：.shp 及同名 .dbf/.prj/.cpg，或打包的 .zip），替换该图层。图层（也可写中文名）：
${layerLines}
      乡镇边界、村（社区）按代码或名称对应到项目中的乡镇；有问题时不写入任何数据。--dry-run 只检查不写入。导入前自动备份。
      --coordinates 默认按 .prj 判断，没有 .prj 时为 WGS-84/CGCS2000 经纬度；gcj02 为高德、腾讯地图坐标，bd09 为百度地图坐标。
      --encoding 属性表（.dbf）的文字编码，默认按 .cpg 或内容自动判断。
      在终端中运行时，标准错误输出显示进度和预计剩余时间；按 Ctrl+C 取消，不写入任何数据（退出码 130），已开始写入时则等写完。`;

type Call = <M extends MethodName>(method: M, input: unknown) => Promise<MethodResult<M>>;
type Fail = (message: string) => Error;

export interface ImportGeoCliValues {
  json?: boolean | undefined;
  encoding?: string | undefined;
  coordinates?: string | undefined;
  'dry-run'?: boolean | undefined;
}

/** The layer argument: its name in the API or its Chinese label. */
function layerOf(value: string, usage: Fail): GeoLayer {
  const v = value.trim();
  const found = GEO_LAYERS.find((k) => k === v.toLowerCase() || GEO_LAYER_LABEL[k] === v);
  if (!found) throw usage(`未知的图层“${value}”，可选：${GEO_LAYERS.map((k) => `${k}（${GEO_LAYER_LABEL[k]}）`).join('、')}`);
  return found;
}

export function geoImportText(r: GeoImportResult, dryRun: boolean): string {
  const label = GEO_LAYER_LABEL[r.layer];
  const head = !r.ok
    ? `未导入：${r.fileName} 有问题，项目中的${label}未改动`
    : r.written
      ? `已导入${label}：${r.fileName}（导入前已备份：${r.backup}）`
      : dryRun
        ? `检查通过（试运行，未写入）：${r.fileName}`
        : `未写入：${r.fileName}`;
  const lines = [head, `要素 ${r.features} 个，对应上 ${r.joined} 个`];
  if (r.unmatched.length) {
    lines.push(`未能对应到乡镇的要素 ${r.unmatched.length} 个：`);
    for (const u of r.unmatched.slice(0, 50)) lines.push(`  第 ${u.feature} 个要素：${u.name || '（无名称）'}${u.code ? `（代码 ${u.code}）` : ''}`);
    if (r.unmatched.length > 50) lines.push(`  ……另有 ${r.unmatched.length - 50} 个，用 --json 查看全部`);
  }
  if (r.missing.length) lines.push(`没有边界的乡镇（街道）${r.missing.length} 个：${r.missing.join('、')}`);
  if (r.problems.length) lines.push(`问题 ${r.problems.length} 条：`, ...r.problems.map((p) => `  ${p}`));
  if (r.notes.length) lines.push('说明：', ...r.notes.map((n) => `  ${n}`));
  return lines.join('\n');
}

/** How often the command asks how far the import has got (the backend runs in this process). */
const POLL_MS = 200;

/**
 * Runs the import as a job: a progress line with an estimate on a terminal's stderr (stdout
 * keeps only the result), and Ctrl-C cancels it — nothing is written and `interrupted` ends
 * the command (exit 130). Once the write has begun it runs to the end, and Ctrl-C says so.
 */
export async function importGeoCommand(
  project: string,
  layerArg: string,
  file: string,
  values: ImportGeoCliValues,
  call: Call,
  usage: Fail,
  refuse: Fail,
  interrupted: Fail,
  signals: Pick<NodeJS.Process, 'on' | 'off'> = process,
): Promise<void> {
  const layer = layerOf(layerArg, usage);
  if (values.encoding !== undefined && !['auto', 'utf-8', 'gbk'].includes(values.encoding)) throw usage('--encoding 可选 auto、utf-8、gbk');
  const coordinates = coordinateOptionOf(values.coordinates, usage);
  await call('project.open', { path: project });
  const dryRun = values['dry-run'] ?? false;
  const line = progressLine();
  let job = await call('geo.importStart', { path: file, layer, coordinates, encoding: values.encoding, dryRun });
  const onInterrupt = () => {
    void call('geo.importCancel', { job: job.job }).then((j) => {
      if (j.state !== 'running') return;
      line.end();
      console.error('正在写入项目，写入是一次完成的，不能中途取消；请稍候。');
    });
  };
  signals.on('SIGINT', onInterrupt);
  try {
    while (job.state === 'running') {
      line.show(job.progress ? geoProgressText(job.progress) : `正在${dryRun ? '检查' : '导入'} ${path.basename(file)}`);
      await new Promise((r) => setTimeout(r, POLL_MS));
      job = await call('geo.importStatus', { job: job.job });
    }
  } finally {
    signals.off('SIGINT', onInterrupt);
    line.end();
  }
  if (job.state === 'cancelled') throw interrupted(job.error ?? `已取消导入 ${path.basename(file)}，未写入任何内容。`);
  if (job.state === 'failed' || !job.result) throw refuse(job.error ?? `${path.basename(file)} 未导入`);
  const result = job.result;
  console.log(values.json ? JSON.stringify(result, null, 2) : geoImportText(result, dryRun));
  if (!result.ok) throw refuse(`${result.fileName} 未导入：${result.problems[0] ?? '存在问题'}`);
}
