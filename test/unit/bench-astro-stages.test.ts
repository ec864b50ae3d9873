import { describe, expect, it } from 'vitest';
import { astroStages } from '../../bench/measure/astro-stages.ts';
import type { OutputLine } from '../../bench/measure/process-tree.ts';

const log = (entries: [number, string][]): OutputLine[] =>
  entries.map(([ms, text]) => ({ ms, stream: 'stdout', text }));

describe('bench/measure/astro-stages', () => {
  it('splits a build into stages and counts pages whose path and outcome share no line', () => {
    const lines = log([
      [1000, '04:20:00 [content] Syncing content'],
      [4000, '04:20:03 [content] Synced content'],
      [4500, '04:20:04 [build] Building static entrypoints...'],
      [7000, ' generating static routes '],
      [7600, '04:20:07   ├─ /2015-01-01/index.html (+16ms) '],
      // Pages rendered at once: a path logged before the last page's outcome.
      [7700, '04:20:07   ├─ /2015-01-01/01/index.html   ├─ /2015-01-01/01/01/index.html (+5ms) '],
      [7800, ' (+1.02s) '],
      [7900, '04:20:07   ├─ /2015-01-02/index.html (restored)'],
      [8000, '04:20:07   ├─ /2015-01-03/index.html (cached)'],
      [9000, '04:20:09 ✓ Completed in 2.00s.'],
      [
        9500,
        '04:20:09 [folio-search] indexed 5 articles of 5 pages in 1 shards (1 indexed, 0 reused) in 0.4 s after the pages',
      ],
      [9600, '04:20:09 [build] 5 page(s) built in 9.10s'],
    ]);
    expect(astroStages(lines, 10000)).toEqual({
      startupMs: 1000,
      contentSyncMs: 3000,
      prepareMs: 500,
      bundleMs: 2500,
      pathsMs: 600,
      renderMs: 1400,
      afterPagesMs: 1000,
      searchMs: 400,
      pages: 5,
      pagesRendered: 3,
      pagesReused: 2,
      shardsIndexed: 1,
      shardsReused: 0,
    });
  });

  it('reads the index line of a first build, with the articles taken from their entries', () => {
    const lines = log([
      [1000, '04:20:00 [content] Syncing content'],
      [2000, '04:20:01 [content] Synced content'],
      [2500, '04:20:02 [build] Building static entrypoints...'],
      [3000, ' generating static routes '],
      [4000, '04:20:04 ✓ Completed in 1.00s.'],
      [
        6500,
        '04:20:06 [folio-search] indexed 7500 articles of 9341 pages in 3 shards (3 indexed, 0 reused; 2500 articles from their content entries) in 2.5 s after the pages',
      ],
    ]);
    const stages = astroStages(lines, 7000);
    expect([stages.searchMs, stages.shardsIndexed, stages.shardsReused]).toEqual([2500, 3, 0]);
  });
});
