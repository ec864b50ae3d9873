import { describe, expect, test } from 'vitest';
import { each } from '../../../src/shard/each.ts';

const tick = () => new Promise((done) => setTimeout(done, 5));

describe('each', () => {
  test('should run every item, at most `limit` at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await each([1, 2, 3, 4, 5], 2, async (n) => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      done.push(n);
      running -= 1;
    });
    expect(done.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(most).toBe(2);
  });

  test('should start nothing after a failure, and throw once the tasks under way finish', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const run = each([1, 2, 3, 4, 5], 2, async (n) => {
      started.push(n);
      if (n === 1) throw new Error('task 1 failed');
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('task 1 failed');
    // 2 was under way when 1 failed: it finished before the failure was thrown.
    expect(started).toEqual([1, 2]);
    expect(finished).toEqual([2]);
  });
});
