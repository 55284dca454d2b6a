// Validation messages reach the planner: Chinese, naming the field, never zod's English.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend';
import { tempDir } from '../helpers/temp';

const backend = createBackend({ dataDir: path.join(tempDir(), 'data'), shell: 'browser' });
afterAll(() => backend.close());

async function message(method: string, input: unknown): Promise<string> {
  const res = await backend.dispatch(method, input);
  expect(res.ok).toBe(false);
  return res.ok ? '' : res.error.message;
}

describe('invalid input', () => {
  it('is described in Chinese, naming the field', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['app.home', { evil: 1 }, /不认识的字段.*evil/],
      ['project.open', { path: 42 }, /path.*应为文字/],
      ['project.open', {}, /path.*缺少/],
      ['backups.create', { reason: 'x'.repeat(41) }, /reason.*最多 40 个字/],
      ['project.open', null, /参数有误/],
    ];
    for (const [method, input, expected] of cases) {
      const text = await message(method, input);
      expect(text).toMatch(expected);
      // Field names aside, no English words.
      expect(text.replace(/“[^”]*”|[A-Za-z_.]+(?=：)|evil|path|reason/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});
