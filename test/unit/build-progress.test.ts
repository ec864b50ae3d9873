import { describe, expect, test } from 'vitest';
import {
  buildStage,
  pageRendered,
  progressLine,
  watchBuild,
} from '../../src/site/build-progress.ts';

describe('watchBuild', () => {
  test('should show each stage as the build reaches it, and the pages rendered so far', () => {
    const lines: string[] = [];
    const stop = watchBuild((line) => lines.push(line));
    buildStage('bundle');
    for (let i = 0; i < 1001; i++) pageRendered();
    buildStage('finish');
    stop();
    expect(lines.slice(0, 4)).toEqual([
      'Reading the content…',
      'Bundling the site…',
      'Rendering pages: 1',
      'Rendering pages: 2',
    ]);
    expect(lines.slice(-2)).toEqual([
      'Rendering pages: 1,001',
      'Finishing the search index and the sitemap…',
    ]);
    expect(lines).toHaveLength(1004);
  });

  test('should tell nobody once stopped, nor when nobody watches', () => {
    const lines: string[] = [];
    watchBuild((line) => lines.push(line))();
    buildStage('bundle');
    pageRendered();
    expect(lines).toEqual(['Reading the content…']);
  });
});

describe('progressLine', () => {
  test('should count the pages only while they are rendered', () => {
    expect(progressLine('content', 0)).toBe('Reading the content…');
    expect(progressLine('pages', 9341)).toBe('Rendering pages: 9,341');
    expect(progressLine('finish', 9341)).toBe('Finishing the search index and the sitemap…');
  });
});
