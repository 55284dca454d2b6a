import { dataTable, type DataKind, type DataTable } from '../../../shared/templates/layouts';
import { readInclusion } from '../db/inclusion';
import type { ProjectFile } from '../db/project-file';
import { readCountyData } from '../db/queries';

export function exportTable(file: ProjectFile, kind: DataKind): DataTable {
  return dataTable(kind, { ...readCountyData(file.db), ...readInclusion(file.db) });
}
