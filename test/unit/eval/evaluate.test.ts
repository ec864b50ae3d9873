import { describe, expect, it } from 'vitest';
import {
  boundaries,
  dice,
  evaluatePage,
  matchItems,
  scoresOf,
} from '../../../src/eval/evaluate.ts';
import type { Truth } from '../../../src/eval/truth.ts';
import type { Item, PageModel } from '../../../src/ingest/model.ts';

const item = (title: string, paragraphs: string[], extra: Partial<Item> = {}): Item => ({
  kind: 'article',
  kicker: null,
  title,
  subtitle: null,
  byline: null,
  bylineInline: false,
  authors: [],
  paragraphs,
  lines: { first: 1, last: 1 },
  ...extra,
});

describe('evaluation', () => {
  it('should measure overlap of bodies by character bigrams', () => {
    expect(dice('春风十里', '春风十里')).toBe(1);
    expect(dice('春风十里', '花开满城')).toBe(0);
    expect(dice('春风十里', '春风')).toBeCloseTo(0.5);
  });

  it('should place paragraph boundaries by counted characters', () => {
    expect([...boundaries(['甲乙，丙。', '丁戊。', 'A1'])]).toEqual([3, 5]);
  });

  it('should match items one to one by body overlap', () => {
    const truth = [
      { ...item('一', ['春风十里花开满城']), kicker: null },
      { ...item('二', ['今天天气很好大家出门']), kicker: null },
    ];
    const predicted = [item('乙', ['今天天气很好大家出门']), item('甲', ['春风十里花开满城'])];
    const pairs = matchItems(truth, predicted);
    expect(pairs.map((pair) => pair.predicted?.title)).toEqual(['甲', '乙']);
  });

  it('should score fields, boundaries and characters lost', () => {
    const text = '标题\n\n春风十里。\n花开满城。\n被漏掉';
    const truth: Truth = {
      pageName: null,
      items: [
        {
          kind: 'article',
          kicker: null,
          title: '标题',
          subtitle: null,
          byline: null,
          authors: [],
          paragraphs: ['春风十里。', '花开满城。'],
        },
      ],
      furniture: [],
    };
    const page: PageModel = {
      items: [item('错的', ['春风十里。花开满城。'])],
      furniture: [],
      pageName: null,
      warnings: [],
    };
    const tally = evaluatePage(text, truth, page);
    expect(tally.matched).toBe(1);
    expect(tally.fields.title).toBe(0);
    expect(tally.fields.kicker).toBe(1);
    expect(tally.boundaries).toEqual({ truePositive: 0, falsePositive: 0, falseNegative: 1 });
    expect(tally.lost).toBe(2 + 3);
    const { scores } = scoresOf(tally);
    expect(scores.segmentRecall).toBe(1);
    expect(scores.title).toBe(0);
    expect(scores.paragraphBoundaryF1).toBe(0);
  });
});
