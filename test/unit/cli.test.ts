/** The command line as a user runs it: a child process, its exit code and what it prints. */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { makeRawDir, SAMPLE_PAGE, SECOND_PAGE } from './ingest/raw-dir.ts';

const root = resolve(import.meta.dirname, '../..');
// A test runs the CLI as a child process up to four times (~0.6 s each on a quiet machine): a
// busy machine must not fail it for the time processes take to start.
vi.setConfig({ testTimeout: 30_000 });
/** The build cache of these runs (what `folio ingest` keeps of each raw directory): their own. */
const testCache = mkdtempSync(join(tmpdir(), 'folio-cli-cache-'));

function folio(
  args: string[],
  cwd = root,
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin/folio.mjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', FOLIO_CACHE: testCache, ...env },
    // A command that does not end fails its test (status null) instead of holding the run.
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('folio ingest', () => {
  test('should convert, print the run report, and convert again only what changed', () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE, '2024-05-01/02.txt': SECOND_PAGE });
    const out = mkdtempSync(join(tmpdir(), 'folio-cli-'));
    const cache = { FOLIO_CACHE: mkdtempSync(join(tmpdir(), 'folio-cache-')) };
    const result = folio(['ingest', raw, '--out', out], root, cache);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(`^Converted 2 pages into \\d+ items? in ${out}\nEncodings: utf-8 2\n`),
    );
    expect(existsSync(join(out, '2024-05-01/02/page.json'))).toBe(true);
    const again = folio(['ingest', raw, '--out', out], root, cache);
    expect(again.stdout).toMatch(
      /^Converted 2 pages into \d+ items? in .+ \(2 unchanged since the last run\)\n/,
    );
    expect(again.stdout).toMatch(/\nFiles: 0 written, \d+ unchanged, 0 kept, 0 removed\n/);
    writeFileSync(join(raw, '2024-05-01/02.txt'), SECOND_PAGE.replace('三千', '四千'));
    const changed = folio(['ingest', raw, '--out', out], root, cache);
    expect(changed.stdout).toMatch(/ \(1 unchanged since the last run\)\n/);
    expect(changed.stdout).toMatch(/\nFiles: 2 written, \d+ unchanged, 0 kept, 0 removed\n/);
    const forced = folio(['ingest', raw, '--out', out, '--force'], root, cache);
    expect(forced.stdout).toMatch(/^Converted 2 pages into \d+ items? in \S+\n/);
  });

  test('should exit 1 naming each file it could not convert, after converting the rest', () => {
    const raw = makeRawDir({ '2024-05-01/01.txt': SAMPLE_PAGE, '2024-05-01/02.txt': '' });
    const out = mkdtempSync(join(tmpdir(), 'folio-cli-'));
    const result = folio(['ingest', raw, '--out', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      `Errors (1):\n  ${join(raw, '2024-05-01/02.txt')}: empty file\n`,
    );
    expect(result.stderr).toContain(
      '1 problem kept files from being converted; the other files were converted.\n',
    );
    expect(existsSync(join(out, '2024-05-01/01/page.json'))).toBe(true);
  });

  test('should exit 1 naming a missing raw directory or a broken manifest', () => {
    const missing = join(tmpdir(), 'folio-no-such-raw');
    expect(folio(['ingest', missing])).toMatchObject({
      status: 1,
      stderr: `folio ingest: ${missing}: raw directory not found\n`,
    });
    const raw = makeRawDir({ 'manifest.json': '[{"file": ' });
    const result = folio(['ingest', raw, '--out', mkdtempSync(join(tmpdir(), 'folio-cli-'))]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`^folio ingest: ${join(raw, 'manifest.json')}: cannot parse JSON: `),
    );
  });

  test('should exit 1 without a raw directory', () => {
    expect(folio(['ingest'])).toMatchObject({
      status: 1,
      stderr: 'folio ingest: missing <raw-dir> (see folio --help)\n',
    });
  });

  test('should describe ingest and build in --help', () => {
    const result = folio(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('folio ingest <raw-dir> [--out <content-dir>]');
    expect(result.stdout).toContain('convert raw/ into content/, then build the site');
  });
});

