/**
 * Exact-output fixture pairs: test/fixtures/write/<case>/input.json (page facts and a page
 * model) → <case>/output/<files>. Expected files are regenerated only with UPDATE=1.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { PageModel } from '../../../src/ingest/model.ts';
import { renderPage, type PageFacts } from '../../../src/write/render-page.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/write');
const update = process.env['UPDATE'] === '1';

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('renderPage fixtures', () => {
  const cases = readdirSync(fixtures).sort();

  test('should have fixture cases', () => {
    expect(cases).toEqual(['article-and-photo', 'empty-page', 'hostile-text', 'undated']);
  });

  for (const name of cases) {
    test(`should render ${name} exactly`, () => {
      const input = JSON.parse(readFileSync(join(fixtures, name, 'input.json'), 'utf8')) as {
        facts: PageFacts;
        model: PageModel;
      };
      const rendered = renderPage(input.facts, input.model);
      const outputDir = join(fixtures, name, 'output');
      if (update) {
        rmSync(outputDir, { recursive: true, force: true });
        for (const file of rendered.files) {
          mkdirSync(dirname(join(outputDir, file.path)), { recursive: true });
          writeFileSync(join(outputDir, file.path), file.text);
        }
      }
      expect(rendered.files.map((f) => f.path).sort()).toEqual(listFiles(outputDir));
      for (const file of rendered.files) {
        expect(file.text, file.path).toBe(readFileSync(join(outputDir, file.path), 'utf8'));
      }
    });
  }
});
