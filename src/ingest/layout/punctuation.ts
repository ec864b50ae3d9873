/**
 * Punctuation that matters to layout: what ends a sentence, what closes a quotation, and what
 * may hang past the column's right edge.
 */

/** Marks that end a sentence. */
const SENTENCE_END = new Set(['。', '！', '？', '!', '?', '…', '；', '．']);

/** Closing quotes and brackets; they end a sentence when what they close ends one. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '】', '》', '"', "'"]);

/** Punctuation a compositor lets hang past the right edge of the column. */
const HANGING = new Set([
  '，',
  '。',
  '、',
  '；',
  '：',
  '！',
  '？',
  '”',
  '’',
  '）',
  '」',
  '』',
  '》',
]);

/** Characters at the end of a line looked at for how it ends. */
const LOOK_BACK = 12;

/** True when `text` (trailing spaces ignored) ends a sentence: `。`, `！`, `。”` … */
export function endsSentence(text: string): boolean {
  const chars = Array.from(text.trimEnd().slice(-LOOK_BACK));
  for (let index = chars.length - 1; index >= 0; index--) {
    const char = chars[index] ?? '';
    if (SENTENCE_END.has(char)) return true;
    // A full stop of Latin prose (after a word, not inside a number).
    if (char === '.' && /\p{Script=Latin}/u.test(chars[index - 1] ?? '')) return true;
    if (!CLOSERS.has(char)) return false;
  }
  return false;
}

/** True when the last character of `text` may hang past the column edge. */
export function endsWithHanging(text: string): boolean {
  const last = Array.from(text.trimEnd().slice(-2)).at(-1);
  return last !== undefined && HANGING.has(last);
}

/** True when `text` holds punctuation that marks running prose (a comma, a full stop …). */
export function hasSentencePunctuation(text: string): boolean {
  return /[，。！？；、]/u.test(text);
}
