import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { folioOutput, linkPageCopies, PAGE_COPIES } from '../../src/site/output-dir.ts';

let work: string;
let cache: string;
let out: string;
const logger = { warn: vi.fn(), info: vi.fn() };

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'folio-output-'));
  cache = join(work, 'cache');
  out = join(work, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'home');
  logger.warn.mockClear();
});

describe('linkPageCopies', () => {
  test('should make the copies a relative link to the output: a copy written is the page', async () => {
    await linkPageCopies(cache, out, logger);
    expect(readlinkSync(join(cache, PAGE_COPIES))).toBe('../dist');
    expect(readFileSync(join(cache, PAGE_COPIES, 'index.html'), 'utf8')).toBe('home');
    expect(logger.warn).not.toHaveBeenCalled();
  });

  test('should replace a directory of copies, and leave the output as it is', async () => {
    mkdirSync(join(cache, PAGE_COPIES, '2024-05-02'), { recursive: true });
    writeFileSync(join(cache, PAGE_COPIES, '2024-05-02/index.html'), 'an old copy');
    await linkPageCopies(cache, out, logger);
    expect(lstatSync(join(cache, PAGE_COPIES)).isSymbolicLink()).toBe(true);
    expect(existsSync(join(out, '2024-05-02'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('home');
  });

  test('should point a link at another output to this one, and not touch the other', async () => {
    const other = join(work, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'index.html'), 'other home');
    mkdirSync(cache);
    symlinkSync('../other', join(cache, PAGE_COPIES));
    await linkPageCopies(cache, out, logger);
    expect(readlinkSync(join(cache, PAGE_COPIES))).toBe('../dist');
    expect(readFileSync(join(other, 'index.html'), 'utf8')).toBe('other home');
  });

  test('should leave a link that already points at the output', async () => {
    await linkPageCopies(cache, out, logger);
    const before = lstatSync(join(cache, PAGE_COPIES)).ino;
    await linkPageCopies(cache, out, logger);
    expect(lstatSync(join(cache, PAGE_COPIES)).ino).toBe(before);
  });
});

/** An integration hook, called with the options a test gives it. */
type Hook = (options: Record<string, unknown>) => Promise<void> | void;

describe('folioOutput', () => {
  test('should fail a build whose pages Astro removed after writing them', async () => {
    const { prepare } = folioOutput();
    const configDone = prepare.hooks['astro:config:done'] as unknown as Hook;
    const buildDone = prepare.hooks['astro:build:done'] as unknown as Hook;
    await configDone({
      config: {
        outDir: pathToFileURL(`${out}/`),
        publicDir: pathToFileURL(join(work, 'public/')),
        cacheDir: pathToFileURL(`${cache}/`),
        experimental: { incrementalBuild: true },
      },
    });
    mkdirSync(join(out, 'left'));
    writeFileSync(join(out, 'left/index.html'), 'left');
    const page = (path: string): URL => pathToFileURL(join(out, path));
    const assets = new Map([
      ['/', [page('index.html')]],
      ['/[...path]', [page('2024-05-02/index.html'), page('2024-05-03/index.html')]],
    ]);
    await expect(buildDone({ assets, logger })).rejects.toThrow(
      `${join(out, '2024-05-02/index.html')} (and 1 other pages): written by this build, then ` +
        "removed by Astro's incremental build as pages it no longer caches; build again",
    );
    // The files of the last build that this one did not write stay, like the rest of a failed build.
    expect(readFileSync(join(out, 'left/index.html'), 'utf8')).toBe('left');
  });
});
