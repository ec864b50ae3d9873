/**
 * Recognising one page: its text in, a PageModel out. Pure and deterministic.
 *
 * 1. Lines with their geometry (layout/lines.ts).
 * 2. Furniture (running heads, banners) and byline lines are set apart; the rest of the page
 *    falls into runs of text between them.
 * 3. Credits that end a body inside its last line are found, so the body ends there.
 * 4. Each run is cut after every line that ends a sentence; each piece's leading lines that are
 *    not body are headline (rules/body-start.ts).
 * 5. Body pieces join into bodies; headlines attach to the body after them or the one before
 *    them — whichever way the page runs: a page that opens with a headline prints every
 *    headline before its body.
 * 6. Each item: headline → kicker/title/subtitle, body → paragraphs, byline and authors, kind.
 */
import type { Furniture } from '../archive/schema.ts';
import { columnWidth } from './layout/column.ts';
import { pageLines, type Line } from './layout/lines.ts';
import { endsSentence } from './layout/punctuation.ts';
import type { Item, PageModel, Warning } from './model.ts';
import { headLinesBefore } from './rules/body-start.ts';
import { bylineLine, type BylineLine } from './rules/byline.ts';
import { kindOf } from './rules/caption.ts';
import { trailingCredit } from './rules/credit.ts';
import { datelineByline, opensWithDateline } from './rules/dateline.ts';
import { furnitureOf } from './rules/furniture.ts';
import { readHeadline } from './rules/headline.ts';
import { joinLines } from './rules/join-lines.ts';
import type { Credit } from './rules/names.ts';
import { splitParagraphs } from './rules/paragraphs.ts';

/** Widest line a trailing credit's wrapped remainder is looked for on, in em. */
const CREDIT_TAIL_WIDTH = 14;
/** What shows a short line to be the rest of a credit, not a headline: a space, a bracket, 摄. */
const CREDIT_TAIL = /\s|[）)]|摄/u;
/** A line of punctuation only. */
const PUNCTUATION_ONLY = /^[\p{P}\s]+$/u;
/** Most lines after a body's last sentence still read as a headline. */
const MAX_TAIL_HEAD = 4;

type Part =
  | { type: 'furniture'; line: Line; furniture: Furniture }
  | { type: 'byline'; line: Line; byline: BylineLine }
  | { type: 'run'; lines: Line[] };

type Block =
  | Exclude<Part, { type: 'run' }>
  | { type: 'head'; lines: Line[] }
  | { type: 'body'; lines: Line[]; opens: boolean; closes: boolean };

interface Draft {
  head: Line[] | null;
  byline: { line: Line; byline: BylineLine } | null;
  body: Line[];
  credit: { line: Line; byline: BylineLine } | null;
}

/** Recognises the items, furniture and page name of one page's text (`\n` line ends). */
export function segmentPage(text: string): PageModel {
  const warnings: Warning[] = [];
  const furniture: Furniture[] = [];
  let pageName: string | null = null;
  const parts: Part[] = [];
  let run: Line[] = [];
  const flush = (): void => {
    if (run.length > 0) parts.push({ type: 'run', lines: run });
    run = [];
  };
  let previous: Line | undefined;
  for (const line of pageLines(text)) {
    // A line the previous one runs on into (it ended in a space) is text, whatever it looks like.
    const follows = previous?.openEnd === true;
    const before = previous;
    previous = line;
    const found = follows ? null : furnitureOf(line.trimmed);
    if (found !== null) {
      flush();
      furniture.push(found.furniture);
      pageName ??= found.pageName;
      parts.push({ type: 'furniture', line, furniture: found.furniture });
      continue;
    }
    // … and so is the rest of a credit wrapped from the line before (`记者 欧阳` + `明辉 摄`).
    const wrapped = before !== undefined && wrappedCredit(before, line);
    const byline = follows || wrapped ? null : bylineLine(line.trimmed);
    if (byline !== null) {
      flush();
      parts.push({ type: 'byline', line, byline });
      continue;
    }
    run.push(line);
  }
  flush();

  // A page that opens with a headline prints every headline before its body.
  const trial = readParts(parts, false, []);
  const headsFirst = trial.find((block) => block.type !== 'furniture')?.type === 'head';
  const blocks = readParts(parts, headsFirst, warnings);
  const drafts = assemble(blocks, headsFirst, warnings);
  let widest = 0;
  for (const draft of drafts)
    for (const line of draft.head ?? []) widest = Math.max(widest, line.width);
  const items = drafts.map((draft) => toItem(draft, widest, warnings));
  warnings.sort((a, b) => a.line - b.line);
  return { items, furniture, pageName, warnings };
}

