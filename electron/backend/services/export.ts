import { dataTable, type DataKind, type DataTable } from '../../../shared/templates/layouts';
import { readGeography } from '../db/geo';
import { readInclusion } from '../db/inclusion';
import type { ProjectFile } from '../db/project-file';
import { readCountyData } from '../db/queries';

export function exportTable(file: ProjectFile, kind: DataKind): DataTable {
  const villages = kind === 'villages' ? readGeography(file.db).villages : [];
  return dataTable(kind, { ...readCountyData(file.db), ...readInclusion(file.db), villages });
}
