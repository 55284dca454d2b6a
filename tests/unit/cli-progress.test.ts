// The CLI's progress line: rewritten in place on a terminal with an estimate of the rest,
// nothing at all on a pipe (a log or `| jq` sees only the command's own output).
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { elapsedLine, progressLine } from '../../electron/cli/progress';
import { remainingText } from '../../shared/annex/progress';

function stream(tty: boolean): { out: NodeJS.WriteStream; text: () => string } {
  const s = new PassThrough();
  const chunks: string[] = [];
  s.on('data', (c: Buffer) => chunks.push(c.toString()));
  Object.assign(s, { isTTY: tty });
  return { out: s as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}

describe('progress line', () => {
  it('estimates the rest from the average step so far', () => {
    expect(remainingText(0, 0, 5)).toBe('');
    expect(remainingText(4000, 2, 5)).toBe('，预计还需约 6 秒');
    expect(remainingText(4000, 5, 5)).toBe('');
  });

  it('rewrites one line on a terminal and clears it at the end', async () => {
    const { out, text } = stream(true);
    let t = 0;
    const p = progressLine(out, () => t);
    p.step(0, 3, '正在生成学校基本情况表');
    t = 2000;
    p.step(1, 3, '正在写出 附件.pdf');
    p.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('\r\x1b[2K[1/3] 正在生成学校基本情况表\r\x1b[2K[2/3] 正在写出 附件.pdf，预计还需约 4 秒\r\x1b[2K');
  });

  it('shows a caller’s own wording in place (the geography import’s stage and estimate)', async () => {
    const { out, text } = stream(true);
    const p = progressLine(out);
    p.show('读取文件 3%');
    p.show('检查边界线是否交叉 62%，预计还需约 5 秒');
    p.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('\r\x1b[2K读取文件 3%\r\x1b[2K检查边界线是否交叉 62%，预计还需约 5 秒\r\x1b[2K');
  });

  it('writes nothing on a pipe', async () => {
    const { out, text } = stream(false);
    const p = progressLine(out);
    p.step(0, 2, '正在生成');
    p.show('读取文件 3%');
    p.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('');
  });

  it('for one long call, says what runs and the time so far, every second, then clears the line', async () => {
    const { out, text } = stream(true);
    let t = 0;
    const line = elapsedLine('正在导入 学校.xlsx', out, () => t, 20);
    t = 3000;
    await new Promise((r) => setTimeout(r, 35));
    line.end();
    await new Promise((r) => setImmediate(r));
    const frames = text().split('\r\x1b[2K').filter(Boolean);
    expect(frames[0]).toBe('正在导入 学校.xlsx（已用 0 秒，按 Ctrl+C 取消，不会写入任何数据）');
    expect(frames.at(-1)).toBe('正在导入 学校.xlsx（已用 3 秒，按 Ctrl+C 取消，不会写入任何数据）');
    expect(text().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('for one long call, writes nothing on a pipe', async () => {
    const { out, text } = stream(false);
    const line = elapsedLine('正在导入', out, Date.now, 5);
    await new Promise((r) => setTimeout(r, 20));
    line.end();
    await new Promise((r) => setImmediate(r));
    expect(text()).toBe('');
  });
});
