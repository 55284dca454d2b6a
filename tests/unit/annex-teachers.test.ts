// 教师需求测算表 from a hand-made input: the county first, then each township; gap = demand −
// teachers in the base, target and outlook years; period figures in the notes.
import { describe, expect, it } from 'vitest';
import { teachersAnnex, type TeacherAnnexInput } from '../../shared/annex';

const input: TeacherAnnexInput = {
  years: [2025, 2026, 2027, 2028],
  baseYear: 2025,
  targetYear: 2027,
  outlookYear: 2028,
  county: [{ stage: 'primary', demand: [100, 104, 110, 90], supply: [95, 93, 91, 89] }],
  townships: [
    { name: '城关镇', rows: [{ stage: 'primary', demand: [70, 76, 84, 66], supply: [60, 59, 58, 57] }] },
    { name: '青山乡', rows: [{ stage: 'primary', demand: [30, 28, 26, 24], supply: [35, 34, 33, 32] }] },
  ],
  period: [{ stage: 'primary', freed: 3, forNew: 11, hired: 0 }],
  basis: ['编制需求：小学 1:19。'],
};

describe('teachersAnnex', () => {
  const a = teachersAnnex(input, { titlePrefix: '小河县', date: '2026年1月1日' });

  it('titles and frames the table', () => {
    expect(a).toMatchObject({ kind: 'teachers', title: '小河县教师需求测算表', unit: '人', paper: 'A4 portrait' });
    expect(a.table.columns.map((c) => c.group ?? null)).toEqual([null, '2025年（基准年）', '2025年（基准年）', '2025年（基准年）', '2027年（目标年）', '2027年（目标年）', '2027年（目标年）', '2028年（展望年）', '2028年（展望年）', '2028年（展望年）']);
  });

  it('prints demand, teachers and gap for the three years, county first', () => {
    expect(a.table.rows.map((r) => [r.kind, ...r.cells])).toEqual([
      ['group', '一、全县'],
      ['total', '小学', 100, 95, 5, 110, 91, 19, 90, 89, 1],
      ['group', '二、城关镇'],
      ['data', '小学', 70, 60, 10, 84, 58, 26, 66, 57, 9],
      ['group', '三、青山乡'],
      ['data', '小学', 30, 35, -5, 26, 33, -7, 24, 32, -8],
    ]);
  });

  it('notes the basis and the period figures', () => {
    expect(a.notes).toContain('编制需求：小学 1:19。');
    expect(a.notes.at(-1)).toBe('规划期内（2026—2027年）：小学撤并腾出 3 人、新建学校需配 11 人、补充 0 人。');
  });
});
