import { describe, expect, it } from 'vitest';
import { kindOf, parseStat, ticksSince } from '../../bench/threads.ts';

describe('bench/threads', () => {
  it('reads a thread name with spaces and parentheses, and its user + system ticks', () => {
    const stat =
      '4242 (V8 Worker (2)) S 4200 4200 4200 0 -1 1077936192 5120 0 0 0 1234 567 0 0 20 0 9 0 ' +
      '100 1000000 2000 18446744073709551615';
    expect(parseStat(stat)).toEqual({ name: 'V8 Worker (2)', ticks: 1801 });
  });

  it('sorts threads into kinds by program and thread name', () => {
    expect(kindOf('MainThread', 100, 100, 'MainThread')).toBe('main');
    expect(kindOf('node', 100, 100, 'node')).toBe('main');
    expect(kindOf('MainThread', 100, 101, 'WorkerThread')).toBe('workers');
    expect(kindOf('MainThread', 100, 102, 'libuv-worker')).toBe('fs');
    expect(kindOf('MainThread', 100, 103, 'V8Worker')).toBe('v8');
    expect(kindOf('MainThread', 100, 104, 'DelayedTaskSche')).toBe('v8');
    expect(kindOf('pagefind_extend', 200, 200, 'pagefind_extend')).toBe('pagefind');
    expect(kindOf('pagefind_extend', 200, 201, 'tokio-rt-worker')).toBe('pagefind');
    expect(kindOf('MainThread', 100, 105, 'rolldown-worker')).toBe('other');
  });

  it("counts a thread's ticks since the last sample, and a reused thread id from zero", () => {
    expect(ticksSince(undefined, 40)).toBe(40);
    expect(ticksSince(40, 55)).toBe(15);
    expect(ticksSince(40, 40)).toBe(0);
    expect(ticksSince(40, 7)).toBe(7);
  });
});
