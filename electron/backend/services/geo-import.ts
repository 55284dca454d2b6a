// Boundary and layer import: the file is read, checked and thinned in the geo worker
// (geo/run-geo-worker.ts, geo/read-layer.ts); here the features join to townships
// (shared/geo/join.ts), and only when nothing is refused a backup is taken and the layer
// replaced in one transaction. A browser upload (import.upload's store) is written under its own
// name to a private temporary folder for the worker, which reads files by path, and removed after.
// A cancel before the write ends the worker and writes nothing; once the backup has begun the
// write runs to the end (the dialog and the CLI say so).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import { GEO_LAYER_LABEL, type GeoImportResult } from '../../../shared/geo/api';
import type { GeoStageProgress } from '../../../shared/geo/import-progress';
import { pointInPolygon } from '../../../shared/geo/geometry';
import { joinTownships, joinVillages, outlineOf } from '../../../shared/geo/join';
import type { ReferenceFeature } from '../../../shared/geo/model';
import { createBackup } from '../db/backups';
import { readGeography, writeGeography, type GeographyWrite } from '../db/geo';
import type { ProjectFile } from '../db/project-file';
import { allTownships } from '../db/queries';
import { geoImportCancelled, startLayerRead, type LayerRead } from '../geo/run-geo-worker';
import type { LayerFile } from '../geo/read-layer';
import type { SourceFile } from '../import/source-file';
import { AppError } from '../errors';

type Input = ParsedInput<'geo.importLayer'>;

/** The import as far as a cancel needs it: the worker to stop, and whether the write has begun. */
interface Run {
  read: LayerRead | null;
  cancelled: boolean;
  writing: boolean;
  fileName: string;
}

function readIn(run: Run, file: string, input: Input, onProgress: (p: GeoStageProgress) => void): Promise<LayerFile> {
  if (run.cancelled) throw geoImportCancelled(run.fileName);
  run.read = startLayerRead({ path: file, encoding: input.encoding ?? 'auto', coordinates: input.coordinates }, onProgress);
  return run.read.done;
}

async function readInput(run: Run, input: Input, takeUpload: (uploadId: string) => SourceFile, onProgress: (p: GeoStageProgress) => void): Promise<LayerFile> {
  if (input.path !== undefined) return readIn(run, input.path, input, onProgress);
  if (input.source === undefined) throw new AppError('INVALID_INPUT', '请选择一个要导入的文件。');
  const upload = takeUpload(input.source.uploadId);
  run.fileName = path.basename(upload.fileName);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'csp-geo-upload-'));
  try {
    const file = path.join(dir, path.basename(upload.fileName));
    await fs.promises.writeFile(file, upload.bytes);
    return await readIn(run, file, input, onProgress);
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export interface GeoImportRun {
  readonly done: Promise<GeoImportResult>;
  /**
   * Stops the import: `done` rejects with CANCELLED and nothing is written. Refused (false) once
   * the write has begun: the backup and the one transaction then run to the end.
   */
  cancel(): boolean;
}

export function importGeoLayer(file: ProjectFile, input: Input, takeUpload: (uploadId: string) => SourceFile): Promise<GeoImportResult> {
  return startGeoImport(file, input, takeUpload).done;
}

/** The import, reporting its stages to `onProgress` (the worker's, then joining and writing). */
export function startGeoImport(file: ProjectFile, input: Input, takeUpload: (uploadId: string) => SourceFile, onProgress: (p: GeoStageProgress) => void = () => undefined): GeoImportRun {
  const run: Run = { read: null, cancelled: false, writing: false, fileName: input.path !== undefined ? path.basename(input.path) : '' };
  const done = runImport(file, input, takeUpload, run, onProgress);
  return {
    done,
    cancel() {
      if (run.writing) return false;
      if (!run.cancelled) {
        run.cancelled = true;
        run.read?.cancel();
      }
      return true;
    },
  };
}

async function runImport(file: ProjectFile, input: Input, takeUpload: (uploadId: string) => SourceFile, run: Run, onProgress: (p: GeoStageProgress) => void): Promise<GeoImportResult> {
  const read = await readInput(run, input, takeUpload, (p) => {
    if (!run.cancelled) onProgress(p);
  });
  // The worker may have answered in the same turn as the cancel.
  if (run.cancelled) throw geoImportCancelled(read.fileName);
  onProgress({ stage: 'joining', fraction: null });
  const source = `导入：${read.fileName}`;
  const townships = allTownships(file.db);
  const result: GeoImportResult = {
    ok: false,
    written: false,
    layer: input.layer,
    fileName: read.fileName,
    features: read.features.length + read.problems.filter((p) => p.feature !== null).length,
    joined: 0,
    unmatched: [],
    missing: [],
    problems: read.problems.slice(0, 200).map((p) => p.message),
    notes: read.notes,
    backup: null,
  };
  if (read.problems.length > 200) result.problems.push(`另有 ${read.problems.length - 200} 个问题未列出。`);
  if (read.features.length === 0 && read.problems.length === 0) result.problems.push(`${read.fileName} 中没有要素。`);
  let write: GeographyWrite = {};
  if (input.layer === 'outline') {
    const outline = outlineOf(read.features);
    if (!outline) result.problems.push(`${read.fileName} 中没有面要素，不能作为县界。`);
    else write = { outline: { geometry: outline, source } };
    result.joined = outline ? 1 : 0;
  } else if (input.layer === 'townships') {
    const { boundaries, report } = joinTownships(read.features, townships, source);
    Object.assign(result, { joined: report.joined, unmatched: report.unmatched, missing: report.missing });
    if (boundaries.length === 0) result.problems.push(`${read.fileName} 的要素没有一个能按代码或名称对应到项目中的乡镇（街道）。请检查属性表中的名称或代码字段。`);
    write = { townships: boundaries };
  } else if (input.layer === 'villages') {
    const { villages, report } = joinVillages(read.features, townships, readGeography(file.db).townships, source, pointInPolygon);
    Object.assign(result, { joined: report.joined, unmatched: report.unmatched });
    if (villages.length === 0) result.problems.push(`${read.fileName} 的村（社区）没有一个能对应到项目中的乡镇：请在属性表中提供 12 位村级代码或“乡镇”字段，或先导入乡镇边界。`);
    write = { villages };
  } else {
    const kind = input.layer;
    const layers: ReferenceFeature[] = read.features.map((f) => ({ kind, name: String(f.properties['name'] ?? f.properties['NAME'] ?? ''), geometry: f.geometry, source }));
    result.joined = layers.length;
    const others = readGeography(file.db).layers.filter((l) => l.kind !== kind);
    write = { layers: [...others, ...layers] };
  }
  result.ok = result.problems.length === 0;
  // The join runs in this thread, so a cancel can only have arrived before it.
  if (run.cancelled) throw geoImportCancelled(read.fileName);
  if (!result.ok || input.dryRun) return result;
  run.writing = true;
  onProgress({ stage: 'writing', fraction: null });
  result.backup = (await createBackup(file.db, file.path, `导入${GEO_LAYER_LABEL[input.layer]}前`)).file;
  file.db.transaction(() => writeGeography(file.db, write))();
  result.written = true;
  return result;
}