/** Parts → blocks: each run of text read as headline and body pieces. */
function readParts(parts: readonly Part[], headsFirst: boolean, warnings: Warning[]): Block[] {
  const blocks: Block[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.type !== 'run') {
      blocks.push(part);
      continue;
    }
    // Headline first in this run: on a page that prints headlines first, unless a byline just
    // opened the body; on a page that prints them after, when a credit just closed a body.
    const before = parts[index - 1];
    const opensBody = before !== undefined && startsBody(before, parts[index - 2]);
    const opensItem = headsFirst ? !opensBody : before?.type === 'byline' && !opensBody;
    blocks.push(...runBlocks(part.lines, headsFirst, opensItem, warnings));
  }
  return blocks;
}

/**
 * A byline part opens the body after it (rather than crediting the one before it): it is
 * marked, or it follows no text, or text that does not end a sentence (a headline).
 */
function startsBody(part: Part, before: Part | undefined): boolean {
  if (part.type !== 'byline') return false;
  if (part.byline.marked) return true;
  if (part.byline.credit.photo) return false;
  return before?.type !== 'run' || before.lines.at(-1)?.ends === false;
}

/** One run of text lines as headline and body blocks. */
function runBlocks(
  input: readonly Line[],
  headsFirst: boolean,
  opensItem: boolean,
  warnings: Warning[],
): Block[] {
  const closers = new Set<Line>();
  const run = markCredits(input, closers);
  const pieces: Line[][] = [];
  let start = 0;
  for (const [index, line] of run.entries()) {
    if (line.ends) {
      pieces.push(run.slice(start, index + 1));
      start = index + 1;
    }
  }
  const tail = run.slice(start);
  const blocks: Block[] = [];
  const bodyLines: Line[] = [];
  for (const [index, piece] of pieces.entries()) {
    const closed = closers.has(pieces[index - 1]?.at(-1) ?? piece[0] ?? ({} as Line));
    const itemStart =
      index === 0 ? opensItem : closed || (!headsFirst && changesColumn(bodyLines, piece));
    const { count, clear } = headLinesBefore(piece, {
      before: bodyLines,
      after: pieces[index + 1] ?? tail,
      headFirst: itemStart,
    });
    const first = piece[0];
    if (!clear && first) {
      warnings.push({ line: first.no, message: 'headline or body unclear; read as body' });
    }
    if (count > 0) blocks.push({ type: 'head', lines: piece.slice(0, count) });
    const body = piece.slice(count);
    if (count > 0 || body[0] === undefined || opensWithDateline(body[0].trimmed)) {
      bodyLines.length = 0;
    }
    bodyLines.push(...body);
    blocks.push(bodyBlock(body, closers));
  }
  if (tail.length > 0 && tail.length <= MAX_TAIL_HEAD) {
    blocks.push({ type: 'head', lines: tail });
  } else if (tail.length > 0) {
    const first = tail[0];
    if (first) warnings.push({ line: first.no, message: 'text does not end a sentence' });
    blocks.push(bodyBlock(tail, closers));
  }
  return mergeBodies(blocks);
}

