import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { itemSchema, pageSchema } from '../../src/archive/schema.ts';
import { addDay, generate } from '../../bench/generate.ts';
import { generateArchive, issuePlan } from '../../bench/synth/archive.ts';
import { doubledBanner, wrap } from '../../bench/synth/layout.ts';

async function digest(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      path.slice(dir.length),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return files;
}

async function generated(articles: number, seed: number): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-synth-'));
  await generate(
    { articles, seed },
    { raw: join(dir, 'raw'), content: join(dir, 'content'), paper: '样张日报' },
  );
  return dir;
}

describe('synthetic archive', () => {
  it('should write identical bytes for the same seed', async () => {
    const [a, b] = await Promise.all([generated(150, 7), generated(150, 7)]);
    const [da, db] = await Promise.all([digest(a), digest(b)]);
    // 5 issues of 4 pages: a raw file and a page record per page, a Markdown file per item.
    expect(da.size).toBe(5 * 4 * 2 + 150);
    expect([...db].sort()).toEqual([...da].sort());
    // Two archives written at once: on a busy machine this takes longer than the default 5 s.
  }, 30_000);

  it('should add one more issue beside an archive, changing none of its files', async () => {
    const dir = await generated(60, 5);
    const before = await digest(dir);
    const targets = { raw: join(dir, 'raw'), content: join(dir, 'content'), paper: '样张日报' };
    expect(await addDay('2015-01-05', 5, targets)).toEqual({ date: '2015-01-05', items: 30 });
    const after = await digest(dir);
    const added = [...after.keys()].filter((path) => !before.has(path));
    // 4 pages: a raw file and a page record each, and a Markdown file per item.
    expect(added.filter((path) => path.includes('/2015-01-05/'))).toHaveLength(4 * 2 + 30);
    expect(added).toHaveLength(4 * 2 + 30);
    for (const [path, hash] of before) expect(after.get(path)).toBe(hash);
    await expect(addDay('2015-02-30', 5, targets)).rejects.toThrow(
      '--add-day: a date (YYYY-MM-DD), not "2015-02-30"',
    );
  });

  it('should write different text for another seed', async () => {
    const [a, b] = await Promise.all([generated(30, 1), generated(30, 2)]);
    const page = 'raw/2015-01-01/01.txt';
    expect(await readFile(join(b, page), 'utf8')).not.toBe(await readFile(join(a, page), 'utf8'));
  });

  it('should begin a larger archive with the issues of a smaller one', () => {
    const small = [...generateArchive({ articles: 100, seed: 3 })];
    const large = [...generateArchive({ articles: 400, seed: 3 })];
    expect(large.slice(0, small.length - 1)).toEqual(small.slice(0, -1));
  });

  it('should sign items with names from a fixed staff of 80 reporters and 240 correspondents', () => {
    const authors = new Set<string>();
    for (const day of generateArchive({ articles: 3000, seed: 4 })) {
      for (const page of day.pages)
        for (const item of page.items) item.authors.forEach((a) => authors.add(a));
    }
    expect(authors.size).toBeGreaterThan(200);
    expect(authors.size).toBeLessThanOrEqual(80 + 240);
  });

  it('should plan six issues a week of 26–34 items, exactly the items asked for', () => {
    const plan = [...issuePlan({ articles: 1000, seed: 1 })];
    expect(plan.reduce((sum, issue) => sum + issue.count, 0)).toBe(1000);
    expect(plan.map((issue) => new Date(issue.date).getUTCDay())).not.toContain(0);
    for (const issue of plan.slice(0, -1)) {
      expect(issue.count).toBeGreaterThanOrEqual(26);
      expect(issue.count).toBeLessThanOrEqual(34);
    }
    expect(plan[0]?.date).toBe('2015-01-01');
  });

  it('should print every paragraph, headline and byline of the truth on its raw page', () => {
    for (const day of generateArchive({ articles: 200, seed: 5 })) {
      for (const page of day.pages) {
        const flat = page.text.replace(/\s+/g, '');
        expect(page.text).toContain(`第${page.page}版 ${page.pageName}`);
        for (const item of page.items) {
          for (const text of [
            ...item.paragraphs,
            item.title,
            item.kicker ?? '',
            item.byline ?? '',
          ]) {
            expect(flat).toContain(text.replace(/\s+/g, ''));
          }
        }
      }
    }
  });

  it('should write content the archive schemas accept', async () => {
    const dir = await generated(40, 9);
    const page = join(dir, 'content/2015-01-01/01');
    const names = (await readdir(page)).sort();
    expect(names.at(-1)).toBe('page.json');
    expect(names.slice(0, 3)).toEqual(['01.md', '02.md', '03.md']);
    const record = pageSchema.parse(JSON.parse(await readFile(join(page, 'page.json'), 'utf8')));
    expect(record.text).toBe(await readFile(join(dir, 'raw/2015-01-01/01.txt'), 'utf8'));
    const markdown = await readFile(join(page, '01.md'), 'utf8');
    expect(markdown).toMatch(/^---\npaper: 样张日报\ndate: "2015-01-01"\npage: 1\n/);
    const front = /^---\n([\s\S]*?)\n---\n/.exec(markdown)?.[1] ?? '';
    const data = itemSchema.parse(parse(front));
    expect(data).toMatchObject({
      date: '2015-01-01',
      page: 1,
      order: 1,
      source: '2015-01-01/01.txt',
    });
  });
});

describe('page printing', () => {
  it('should hard-wrap with a two-character first-line indent, digits half wide', () => {
    expect(wrap('本报讯 20日，全市小微企业园建设工作汇报会召开。', 12)).toEqual([
      '本报讯 20日，全市小',
      '微企业园建设工作汇报会召',
      '开。',
    ]);
  });

  it('should let closing punctuation hang past the column', () => {
    expect(wrap('一二三四五六。七八', 8)).toEqual(['一二三四五六。', '七八']);
  });

  it('should double each phrase of a banner', () => {
    expect(doubledBanner(['不忘初心', '牢记使命'])).toBe('■■不忘初心不忘初心牢记使命牢记使命');
  });
});
