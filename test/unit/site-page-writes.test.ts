import nodeFs, { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import {
  folioPageWrites,
  installPageWrites,
  onPageWritten,
  restorePageWrites,
} from '../../src/site/page-writes.ts';

const fs = nodeFs.promises;
const node = { mkdir: fs.mkdir, writeFile: fs.writeFile };

let work: string;
let out: string;
let copies: string;

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'folio-page-writes-'));
  out = join(work, 'dist');
  copies = join(work, 'cache', 'dist');
  mkdirSync(out);
  mkdirSync(join(work, 'cache'));
});

afterEach(() => {
  restorePageWrites();
  fs.mkdir = node.mkdir;
  fs.writeFile = node.writeFile;
});

/** A page as Astro's build writes it: the page, then its copy, with the same buffer. */
async function writePage(path: string, body: Buffer, copyBody: Buffer = body): Promise<void> {
  await fs.mkdir(pathToFileURL(join(out, path)), { recursive: true });
  await fs.writeFile(pathToFileURL(join(out, path, 'index.html')), body);
  await fs.mkdir(pathToFileURL(join(copies, path)), { recursive: true });
  await fs.writeFile(pathToFileURL(join(copies, path, 'index.html')), copyBody);
}

describe('installPageWrites', () => {
  test('should write a page and leave its copy as the page where the copies are linked to it', async () => {
    symlinkSync('../dist', copies, 'dir');
    const counts = installPageWrites({ outDir: out, copiesDir: copies });
    await writePage('2024-05-02/01/03', Buffer.from('<h1>市政府</h1>'));
    expect(readFileSync(join(out, '2024-05-02/01/03/index.html'), 'utf8')).toBe('<h1>市政府</h1>');
    expect(counts).toEqual({ written: 1, pages: 1, copiesSkipped: 1, directoriesKept: 1 });
  });

  test('should write a copy whose bytes are not the buffer just written as its page', async () => {
    symlinkSync('../dist', copies, 'dir');
    const counts = installPageWrites({ outDir: out, copiesDir: copies });
    await writePage('a', Buffer.from('page'), Buffer.from('page'));
    await writePage('b', Buffer.from('page b'), Buffer.from('copy b'));
    expect(readFileSync(join(out, 'a/index.html'), 'utf8')).toBe('page');
    expect(readFileSync(join(out, 'b/index.html'), 'utf8')).toBe('copy b');
    expect(counts).toEqual({ written: 4, pages: 2, copiesSkipped: 0, directoriesKept: 2 });
  });

  test('should make a copy directory through the link when no page made it', async () => {
    symlinkSync('../dist', copies, 'dir');
    const counts = installPageWrites({ outDir: out, copiesDir: copies });
    await fs.mkdir(join(out, 'a'), { recursive: true });
    await fs.mkdir(join(copies, 'a'), { recursive: true });
    await fs.mkdir(join(copies, 'b', 'c'), { recursive: true });
    expect(existsSync(join(out, 'b', 'c'))).toBe(true);
    expect(counts).toEqual({ written: 0, pages: 0, copiesSkipped: 0, directoriesKept: 1 });
  });

  test('should write each copy where the copies are a directory of their own', async () => {
    const counts = installPageWrites({ outDir: out, copiesDir: copies });
    await writePage('reporters/张三', Buffer.from('张三'));
    expect(readFileSync(join(out, 'reporters/张三/index.html'), 'utf8')).toBe('张三');
    expect(readFileSync(join(copies, 'reporters/张三/index.html'), 'utf8')).toBe('张三');
    expect(counts).toEqual({ written: 2, pages: 1, copiesSkipped: 0, directoriesKept: 0 });
  });

  test('should write strings at once, and give paths elsewhere to Node', async () => {
    const writeFile = vi.spyOn(fs, 'writeFile');
    const mkdir = vi.spyOn(fs, 'mkdir');
    const counts = installPageWrites({ outDir: out, copiesDir: copies });
    await fs.writeFile(join(out, 'feed.xml'), '<rss/>', 'utf8');
    expect(writeFile).not.toHaveBeenCalled();
    await fs.mkdir(join(work, 'elsewhere'), { recursive: true });
    await fs.writeFile(join(work, 'elsewhere', 'x.txt'), 'x');
    // A directory beside the output whose name starts with the output's is not inside it.
    await fs.writeFile(join(work, 'dist-old.txt'), 'old');
    expect(mkdir).toHaveBeenCalledTimes(1);
    expect(writeFile).toHaveBeenCalledTimes(2);
    expect(readFileSync(join(out, 'feed.xml'), 'utf8')).toBe('<rss/>');
    expect(readFileSync(join(work, 'elsewhere', 'x.txt'), 'utf8')).toBe('x');
    expect(counts).toEqual({ written: 1, pages: 0, copiesSkipped: 0, directoriesKept: 0 });
  });

  test('should reject with the error of the file that cannot be written', async () => {
    installPageWrites({ outDir: out, copiesDir: copies });
    const missing = join(out, 'no-such-dir', 'index.html');
    await expect(fs.writeFile(missing, Buffer.from('x'))).rejects.toMatchObject({
      code: 'ENOENT',
      path: missing,
    });
    await fs.writeFile(join(out, 'file'), 'a file');
    await expect(fs.mkdir(join(out, 'file', 'page'), { recursive: true })).rejects.toMatchObject({
      code: 'ENOTDIR',
    });
    expect(existsSync(missing)).toBe(false);
  });

  test('should tell each file written inside the output, not the copies, until told to stop', async () => {
    symlinkSync('../dist', copies, 'dir');
    installPageWrites({ outDir: out, copiesDir: copies });
    const told: [string, string][] = [];
    const stop = onPageWritten((path, data) => {
      const bytes =
        typeof data === 'string'
          ? Buffer.from(data)
          : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
      told.push([path, bytes.toString()]);
    });
    await writePage('2024-05-02/01/03', Buffer.from('<h1>市政府</h1>'));
    await writePage('b', Buffer.from('page b'), Buffer.from('copy b'));
    await fs.writeFile(join(out, 'rss.xml'), '<rss/>');
    await fs.writeFile(join(work, 'elsewhere.txt'), 'x');
    stop();
    await writePage('c', Buffer.from('page c'));
    expect(told).toEqual([
      [join(out, '2024-05-02/01/03/index.html'), '<h1>市政府</h1>'],
      [join(out, 'b/index.html'), 'page b'],
      [join(out, 'rss.xml'), '<rss/>'],
    ]);
    expect(readFileSync(join(out, 'c/index.html'), 'utf8')).toBe('page c');
  });

  test('should forget its listeners once restored, so a build does not hear the next one', async () => {
    const told: string[] = [];
    onPageWritten((path) => told.push(path));
    installPageWrites({ outDir: out, copiesDir: copies });
    await writePage('a', Buffer.from('a'));
    restorePageWrites();
    installPageWrites({ outDir: out, copiesDir: copies });
    await writePage('b', Buffer.from('b'));
    expect(told).toEqual([join(out, 'a/index.html')]);
  });

  test("should put Node's functions back, also when installed twice", () => {
    installPageWrites({ outDir: out, copiesDir: copies });
    expect(fs.writeFile).not.toBe(node.writeFile);
    installPageWrites({ outDir: out, copiesDir: copies });
    restorePageWrites();
    expect(fs.writeFile).toBe(node.writeFile);
    expect(fs.mkdir).toBe(node.mkdir);
    restorePageWrites();
    expect(fs.writeFile).toBe(node.writeFile);
  });
});

/** An integration hook, called with the options a test gives it. */
type Hook = (options: Record<string, unknown>) => Promise<void> | void;

describe('folioPageWrites', () => {
  test('should write the pages at once from the start of the build until they are generated', async () => {
    symlinkSync('../dist', copies, 'dir');
    const { hooks } = folioPageWrites();
    const logger = { debug: vi.fn() };
    await (hooks['astro:config:done'] as unknown as Hook)({
      config: { outDir: pathToFileURL(`${out}/`), cacheDir: pathToFileURL(join(work, 'cache/')) },
    });
    expect(fs.writeFile).toBe(node.writeFile);
    await (hooks['astro:build:start'] as unknown as Hook)({});
    await writePage('2024-05-02', Buffer.from('issue'));
    await (hooks['astro:build:generated'] as unknown as Hook)({ logger });
    expect(fs.writeFile).toBe(node.writeFile);
    expect(fs.mkdir).toBe(node.mkdir);
    expect(logger.debug).toHaveBeenCalledWith(
      '1 files written at once, 1 page copies left as the pages, 1 of their directories not made again',
    );
    expect(readFileSync(join(out, '2024-05-02/index.html'), 'utf8')).toBe('issue');
  });
});
