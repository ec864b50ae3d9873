/**
 * Properties of recognition over the corpora and random pages: every character placed once,
 * the same text always read the same way.
 */
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/ingest/conservation.ts';
import { segmentPage } from '../../../src/ingest/segment.ts';
import { layOut, pageSpec } from './page-arbitrary.ts';

const CORPORA = ['../shared/corpus/seed', '../shared/corpus/dev'];

function corpusPages(): [string, string][] {
  const pages: [string, string][] = [];
  for (const corpus of CORPORA) {
    const raw = join(corpus, 'raw');
    if (!existsSync(raw)) continue;
    for (const date of readdirSync(raw).sort()) {
      for (const file of readdirSync(join(raw, date)).sort()) {
        pages.push([`${corpus}/${date}/${file}`, readFileSync(join(raw, date, file), 'utf8')]);
      }
    }
  }
  return pages;
}

describe('conservation', () => {
  const pages = corpusPages();
  it.skipIf(pages.length === 0)('should place every character of every corpus page once', () => {
    for (const [name, text] of pages) {
      expect({ name, ...balance(text, segmentPage(text)) }).toEqual({
        name,
        lost: 0,
        extra: 0,
        sample: [],
      });
    }
  });

  it('should place every character of a generated page once', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(pageSpec, (spec) => {
        const text = layOut(spec);
        expect(balance(text, segmentPage(text))).toEqual({ lost: 0, extra: 0, sample: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('should place every character of arbitrary text once', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        expect(balance(text, segmentPage(text))).toEqual({ lost: 0, extra: 0, sample: [] });
      }),
      { numRuns: 300 },
    );
  });
});

describe('determinism', () => {
  it('should give the same model for the same page', () => {
    fc.assert(
      fc.property(pageSpec, (spec) => {
        const text = layOut(spec);
        expect(JSON.stringify(segmentPage(text))).toBe(JSON.stringify(segmentPage(text)));
      }),
      { numRuns: 100 },
    );
  });
});
