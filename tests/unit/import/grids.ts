// Small grids and project contexts for the import unit tests.
import type { Township } from '../../../shared/domain';
import { TownshipIndex, type GridCell, type SheetGrid, type ValidateContext } from '../../../shared/import';
import type { CellRange } from '../../../shared/import/grid';
import { tinyCounty } from '../../fixtures/tiny-county';

export function sheet(rows: GridCell[][], merges: CellRange[] = [], name = 'Sheet1'): SheetGrid {
  return { name, rows, merges };
}

export const townships: Township[] = tinyCounty().townships;

export const recogniseCtx = { system: '六三制' as const, townships: new TownshipIndex(townships) };

export function context(over: Partial<ValidateContext> = {}): ValidateContext {
  const county = tinyCounty();
  return {
    sheet: 'Sheet1',
    fileName: '测试.xlsx',
    system: '六三制',
    countyCode: '990999',
    year: 2025,
    townships: county.townships,
    schools: county.schools,
    staff: county.staff,
    enrolmentTotals: new Map(),
    createTownships: false,
    skipInvalidRows: false,
    ...over,
  };
}
