import { describe, expect, test } from 'vitest';
import { describeBuild, reportBuild, takeBuildReport } from '../../src/site/build-report.ts';

const search = { articles: 7500, pagesRead: 9341, shards: 3, indexed: 3, reused: 0 };

describe('reportBuild / takeBuildReport', () => {
  test('should gather what each integration told, and start afresh once taken', () => {
    reportBuild({ rendered: 12 });
    reportBuild({ pages: 47 });
    reportBuild({ search });
    expect(takeBuildReport()).toEqual({ pages: 47, rendered: 12, search });
    expect(takeBuildReport()).toEqual({ pages: null, rendered: null, search: null });
  });
});

describe('describeBuild', () => {
  test('should give the pages, how many were rendered, and the search index', () => {
    expect(describeBuild({ pages: 9341, rendered: 9341, search }, '/srv/dist', 25.34)).toBe(
      'Built 9,341 pages into /srv/dist in 25.3 s (9,341 rendered, 0 reused); ' +
        'search: 7,500 articles in 3 bundles (3 indexed, 0 reused)',
    );
  });

  test('should speak of one page, one article and one bundle in the singular', () => {
    const one = { articles: 1, pagesRead: 1, shards: 1, indexed: 0, reused: 1 };
    expect(describeBuild({ pages: 1, rendered: 0, search: one }, 'dist', 0.94)).toBe(
      'Built 1 page into dist in 0.9 s (0 rendered, 1 reused); ' +
        'search: 1 article in 1 bundle (0 indexed, 1 reused)',
    );
  });

  test('should leave out what the build did not tell', () => {
    expect(describeBuild({ pages: 15, rendered: null, search: null }, 'dist', 1.7)).toBe(
      'Built 15 pages into dist in 1.7 s',
    );
    expect(describeBuild({ pages: null, rendered: 3, search: null }, 'dist', 1.7)).toBe(
      'Built the site into dist in 1.7 s',
    );
  });
});
