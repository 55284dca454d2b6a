// Boundary and layer import: read the file (read-geo-file.ts), check every feature
// (shared/geo/features.ts), join to townships (shared/geo/join.ts), and only when nothing is
// refused take a backup and replace the layer in one transaction.
import type { ParsedInput } from '../../../shared/api';
import { GEO_LAYER_LABEL, type GeoImportResult } from '../../../shared/geo/api';
import { parseFeatures } from '../../../shared/geo/features';
import { pointInPolygon } from '../../../shared/geo/geometry';
import { DISPLAY_LIMITS, thinLayer } from '../../../shared/geo/simplify';
import { joinTownships, joinVillages, outlineOf } from '../../../shared/geo/join';
import type { CoordinateOption } from '../../../shared/geo/coords';
import type { ReferenceFeature } from '../../../shared/geo/model';
import { createBackup } from '../db/backups';
import { readGeography, writeGeography, type GeographyWrite } from '../db/geo';
import type { ProjectFile } from '../db/project-file';
import { allTownships } from '../db/queries';
import { readGeoFile } from '../geo/read-geo-file';

export async function importGeoLayer(file: ProjectFile, input: ParsedInput<'geo.importLayer'>): Promise<GeoImportResult> {
  const read = await readGeoFile(input.path, input.encoding ?? 'auto');
  const source = `导入：${read.fileName}`;
  const option: CoordinateOption | undefined = input.coordinates ?? (read.prj && /PROJCS/i.test(read.prj) ? { system: 'projected', prj: read.prj } : undefined);
  const parsed = parseFeatures(read.geojson, read.fileName, option);
  const thinned = thinLayer(parsed.features.map((f) => f.geometry));
  if (thinned) {
    parsed.features.forEach((f, i) => (f.geometry = thinned.geometries[i]!));
    const tol = thinned.tolerance < 1 ? thinned.tolerance.toFixed(2) : thinned.tolerance.toFixed(0);
    parsed.notes.push(
      `${read.fileName} 共 ${thinned.before.toLocaleString('zh-CN')} 个顶点，超过布局图的上限 ${DISPLAY_LIMITS.vertices.toLocaleString('zh-CN')} 个：已按 ${tol} 米容差简化为 ${thinned.after.toLocaleString('zh-CN')} 个顶点后保存。` +
        `布局图、打印和村（社区）归属乡镇的判断都使用简化后的边界；${tol} 米远小于服务半径。`,
    );
  }
  const townships = allTownships(file.db);
  const result: GeoImportResult = {
    ok: false,
    written: false,
    layer: input.layer,
    fileName: read.fileName,
    features: parsed.features.length + parsed.problems.filter((p) => p.feature !== null).length,
    joined: 0,
    unmatched: [],
    missing: [],
    problems: parsed.problems.slice(0, 200).map((p) => p.message),
    notes: [...read.notes, ...parsed.notes],
    backup: null,
  };
  if (parsed.problems.length > 200) result.problems.push(`另有 ${parsed.problems.length - 200} 个问题未列出。`);
  if (parsed.features.length === 0 && parsed.problems.length === 0) result.problems.push(`${read.fileName} 中没有要素。`);
  let write: GeographyWrite = {};
  if (input.layer === 'outline') {
    const outline = outlineOf(parsed.features);
    if (!outline) result.problems.push(`${read.fileName} 中没有面要素，不能作为县界。`);
    else write = { outline: { geometry: outline, source } };
    result.joined = outline ? 1 : 0;
  } else if (input.layer === 'townships') {
    const { boundaries, report } = joinTownships(parsed.features, townships, source);
    Object.assign(result, { joined: report.joined, unmatched: report.unmatched, missing: report.missing });
    if (boundaries.length === 0) result.problems.push(`${read.fileName} 的要素没有一个能按代码或名称对应到项目中的乡镇（街道）。请检查属性表中的名称或代码字段。`);
    write = { townships: boundaries };
  } else if (input.layer === 'villages') {
    const { villages, report } = joinVillages(parsed.features, townships, readGeography(file.db).townships, source, pointInPolygon);
    Object.assign(result, { joined: report.joined, unmatched: report.unmatched });
    if (villages.length === 0) result.problems.push(`${read.fileName} 的村（社区）没有一个能对应到项目中的乡镇：请在属性表中提供 12 位村级代码或“乡镇”字段，或先导入乡镇边界。`);
    write = { villages };
  } else {
    const kind = input.layer;
    const layers: ReferenceFeature[] = parsed.features.map((f) => ({ kind, name: String(f.properties['name'] ?? f.properties['NAME'] ?? ''), geometry: f.geometry, source }));
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
