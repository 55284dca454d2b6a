// The township of a data row that names it in a name and/or a code column (births, population).
// A 合计 row and a row of an unknown township the planner chose not to create are skipped, not
// rejected; a row without a township, or naming one the resolver refused, is an error on the row.
import type { MappedColumn } from './columns';
import { shownValue } from './normalise';
import type { ImportCounts } from './plan';
import type { TownshipResolver } from './resolve-township';
import type { RowReader } from './row-reader';

/** The township's code; 'skip' for a row to pass over (counted as skipped); null for a row in error. */
export function rowTownship(
  reader: RowReader,
  resolver: TownshipResolver,
  nameCol: MappedColumn | undefined,
  codeCol: MappedColumn | undefined,
  counts: Pick<ImportCounts, 'rowsSkipped'>,
): string | 'skip' | null {
  const name = reader.name(nameCol, '乡镇名称');
  const code = reader.code(codeCol, '乡镇代码');
  const found = resolver.resolve(name, code, reader.at(nameCol ?? codeCol));
  if (found.ok) return found.code;
  switch (found.reason) {
    case 'total':
      counts.rowsSkipped++;
      reader.info('TOTAL_ROW_SKIPPED', `“${shownValue(name)}”是合计行，已跳过。`, nameCol);
      return 'skip';
    case 'skipped':
      counts.rowsSkipped++;
      return 'skip';
    case 'missing':
      reader.error('MISSING_TOWNSHIP', '缺少乡镇（街道）名称。请填写，或删除此行。', nameCol ?? codeCol);
      return null;
    case 'unknown':
      reader.markError();
      return null;
  }
}
