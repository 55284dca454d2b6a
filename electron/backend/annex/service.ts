// The annex API: what can be printed, the preview HTML, and the exported file in any of
// the three formats. backend.ts maps annex.list / annex.preview / annex.export here.
import fs from 'node:fs';
import path from 'node:path';
import { fontsNote, installedFontFamilies } from './font-choice';
import type { ParsedInput } from '../../../shared/api';
import {
  ANNEX_CATALOG,
  numberAnnexes,
  withColumnNotes,
  tableDate,
  type Annex,
  type AnnexContent,
  type AnnexExportResult,
  type AnnexFormat,
  type AnnexList,
  type AnnexSelection,
} from '../../../shared/annex';
import { readMeta } from '../db/meta';
import type { ProjectFile } from '../db/project-file';
import { AppError } from '../errors';
import { writeAnnexDocx } from './docx';
import { annexBodyHtml, renderAnnexesHtml } from './html';
import type { PdfPrinter } from './pdf';
import { withSubsetFonts } from './print-fonts';
import { rasteriseMaps } from './map-images';
import type { SvgRasteriser } from './raster';
import { planHeader } from '../../../shared/plan';
import { listPlans } from '../services/plan';
import { listScenarios } from '../services/projection';
import { ANNEX_SOURCES, AnnexScope, type PlanChoice } from './sources';
import { writeAnnexXlsx } from './xlsx';
import { DataVersionCache } from '../services/data-version-cache';
import { forgetIfRejected } from '../services/forget-rejected';

export interface AnnexRequest extends PlanChoice {
  annexes: AnnexSelection[];
  titlePrefix?: string | undefined;
}

export function annexList(file: ProjectFile, choice: PlanChoice = {}): AnnexList {
  const scope = new AnnexScope(file, choice);
  const plans = listPlans(file).map(planHeader);
  let chosen: number | null = null;
  try {
    chosen = scope.plan()?.id ?? null;
  } catch {
    // A plan asked for that does not exist: the plan annexes say so (availability below).
  }
  return {
    titlePrefix: readMeta(file.db).name,
    annexes: ANNEX_CATALOG.map((entry) => {
      const { available, reason } = ANNEX_SOURCES[entry.kind].availability(scope);
      return { ...entry, available, reason };
    }),
    plans,
    plan: plans.find((p) => p.id === chosen) ?? null,
    scenarios: listScenarios(file.db).map((s) => s.name),
  };
}

