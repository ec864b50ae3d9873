/**
 * Properties of the whole conversion over random pages, whatever the recogniser makes of them:
 * the same input gives the same bytes, a second run writes nothing, and a run that takes the
 * unchanged pages from the last run's record gives what a full conversion gives.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  ConversionRecord,
  converterFingerprint,
  recordFile,
} from '../../../src/ingest/conversion-record.ts';
import { ingest } from '../../../src/ingest/ingest.ts';
import { makeRawDir, tree } from './raw-dir.ts';

const config = { paper: '示例日报' };

/** Lines of CJK text, Markdown and HTML look-alikes, YAML breakers, blank lines. */
const line = fc.oneof(
  fc.string({
    unit: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)),
    maxLength: 24,
  }),
  fc.constantFrom(
    '',
    '  ',
    '□记者 王小明',
    '本报讯 30日，',
    '# 标题',
    '<script>alert(1)</script>',
    'a: b',
    '- x',
    '"引号"',
    '1. 项',
    '——副题',
  ),
  fc.string({ maxLength: 20 }).map((s) => s.replace(/\p{Cc}/gu, '')),
);
const page = fc
  .array(line, { minLength: 1, maxLength: 30 })
  .map((lines) => `${lines.join('\n')}\n`);

describe('conversion properties', () => {
  test('should be deterministic and idempotent on random pages', () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 3 }), (pages) => {
        const files: Record<string, string> = {};
        pages.forEach((text, i) => (files[`2024-05-01/0${i + 1}.txt`] = text));
        const raw = makeRawDir(files);
        const [a, b] = [
          mkdtempSync(join(tmpdir(), 'folio-p-')),
          mkdtempSync(join(tmpdir(), 'folio-p-')),
        ];
        const first = ingest({ rawDir: raw, outDir: a, config, progress: false });
        ingest({ rawDir: raw, outDir: b, config, progress: false });
        expect(tree(b)).toEqual(tree(a));
        const again = ingest({ rawDir: raw, outDir: a, config, progress: false });
        expect(again.files.written).toEqual([]);
        expect(again.files.ledgerWritten).toBe(false);
        expect(again.errors).toEqual(first.errors);
      }),
      { numRuns: 40, seed: 20240501 },
    );
  }, 60_000);

  test('should convert with the record as without it, when pages change between runs', () => {
    const fingerprint = converterFingerprint(join(import.meta.dirname, '../../..'));
    fc.assert(
      fc.property(
        fc.array(page, { minLength: 1, maxLength: 3 }),
        fc.array(fc.option(page, { nil: undefined }), { minLength: 1, maxLength: 3 }),
        (pages, changes) => {
          const name = (i: number): string => `2024-05-01/0${i + 1}.txt`;
          const raw = makeRawDir(Object.fromEntries(pages.map((text, i) => [name(i), text])));
          const [withRecord, without] = [
            mkdtempSync(join(tmpdir(), 'folio-p-')),
            mkdtempSync(join(tmpdir(), 'folio-p-')),
          ];
          const file = recordFile(mkdtempSync(join(tmpdir(), 'folio-r-')), raw);
          const convert = (outDir: string, record?: ConversionRecord) =>
            ingest({ rawDir: raw, outDir, config, progress: false, ...(record && { record }) });
          convert(withRecord, ConversionRecord.load(file, fingerprint));
          convert(without);
          changes.forEach((text, i) => {
            if (text !== undefined) writeFileSync(join(raw, name(i)), text);
          });
          const taken = convert(withRecord, ConversionRecord.load(file, fingerprint));
          const full = convert(without);
          expect(tree(withRecord)).toEqual(tree(without));
          const warnings = taken.warnings.map(({ file, line, message }) => ({
            file,
            message,
            ...(line !== undefined && { line }),
          }));
          expect({ ...taken, outDir: without, reused: 0, warnings }).toEqual(full);
        },
      ),
      { numRuns: 40, seed: 20261205 },
    );
  }, 60_000);
});