/** Most lines looked at to tell a body's column. */
const EVIDENCE_LINES = 40;
/** Lines set in a column this much narrower or wider belong to another body. */
const COLUMN_CHANGE = 2;

/** The piece is set in another column than the body before it in the run. */
function changesColumn(before: readonly Line[], piece: readonly Line[]): boolean {
  const own = innerLines(piece.slice(0, EVIDENCE_LINES));
  const previous = innerLines(before.slice(-EVIDENCE_LINES)).slice(-8);
  if (own.length < 2 || previous.length < 2) return false;
  return Math.abs(columnWidth(own) - columnWidth(previous)) >= COLUMN_CHANGE;
}

/** Lines inside paragraphs: neither a first line (maybe indented) nor one ending a sentence. */
function innerLines(lines: readonly Line[]): Line[] {
  return lines.filter(
    (line, index) => index > 0 && !line.ends && !(lines[index - 1]?.ends ?? true),
  );
}

function bodyBlock(lines: Line[], closers: ReadonlySet<Line>): Block {
  const first = lines[0];
  const last = lines.at(-1);
  return {
    type: 'body',
    lines,
    opens: first !== undefined && opensWithDateline(first.trimmed),
    closes: last !== undefined && closers.has(last),
  };
}

/** Consecutive body pieces are one body unless a dateline opens or a credit closes one. */
function mergeBodies(blocks: readonly Block[]): Block[] {
  const merged: Block[] = [];
  for (const block of blocks) {
    const previous = merged.at(-1);
    if (block.type === 'body' && previous?.type === 'body' && !block.opens && !previous.closes) {
      previous.lines.push(...block.lines);
      previous.closes = block.closes;
      continue;
    }
    merged.push(block.type === 'body' ? { ...block, lines: Array.from(block.lines) } : block);
  }
  return merged;
}

/**
 * Finds credits that end a body within a line (`…效果。 李忠义`) or on a short next line
 * (`…成绩。  杨木军 摄影报` + `道`, `…多个。 ` + `倪琼`): the body ends there. Returns copies of
 * the lines with `ends` set accordingly; `closers` receives the lines that end a body.
 */
function markCredits(run: readonly Line[], closers: Set<Line>): Line[] {
  const marked = run.map((line) => ({ ...line }));
  // A line of closing punctuation alone (`”`) finishes the line before it.
  for (const [index, line] of marked.entries()) {
    const previous = marked[index - 1];
    if (previous === undefined || !PUNCTUATION_ONLY.test(line.trimmed)) continue;
    line.ends = endsSentence(previous.trimmed + line.trimmed);
    previous.ends = false;
  }
  for (const [index, line] of marked.entries()) {
    if (closers.has(line)) continue;
    const next = marked[index + 1];
    // A credit wrapped onto a short next line that cannot be a headline (`记者 陆工` + `族 摄`):
    // the whole credit ends the body there.
    if (next !== undefined && wrappedCredit(line, next)) {
      line.ends = false;
      next.ends = true;
      closers.add(next);
      continue;
    }
    if (!line.openEnd && trailingCredit(line.trimmed) !== null) {
      line.ends = true;
      closers.add(line);
      continue;
    }
    if (next === undefined || next.width > CREDIT_TAIL_WIDTH || line.ends) continue;
    const after = marked[index + 2];
    if (after !== undefined && wrappedCredit(next, after)) continue;
    if (trailingCredit(joinLines([line.text, next.text])) !== null) {
      next.ends = true;
      closers.add(next);
    }
  }
  return marked;
}

/** A credit that starts on `line` and runs on to a short `next` line that cannot be a headline. */
function wrappedCredit(line: Line, next: Line): boolean {
  if (next.width > CREDIT_TAIL_WIDTH || !CREDIT_TAIL.test(next.trimmed)) return false;
  const joined = joinLines([line.text, next.text]);
  const credit = trailingCredit(joined);
  return credit !== null && credit.start < joined.length - next.trimmed.length;
}

