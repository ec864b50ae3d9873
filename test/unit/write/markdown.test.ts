import { describe, expect, test } from 'vitest';
import { bodyMarkdown } from '../../../src/write/markdown.ts';

describe('bodyMarkdown', () => {
  test('should write one Markdown paragraph per paragraph', () => {
    expect(bodyMarkdown(['本报讯 20日，会议召开。', '会上，领导讲话。'])).toBe(
      '本报讯 20日，会议召开。\n\n会上，领导讲话。\n',
    );
  });

  test('should escape text that would read as Markdown syntax', () => {
    expect(bodyMarkdown(['# 不是标题'])).toBe('\\# 不是标题\n');
    expect(bodyMarkdown(['* 不是列表'])).toBe('\\* 不是列表\n');
    expect(bodyMarkdown(['- 不是列表'])).toBe('\\- 不是列表\n');
    expect(bodyMarkdown(['1. 不是编号'])).toBe('1\\. 不是编号\n');
    expect(bodyMarkdown(['> 不是引用'])).toBe('\\> 不是引用\n');
    expect(bodyMarkdown(['[链接](http://example.org)'])).toBe('\\[链接]\\(http://example.org)\n');
    expect(bodyMarkdown(['*强调* `代码`'])).toBe('\\*强调\\* \\`代码\\`\n');
  });

  test('should escape HTML so it shows as text', () => {
    expect(bodyMarkdown(['<script>alert("x")</script>'])).toBe('\\<script>alert("x")\\</script>\n');
    expect(bodyMarkdown(['<!-- 注释 -->'])).toBe('\\<!-- 注释 -->\n');
    expect(bodyMarkdown(['&amp; 与 & 号'])).toBe('\\&amp; 与 & 号\n');
  });

  test('should leave out blank paragraphs and give nothing for no paragraphs', () => {
    expect(bodyMarkdown(['', '  ', '正文。'])).toBe('正文。\n');
    expect(bodyMarkdown([])).toBe('');
  });
});
