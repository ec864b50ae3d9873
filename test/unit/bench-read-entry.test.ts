import { describe, expect, it } from 'vitest';
import { readEntry } from '../../bench/synth/read-entry.ts';

describe('bench/synth/read-entry', () => {
  it('parses the front matter and keeps the body whole, a thematic break included', () => {
    const text =
      '---\ntitle: "标题: 副题"\npage: 2\nauthors:\n  - 王小明\n---\n\n第一段。\n\n---\n\n第二段。\n';
    expect(readEntry(text, 'a.md')).toEqual({
      data: { title: '标题: 副题', page: 2, authors: ['王小明'] },
      body: '\n第一段。\n\n---\n\n第二段。\n',
    });
  });

  it('reads front matter written with Windows line ends', () => {
    expect(readEntry('---\r\ntitle: 标题\r\n---\r\n正文\r\n', 'b.md')).toEqual({
      data: { title: '标题' },
      body: '正文\r\n',
    });
  });

  it('names the file without front matter, or with front matter that is not a mapping', () => {
    expect(() => readEntry('正文\n', 'c.md')).toThrow('c.md: no front matter');
    expect(() => readEntry('---\n- 一\n---\n正文\n', 'd.md')).toThrow(
      'd.md: the front matter is not a mapping',
    );
  });
});
