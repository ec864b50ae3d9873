import { describe, expect, it } from 'vitest';
import { balance } from '../../../src/ingest/conservation.ts';
import { segmentPage } from '../../../src/ingest/segment.ts';

describe('segmentPage on hostile input', () => {
  it('should give an empty model for empty or blank text', () => {
    for (const text of ['', '\n\n', '   \n\t']) {
      expect(segmentPage(text)).toEqual({ items: [], furniture: [], pageName: null, warnings: [] });
    }
  });

  it('should keep HTML and script text as the literal text it is', () => {
    const text = [
      '<script>alert("x")</script>标题',
      '',
      '本报讯 今天<b>上午</b>，市里召开了',
      '会议，讨论了 # 标题 和 *强调* 的用法。',
    ].join('\n');
    const page = segmentPage(text);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]?.title).toBe('<script>alert("x")</script>标题');
    expect(page.items[0]?.paragraphs).toEqual([
      '本报讯 今天<b>上午</b>，市里召开了会议，讨论了 # 标题 和 *强调* 的用法。',
    ]);
    expect(balance(text, page).lost).toBe(0);
  });

  it('should carry NUL bytes through without losing the text around them', () => {
    const text = '标\u0000题\n\n正文第一\u0000行写在这里，\n第二行到此结束。';
    const page = segmentPage(text);
    expect(balance(text, page)).toEqual({ lost: 0, extra: 0, sample: [] });
  });

  // A quadratic step would not finish a 1.6M-character line within the test's time limit; a
  // linear one takes about half a second. No wall-clock assertion: a loaded machine is slower.
  it('should read a very long line', { timeout: 60_000 }, () => {
    const line = '很长的一行文字，'.repeat(200_000);
    const page = segmentPage(`${line}\n结束了。`);
    expect(balance(`${line}\n结束了。`, page).lost).toBe(0);
  });

  it('should read many lines without a sentence end', { timeout: 60_000 }, () => {
    const text = Array.from({ length: 50_000 }, (_, index) => `第${index}行没有句号`).join('\n');
    const page = segmentPage(text);
    expect(balance(text, page).lost).toBe(0);
    expect(page.warnings.length).toBeGreaterThan(0);
  });
});
