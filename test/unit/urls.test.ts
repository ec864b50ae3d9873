import { describe, expect, test } from 'vitest';
import {
  calendarUrl,
  dataUrl,
  feedUrl,
  homeUrl,
  issueJsonUrl,
  isItemPath,
  issueUrl,
  itemUrl,
  monthUrl,
  onThisDayUrl,
  pageUrl,
  parseItemId,
  parsePageId,
  rawTextUrl,
  reporterUrl,
  searchQueryUrl,
  withBase,
  yearItemsExportUrl,
} from '../../src/archive/urls.ts';

describe('URL scheme', () => {
  test('should build issue, page and item URLs from position under the root', () => {
    expect(homeUrl('/')).toBe('/');
    expect(issueUrl('2024-05-01', '/')).toBe('/2024-05-01/');
    expect(pageUrl('2024-05-01', '02', '/')).toBe('/2024-05-01/02/');
    expect(itemUrl('2024-05-01/02/03', '/')).toBe('/2024-05-01/02/03/');
    expect(itemUrl('2024-05-01/02/103', '/')).toBe('/2024-05-01/02/103/');
    expect(rawTextUrl('2024-05-01', '02', '/')).toBe('/2024-05-01/02/#raw');
  });

  test('should put every URL under a sub-path base', () => {
    const base = '/archive/';
    expect(homeUrl(base)).toBe('/archive/');
    expect(issueUrl('2024-05-01', base)).toBe('/archive/2024-05-01/');
    expect(itemUrl('2024-05-01/02/03', base)).toBe('/archive/2024-05-01/02/03/');
    expect(calendarUrl(base)).toBe('/archive/calendar/');
    expect(monthUrl(2024, 5, base)).toBe('/archive/calendar/2024/05/');
    expect(onThisDayUrl('05-01', base)).toBe('/archive/on-this-day/05-01/');
    expect(feedUrl(base)).toBe('/archive/rss.xml');
    expect(issueJsonUrl('2024-05-01', base)).toBe('/archive/data/2024-05-01.json');
    expect(dataUrl(base)).toBe('/archive/data/');
    expect(yearItemsExportUrl('2024', base)).toBe('/archive/data/items/2024.jsonl');
    expect(yearItemsExportUrl('undated', base)).toBe('/archive/data/items/undated.jsonl');
  });

  test('should accept a base without its final slash', () => {
    expect(withBase('calendar/', '/archive')).toBe('/archive/calendar/');
    expect(withBase('/calendar/', '/archive/')).toBe('/archive/calendar/');
  });

  test('should place undated issues under undated/<name>', () => {
    expect(issueUrl('undated/scan-a', '/')).toBe('/undated/scan-a/');
    expect(itemUrl('undated/scan-a/01/02', '/x/')).toBe('/x/undated/scan-a/01/02/');
    expect(issueJsonUrl('undated/scan-a', '/')).toBe('/data/undated/scan-a.json');
    // An undated raw file written as one page: undated/<stem>/<kk>.md, the page at the issue URL.
    expect(itemUrl('undated/scan-a/02', '/x/')).toBe('/x/undated/scan-a/02/');
    expect(pageUrl('undated/scan-a', null, '/x/')).toBe('/x/undated/scan-a/');
    expect(rawTextUrl('undated/scan-a', null, '/')).toBe('/undated/scan-a/#raw');
  });

  test('should percent-encode reporter names and search queries', () => {
    expect(reporterUrl('王小明', '/')).toBe('/reporters/%E7%8E%8B%E5%B0%8F%E6%98%8E/');
    expect(searchQueryUrl('植树 社区', '/archive/')).toBe(
      '/archive/search/?q=%E6%A4%8D%E6%A0%91+%E7%A4%BE%E5%8C%BA',
    );
  });

  test('should split item and page ids into their positions', () => {
    expect(parseItemId('2024-05-01/02/03')).toEqual({
      issue: '2024-05-01',
      page: '02',
      item: '03',
    });
    expect(parseItemId('undated/scan-a/01/02')).toEqual({
      issue: 'undated/scan-a',
      page: '01',
      item: '02',
    });
    expect(parsePageId('2024-05-01/02/page')).toEqual({ issue: '2024-05-01', page: '02' });
    expect(parseItemId('undated/scan-a/02')).toEqual({
      issue: 'undated/scan-a',
      page: null,
      item: '02',
    });
    expect(parsePageId('undated/scan-a/page')).toEqual({ issue: 'undated/scan-a', page: null });
  });

  test('should reject ids that do not follow the content layout, naming the id', () => {
    expect(() => parseItemId('2024-05-01/02/headline')).toThrow(
      '2024-05-01/02/headline: item id must end in /<NN>/<kk> (two- or three-digit page and position)',
    );
    expect(() => parseItemId('misc/02/03')).toThrow(
      'misc/02/03: item id must start with a date (YYYY-MM-DD) or undated/<name>',
    );
    expect(() => parseItemId('undated/03')).toThrow('undated/03: item id must end in');
    expect(() => parsePageId('2024-05-01/02/03')).toThrow(
      '2024-05-01/02/03: page record must be at <date>/<NN>/page.json or undated/<name>/page.json',
    );
  });

  test('should tell item pages from the other pages by their paths', () => {
    const items = ['/2024-05-01/02/03/', '2024-05-01/12/103', '/undated/Scan.A/01/'];
    const others = [
      '/',
      '/2024-05-01/',
      '/2024-05-01/02/',
      '/undated/Scan.A/',
      '/undated/01/',
      '/reporters/王小明/',
      '/calendar/2024/05/',
      '/on-this-day/05-01/',
      '/2024-05-01/02/03/raw/',
    ];
    expect(items.filter(isItemPath)).toEqual(items);
    expect(others.filter(isItemPath)).toEqual([]);
  });
});
