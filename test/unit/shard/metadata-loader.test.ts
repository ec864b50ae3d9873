import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { Loader, LoaderContext } from 'astro/loaders';
import { frontMatterLoader } from '../../../src/shard/metadata-loader.ts';

interface Entry {
  id: string;
  data: Record<string, unknown>;
  filePath?: string;
  digest?: string | number;
  body?: string;
}

let root: string;
let content: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'folio-loader-'));
  content = join(root, 'content');
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(path: string, text: string): Promise<void> {
  await mkdir(dirname(join(content, path)), { recursive: true });
  await writeFile(join(content, path), text);
}

/** The store's entries by id: files are read several at once, so in no set order. */
function sorted(store: Map<string, Entry>): Entry[] {
  return [...store.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** A loader context over a store kept between loads, recording what is read and validated. */
function context(store = new Map<string, Entry>()) {
  const read: string[] = [];
  const validated: { id: string; filePath?: string }[] = [];
  const markdown = {
    getEntryInfo: ({ contents, fileUrl }: { contents: string; fileUrl: URL }) => {
      read.push(fileURLToPath(fileUrl));
      const [, yaml = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(contents) ?? [];
      return { data: parse(yaml) as Record<string, unknown>, body };
    },
    getRenderFunction: () => {
      throw new Error('the global build renders no Markdown');
    },
  };
  const value = {
    collection: 'items',
    config: { root: pathToFileURL(`${root}/`) },
    entryTypes: new Map([['.md', markdown]]),
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    parseData: ({ id, data, filePath }: { id: string; data: object; filePath?: string }) => {
      validated.push({ id, ...(filePath === undefined ? {} : { filePath }) });
      return Promise.resolve({ ...data, checked: true });
    },
    store: {
      keys: () => [...store.keys()],
      get: (id: string) => store.get(id),
      set: (entry: Entry) => {
        store.set(entry.id, entry);
        return true;
      },
      delete: (id: string) => {
        store.delete(id);
      },
    },
  };
  return { value: value as unknown as LoaderContext, store, read, validated };
}

describe('the global build’s item loader', () => {
  const loader = (): Loader => frontMatterLoader({ base: content, pattern: '**/[0-9]*.md' });

  test('should load every item’s front matter, validated, under its content path, without body', async () => {
    await put('2024-05-01/01/01.md', '---\ntitle: 甲\n---\n正文\n');
    await put('undated/Scan.A/02.md', '---\ntitle: 乙\n---\n正文\n');
    await put('2024-05-01/01/page.json', '{}');
    await put('2024-05-01/01/notes.md', '---\ntitle: 注\n---\n');
    const run = context();
    await loader().load(run.value);
    expect(sorted(run.store).map(({ digest, ...entry }) => [entry, typeof digest])).toEqual([
      [
        {
          id: '2024-05-01/01/01',
          data: { title: '甲', checked: true },
          filePath: 'content/2024-05-01/01/01.md',
        },
        'string',
      ],
      [
        {
          id: 'undated/Scan.A/02',
          data: { title: '乙', checked: true },
          filePath: 'content/undated/Scan.A/02.md',
        },
        'string',
      ],
    ]);
    expect(run.validated.sort((a, b) => a.id.localeCompare(b.id))).toEqual([
      { id: '2024-05-01/01/01', filePath: join(content, '2024-05-01/01/01.md') },
      { id: 'undated/Scan.A/02', filePath: join(content, 'undated/Scan.A/02.md') },
    ]);
  });

  test('should read again only the files written since, and forget the removed ones', async () => {
    await put('2024-05-01/01/01.md', '---\ntitle: 甲\n---\n');
    await put('2024-05-01/01/02.md', '---\ntitle: 乙\n---\n');
    await put('2024-05-02/01/01.md', '---\ntitle: 丙\n---\n');
    const first = context();
    await loader().load(first.value);
    expect(first.read).toHaveLength(3);

    // The same size, another text: read again.
    await put('2024-05-01/01/02.md', '---\ntitle: 丁\n---\n');
    await rm(join(content, '2024-05-02'), { recursive: true });
    await put('2024-05-03/01/01.md', '---\ntitle: 戊\n---\n');
    const second = context(first.store);
    await loader().load(second.value);
    expect(second.read.sort()).toEqual([
      join(content, '2024-05-01/01/02.md'),
      join(content, '2024-05-03/01/01.md'),
    ]);
    expect(sorted(second.store).map(({ id, data }) => [id, data.title])).toEqual([
      ['2024-05-01/01/01', '甲'],
      ['2024-05-01/01/02', '丁'],
      ['2024-05-03/01/01', '戊'],
    ]);
  });

  test('should not parse again a file whose text is the same under new times (a fresh checkout)', async () => {
    await put('2024-05-01/01/01.md', '---\ntitle: 甲\n---\n');
    await put('2024-05-01/01/02.md', '---\ntitle: 乙\n---\n');
    const first = context();
    await loader().load(first.value);
    const before = first.store.get('2024-05-01/01/01')?.digest;

    await put('2024-05-01/01/01.md', '---\ntitle: 甲\n---\n');
    const second = context(first.store);
    await loader().load(second.value);
    expect(second.read).toEqual([]);
    expect(second.validated).toEqual([]);
    const after = second.store.get('2024-05-01/01/01')?.digest;
    expect(after).not.toBe(before);
    // The text's digest is kept; the file's key is the new one, so the next load reads nothing.
    expect(String(after).split(' ')[1]).toBe(String(before).split(' ')[1]);
    const third = context(second.store);
    await loader().load(third.value);
    expect(third.read).toEqual([]);
    expect(sorted(third.store).map(({ id, data }) => [id, data.title])).toEqual([
      ['2024-05-01/01/01', '甲'],
      ['2024-05-01/01/02', '乙'],
    ]);
  });

  test('should fail, keeping the store as it was, when an item does not validate', async () => {
    await put('2024-05-01/01/01.md', '---\ntitle: 甲\n---\n');
    const run = context();
    await loader().load(run.value);
    await put('2024-05-01/01/02.md', '---\ntitle: 乙\n---\n');
    const failing = context(run.store);
    const parseData = () => Promise.reject(new Error('items → 2024-05-01/01/02: title is wrong'));
    await expect(loader().load({ ...failing.value, parseData })).rejects.toThrow(
      'items → 2024-05-01/01/02: title is wrong',
    );
    expect([...run.store.keys()]).toEqual(['2024-05-01/01/01']);
  });

  test('should refuse to load when Astro hands no Markdown entry type', async () => {
    const run = context();
    await expect(
      loader().load({ ...run.value, entryTypes: new Map() } as unknown as LoaderContext),
    ).rejects.toThrow(
      'Folio cannot read Markdown entries: Astro no longer hands loaders its Markdown entry type',
    );
  });
});
