import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  siteIdentity,
  previousAssembly,
  readRecord,
  removeRecord,
  siteRecord,
  writeRecord,
  type AssembledPart,
} from '../../../src/shard/site-record.ts';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'folio-record-'));
  const site = join(dir, 'site');
  mkdirSync(site);
  return { dir, site, file: join(dir, 'site.json') };
}

const parts: AssembledPart[] = [
  { part: 'global', source: '/cache/parts/global', build: 'g1' },
  { part: '2024', source: '/cache/parts/2024', build: 'b1' },
];
const listings = new Map([
  ['/cache/parts/global', ['_astro/site.css', 'index.html']],
  ['/cache/parts/2024', ['2024-05-01/index.html', '_astro/site.css', 'pagefind/shards.json']],
]);

describe('site record', () => {
  test('should read back the record of the site as it is', () => {
    const { site, file } = setup();
    const record = siteRecord(site, parts, listings);
    expect(record).toEqual({
      site,
      identity: siteIdentity(site),
      parts: {
        global: { build: 'g1', files: ['_astro/site.css', 'index.html'] },
        2024: {
          build: 'b1',
          files: ['2024-05-01/index.html', '_astro/site.css', 'pagefind/shards.json'],
        },
      },
    });
    writeRecord(file, record);
    expect(readRecord(file, site)).toEqual(record);
  });

  test('should read no record once the site was assembled again', () => {
    const { site, file } = setup();
    writeFileSync(join(site, 'sitemap-index.xml'), '<sitemapindex/>');
    writeRecord(file, siteRecord(site, parts, listings));
    expect(readRecord(file, site)).not.toBeNull();
    // As every assembly does: a new sitemap index, renamed into place.
    writeFileSync(join(site, '.sitemap-index.xml.tmp'), '<sitemapindex/>');
    renameSync(join(site, '.sitemap-index.xml.tmp'), join(site, 'sitemap-index.xml'));
    expect(readRecord(file, site)).toBeNull();
  });

  test('should read no record for another site, a replaced site, or none at all', () => {
    const { dir, site, file } = setup();
    expect(readRecord(file, site)).toBeNull();
    writeRecord(file, siteRecord(site, parts, listings));
    expect(readRecord(file, join(dir, 'other'))).toBeNull();
    // The same path, another directory: a site put there by other means.
    renameSync(site, join(dir, 'old'));
    mkdirSync(site);
    expect(readRecord(file, site)).toBeNull();
    removeRecord(file);
    expect(readRecord(file, site)).toBeNull();
  });

  test.each([
    ['not JSON', '{"site":'],
    ['not a record', '[]'],
    ['a part without files', '{"site":"S","identity":"I","parts":{"2024":{"build":"b1"}}}'],
  ])('should read no record from a file that is %s', (_, text) => {
    const { site, file } = setup();
    writeFileSync(file, text.replace('"S"', JSON.stringify(site)));
    expect(readRecord(file, site)).toBeNull();
  });

  test('should take as unchanged the parts whose build the record names', () => {
    const { site } = setup();
    const record = siteRecord(site, parts, listings);
    const now: AssembledPart[] = [
      { part: 'global', source: '/cache/parts/global', build: 'g2' },
      { part: '2024', source: '/cache/parts/2024', build: 'b1' },
      { part: '2025', source: '/cache/parts/2025', build: 'n1' },
    ];
    expect(previousAssembly(record, now)).toEqual({
      site: new Set([
        '2024-05-01/index.html',
        '_astro/site.css',
        'index.html',
        'pagefind/shards.json',
      ]),
      unchanged: new Map([
        ['/cache/parts/2024', ['2024-05-01/index.html', '_astro/site.css', 'pagefind/shards.json']],
      ]),
    });
  });
});
