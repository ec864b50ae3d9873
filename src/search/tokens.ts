/**
 * The index form of an article's text, and the index terms a query looks for.
 *
 * Pagefind's Chinese word segmentation cuts a text into dictionary words, so a query that starts
 * or ends inside a word (`愿者` in `志愿者`) finds nothing, and a query cut into words finds pages
 * that hold the words apart. Folio indexes every pair of adjacent Han characters instead (each
 * run of Han characters as its overlapping bigrams, then its last character alone), so every
 * substring of two or more characters is reachable through the bigrams it is made of.
 *
 * Han characters are written as upper-case ASCII codes (four letters a character), which
 * Pagefind indexes as plain words: no segmenter splits them, at build time or in the browser.
 * Everything else stays readable: runs of letters and digits are lower-case words as usual,
 * punctuation is kept as is, a space is `SPACE` and a line break `BREAK` (private-use characters
 * Pagefind does not index); a run of whitespace is one of them. `decodeText` turns the index form
 * back into the normalised text, whitespace runs as one space or one line break.
 */
import { HAN, WORD_CHAR, foldingInUse, normalizeChar } from './normalize.ts';

export const SPACE = '\uE000';
export const BREAK = '\uE001';

const LETTERS = 26;
const CODE_LENGTH = 4;

/**
 * `compute`, with the result for each character kept once worked out: an archive's texts use a
 * few thousand characters, each of them many times.
 */
function perCharacter<T>(compute: (char: string) => T): (char: string) => T {
  const known = new Map<string, T>();
  return (char) => {
    let result = known.get(char);
    if (result === undefined) {
      result = compute(char);
      known.set(char, result);
    }
    return result;
  };
}

/** Four upper-case letters naming one code point. */
const codeOf = perCharacter((char) => {
  let n = char.codePointAt(0) ?? 0;
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) {
    code = String.fromCharCode(65 + (n % LETTERS)) + code;
    n = Math.floor(n / LETTERS);
  }
  return code;
});

function charOf(code: string): string {
  let n = 0;
  for (const letter of code) n = n * LETTERS + (letter.charCodeAt(0) - 65);
  return String.fromCodePoint(n);
}

type Kind = 'han' | 'word' | 'space' | 'other';

const kindOf = perCharacter((char): Kind => {
  if (/\s/u.test(char)) return 'space';
  if (HAN.test(char)) return 'han';
  if (WORD_CHAR.test(char)) return 'word';
  return 'other';
});

/** Splits a normalised text into runs of one kind. */
function runs(text: string): { kind: Kind; text: string }[] {
  const out: { kind: Kind; text: string }[] = [];
  for (const char of text) {
    const kind = kindOf(char);
    const last = out.at(-1);
    if (last?.kind === kind) last.text += char;
    else out.push({ kind, text: char });
  }
  return out;
}

/**
 * How the index form writes one character of a text: the kind of its normal form, and `text`,
 * its code for a Han character, else the normal form itself (`\n` for a line break). Worked out
 * once per code point, for as long as the folding table in use stays the same (normalize.ts).
 */
interface IndexChar {
  kind: Kind;
  text: string;
}

/** Index characters by code point: the BMP's (nearly all of any text) in an array, others in a map. */
let bmp: (IndexChar | undefined)[] = [];
const astral = new Map<number, IndexChar>();
let worked = foldingInUse();

function indexChar(point: number): IndexChar {
  let known = point < 0x10000 ? bmp[point] : astral.get(point);
  if (known === undefined) {
    const normal = normalizeChar(String.fromCodePoint(point));
    const kind = kindOf(normal);
    known = { kind, text: kind === 'han' ? codeOf(normal) : normal };
    if (point < 0x10000) bmp[point] = known;
    else astral.set(point, known);
  }
  return known;
}

/** `indexChar`, its table made afresh first if none is, or the folding table changed since. */
function indexChars(): (point: number) => IndexChar {
  if (bmp.length === 0 || foldingInUse() !== worked) {
    worked = foldingInUse();
    bmp = new Array<IndexChar | undefined>(0x10000).fill(undefined);
    astral.clear();
  }
  return indexChar;
}

