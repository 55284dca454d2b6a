// Census age columns: the band in any spelling, the sex before or after it with any separator.
import { describe, expect, it } from 'vitest';
import { parseAgeHeader } from '../../../shared/import/ages';
import { normaliseHeader } from '../../../shared/import/normalise';

const parse = (h: string) => parseAgeHeader(normaliseHeader(h).compact);

describe('census age headers', () => {
  it.each([
    ['1-4岁', 1, 4, null],
    ['1～4岁', 1, 4, null],
    ['1—4岁', 1, 4, null],
    ['1至4岁', 1, 4, null],
    ['男_1到4岁', 1, 4, 'M'],
    ['0-4岁合计', 0, 4, null],
    ['合计_0岁', 0, 0, null],
    ['85岁及以上_女', 85, null, 'F'],
    ['女(100岁以上)', 100, null, 'F'],
    ['女（100岁以上）', 100, null, 'F'],
    ['男 5-9岁', 5, 9, 'M'],
    ['5-9岁-男', 5, 9, 'M'],
    ['5-9岁合计_男', 5, 9, 'M'],
    ['[女] 10到14岁', 10, 14, 'F'],
  ])('%s', (header, from, to, sex) => {
    expect(parse(header)).toEqual({ span: { from, to }, sex });
  });

  it.each(['人口数_合计', '城镇人口', '家庭户数', '6岁及以上人口_小学_男', '0-14岁人口占比', '性别比（女=100）'])('%s is not an age', (h) => {
    expect(parse(h)).toBeNull();
  });
});
