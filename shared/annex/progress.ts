// The estimate a long annex export shows while it runs (附件 page and `cli annex`): the
// average step so far times the steps left. Steps are annexes, which differ in size, so
// the estimate is rough and says 约.

export function remainingText(elapsedMs: number, done: number, total: number): string {
  if (done === 0) return '';
  const seconds = Math.ceil(((elapsedMs / done) * (total - done)) / 1000);
  return seconds > 0 ? `，预计还需约 ${seconds} 秒` : '';
}
