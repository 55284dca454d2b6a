// Accuracy on a real panel (tests/fixtures/real/nyc-elementary), per horizon and level:
// the engine against last year's value and each school's straight line, from every base year.
//   npx tsx tests/bench/projection-accuracy.ts [panel.csv written by convert.mjs]
import { performance } from 'node:perf_hooks';
import { parseSettings } from '../../shared/projection';
import { nycElementary } from '../fixtures/real/nyc-elementary';
import { formatAccuracy, rollingAccuracy } from '../helpers/rolling-accuracy';

export function benchProjectionAccuracy(file?: string): void {
  const data = nycElementary(file);
  const t0 = performance.now();
  const rows = rollingAccuracy(data, parseSettings({}));
  const ms = performance.now() - t0;
  console.log(`\n预测准确度（真实面板：${data.schools.length} 所小学，${data.townships.length} 个学区，平均绝对百分比误差）`);
  console.log(formatAccuracy(rows));
  console.log(`  比值 = 本程序 ÷ 沿用上年；区间覆盖 = 实际值落在 80% 预测区间内的比例；${rows.filter((r) => r.level === 'school' && r.h === 1)[0]?.origins ?? 0} 个基准年的回测共用时 ${ms.toFixed(0)} ms`);
}

if (process.argv[1]?.endsWith('projection-accuracy.ts')) benchProjectionAccuracy(process.argv[2]);
