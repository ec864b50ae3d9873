import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ContentWriter,
  KEPT_EDITED,
  KEPT_FOREIGN,
  KEPT_ORPHAN,
} from '../../../src/write/content-writer.ts';
import { LEDGER_FILE, sha256 } from '../../../src/write/ledger.ts';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'folio-writer-'));
const read = (dir: string, path: string): string => readFileSync(join(dir, path), 'utf8');

function run(dir: string, files: Record<string, string>, removeStale = true) {
  const writer = new ContentWriter(dir);
  for (const [path, text] of Object.entries(files)) writer.put(path, text);
  return writer.finish({ removeStale });
}

describe('ContentWriter', () => {
  test('should write new files and record their hashes in a sorted ledger', () => {
    const dir = fresh();
    const summary = run(dir, { 'd/01/02.md': 'b\n', 'd/01/01.md': 'a\n' });
    expect(summary).toEqual({
      written: ['d/01/02.md', 'd/01/01.md'],
      unchanged: [],
      kept: [],
      removed: [],
      ledgerWritten: true,
    });
    expect(read(dir, LEDGER_FILE)).toBe(
      `{\n  "version": 1,\n  "files": {\n    "d/01/01.md": "${sha256('a\n')}",\n    "d/01/02.md": "${sha256('b\n')}"\n  }\n}\n`,
    );
  });

  test('should write nothing, not even the ledger, when the output is the same', () => {
    const dir = fresh();
    run(dir, { 'd/01/01.md': 'a\n' });
    expect(run(dir, { 'd/01/01.md': 'a\n' })).toEqual({
      written: [],
      unchanged: ['d/01/01.md'],
      kept: [],
      removed: [],
      ledgerWritten: false,
    });
  });

  test('should regenerate files it wrote and keep files a person edited', () => {
    const dir = fresh();
    run(dir, { 'd/01/01.md': 'title: A\n', 'd/01/02.md': 'title: B\n' });
    writeFileSync(join(dir, 'd/01/01.md'), 'title: A, corrected\n');
    const summary = run(dir, { 'd/01/01.md': 'title: A2\n', 'd/01/02.md': 'title: B2\n' });
    expect(summary.written).toEqual(['d/01/02.md']);
    expect(summary.kept).toEqual([{ path: 'd/01/01.md', reason: KEPT_EDITED }]);
    expect(read(dir, 'd/01/01.md')).toBe('title: A, corrected\n');
    expect(read(dir, 'd/01/02.md')).toBe('title: B2\n');
    // Still kept on every later run: the ledger keeps the hash the converter wrote.
    expect(run(dir, { 'd/01/01.md': 'title: A3\n', 'd/01/02.md': 'title: B2\n' }).kept).toEqual([
      { path: 'd/01/01.md', reason: KEPT_EDITED },
    ]);
  });

  test('should keep a file it never wrote, and adopt one that equals its output', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'd/01'), { recursive: true });
    writeFileSync(join(dir, 'd/01/01.md'), 'hand-made\n');
    writeFileSync(join(dir, 'd/01/02.md'), 'same\n');
    const summary = run(dir, { 'd/01/01.md': 'generated\n', 'd/01/02.md': 'same\n' });
    expect(summary.kept).toEqual([{ path: 'd/01/01.md', reason: KEPT_FOREIGN }]);
    expect(summary.unchanged).toEqual(['d/01/02.md']);
    expect(read(dir, 'd/01/01.md')).toBe('hand-made\n');
    // The adopted file is the converter's now: a new output replaces it.
    expect(run(dir, { 'd/01/01.md': 'generated\n', 'd/01/02.md': 'new\n' }).written).toEqual([
      'd/01/02.md',
    ]);
  });

  test('should write a deleted file afresh', () => {
    const dir = fresh();
    run(dir, { 'd/01/01.md': 'a\n' });
    writeFileSync(join(dir, 'd/01/01.md'), 'edited\n');
    expect(run(dir, { 'd/01/01.md': 'a\n' }).kept).toHaveLength(1);
    // Deleting an edited file is how an editor asks for the converter's version back.
    unlinkSync(join(dir, 'd/01/01.md'));
    expect(run(dir, { 'd/01/01.md': 'a\n' }).written).toEqual(['d/01/01.md']);
  });

  test('should take files by the digest of their text only where it would leave them', () => {
    const dir = fresh();
    run(dir, { 'd/01/01.md': 'a\n', 'd/01/02.md': 'b\n', 'e/01/01.md': 'c\n' });
    writeFileSync(join(dir, 'd/01/02.md'), 'b, corrected\n');
    mkdirSync(join(dir, 'f/01'), { recursive: true });
    writeFileSync(join(dir, 'f/01/01.md'), 'hand-made\n');
    const writer = new ContentWriter(dir);
    const d = [
      { path: 'd/01/01.md', hash: sha256('a\n') },
      { path: 'd/01/02.md', hash: sha256('b\n') },
    ];
    expect(writer.reuse(d)).toBe(true);
    expect(writer.reuse([{ path: 'f/01/01.md', hash: sha256('made\n') }])).toBe(true);
    // A new output for a file it wrote, and a missing file, need their text: nothing is taken.
    unlinkSync(join(dir, 'e/01/01.md'));
    const e = [{ path: 'e/01/01.md', hash: sha256('c\n') }];
    expect(writer.reuse([...e, { path: 'd/01/01.md', hash: sha256('a2\n') }])).toBe(false);
    expect(writer.reuse(e)).toBe(false);
    const summary = writer.finish({ removeStale: true });
    expect(summary).toEqual({
      written: [],
      unchanged: ['d/01/01.md'],
      kept: [
        { path: 'd/01/02.md', reason: KEPT_EDITED },
        { path: 'f/01/01.md', reason: KEPT_FOREIGN },
      ],
      removed: [],
      ledgerWritten: true,
    });
    expect(JSON.parse(read(dir, LEDGER_FILE))).toEqual({
      version: 1,
      files: { 'd/01/01.md': sha256('a\n'), 'd/01/02.md': sha256('b\n') },
    });
  });

  test('should remove files no longer produced unless edited, and empty directories', () => {
    const dir = fresh();
    run(dir, { 'd/01/01.md': 'a\n', 'd/01/02.md': 'b\n', 'e/01/01.md': 'c\n' });
    writeFileSync(join(dir, 'd/01/02.md'), 'b, corrected\n');
    const summary = run(dir, { 'd/01/01.md': 'a\n' });
    expect(summary.removed).toEqual(['e/01/01.md']);
    expect(summary.kept).toEqual([{ path: 'd/01/02.md', reason: KEPT_ORPHAN }]);
    expect(existsSync(join(dir, 'e'))).toBe(false);
    expect(read(dir, 'd/01/02.md')).toBe('b, corrected\n');
  });

  test('should remove nothing when told not to (a run with errors)', () => {
    const dir = fresh();
    run(dir, { 'd/01/01.md': 'a\n', 'e/01/01.md': 'c\n' });
    const summary = run(dir, { 'd/01/01.md': 'a\n' }, false);
    expect(summary.removed).toEqual([]);
    expect(read(dir, 'e/01/01.md')).toBe('c\n');
    expect(run(dir, { 'd/01/01.md': 'a\n' }).removed).toEqual(['e/01/01.md']);
  });

  test('should refuse a ledger it cannot trust, naming it', () => {
    const dir = fresh();
    writeFileSync(join(dir, LEDGER_FILE), '{"version": 1, "files": ');
    expect(() => new ContentWriter(dir)).toThrow(
      `${join(dir, LEDGER_FILE)}: cannot parse the ledger`,
    );
    writeFileSync(
      join(dir, LEDGER_FILE),
      JSON.stringify({ version: 1, files: { '../outside.md': sha256('x') } }),
    );
    expect(() => new ContentWriter(dir)).toThrow(
      `${join(dir, LEDGER_FILE)}: invalid ledger: path "../outside.md" is not inside the content directory`,
    );
    writeFileSync(join(dir, LEDGER_FILE), JSON.stringify({ version: 1, files: { 'a.md': 'x' } }));
    expect(() => new ContentWriter(dir)).toThrow(
      `${join(dir, LEDGER_FILE)}: invalid ledger: files.a.md: expected a SHA-256 hex digest`,
    );
  });
});