function todayText(now: Date): string {
  return tableDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Each annex as built, by its choices; room for every annex of two plans or scenarios. */
const builtAnnexes = new DataVersionCache<AnnexContent>(ANNEX_CATALOG.length * 2);
/** Whole previews, so returning to 附件 with the same choices answers at once. */
const previews = new DataVersionCache<Promise<string>>(4);

/** The chosen annexes' contents, built from the project (or kept from an earlier build). */
function annexContents(file: ProjectFile, request: AnnexRequest, now: Date): AnnexContent[] {
  const titlePrefix = request.titlePrefix ?? readMeta(file.db).name;
  const date = todayText(now);
  // One scope for the request: the plan is read and evaluated once for all its annexes.
  const scope = new AnnexScope(file, { plan: request.plan, scenario: request.scenario });
  return request.annexes.map((selection) => {
    const { kind, paper, intervals } = selection;
    const key = JSON.stringify([kind, paper, intervals, titlePrefix, date, request.plan, request.scenario]);
    return builtAnnexes.get(file, key, () => {
      const source = ANNEX_SOURCES[kind];
      const { available, reason } = source.availability(scope);
      const title = ANNEX_CATALOG.find((e) => e.kind === kind)?.title ?? kind;
      if (!available) throw new AppError('NOT_FOUND', `无法生成“${title}”：${reason ?? '缺少数据。'}`);
      return withColumnNotes(source.build(scope, { titlePrefix, date, paper, intervals }));
    });
  });
}

/** The chosen annexes, built from the project and numbered in the planner's order. */
export function buildAnnexes(file: ProjectFile, request: AnnexRequest, now: Date = new Date()): Annex[] {
  return numberAnnexes(
    annexContents(file, request, now),
    request.annexes.map((s) => s.number),
  );
}

/**
 * Each built annex's printed section after its label, drawn once (its charts and maps are the
 * costly part): the contents are kept by builtAnnexes while the data are unchanged, and a new
 * build is a new object, so nothing stale is served.
 */
const sectionBodies = new WeakMap<AnnexContent, Promise<string>>();

function sectionBody(content: AnnexContent): Promise<string> {
  let body = sectionBodies.get(content);
  if (body === undefined) {
    const drawing = annexBodyHtml(content);
    body = forgetIfRejected(drawing, () => {
      if (sectionBodies.get(content) === drawing) sectionBodies.delete(content);
    });
    sectionBodies.set(content, body);
  }
  return body;
}

/**
 * Builds the chosen annexes ahead of an export or a preview, one request per annex or a few, so
 * that the caller can show progress and a planner's own call waits behind one annex at most.
 * With `preview`, their preview sections are drawn too, and the preview is then a join.
 */
export async function prepareAnnexes(file: ProjectFile, request: AnnexRequest & { preview?: boolean | undefined }, now: Date = new Date()): Promise<{ prepared: number }> {
  const contents = annexContents(file, request, now);
  if (request.preview) await Promise.all(contents.map(sectionBody));
  return { prepared: contents.length };
}

function documentTitle(file: ProjectFile, request: AnnexRequest): string {
  return `${(request.titlePrefix ?? readMeta(file.db).name).trim()}规划附件`;
}

export async function annexPreview(file: ProjectFile, request: AnnexRequest, now: Date = new Date()): Promise<{ html: string }> {
  const key = JSON.stringify([request.annexes, request.titlePrefix, request.plan, request.scenario, todayText(now)]);
  return {
    html: await previews.get(file, key, () => {
      const contents = annexContents(file, request, now);
      const annexes = numberAnnexes(
        contents,
        request.annexes.map((s) => s.number),
      );
      const html = renderAnnexesHtml(annexes, documentTitle(file, request), (_, i) => sectionBody(contents[i] as AnnexContent));
      return forgetIfRejected(html, () => previews.forget(file, key, html));
    }),
  };
}

const EXTENSION: Record<AnnexFormat, string> = { pdf: '.pdf', xlsx: '.xlsx', docx: '.docx' };
const FORMAT_NAME: Record<AnnexFormat, string> = { pdf: 'PDF', xlsx: 'Excel', docx: 'Word' };

/** A proposed file name without characters Windows refuses. */
function fileNameFor(annexes: readonly Annex[], title: string, format: AnnexFormat): string {
  const only = annexes.length === 1 ? annexes[0] : undefined;
  const base = only ? `${only.label} ${only.title}` : title;
  // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
  return `${base.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '').trim() || '规划附件'}${EXTENSION[format]}`;
}

/** How the backend turns annexes into files it cannot write itself. */
export interface AnnexRenderers {
  printPdf: PdfPrinter;
  /** PNGs of the maps for Word and Excel; without it they carry the coverage table only. */
  rasterise?: SvgRasteriser | undefined;
}

export async function renderAnnexFile(annexes: Annex[], title: string, format: AnnexFormat, renderers: AnnexRenderers): Promise<Uint8Array> {
  switch (format) {
    case 'pdf':
      return renderers.printPdf(await withSubsetFonts(await renderAnnexesHtml(annexes, title)));
    case 'xlsx':
      return writeAnnexXlsx(annexes, title, await rasteriseMaps(annexes, renderers.rasterise));
    case 'docx':
      return writeAnnexDocx(annexes, title, await rasteriseMaps(annexes, renderers.rasterise));
  }
}

const folderMissing = (target: string) => `无法写入 ${target}：文件夹不存在。`;

function writeFileAtomically(target: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, bytes);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES') {
      throw new AppError('IO_ERROR', `无法写入 ${target}：文件可能正被 Excel、Word 或 PDF 阅读器打开，或没有写入权限。请关闭该文件或换一个位置后重试。`);
    }
    if (code === 'ENOENT') throw new AppError('IO_ERROR', folderMissing(target));
    if (code === 'ENOSPC') throw new AppError('IO_ERROR', '磁盘空间不足，附件未能保存。');
    throw err;
  }
}

export async function annexExport(
  file: ProjectFile,
  input: ParsedInput<'annex.export'>,
  renderers: AnnexRenderers,
): Promise<AnnexExportResult> {
  const format = input.format;
  if (input.outPath && path.extname(input.outPath).toLowerCase() !== EXTENSION[format]) {
    throw new AppError('INVALID_INPUT', `导出 ${FORMAT_NAME[format]} 文件时，文件名应以 ${EXTENSION[format]} 结尾。`);
  }
  // Said before the annexes are built and printed (a minute for a large county), not after.
  if (input.outPath && !fs.existsSync(path.dirname(path.resolve(input.outPath)))) {
    throw new AppError('IO_ERROR', folderMissing(path.resolve(input.outPath)));
  }
  const annexes = buildAnnexes(file, input);
  const title = documentTitle(file, input);
  const bytes = await renderAnnexFile(annexes, title, format, renderers);
  const fileName = fileNameFor(annexes, title, format);
  const fonts = fontsNote(format, format === 'pdf' ? installedFontFamilies() : new Set());
  if (input.outPath) {
    const target = path.resolve(input.outPath);
    writeFileAtomically(target, bytes);
    return { format, fileName, bytes: bytes.length, path: target, base64: null, fonts };
  }
  return { format, fileName, bytes: bytes.length, path: null, base64: Buffer.from(bytes).toString('base64'), fonts };
}
