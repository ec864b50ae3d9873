import { describe, expect, it } from 'vitest';
import { columnWidth, isIndented } from '../../../src/ingest/layout/column.ts';
import { pageLines } from '../../../src/ingest/layout/lines.ts';
import { endsSentence } from '../../../src/ingest/layout/punctuation.ts';
import { punctuationWidth } from '../../../src/ingest/layout/punctuation-width.ts';
import { emWidth } from '../../../src/ingest/layout/width.ts';

describe('emWidth', () => {
  it('should count CJK as one em, ASCII as half an em', () => {
    expect(emWidth('本报讯 20日')).toBe(3 + 0.5 + 1 + 1);
    expect(emWidth('abc')).toBe(1.5);
  });
  it('should count CJK punctuation and quotes as one em, or as the page sets them', () => {
    expect(emWidth('“好”，')).toBe(4);
    expect(emWidth('“好”，', 0.5)).toBe(2.5);
  });
  it('should count control and zero-width characters as nothing', () => {
    expect(emWidth('\u0000\u200b')).toBe(0);
  });
});

describe('endsSentence', () => {
  it('should accept terminal marks, and closing quotes after them', () => {
    expect(endsSentence('下去。”')).toBe(true);
    expect(endsSentence('好吗？ ')).toBe(true);
    expect(endsSentence('“红美人”')).toBe(false);
    expect(endsSentence('我们，')).toBe(false);
  });
});

describe('pageLines', () => {
  it('should keep non-blank lines with their numbers, widths and open ends', () => {
    const lines = pageLines('第一行，\n\n  第二行。 \n');
    expect(
      lines.map(({ no, trimmed, width, core, openEnd, ends }) => [
        no,
        trimmed,
        width,
        core,
        openEnd,
        ends,
      ]),
    ).toEqual([
      [1, '第一行，', 4, 3, false, false],
      [3, '第二行。', 4, 3, true, false],
    ]);
  });
  it('should measure how far a line would reach with the Latin word opening the next', () => {
    const lines = pageLines('会议在\nInternational Centre举行。\n展出 the\nWorld Cup');
    expect(lines.map((line) => line.reach)).toEqual([9.5, 13, 7, 4.5]);
  });
});

describe('pageLines line ends', () => {
  it('should read CRLF and CR line ends like LF', () => {
    expect(
      pageLines('甲乙\r\n丙丁\r戊').map((line) => [line.no, line.trimmed, line.openEnd]),
    ).toEqual([
      [1, '甲乙', false],
      [2, '丙丁', false],
      [3, '戊', false],
    ]);
  });
});

describe('columnWidth', () => {
  it('should take the width most running lines reach', () => {
    const line = (width: number, core = width, ends = false) => ({ width, core, ends });
    expect(columnWidth([line(14), line(16), line(17, 16), line(16), line(9, 8, true)])).toBe(16);
  });
  it('should read a first line two em short as indented', () => {
    expect(isIndented(14, 16)).toBe(true);
    expect(isIndented(15.5, 16)).toBe(false);
  });
});

describe('punctuationWidth', () => {
  it('should find compressed punctuation when two marks take the room of one character', () => {
    // A column of eight em: two marks take the room of one character.
    const compressed = Array.from({ length: 60 }, (_, index) =>
      index % 2 === 0 ? '甲乙丙丁，戊己，庚' : '甲乙丙丁戊己庚辛',
    );
    expect(punctuationWidth(compressed)).toBe(0.5);
    const full = Array.from({ length: 60 }, (_, index) =>
      index % 2 === 0 ? '甲乙丙，丁戊己' : '甲乙丙丁戊己庚',
    );
    expect(punctuationWidth(full)).toBe(1);
  });
  it('should tell compressed punctuation on a short page from lines equally wide only so', () => {
    const lines = [
      '甲乙丙丁，戊己，庚',
      '甲乙丙丁戊己庚辛',
      '甲，乙丙丁戊己，庚',
      '甲乙丙丁戊己庚辛',
    ];
    expect(punctuationWidth([...lines, ...lines])).toBe(0.5);
    // Too few lines to tell: full width.
    expect(punctuationWidth(['甲乙丙丁，戊己，庚', '甲乙丙丁戊己庚辛', '甲乙丙丁戊己庚辛'])).toBe(
      1,
    );
  });
});
