import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateCorpus } from '../../../src/eval/run.ts';

const SHARED = '../shared/corpus';
const present = existsSync(SHARED);
if (!present) console.warn(`${SHARED} is absent: the corpus evaluation is skipped`);

describe.skipIf(!present)('recognition against the corpora (../shared/corpus)', () => {
  it('should get the seed page exactly right and lose nothing', async () => {
    const report = await evaluateCorpus(`${SHARED}/seed`);
    for (const [field, score] of Object.entries(report.scores))
      expect([field, score]).toEqual([field, 1]);
    expect(report.total.lost).toBe(0);
  });

  it('should reach 0.95 in every field and 0.97 on average on dev, losing nothing', async () => {
    const report = await evaluateCorpus(`${SHARED}/dev`);
    for (const [field, score] of Object.entries(report.scores)) {
      expect([field, score >= 0.95]).toEqual([field, true]);
    }
    expect(report.mean).toBeGreaterThanOrEqual(0.97);
    expect(report.total.lost).toBe(0);
  });
});
