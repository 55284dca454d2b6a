// Boundary and layer import: the file is read, checked and thinned in the geo worker
// (geo/run-geo-worker.ts, geo/read-layer.ts); here the features join to townships
// (shared/geo/join.ts), and only when nothing is refused a backup is taken and the layer
// replaced in one transaction. A browser upload (import.upload's store) is written under its own
// name to a private temporary folder for the worker, which reads files by path, and removed after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/api';
import { GEO_LAYER_LABEL, type GeoImportResult } from '../../../shared/geo/api';
import { pointInPolygon } from '../../../shared/geo/geometry';
import { joinTownships, joinVillages, outlineOf } from '../../../shared/geo/join';
import type { ReferenceFeature } from '../../../shared/geo/model';
import { createBackup } from '../db/backups';
import { readGeography, writeGeography, type GeographyWrite } from '../db/geo';
import type { ProjectFile } from '../db/project-file';
import { allTownships } from '../db/queries';
import { readLayerInWorker } from '../geo/run-geo-worker';
import type { LayerFile } from '../geo/read-layer';
import type { SourceFile } from '../import/source-file';
import { AppError } from '../errors';

type Input = ParsedInput<'geo.importLayer'>;

async function readInput(input: Input, takeUpload: (uploadId: string) => SourceFile): Promise<LayerFile> {
  const options = { encoding: input.encoding ?? 'auto', coordinates: input.coordinates } as const;
  if (input.path !== undefined) return readLayerInWorker({ path: input.path, ...options });
  if (input.source === undefined) throw new AppError('INVALID_INPUT', '请选择一个要导入的文件。');
  const upload = takeUpload(input.source.uploadId);
  const dir = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'csp-geo-upload-'));
  try {
    const file = path.join(dir, path.basename(upload.fileName));
    await fs.promises.writeFile(file, upload.bytes);
    return await readLayerInWorker({ path: file, ...options });
  } finally {
    await fs.promises.rm(dir, { recursive: true, force: true });
  }
}

export async function importGeoLayer(file: ProjectFile, input: Input, takeUpload: (uploadId: string) => SourceFile): Promise<GeoImportResult> {
  const read = await readInput(input, takeUpload);
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
  if (!result.ok || input.dryRun) return result;
  result.backup = (await createBackup(file.db, file.path, `导入${GEO_LAYER_LABEL[input.layer]}前`)).file;
  file.db.transaction(() => writeGeography(file.db, write))();
  result.written = true;
  return result;
}
