// SQLite has no ICU, so Chinese names are ordered here (pinyin order under zh-CN).
const collator = new Intl.Collator('zh-CN', { numeric: true });

export function compareZh(a: string, b: string): number {
  return collator.compare(a, b);
}