describe('folio build', () => {
  test(
    'should exit 1 naming the item whose front matter is broken, on a first build too',
    { timeout: 130_000 },
    () => {
      const work = mkdtempSync(join(tmpdir(), 'folio-broken-'));
      const content = join(work, 'content');
      cpSync(join(root, 'test/fixtures/site'), content, { recursive: true });
      const file = join(content, '2023-11-21/01/01.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^date: .*$/m, 'date: [unclosed'));
      // An empty cache: the search index starts from the content entries, before the sync fails.
      const cache = { FOLIO_CACHE: join(work, 'cache') };
      const result = folio(
        ['build', '--content', content, '--out', join(work, 'site')],
        root,
        cache,
      );
      expect(result.stderr).toContain(
        `folio build: ${file}: Flow sequence in block collection must be sufficiently indented ` +
          'and end with a ] at line 4, column 1:',
      );
      expect(result.stdout).toBe('');
      expect(result.status).toBe(1);
    },
  );

  test('should convert raw/ first and not build the site when conversion fails', () => {
    const project = makeRawDir({
      'raw/2024-05-01/01.txt': SAMPLE_PAGE,
      'raw/2024-05-01/02.txt': '\0',
    });
    copyFileSync(join(root, 'folio.config.json'), join(project, 'folio.config.json'));
    writeFileSync(join(project, 'marker'), '');
    const result = folio(['build', '--out', join(project, 'dist')], project);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`raw/2024-05-01/02.txt:1: contains NUL bytes`);
    expect(result.stderr).toContain('folio build: conversion failed; the site was not built\n');
    expect(existsSync(join(project, 'content/2024-05-01/01/page.json'))).toBe(true);
    expect(existsSync(join(project, 'dist'))).toBe(false);
  });
});

// Each case starts the CLI, some of them Astro: room for a loaded machine.
describe('folio build --shard / --global, folio assemble', { timeout: 60_000 }, () => {
  const content = join(root, 'test/fixtures/site');

  test.each([
    [
      ['build', '--shard', '24', '--content', content],
      '--shard must be a year (YYYY) or "undated", not "24"',
    ],
    [['build', '--shard', '2024'], '--shard needs --content <dir>'],
    [['build', '--global'], '--global needs --content <dir>'],
    [
      ['build', '--shard', '2024', '--global', '--content', content],
      '--shard and --global exclude each other',
    ],
    [['build', '--shard', '2019', '--content', content], `${content}: no issues of shard 2019`],
    [
      ['build', '--sharded', '--global', '--content', content],
      '--sharded builds every part: it excludes --shard and --global',
    ],
    [['build', '--jobs', '2', '--content', content], '--jobs needs --sharded'],
    [
      ['build', '--sharded', '--jobs', '0', '--content', content],
      '--jobs must be a whole number ≥ 1, not "0"',
    ],
    [
      ['build', '--sharded', '--content', join(root, 'test/fixtures/none')],
      `${join(root, 'test/fixtures/none')}: content directory not found`,
    ],
  ])('should refuse folio %j', (args, message) => {
    const out = mkdtempSync(join(tmpdir(), 'folio-cli-'));
    const result = folio([...args, '--out', join(out, 'dist')]);
    expect(result).toMatchObject({ status: 1, stderr: `folio build: ${message}\n` });
    expect(existsSync(join(out, 'dist'))).toBe(false);
  });

  test('should refuse a port that is not a whole number, before serving anything', () => {
    expect(
      folio(['preview', '--port', '80a', '--out', join(root, 'test/fixtures/none')]),
    ).toMatchObject({
      status: 1,
      stderr: 'folio preview: --port must be a whole number ≥ 1, not "80a"\n',
    });
  });

  test('should refuse to assemble without an output or builds', () => {
    expect(folio(['assemble', 'a'])).toMatchObject({
      status: 1,
      stderr: 'folio assemble: missing --out <site> (see folio --help)\n',
    });
    expect(folio(['assemble', '--out', 'x'])).toMatchObject({
      status: 1,
      stderr: 'folio assemble: missing the builds to assemble (see folio --help)\n',
    });
  });
});

describe('folio parts', () => {
  const content = join(root, 'test/fixtures/site');
  const FINGERPRINT = /^[\w-]{43}$/;

  test('should list the global build and each year newest first, with their build options', () => {
    const table = folio(['parts', '--content', content]);
    expect(table.status).toBe(0);
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines.map((line) => line.split(/\s{2,}/).slice(0, 2))).toEqual([
      ['part', 'build options'],
      ['global', '--global'],
      ['undated', '--shard undated'],
      ['2024', '--shard 2024'],
      ['2023', '--shard 2023'],
    ]);
    const json = folio(['parts', '--content', content, '--json']);
    expect(json.status).toBe(0);
    const parts = JSON.parse(json.stdout) as {
      part: string;
      fingerprint: string;
      args: string[];
    }[];
    expect(parts.map(({ part, args }) => ({ part, args }))).toEqual([
      { part: 'global', args: ['--global'] },
      { part: 'undated', args: ['--shard', 'undated'] },
      { part: '2024', args: ['--shard', '2024'] },
      { part: '2023', args: ['--shard', '2023'] },
    ]);
    // One line, for a CI step's output; the table shows the same fingerprints.
    expect(json.stdout.trimEnd().includes('\n')).toBe(false);
    for (const [i, { fingerprint }] of parts.entries()) {
      expect(fingerprint).toMatch(FINGERPRINT);
      expect(lines[i + 1]?.endsWith(`  ${fingerprint}`)).toBe(true);
    }
  });

  test('should change the fingerprints of the edited year and the global build only', () => {
    const copy = join(mkdtempSync(join(tmpdir(), 'folio-parts-')), 'content');
    cpSync(content, copy, { recursive: true });
    const before = folio(['parts', '--content', copy, '--json']);
    const item = join(copy, '2023-11-21/01/01.md');
    writeFileSync(item, readFileSync(item, 'utf8').replace(/^title: .*$/m, 'title: 更正后的标题'));
    const after = folio(['parts', '--content', copy, '--json']);
    const fingerprints = (stdout: string): Map<string, string> =>
      new Map(
        (JSON.parse(stdout) as { part: string; fingerprint: string }[]).map((p) => [
          p.part,
          p.fingerprint,
        ]),
      );
    const [a, b] = [fingerprints(before.stdout), fingerprints(after.stdout)];
    expect([...a.keys()].filter((part) => a.get(part) !== b.get(part))).toEqual(['global', '2023']);
  });

  test('should refuse a missing content directory or one without issues', () => {
    const none = join(root, 'test/fixtures/none');
    expect(folio(['parts', '--content', none])).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `folio parts: ${none}: content directory not found\n`,
    });
    const empty = mkdtempSync(join(tmpdir(), 'folio-parts-'));
    expect(folio(['parts', '--content', empty, '--json'])).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `folio parts: ${empty}: no issues to build\n`,
    });
  });
});
