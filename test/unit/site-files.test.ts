import {
  mkdtempSync,
  mkdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { link } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { filesIn, linkTree, siteFiles } from '../../src/site/files.ts';

// `link` as it is, unless a test makes it fail (another file system).
vi.mock('node:fs/promises', async (original) => {
  const fs = await original<typeof import('node:fs/promises')>();
  return { ...fs, link: vi.fn(fs.link) };
});

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'folio-tree-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const BUNDLE = {
  'pagefind.js': 'engine',
  'fragment/a.pf_fragment': 'a',
  'fragment/b.pf_fragment': 'b',
  'index/deep/c.pf_index': 'c',
};

describe('filesIn', () => {
  test('should list every file under the directory, sorted, as /-separated paths', () => {
    const dir = tree({
      'b.html': '',
      'a/z.html': '',
      'a/b/c/d.html': '',
      'a-b.html': '',
      '2024-05-02/01/index.html': '',
      '2024-05-02/index.html': '',
    });
    mkdirSync(join(dir, 'empty/deeper'), { recursive: true });
    expect(filesIn(dir)).toEqual([
      '2024-05-02/01/index.html',
      '2024-05-02/index.html',
      'a-b.html',
      'a/b/c/d.html',
      'a/z.html',
      'b.html',
    ]);
  });

  test('should neither list nor follow symbolic links', () => {
    const outside = tree({ 'secret.html': '' });
    const dir = tree({ 'a/index.html': '' });
    symlinkSync(outside, join(dir, 'linked-dir'));
    symlinkSync(join(outside, 'secret.html'), join(dir, 'a/linked.html'));
    expect(filesIn(dir)).toEqual(['a/index.html']);
  });

  test('should fail naming a directory that does not exist', () => {
    const missing = join(tree({}), 'missing');
    expect(() => filesIn(missing)).toThrow(
      `ENOENT: no such file or directory, scandir '${missing}'`,
    );
  });
});

describe('linkTree', () => {
  test('should give the target every file of the source, as links to the same bytes', async () => {
    const source = tree(BUNDLE);
    const target = join(mkdtempSync(join(tmpdir(), 'folio-link-')), 'bundle');
    await linkTree(source, target);
    expect(await siteFiles(target)).toEqual([
      'fragment/a.pf_fragment',
      'fragment/b.pf_fragment',
      'index/deep/c.pf_index',
      'pagefind.js',
    ]);
    for (const path of Object.keys(BUNDLE)) {
      expect(statSync(join(target, path)).ino).toBe(statSync(join(source, path)).ino);
    }
  });

  test('should copy the files it cannot link, and only those', async () => {
    const source = tree(BUNDLE);
    const target = join(mkdtempSync(join(tmpdir(), 'folio-link-')), 'bundle');
    vi.mocked(link).mockImplementationOnce(() =>
      Promise.reject(
        Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }),
      ),
    );
    await linkTree(source, target);
    const linked = Object.keys(BUNDLE).filter(
      (path) => statSync(join(target, path)).ino === statSync(join(source, path)).ino,
    );
    expect(linked).toHaveLength(3);
    for (const [path, text] of Object.entries(BUNDLE)) {
      expect(readFileSync(join(target, path), 'utf8')).toBe(text);
    }
  });

  test('should fail on any other error, naming the file', async () => {
    const source = tree(BUNDLE);
    const target = join(mkdtempSync(join(tmpdir(), 'folio-link-')), 'bundle');
    vi.mocked(link).mockImplementationOnce((from) =>
      Promise.reject(
        Object.assign(new Error(`ENOSPC: no space left on device, link '${String(from)}'`), {
          code: 'ENOSPC',
        }),
      ),
    );
    // The first file it links, whichever that is, is one of the source's.
    await expect(linkTree(source, target)).rejects.toThrow(
      `ENOSPC: no space left on device, link '${source}/`,
    );
  });
});
