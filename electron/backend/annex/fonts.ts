// Fonts of GB/T 9704-2012 with what the planner's machine may have instead. Only system
// fonts are named: the app never downloads or embeds a font.

const quote = (names: readonly string[]) => names.map((n) => (/^[a-z-]+$/.test(n) ? n : `"${n}"`)).join(', ');

/** 附件N label and table headers: 黑体. */
export const HEI_FONTS = ['SimHei', '黑体', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'sans-serif'] as const;
export const HEI_STACK = quote(HEI_FONTS);

/** Titles: 方正小标宋, falling back to 黑体, then a Song face. */
export const TITLE_FONTS = [
  'FZXiaoBiaoSong-B05S',
  '方正小标宋简体',
  '方正小标宋_GBK',
  'SimHei',
  '黑体',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'SimSun',
  '宋体',
  'Noto Serif CJK SC',
  'serif',
] as const;
export const TITLE_STACK = quote(TITLE_FONTS);

/** Table text: 仿宋 or 宋体; digits in Times New Roman as government documents set them. */
export const BODY_FONTS = [
  'Times New Roman',
  'FangSong',
  '仿宋',
  'FangSong_GB2312',
  '仿宋_GB2312',
  'SimSun',
  '宋体',
  'Noto Serif CJK SC',
  'Source Han Serif SC',
  'serif',
] as const;
export const BODY_STACK = quote(BODY_FONTS);

/** Page numbers: 4号半角宋体. */
export const PAGE_NUMBER_STACK = quote(['Times New Roman', 'SimSun', '宋体', 'Noto Serif CJK SC', 'serif']);

/** Names written into XLSX and DOCX, which take one font per script, not a list. */
export const OFFICE_FONTS = {
  hei: '黑体',
  title: '方正小标宋简体',
  body: '仿宋',
  song: '宋体',
  latin: 'Times New Roman',
} as const;
