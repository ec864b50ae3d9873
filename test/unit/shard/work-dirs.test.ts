import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { WORK_DIR, openRunDir, sweepWorkDirs } from '../../../src/shard/work-dirs.ts';

/** The id of a process that has ended. */
function endedPid(): number {
  return spawnSync(process.execPath, ['-e', ''], { stdio: 'ignore' }).pid;
}

/** A directory `name` in `work` holding one file, as a part build leaves it. */
function leftOver(work: string, name: string): void {
  mkdirSync(join(work, name, '.astro'), { recursive: true });
  writeFileSync(join(work, name, '.astro', 'chunk.mjs'), 'export {};\n');
}

describe('sweepWorkDirs', () => {
  test('removes the directories of runs that are over and of the old layout, keeps live runs', async () => {
    const work = mkdtempSync(join(tmpdir(), 'folio-work-'));
    const ended = endedPid();
    leftOver(work, `run-${ended}-AbC123`);
    leftOver(work, `run-${process.pid}-XyZ789`);
    leftOver(work, '2019-Qw3rTy');

    expect(await sweepWorkDirs(work)).toEqual(['2019-Qw3rTy', `run-${ended}-AbC123`]);
    expect(readdirSync(work)).toEqual([`run-${process.pid}-XyZ789`]);
  });

  test('a work directory not made yet holds nothing to remove', async () => {
    const work = join(mkdtempSync(join(tmpdir(), 'folio-work-')), 'missing');
    expect(await sweepWorkDirs(work)).toEqual([]);
    expect(existsSync(work)).toBe(false);
  });
});

describe('openRunDir', () => {
  test("makes the run's directory and its parts' inside it, and removes them on close", async () => {
    const root = mkdtempSync(join(tmpdir(), 'folio-root-'));
    const work = join(root, WORK_DIR);
    leftOver(work, `run-${endedPid()}-AbC123`);

    const run = await openRunDir(root);
    expect(dirname(run.dir)).toBe(work);
    expect(basename(run.dir)).toMatch(new RegExp(`^run-${process.pid}-.{6}$`));
    expect(readdirSync(work)).toEqual([basename(run.dir)]);

    const first = await run.forPart('2019');
    const second = await run.forPart('global');
    expect(dirname(first)).toBe(run.dir);
    expect(basename(first)).toMatch(/^2019-.{6}$/);
    expect(basename(second)).toMatch(/^global-.{6}$/);
    expect(readdirSync(first)).toEqual([]);

    await run.close();
    expect(readdirSync(work)).toEqual([]);
  });
});
