/**
 * Exact-output fixtures, one folder per recognition rule: `test/fixtures/ingest/<case>/` holds
 * `input.txt` (a page written for the test) and `expected.json` (its PageModel), compared
 * exactly (deep, strict equality). Set UPDATE=1 to write the expected files anew from the
 * current output (then run Prettier on them).
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/ingest/conservation.ts';
import { segmentPage } from '../../../src/ingest/segment.ts';

const ROOT = 'test/fixtures/ingest';
const update = process.env['UPDATE'] === '1';

describe('recognition fixtures', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(`should recognise ${name} exactly`, () => {
      const text = readFileSync(join(ROOT, name, 'input.txt'), 'utf8');
      const page = segmentPage(text);
      const expectedPath = join(ROOT, name, 'expected.json');
      if (update || !existsSync(expectedPath)) {
        writeFileSync(expectedPath, `${JSON.stringify(page, null, 2)}\n`);
      }
      expect(page).toStrictEqual(JSON.parse(readFileSync(expectedPath, 'utf8')));
      expect(balance(text, page)).toEqual({ lost: 0, extra: 0, sample: [] });
    });
  }
});
