// Which text encoding a CSV is in: UTF-8 (with or without BOM) or GBK/GB18030, as Chinese
// Windows and WPS save it. Byte-level and linear.
export type TextEncoding = 'utf-8' | 'gbk';
export type EncodingChoice = TextEncoding | 'auto';

export const ENCODING_LABEL: Record<EncodingChoice, string> = { auto: '自动识别', 'utf-8': 'UTF-8', gbk: 'GBK（GB18030）' };

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** Strict UTF-8 validity; also says whether any non-ASCII text was seen. */
export function utf8Check(bytes: Uint8Array): { valid: boolean; nonAscii: boolean } {
  let nonAscii = false;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    nonAscii = true;
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return { valid: false, nonAscii };
    // A sequence cut off at the end of a buffer sample is not evidence against UTF-8.
    if (i + need >= n) return { valid: true, nonAscii };
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) return { valid: false, nonAscii };
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { valid: false, nonAscii };
    i += need + 1;
  }
  return { valid: true, nonAscii };
}

export interface EncodingDecision {
  encoding: TextEncoding;
  /** Set when the planner's choice does not fit the bytes: the Chinese explanation. */
  mismatch: keyof typeof MOJIBAKE_MESSAGE | null;
}

export function decideEncoding(bytes: Uint8Array, choice: EncodingChoice): EncodingDecision {
  if (hasUtf8Bom(bytes)) {
    return { encoding: 'utf-8', mismatch: choice === 'gbk' ? 'UTF8_AS_GBK' : null };
  }
  const { valid, nonAscii } = utf8Check(bytes);
  const detected: TextEncoding = valid ? 'utf-8' : 'gbk';
  if (choice === 'auto') return { encoding: detected, mismatch: null };
  if (choice === 'utf-8' && !valid) return { encoding: 'utf-8', mismatch: 'GBK_AS_UTF8' };
  if (choice === 'gbk' && valid && nonAscii) return { encoding: 'gbk', mismatch: 'UTF8_AS_GBK' };
  return { encoding: choice, mismatch: null };
}

export const MOJIBAKE_MESSAGE: Record<'GBK_AS_UTF8' | 'UTF8_AS_GBK', string> = {
  GBK_AS_UTF8:
    '文件不是 UTF-8 编码：按 UTF-8 读取会出现乱码。它很可能是 GBK（GB18030）编码的 CSV（中文 Windows 的 Excel、WPS 默认如此）。请把“文件编码”改为“GBK”或“自动识别”后重新读取。',
  UTF8_AS_GBK:
    '文件是 UTF-8 编码：按 GBK 读取会出现乱码（如“鍩庡叧闀”之类的怪字）。请把“文件编码”改为“UTF-8”或“自动识别”后重新读取。',
};
