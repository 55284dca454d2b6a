// 城区 or not picks the series of a norm a school takes (生均用地, the standard class counts of
// a new school, the size of a 配套学校): the norms give one series for 城区 and one for
// 镇区及乡村. The rule is written here once (docs/ARCHITECTURE.md, "城区 or not").
import type { Township } from './model';

/** Whether the township is 城区; 镇区 and 乡村 are not. */
export function isUrban(township: Pick<Township, 'urbanRural'>): boolean {
  return township.urbanRural === '城区';
}

/**
 * The codes of the 城区 townships among `townships`. A code the list does not hold is a
 * township of unknown 城乡分类: it is not in the set, so it takes the 镇区及乡村 series — the
 * one that asks for more land per pupil, so an unknown township never shrinks a site.
 */
export function urbanTownshipCodes(townships: readonly Pick<Township, 'code' | 'urbanRural'>[]): ReadonlySet<string> {
  return new Set(townships.filter(isUrban).map((t) => t.code));
}
