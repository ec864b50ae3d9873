import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../../src/eval/run.ts';

let dir = '';
afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

function corpus(files: Record<string, string | Buffer>): string {
  dir = mkdtempSync(join(tmpdir(), 'folio-eval-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

const TRUTH = JSON.stringify({
  pageName: null,
  items: [
    {
      kind: 'article',
      kicker: null,
      title: '标题',
      subtitle: null,
      byline: null,
      authors: [],
      paragraphs: ['正文一句。'],
    },
  ],
  furniture: [],
});

describe('evaluateCorpus', () => {
  it('should score a page against its truth', async () => {
    const root = corpus({
      'raw/2024-01-02/01.txt': '标题\n正文一句。\n',
      'truth/2024-01-02/01.json': TRUTH,
    });
    const report = await evaluateCorpus(root);
    expect(report.pages.map((page) => page.id)).toEqual(['2024-01-02/01']);
    expect(report.mean).toBe(1);
  });

  it('should name the file at fault', async () => {
    const missing = corpus({ 'raw/2024-01-02/01.txt': '标题\n正文。' });
    await expect(evaluateCorpus(missing)).rejects.toThrow(
      /truth[/\\]2024-01-02[/\\]01\.json: no truth/u,
    );
    rmSync(dir, { recursive: true, force: true });
    const broken = corpus({
      'raw/2024-01-02/01.txt': '标题\n正文。',
      'truth/2024-01-02/01.json': '{',
    });
    await expect(evaluateCorpus(broken)).rejects.toThrow(/01\.json: invalid JSON/u);
    rmSync(dir, { recursive: true, force: true });
    const empty = corpus({ 'raw/2024-01-02/01.txt': '', 'truth/2024-01-02/01.json': TRUTH });
    await expect(evaluateCorpus(empty)).rejects.toThrow(/01\.txt: empty file/u);
    rmSync(dir, { recursive: true, force: true });
    const binary = corpus({
      'raw/2024-01-02/01.txt': Buffer.from([0x81, 0xff, 0xff]),
      'truth/2024-01-02/01.json': TRUTH,
    });
    await expect(evaluateCorpus(binary)).rejects.toThrow(
      /01\.txt:1: not text: neither UTF-8 nor GB18030, and no UTF-16 byte order mark/u,
    );
  });

  it('should refuse a directory without pages', async () => {
    const root = corpus({ 'README.md': 'nothing' });
    await expect(evaluateCorpus(root)).rejects.toThrow(/raw: cannot read directory/u);
  });
});