/** The index form of a text (normalised first): tokens separated by single spaces. */
export function encodeText(text: string): string {
  // One pass over the code points, run by run (as `runs` cuts the normalised text), leading and
  // trailing whitespace left out: a Han run as its overlapping bigrams, then its last character;
  // a whitespace run as one SPACE, or BREAK where it holds a line break; any other run as it is.
  // Every article of an archive goes through here in a build.
  const charAt = indexChars();
  const tokens: string[] = [];
  let kind: Kind | null = null;
  // A letter, digit or other run's text; a Han run's last code.
  let run = '';
  let lineBreak = false;
  const endRun = (): void => {
    if (kind === 'space') {
      if (tokens.length > 0) tokens.push(lineBreak ? BREAK : SPACE);
    } else if (kind !== null) {
      tokens.push(run);
    }
  };
  for (let i = 0; i < text.length; i++) {
    const point = text.codePointAt(i) ?? 0;
    if (point > 0xffff) i++;
    const char = charAt(point);
    if (char.kind !== kind) {
      endRun();
      kind = char.kind;
      run = '';
      lineBreak = false;
    }
    if (kind === 'han') {
      if (run !== '') tokens.push(run + char.text);
      run = char.text;
    } else if (kind === 'space') {
      if (char.text === '\n') lineBreak = true;
    } else {
      run += char.text;
    }
  }
  // Trailing whitespace is left out.
  if (kind !== 'space') endRun();
  return tokens.join(' ');
}

const CODE = /^[A-Z]+$/;

/**
 * The normalised text back from its index form (as Pagefind stores it: tokens separated by
 * whitespace, with zero-width spaces where its segmenter cut).
 */
export function decodeText(content: string): string {
  let text = '';
  let inRun = false;
  for (const token of content.split(/[\s\u200B]+/u)) {
    if (token === '') continue;
    if (CODE.test(token) && token.length % CODE_LENGTH === 0) {
      if (token.length === 2 * CODE_LENGTH) {
        // A bigram: the first of a run gives both characters, the next ones their second.
        text += inRun
          ? charOf(token.slice(CODE_LENGTH))
          : charOf(token.slice(0, CODE_LENGTH)) + charOf(token.slice(CODE_LENGTH));
        inRun = true;
      } else {
        // The single last character ends the run; it is new text only for a run of one.
        if (!inRun) text += charOf(token);
        inRun = false;
      }
      continue;
    }
    inRun = false;
    text += token === SPACE ? ' ' : token === BREAK ? '\n' : token;
  }
  return text;
}

/**
 * The index words that every text holding `term` (one normalised query term, no spaces or
 * punctuation) must contain — Pagefind matches them as prefixes and requires all of them. Han
 * runs give a chain of bigrams that covers them (a single character: its code, which prefixes
 * every bigram it starts and its run-final form); a run of letters or digits right after a Han
 * character starts a word in the text, so it is a prefix too. Letters or digits that open a term
 * holding Han characters may start inside a longer word of the text, so they add no index word;
 * a term of letters and digits alone is looked up as a word prefix.
 */
export function indexTermsFor(term: string): string[] {
  const parts = runs(term);
  const [first] = parts;
  if (parts.length === 1 && first !== undefined && first.kind !== 'han') return [term];
  const words: string[] = [];
  parts.forEach((part, i) => {
    if (part.kind === 'han') {
      words.push(...coveringBigrams(Array.from(part.text, codeOf)));
    } else if (part.kind === 'word' && i > 0) {
      words.push(part.text);
    }
  });
  return [...new Set(words)].map((word) => word.toLowerCase());
}

/** Bigrams that cover a run of codes: pairs from the start, the last pair overlapping if odd. */
function coveringBigrams(codes: string[]): string[] {
  if (codes.length === 1) return codes;
  const pairs: string[] = [];
  for (let j = 0; j + 1 < codes.length; j += 2)
    pairs.push(`${codes[j] ?? ''}${codes[j + 1] ?? ''}`);
  if (codes.length % 2 === 1) pairs.push(codes.slice(-2).join(''));
  return pairs;
}
