// How long a township or school name may be. Names are stored whole or not at all: a name
// cut to fit would no longer match the same name in next year's file.
import { z } from 'zod';

/**
 * Longest township or school name stored, in characters. Official 乡镇/街道 names run to
 * about 15 characters and school names with a campus suffix to about 40; a cell longer than
 * this is a wrong column or a merged note, and is refused with a message naming it.
 */
export const MAX_NAME_LENGTH = 100;

export const nameSchema = z.string().max(MAX_NAME_LENGTH);

/** Why a name was refused: its length and the limit, in Chinese. */
export function nameTooLongMessage(what: string, length: number): string {
  return `${what}共 ${length} 字，超过名称的上限 ${MAX_NAME_LENGTH} 字。名称不会被截短保存；请核对是否选错了列，或缩短名称后重新导入。`;
}
