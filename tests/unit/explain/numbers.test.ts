import { describe, expect, it } from 'vitest';
import { NUMBER_HELP, numberHelpLines, type NumberKey } from '../../../shared/explain/numbers';
import { STANDARDS } from '../../../shared/standards';

describe('number help registry', () => {
  it('gives every number its definition, formula, standard and data origin, in Chinese', () => {
    for (const key of Object.keys(NUMBER_HELP) as NumberKey[]) {
      const lines = numberHelpLines(key);
      expect(lines.map((l) => l.slice(0, l.indexOf('：')))).toEqual(['含义', '算法', '依据', '数据来源']);
      for (const line of lines) expect(line, key).toMatch(/[\u4e00-\u9fff]/);
      expect(lines[3], key).toMatch(/^数据来源：(导入数据|程序估算|假定值)（/);
    }
  });

  it('cites the 大班额 standard with its document number and the limits the count uses', () => {
    const lines = numberHelpLines('overview.largeClasses');
    expect(lines[0]).toContain(`${STANDARDS.largeClass.value} 人`);
    expect(lines[0]).toContain(`${STANDARDS.oversizedClass.value} 人`);
    expect(lines[2]).toContain('国发〔2016〕40号');
  });

  it('says when no national standard is involved instead of leaving the line empty', () => {
    expect(numberHelpLines('overview.students')[2]).toBe('依据：无国家标准，按统计口径计算');
  });

  it('cites the standards behind the 规划 summary: the 大班额 document and the seat warning levels', () => {
    expect(numberHelpLines('plan.largeClasses')[2]).toContain('国发〔2016〕40号');
    expect(numberHelpLines('plan.largeClasses')[0]).toContain(`${STANDARDS.largeClass.value} 人`);
    expect(numberHelpLines('plan.redCells')[2]).toBe(`依据：${STANDARDS.seatLevels.source}`);
    expect(numberHelpLines('plan.peakGap')[3]).toMatch(/^数据来源：程序估算（/);
  });
});

describe('number help on 预测 and 规划', () => {
  it('cites the norms from shared/standards word for word, not retyped', () => {
    expect(numberHelpLines('balance.cv')[2]).toBe(`依据：${STANDARDS.balanceCvLimit.source}`);
    expect(numberHelpLines('plan.utilisation')[2]).toBe(`依据：${STANDARDS.seatLevels.source}`);
    expect(numberHelpLines('teachers.demand')[2]).toContain(STANDARDS.studentsPerTeacher.source);
    expect(numberHelpLines('teachers.demand')[2]).toContain('中央编办发〔2014〕72号');
    expect(numberHelpLines('forecast.classes')[2]).toContain('GB 50099-2011');
    expect(numberHelpLines('plan.sizeLimit')[2]).toContain('教督〔2017〕6号');
  });

  it('gives each 优质均衡 indicator its own thresholds for primary and junior schools', () => {
    const { primary, junior } = STANDARDS.balance.value;
    expect(numberHelpLines('balance.teachingArea')[0]).toContain(`小学 ${primary.teachingArea} ㎡、初中 ${junior.teachingArea} ㎡`);
    expect(numberHelpLines('balance.equipment')[0]).toContain(`小学 ${primary.equipment} 元、初中 ${junior.equipment} 元`);
  });

  it('tells a recorded figure from a projected one and an entered one by its origin', () => {
    expect(numberHelpLines('forecast.actual')[3]).toMatch(/^数据来源：导入数据（/);
    expect(numberHelpLines('forecast.school')[3]).toMatch(/^数据来源：程序估算（/);
    expect(numberHelpLines('projects.investment')[3]).toMatch(/^数据来源：假定值（/);
  });
});
