import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeFileAtomic } from '../../../src/write/atomic.ts';

describe('writeFileAtomic', () => {
  test('should write a new file, making its directories, and leave no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-atomic-'));
    writeFileAtomic(join(dir, 'a/b/01.md'), '正文\n');
    expect(readFileSync(join(dir, 'a/b/01.md'), 'utf8')).toBe('正文\n');
    expect(readdirSync(join(dir, 'a/b'))).toEqual(['01.md']);
  });

  test('should replace an existing file whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-atomic-'));
    const file = join(dir, 'page.json');
    writeFileSync(file, 'old old old old old\n');
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(dir)).toEqual(['page.json']);
  });

  test('should fail naming the file, keep what was there and remove its temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'folio-atomic-'));
    const target = join(dir, '01.md');
    mkdirSync(target);
    writeFileSync(join(target, 'inside'), 'kept');
    expect(() => {
      writeFileAtomic(target, 'new\n');
    }).toThrow(`${target}: cannot write: `);
    expect(readdirSync(dir)).toEqual(['01.md']);
    expect(readFileSync(join(target, 'inside'), 'utf8')).toBe('kept');
  });
});
