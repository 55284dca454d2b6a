// `npm run soak`: the random-input test of every API method (tests/helpers/api-fuzz.ts), round
// after round with fresh seeds, for SOAK_SECONDS (default 300). Exits 1 on the first failure,
// printing the seed and the input that failed.
import { fuzzCounty, fuzzMethod, METHODS } from '../helpers/api-fuzz';

const seconds = Number(process.env.SOAK_SECONDS ?? 300);
if (!Number.isFinite(seconds) || seconds <= 0) throw new Error('SOAK_SECONDS 应为正数');
const deadline = Date.now() + seconds * 1000;

async function main(): Promise<void> {
  const county = await fuzzCounty();
  let calls = 0;
  let rounds = 0;
  try {
    while (Date.now() < deadline) {
      for (const method of METHODS) {
        if (Date.now() >= deadline) break;
        const seed = Math.floor(Math.random() * 2 ** 31);
        try {
          await fuzzMethod(county, method, 100, seed);
        } catch (err) {
          console.error(`失败：${method}（seed ${seed}）\n${(err as Error).message}`);
          process.exitCode = 1;
          throw err;
        }
        calls += 100;
      }
      rounds++;
      console.log(`第 ${rounds} 轮完成：累计 ${calls} 次调用`);
    }
  } finally {
    county.backend.close();
  }
  console.log(`完成：${calls} 次随机调用，${METHODS.length} 个方法，项目文件完好。`);
}

void main().catch(() => {
  process.exitCode = 1;
});
