import { describe, expect, test } from 'vitest';
import {
  articlesByYear,
  estimatedFiles,
  filesBesideRoutes,
  fragmentLimit,
  yearOfItemFile,
  type SiteShape,
} from '../../src/search/fragment-budget.ts';

/** 7,500 articles of one year in parts of 5,000: 9,600 pages. */
const shape: SiteShape = {
  pages: 9600,
  others: 250,
  articlesByYear: new Map([['2015', 7500]]),
  maxArticles: 5000,
};

describe('estimatedFiles', () => {
  test('should count pages, others, the engine, and each part: fragments, chunks, its own files', () => {
    // Parts of 5,000 and 2,500: fragments 7,500, chunks 650 + 325, 2 × 20 of their own, engine 15.
    expect(estimatedFiles(shape, undefined)).toBe(9600 + 250 + 15 + 7500 + 975 + 40);
    // Fragments bundled into at most 1,250 files a part: 1,250 + 1,250.
    expect(estimatedFiles(shape, 1250)).toBe(9600 + 250 + 15 + 2500 + 975 + 40);
  });

  test('should leave the engine out of a site without articles', () => {
    expect(estimatedFiles({ ...shape, articlesByYear: new Map() }, undefined)).toBe(9850);
  });
});

describe('fragmentLimit', () => {
  test('should not bundle without a limit, or when the site fits without bundling', () => {
    expect(fragmentLimit(undefined, shape)).toBeUndefined();
    expect(fragmentLimit(18_380, shape)).toBeUndefined();
    expect(fragmentLimit(20_000, shape)).toBeUndefined();
  });

  test('should bundle in the smallest group of 2, 4, 8 or 16 articles that fits', () => {
    // Groups of 2: 2,500 + 2,500 fragment files (the smaller part is not bundled tighter).
    expect(fragmentLimit(18_379, shape)).toBe(2500);
    expect(estimatedFiles(shape, 2500)).toBe(15_880);
    expect(fragmentLimit(15_880, shape)).toBe(2500);
    expect(fragmentLimit(15_879, shape)).toBe(1250);
    expect(fragmentLimit(12_130, shape)).toBe(625);
    expect(fragmentLimit(12_129, shape)).toBe(313);
    expect(estimatedFiles(shape, 313)).toBe(11_506);
    expect(fragmentLimit(11_506, shape)).toBe(313);
  });

  test('should not bundle when even groups of 16 do not fit', () => {
    expect(fragmentLimit(11_505, shape)).toBeUndefined();
  });
});

describe('filesBesideRoutes', () => {
  test("should count Astro's scripts and styles, the sitemap index and a sitemap per 45,000 pages", () => {
    expect(filesBesideRoutes(47)).toBe(9);
    expect(filesBesideRoutes(45_000)).toBe(9);
    expect(filesBesideRoutes(45_001)).toBe(10);
  });
});

describe('articlesByYear', () => {
  test('should count item pages by the year of their date, undated ones apart', () => {
    expect(yearOfItemFile('2024-05-01/02/03/index.html')).toBe('2024');
    expect(yearOfItemFile('undated/scan-a/02/03/index.html')).toBeNull();
    const files = [
      '2023-05-01/01/01/index.html',
      '2024-05-01/01/01/index.html',
      '2024-05-02/03/02/index.html',
      'undated/scan-a/01/index.html',
    ];
    expect(articlesByYear(files)).toEqual(
      new Map([
        ['2023', 1],
        ['2024', 2],
        [null, 1],
      ]),
    );
  });
});
