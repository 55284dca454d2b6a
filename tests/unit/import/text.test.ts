import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { largestRemainder } from '../../../shared/analysis/apportion';
import { parseAge, splitBands } from '../../../shared/import/ages';
import { decideEncoding, utf8Check } from '../../../shared/import/encoding';
import { chineseNumber, parseGrade, parseMetric, parseSex } from '../../../shared/import/grades';
import { compactText, normaliseHeader, normaliseName, columnLetter } from '../../../shared/import/normalise';
import { toSimplified } from '../../../shared/import/traditional';
import { parseCode, parseCount, parseNumber, parseYear } from '../../../shared/import/values';

describe('header text normalisation', () => {
  it('folds Traditional characters, full width and spaces', () => {
    expect(toSimplified('學校名稱')).toBe('学校名称');
    expect(normaliseHeader(' 學 校 名 稱 ').key).toBe('学校名称');
    expect(normaliseHeader('在校生合計（人）').key).toBe('在校生合计');
    expect(compactText('１２３　ＡＢ')).toBe('123AB');
    expect(normaliseName('東城街道')).toBe('东城街道');
  });

  it('takes units out of brackets and keeps bracketed words that are not units', () => {
    expect(normaliseHeader('占地面积（㎡）')).toMatchObject({ key: '占地面积', unit: 'm2' });
    expect(normaliseHeader('占地面积(亩)')).toMatchObject({ key: '占地面积', unit: 'mu' });
    expect(normaliseHeader('佔地面積（畝）')).toMatchObject({ key: '占地面积', unit: 'mu' });
    expect(normaliseHeader('教学仪器设备资产值【元】'.replace('【', '（').replace('】', '）'))).toMatchObject({ unit: 'yuan' });
    expect(normaliseHeader('校舍建筑面积平方米')).toMatchObject({ key: '校舍建筑面积', unit: 'm2' });
    expect(normaliseHeader('乡镇（街道）')).toMatchObject({ key: '乡镇街道', unit: null });
    expect(normaliseHeader('其中：女').key).toBe('其中女');
  });

  it('caps what it looks at, so a hostile cell costs nothing', () => {
    const long = 'a'.repeat(2_000_000);
    expect(normaliseHeader(long).compact.length).toBeLessThanOrEqual(120);
  });

  it('names columns as Excel does', () => {
    expect([0, 25, 26, 27, 701, 702, 16383].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA', 'XFD']);
  });
});

describe('grade names', () => {
  it('reads grade names under 六三制 and 五四制', () => {
    expect(parseGrade('一年级', '六三制')).toEqual({ stage: 'primary', grade: 1 });
    expect(parseGrade('1年级', '六三制')).toEqual({ stage: 'primary', grade: 1 });
    expect(parseGrade('七年级', '六三制')).toEqual({ stage: 'junior', grade: 1 });
    expect(parseGrade('七年级', '五四制')).toEqual({ stage: 'junior', grade: 2 });
    expect(parseGrade('六年级', '五四制')).toEqual({ stage: 'junior', grade: 1 });
    expect(parseGrade('初一学生数', '六三制')).toEqual({ stage: 'junior', grade: 1 });
    expect(parseGrade('初四', '六三制')).toBeNull();
    expect(parseGrade('初四', '五四制')).toEqual({ stage: 'junior', grade: 4 });
    expect(parseGrade('高一', '六三制')).toEqual({ stage: 'senior', grade: 1 });
    expect(parseGrade('十二年级', '六三制')).toEqual({ stage: 'senior', grade: 3 });
    expect(parseGrade('初中一年级', '六三制')).toEqual({ stage: 'junior', grade: 1 });
    expect(parseGrade('小班', '六三制')).toEqual({ stage: 'preschool', grade: 1 });
    expect(parseGrade('大班幼儿数', '六三制')).toEqual({ stage: 'preschool', grade: 3 });
    expect(parseGrade('中职一年级', '六三制')).toEqual({ stage: 'vocational', grade: 1 });
  });

  it('does not mistake other words for grades', () => {
    expect(parseGrade('大班额班级数', '六三制')).toBeNull();
    expect(parseGrade('高于规定学历教师', '六三制')).toBeNull();
    expect(parseGrade('高级中学', '六三制')).toBeNull();
    expect(parseGrade('托班', '六三制')).toBeNull();
    expect(chineseNumber('十二')).toBe(12);
  });

  it('reads metrics and sexes', () => {
    expect(parseMetric('一年级班数')).toBe('classes');
    expect(parseMetric('一年级学生数')).toBe('students');
    expect(parseMetric('一年级招生数')).toBeNull();
    expect(parseMetric('毕业生数')).toBeNull();
    expect(parseSex('男')).toBe('M');
    expect(parseSex('女生数')).toBe('F');
    expect(parseSex('其中：女'.replace('：', ''))).toBe('ofF');
  });
});

describe('values', () => {
  it('reads numbers stored as text, full width, with separators and units', () => {
    expect(parseNumber('１２３')).toEqual({ ok: true, value: 123 });
    expect(parseNumber('1,234')).toEqual({ ok: true, value: 1234 });
    expect(parseNumber('1，234')).toEqual({ ok: true, value: 1234 });
    expect(parseNumber(' 45人 ')).toEqual({ ok: true, value: 45 });
    expect(parseNumber('3.5万元')).toEqual({ ok: true, value: 3.5 });
    for (const empty of ['', '—', '——', '-', '--', '/', '／', '－', '无', 'N/A']) expect(parseNumber(empty)).toEqual({ ok: true, value: null });
    expect(parseNumber('abc')).toMatchObject({ ok: false, problem: 'NOT_A_NUMBER' });
    expect(parseNumber('1,23')).toMatchObject({ ok: false });
  });

  it('checks counts, years and codes', () => {
    expect(parseCount('45.0')).toEqual({ ok: true, value: 45 });
    expect(parseCount('45.5')).toMatchObject({ ok: false, problem: 'NOT_INTEGER' });
    expect(parseCount(-3)).toMatchObject({ ok: false, problem: 'NEGATIVE' });
    expect(parseYear('2024年')).toEqual({ ok: true, value: 2024 });
    expect(parseYear('2024-2025学年')).toEqual({ ok: true, value: 2024 });
    expect(parseYear(24)).toMatchObject({ ok: false });
    expect(parseCode(4199000001)).toEqual({ ok: true, value: '4199000001' });
    expect(parseCode("'0012")).toEqual({ ok: true, value: '0012' });
    expect(parseCode('12-34')).toMatchObject({ ok: false, problem: 'BAD_CODE' });
  });

  it('gives up on long text at once instead of scanning it', () => {
    expect(parseNumber('1'.repeat(1_000_000) + 'x')).toMatchObject({ ok: false, problem: 'TOO_LONG' });
  });
});

describe('ages and bands', () => {
  it('reads single ages, bands and open bands', () => {
    expect(parseAge('0岁')).toEqual({ from: 0, to: 0 });
    expect(parseAge('5')).toEqual({ from: 5, to: 5 });
    expect(parseAge(compactText('1－4岁'))).toEqual({ from: 1, to: 4 });
    expect(parseAge(compactText('5～9岁'))).toEqual({ from: 5, to: 9 });
    expect(parseAge('85岁及以上')).toEqual({ from: 85, to: null });
    expect(parseAge('100+')).toEqual({ from: 100, to: null });
    expect(parseAge('不满1岁')).toEqual({ from: 0, to: 0 });
    expect(parseAge('4-1岁')).toBeNull();
    expect(parseAge('合计')).toBeNull();
  });

  it('splits bands keeping every band total exactly, never negative', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 5 }), (counts, width) => {
        const bands = counts.map((count, i) => ({ from: 1 + i * width, to: i * width + width, count }));
        const ages = splitBands([{ from: 0, to: 0, count: 100 }, ...bands]);
        expect(ages.get(0)).toBe(100);
        for (const b of bands) {
          let sum = 0;
          for (let a = b.from; a <= b.to; a++) {
            const v = ages.get(a) ?? -1;
            expect(v).toBeGreaterThanOrEqual(0);
            expect(Number.isInteger(v)).toBe(true);
            sum += v;
          }
          expect(sum).toBe(b.count);
        }
      }),
    );
  });

  it('follows the neighbours: a falling population falls inside the band too', () => {
    const ages = splitBands([
      { from: 0, to: 4, count: 1000 },
      { from: 5, to: 9, count: 800 },
      { from: 10, to: 14, count: 600 },
    ]);
    const middle = [5, 6, 7, 8, 9].map((a) => ages.get(a) ?? 0);
    for (let i = 1; i < middle.length; i++) expect(middle[i]).toBeLessThanOrEqual(middle[i - 1] as number);
    expect(largestRemainder([1, 1, 1], 10)).toEqual([4, 3, 3]);
  });
});

describe('encoding', () => {
  const gbkBytes = Buffer.from([0xb3, 0xc7, 0xb9, 0xd8, 0xd5, 0xf2]);
  const utf8Bytes = Buffer.from('城关镇', 'utf8');

  it('tells UTF-8 from GBK and flags the wrong choice', () => {
    expect(utf8Check(utf8Bytes)).toEqual({ valid: true, nonAscii: true });
    expect(utf8Check(gbkBytes).valid).toBe(false);
    expect(decideEncoding(gbkBytes, 'auto')).toEqual({ encoding: 'gbk', mismatch: null });
    expect(decideEncoding(utf8Bytes, 'auto')).toEqual({ encoding: 'utf-8', mismatch: null });
    expect(decideEncoding(gbkBytes, 'utf-8').mismatch).toBe('GBK_AS_UTF8');
    expect(decideEncoding(utf8Bytes, 'gbk').mismatch).toBe('UTF8_AS_GBK');
    expect(decideEncoding(Buffer.from('a,b\n1,2'), 'gbk').mismatch).toBeNull();
  });
});
