// An empty project takes its townships from its first file without asking; once it has
// townships, an unknown name is refused with the offer to create it (a typo guard). Created
// townships are classed from their names: 街道, 城关镇 and the county seat are 城区.
import { describe, expect, it } from 'vitest';
import { analyseSheet, planImport, type GridCell, type ValidateContext } from '../../../shared/import';
import { newTownshipShape } from '../../../shared/import/townships';
import { context, recogniseCtx, sheet } from './grids';

function plan(rows: GridCell[][], over: Partial<ValidateContext>) {
  const grid = sheet(rows);
  const a = analyseSheet('schools', grid, recogniseCtx);
  if (!a.header) throw new Error('no header');
  return planImport('schools', grid, a, a.columns, context(over));
}

const FILE: GridCell[][] = [
  ['学校名称', '乡镇', '一年级班数', '一年级学生数'],
  ['城关一小', '城关镇', 2, 90],
  ['东街小学', '东街街道', 2, 80],
  ['青山小学', '青山乡', 1, 30],
  ['新城小学', '新城镇', 1, 40],
];

describe('the first file of an empty project', () => {
  it('creates its townships without being asked, as information, and lists them', () => {
    const p = plan(FILE, { townships: [], schools: [], staff: [], createTownships: false, countySeat: '新城镇' });
    expect(p.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(p.counts).toMatchObject({ rowsImported: 4, rowsRejected: 0 });
    expect(p.newTownships.map((t) => [t.name, t.kind, t.urbanRural])).toEqual([
      ['城关镇', '镇', '城区'],
      ['东街街道', '街道', '城区'],
      ['青山乡', '乡', '乡村'],
      ['新城镇', '镇', '城区'],
    ]);
    expect(p.issues.filter((i) => i.code === 'TOWNSHIP_FROM_FIRST_FILE')).toHaveLength(4);
    expect(p.summary).toContainEqual(['新建乡镇（街道）', '4 个：城关镇（城区）、东街街道（城区）、青山乡（乡村）、新城镇（城区）']);
  });

  it('refuses an unknown name once the project has townships, offering to create it', () => {
    const p = plan([FILE[0] as GridCell[], ['青山小学', '青衫乡', 1, 30]], { createTownships: false });
    expect(p.issues.find((i) => i.code === 'UNKNOWN_TOWNSHIP')?.message).toMatch(/新建表中出现的未知乡镇/);
    expect(p.newTownships).toEqual([]);
  });

  it('classes names: 街道 and 办事处 城区, 城关 城区, 乡 乡村, other towns 镇区', () => {
    expect(newTownshipShape('城关')).toEqual({ kind: '镇', urbanRural: '城区' });
    expect(newTownshipShape('城南办事处')).toEqual({ kind: '街道', urbanRural: '城区' });
    expect(newTownshipShape('河口镇')).toEqual({ kind: '镇', urbanRural: '镇区' });
    expect(newTownshipShape('河口镇', '河口')).toEqual({ kind: '镇', urbanRural: '城区' });
    expect(newTownshipShape('石门乡')).toEqual({ kind: '乡', urbanRural: '乡村' });
  });
});