/** Blocks → item drafts, headlines attached the way the page runs. */
function assemble(blocks: readonly Block[], headsFirst: boolean, warnings: Warning[]): Draft[] {
  const content = blocks.filter((block) => block.type !== 'furniture');
  const drafts: Draft[] = [];
  let pendingHead: Line[] | null = null;
  let pendingByline: Draft['byline'] = null;
  let current: Draft | null = null;
  for (const [index, block] of content.entries()) {
    switch (block.type) {
      case 'head': {
        if (!headsFirst && current !== null) {
          if (current.head === null) {
            current.head = Array.from(block.lines);
          } else {
            const first = block.lines[0];
            if (first) warnings.push({ line: first.no, message: 'second headline for one item' });
            current.head.push(...block.lines);
          }
        } else if (pendingHead !== null) {
          const first = block.lines[0];
          if (first) warnings.push({ line: first.no, message: 'headline without a body' });
          pendingHead.push(...block.lines);
        } else {
          pendingHead = Array.from(block.lines);
        }
        break;
      }
      case 'byline': {
        const previous = content[index - 1];
        const next = content[index + 1];
        const credit =
          !block.byline.marked &&
          previous?.type === 'body' &&
          (block.byline.credit.photo || next?.type !== 'body');
        if (credit && current !== null && current.credit === null) {
          current.credit = { line: block.line, byline: block.byline };
        } else {
          if (pendingByline !== null) {
            warnings.push({ line: pendingByline.line.no, message: 'byline without a body' });
            drafts.push({ head: null, byline: pendingByline, body: [], credit: null });
          }
          pendingByline = { line: block.line, byline: block.byline };
        }
        break;
      }
      case 'body': {
        current = { head: pendingHead, byline: pendingByline, body: block.lines, credit: null };
        drafts.push(current);
        pendingHead = null;
        pendingByline = null;
        break;
      }
    }
  }
  if (pendingHead !== null || pendingByline !== null) {
    const line = pendingHead?.[0] ?? pendingByline?.line;
    if (line) warnings.push({ line: line.no, message: 'headline or byline without a body' });
    drafts.push({ head: pendingHead, byline: pendingByline, body: [], credit: null });
  }
  return drafts;
}

function toItem(draft: Draft, widest: number, warnings: Warning[]): Item {
  const paragraphs = splitParagraphs(draft.body).map((group) =>
    joinLines(group.map((line) => line.text)),
  );
  const headline = draft.head
    ? readHeadline(draft.head, widest)
    : { kicker: null, title: '', subtitle: null };
  const owned = [
    ...(draft.head ?? []),
    ...(draft.byline ? [draft.byline.line] : []),
    ...draft.body,
    ...(draft.credit ? [draft.credit.line] : []),
  ];
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  for (const line of owned) {
    first = Math.min(first, line.no);
    last = Math.max(last, line.no);
  }
  if (draft.head === null) warnings.push({ line: first, message: 'item without a headline' });

  let byline: string | null = null;
  let credit: Credit | null = null;
  let bylineInline = false;
  const printed = [draft.byline, draft.credit].flatMap((part) => (part ? [part.byline] : []));
  if (printed.length > 0) {
    byline = printed.map((part) => part.text).join(' ');
    credit = {
      names: printed.flatMap((part) => part.credit.names),
      hasRole: printed.some((part) => part.credit.hasRole),
      photo: printed.some((part) => part.credit.photo),
    };
  } else {
    const inline =
      datelineByline(paragraphs[0] ?? '') ?? trailingCredit(paragraphs.at(-1) ?? '') ?? null;
    if (inline !== null) {
      byline = inline.text;
      credit = inline.credit;
      bylineInline = true;
    }
  }
  return {
    kind: kindOf(credit),
    kicker: headline.kicker,
    title: headline.title,
    subtitle: headline.subtitle,
    byline,
    bylineInline,
    authors: credit?.names ?? [],
    paragraphs,
    lines: { first, last },
  };
}
