import { afterEach, describe, expect, test, vi } from 'vitest';
import { progressWanted, startProgress } from '../../../src/ingest/progress.ts';

describe('progress', () => {
  const tty = process.stderr.isTTY;
  afterEach(() => {
    vi.unstubAllEnvs();
    process.stderr.isTTY = tty;
  });

  test('should want a bar on a terminal outside CI only', () => {
    process.stderr.isTTY = true;
    vi.stubEnv('CI', '');
    expect(progressWanted()).toBe(true);
    vi.stubEnv('CI', 'false');
    expect(progressWanted()).toBe(true);
    vi.stubEnv('CI', 'true');
    expect(progressWanted()).toBe(false);
    vi.stubEnv('CI', '');
    process.stderr.isTTY = false;
    expect(progressWanted()).toBe(false);
  });

  test('should print nothing when disabled', () => {
    const write = vi.spyOn(process.stderr, 'write');
    const progress = startProgress(3, false);
    progress.tick('2024-05-01/01.txt');
    progress.stop();
    expect(write).not.toHaveBeenCalled();
    write.mockRestore();
  });
});
