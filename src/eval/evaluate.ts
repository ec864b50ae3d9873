/**
 * Measuring recognition against truth, page by page: items are matched one to one by the
 * overlap of their body text; each matched item's fields are compared exactly; paragraph
 * boundaries are compared as positions in the body's counted characters; characters lost are
 * counted with the conservation rule. All functions here are pure.
 */
import { balance } from '../ingest/conservation.ts';
import { countedChars } from '../ingest/layout/chars.ts';
import type { Item, PageModel } from '../ingest/model.ts';
import type { Truth, TruthItem } from './truth.ts';

/** Least body overlap (Dice coefficient of character bigrams) for two items to match. */
const MATCH_THRESHOLD = 0.5;

/** Item fields compared exactly. */
export const ITEM_FIELDS = [
  'kind',
  'kicker',
  'title',
  'subtitle',
  'byline',
  'authors',
  'paragraphs',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** Counts from one page (or a sum of pages). */
export interface Tally {
  pages: number;
  truthItems: number;
  predictedItems: number;
  matched: number;
  /** Truth items whose field was exactly right, per field. */
  fields: Record<ItemField, number>;
  boundaries: { truePositive: number; falsePositive: number; falseNegative: number };
  pageNames: number;
  furniture: number;
  lost: number;
}

/** One truth item and the predicted item matched to it (or null). */
export interface Pair {
  truth: TruthItem;
  predicted: Item | null;
}

export function emptyTally(): Tally {
  return {
    pages: 0,
    truthItems: 0,
    predictedItems: 0,
    matched: 0,
    fields: Object.fromEntries(ITEM_FIELDS.map((field) => [field, 0])) as Record<ItemField, number>,
    boundaries: { truePositive: 0, falsePositive: 0, falseNegative: 0 },
    pageNames: 0,
    furniture: 0,
    lost: 0,
  };
}

/** Matches truth items to predicted items, best body overlap first, one to one. */
export function matchItems(truth: readonly TruthItem[], predicted: readonly Item[]): Pair[] {
  const candidates: { score: number; t: number; p: number }[] = [];
  truth.forEach((item, t) => {
    predicted.forEach((other, p) => {
      const score = dice(bodyOf(item), bodyOf(other));
      if (score >= MATCH_THRESHOLD) candidates.push({ score, t, p });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.t - b.t || a.p - b.p);
  const byTruth = new Map<number, number>();
  const used = new Set<number>();
  for (const { t, p } of candidates) {
    if (byTruth.has(t) || used.has(p)) continue;
    byTruth.set(t, p);
    used.add(p);
  }
  return truth.map((item, t) => {
    const p = byTruth.get(t);
    return { truth: item, predicted: p === undefined ? null : (predicted[p] ?? null) };
  });
}

/** Scores one page. */
export function evaluatePage(text: string, truth: Truth, page: PageModel): Tally {
  const tally = emptyTally();
  tally.pages = 1;
  tally.truthItems = truth.items.length;
  tally.predictedItems = page.items.length;
  const pairs = matchItems(truth.items, page.items);
  const matchedPredicted = new Set<Item>();
  for (const { truth: item, predicted } of pairs) {
    const truthBounds = boundaries(item.paragraphs);
    if (predicted === null) {
      tally.boundaries.falseNegative += truthBounds.size;
      continue;
    }
    matchedPredicted.add(predicted);
    tally.matched++;
    for (const field of ITEM_FIELDS) {
      if (JSON.stringify(item[field]) === JSON.stringify(predicted[field])) tally.fields[field]++;
    }
    const predictedBounds = boundaries(predicted.paragraphs);
    for (const bound of predictedBounds) {
      if (truthBounds.has(bound)) tally.boundaries.truePositive++;
      else tally.boundaries.falsePositive++;
    }
    for (const bound of truthBounds) {
      if (!predictedBounds.has(bound)) tally.boundaries.falseNegative++;
    }
  }
  for (const item of page.items) {
    if (!matchedPredicted.has(item)) {
      tally.boundaries.falsePositive += boundaries(item.paragraphs).size;
    }
  }
  if ((truth.pageName ?? null) === page.pageName) tally.pageNames = 1;
  const furniture = page.furniture.map(({ kind, text: value }) => ({ kind, text: value }));
  if (JSON.stringify(furniture) === JSON.stringify(truth.furniture)) tally.furniture = 1;
  tally.lost = balance(text, page).lost;
  return tally;
}

/** Adds two tallies. */
export function addTally(a: Tally, b: Tally): Tally {
  const fields = { ...a.fields };
  for (const field of ITEM_FIELDS) fields[field] += b.fields[field];
  return {
    pages: a.pages + b.pages,
    truthItems: a.truthItems + b.truthItems,
    predictedItems: a.predictedItems + b.predictedItems,
    matched: a.matched + b.matched,
    fields,
    boundaries: {
      truePositive: a.boundaries.truePositive + b.boundaries.truePositive,
      falsePositive: a.boundaries.falsePositive + b.boundaries.falsePositive,
      falseNegative: a.boundaries.falseNegative + b.boundaries.falseNegative,
    },
    pageNames: a.pageNames + b.pageNames,
    furniture: a.furniture + b.furniture,
    lost: a.lost + b.lost,
  };
}

/** The measured scores, each from 0 to 1, in the order they are reported. */
export interface Scores {
  segmentRecall: number;
  segmentPrecision: number;
  title: number;
  kicker: number;
  subtitle: number;
  authors: number;
  byline: number;
  kind: number;
  paragraphText: number;
  paragraphBoundaryF1: number;
  pageName: number;
  furniture: number;
}

/** Accuracy per field (truth items as the denominator), F1 of paragraph boundaries, mean. */
export function scoresOf(tally: Tally): { scores: Scores; mean: number } {
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
  const { truePositive: tp, falsePositive: fp, falseNegative: fn } = tally.boundaries;
  const scores: Scores = {
    segmentRecall: ratio(tally.matched, tally.truthItems),
    segmentPrecision: ratio(tally.matched, tally.predictedItems),
    title: ratio(tally.fields.title, tally.truthItems),
    kicker: ratio(tally.fields.kicker, tally.truthItems),
    subtitle: ratio(tally.fields.subtitle, tally.truthItems),
    authors: ratio(tally.fields.authors, tally.truthItems),
    byline: ratio(tally.fields.byline, tally.truthItems),
    kind: ratio(tally.fields.kind, tally.truthItems),
    paragraphText: ratio(tally.fields.paragraphs, tally.truthItems),
    paragraphBoundaryF1: ratio(2 * tp, 2 * tp + fp + fn),
    pageName: ratio(tally.pageNames, tally.pages),
    furniture: ratio(tally.furniture, tally.pages),
  };
  const values: number[] = Object.values<number>({ ...scores });
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  return { scores, mean };
}

/** Positions, in counted characters of the body, where a paragraph after the first starts. */
export function boundaries(paragraphs: readonly string[]): Set<number> {
  const bounds = new Set<number>();
  let offset = 0;
  for (const [index, paragraph] of paragraphs.entries()) {
    if (index > 0) bounds.add(offset);
    offset += countedChars(paragraph).length;
  }
  return bounds;
}

function bodyOf(item: { title: string; paragraphs: readonly string[] }): string {
  const body = item.paragraphs.join('');
  return body === '' ? item.title : body;
}

/** Dice coefficient of the character bigrams of two strings. */
export function dice(a: string, b: string): number {
  const gramsA = bigrams(a);
  const gramsB = bigrams(b);
  const total = sum(gramsA) + sum(gramsB);
  if (total === 0) return a === b ? 1 : 0;
  let shared = 0;
  for (const [gram, count] of gramsA) shared += Math.min(count, gramsB.get(gram) ?? 0);
  return (2 * shared) / total;
}

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text);
  const grams = new Map<string, number>();
  for (let index = 0; index + 1 < chars.length; index++) {
    const gram = `${chars[index] ?? ''}${chars[index + 1] ?? ''}`;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function sum(grams: Map<string, number>): number {
  let total = 0;
  for (const count of grams.values()) total += count;
  return total;
}
