/**
 * Recognition measured on a fixed set of generated pages (generated-page.ts): pages laid out
 * with the corpus mechanics but text nobody tuned the rules on. The floors sit just under what
 * the converter reaches, so that a change that loses ground shows. Print the scores with
 * `FOLIO_REPORT=1 npx vitest run --project unit test/unit/ingest/generated.test.ts`.
 */
import { describe, expect, it } from 'vitest';
import {
  addTally,
  emptyTally,
  evaluatePage,
  scoresOf,
  type Scores,
} from '../../../src/eval/evaluate.ts';
import { segmentPage } from '../../../src/ingest/segment.ts';
import { generatedPages } from './generated-page.ts';

const PAGES = 300;
const SEED = 1;

/** Least score per field on the generated set. */
const FLOORS: Scores = {
  segmentRecall: 0.98,
  segmentPrecision: 0.945,
  title: 0.84,
  kicker: 0.88,
  subtitle: 0.935,
  authors: 0.94,
  byline: 0.935,
  kind: 0.96,
  paragraphText: 0.85,
  paragraphBoundaryF1: 0.905,
  pageName: 0.99,
  furniture: 0.99,
};

describe('recognition on generated pages', () => {
  it(`should reach the floors on ${PAGES} generated pages, losing nothing`, () => {
    let total = emptyTally();
    for (const { text, truth } of generatedPages(PAGES, SEED)) {
      total = addTally(total, evaluatePage(text, truth, segmentPage(text)));
    }
    const { scores, mean } = scoresOf(total);
    if (process.env['FOLIO_REPORT'] === '1') {
      const rows = Object.entries<number>({ ...scores }).map(
        ([key, value]) => `${key.padEnd(22)}${value.toFixed(3)}`,
      );
      console.log([...rows, `${'mean'.padEnd(22)}${mean.toFixed(3)}`].join('\n'));
    }
    const below = (Object.entries(FLOORS) as [keyof Scores, number][])
      .filter(([key, floor]) => scores[key] < floor)
      .map(([key, floor]) => `${key} ${scores[key].toFixed(3)} < ${floor}`);
    expect(below).toEqual([]);
    expect(total.lost).toBe(0);
  }, 60_000);
});
