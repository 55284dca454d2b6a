// lib/ownTasks.ts: each queued piece runs in a task of its own, in order; one dropped before its
// turn never runs; the count of pieces waiting is what a page built ahead waits on.
import { describe, expect, it } from 'vitest';
import { inOwnTask, ownTasksPending } from '../../../renderer/src/lib/ownTasks';

const drained = () =>
  new Promise<void>((resolve) => {
    const check = () => (ownTasksPending() === 0 ? resolve() : setTimeout(check, 1));
    check();
  });

describe('inOwnTask', () => {
  it('runs each piece in a task of its own, in the order queued', async () => {
    const order: string[] = [];
    inOwnTask(() => {
      order.push('a');
      // Work the first piece leaves for right after it (React's effects, a promise's callbacks):
      // run before the next piece, which a piece run in the same task would not allow.
      queueMicrotask(() => order.push('a: after'));
    });
    inOwnTask(() => order.push('b'));
    expect(order).toEqual([]);
    expect(ownTasksPending()).toBe(2);
    await drained();
    expect(order).toEqual(['a', 'a: after', 'b']);
  });

  it('drops a piece cancelled before its turn, and counts only those still waiting', async () => {
    const ran: string[] = [];
    inOwnTask(() => ran.push('kept'));
    const cancel = inOwnTask(() => ran.push('dropped'));
    cancel();
    expect(ownTasksPending()).toBe(1);
    await drained();
    expect(ran).toEqual(['kept']);
    cancel();
    expect(ownTasksPending()).toBe(0);
  });
});
