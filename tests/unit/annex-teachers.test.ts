// 教师需求测算表 from a hand-made input: the county first, then each township; gap = demand −
// teachers in the base, target and outlook years; period figures in the notes.
import { describe, expect, it } from 'vitest';
import { teachersAnnex, type TeacherAnnexInput } from '../../shared/annex';

const input: TeacherAnnexInput = {
  years: [2025, 2026, 2027, 2028],
  baseYear: 2025,
  targetYear: 2027,
  outlookYear: 2028,
  county: [{ stage: 'primary', demand: [100, 104, 110, 90], supply: [95, 93, 91, 89], gap: [5, 11, 19, 1], unknownPosts: [0, 0, 0, 0] }],
  townships: [
    { name: '城关镇', rows: [{ stage: 'primary', demand: [70, 76, 84, 66], supply: [60, 59, 58, 57], gap: [10, 17, 26, 9], unknownPosts: [0, 0, 0, 0] }] },
    { name: '青山乡', rows: [{ stage: 'primary', demand: [30, 28, 26, 24], supply: [35, 34, 33, 32], gap: [-5, -6, -7, -8], unknownPosts: [0, 0, 0, 0] }] },
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

  it('a township whose schools have no staff record prints 未知, and the notes count the posts left out of 缺编', () => {
    const unknown = { stage: 'primary' as const, demand: [12, 12, 11, 10], supply: [null, null, null, null], gap: [null, null, null, null], unknownPosts: [12, 12, 11, 10] };
    const withUnknown: TeacherAnnexInput = {
      ...input,
      // County: 100 + 12 posts, of which 12 at the unknown school; the gap stays 100 − 95 = 5.
      county: [{ stage: 'primary', demand: [112, 116, 121, 100], supply: [95, 93, 91, 89], gap: [5, 11, 19, 1], unknownPosts: [12, 12, 11, 10] }],
      townships: [...input.townships, { name: '铁炉乡', rows: [unknown] }],
    };
    const b = teachersAnnex(withUnknown, { titlePrefix: '小河县', date: '2026年1月1日' });
    expect(b.table.rows.at(-1)?.cells).toEqual(['小学', 12, '未知', '未知', 11, '未知', '未知', 10, '未知', '未知']);
    expect(b.table.rows[1]?.cells).toEqual(['小学', 112, 95, 5, 121, 91, 19, 100, 89, 1]);
    expect(b.notes.join('')).toContain('其编制需求（2025年 12 人、2027年 11 人、2028年 10 人）计入编制需求，不计入缺编');
    expect(a.notes.join('')).not.toContain('现有教师未知');
  });
});
