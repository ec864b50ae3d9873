/**
 * Re-joining hard-wrapped lines: no space between CJK characters (nor inside a number or word
 * the wrap cut in two), a space between the words of Latin prose, Latin hyphenation undone.
 * A space the line ended with is kept: the extraction left it because the text went on.
 */

/** Two Latin words at the end of a line: the text there is Latin prose. */
const LATIN_PROSE_END = /[A-Za-z]+[,.;:!?'")]*\s+[A-Za-z][A-Za-z'-]*[,.;:!?'")]*$/u;

/** `exam-` + `ple`: a word hyphenated at the line end. */
const HYPHENATED = /[A-Za-z]{2}-$/u;

/** Joins the lines of one paragraph (or one headline) into one string. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trimStart();
    if (text === '' || /\s$/u.test(text)) {
      text += line;
      continue;
    }
    const prose = LATIN_PROSE_END.test(text.slice(-60));
    if (prose && HYPHENATED.test(text) && /^[a-z]/u.test(line)) {
      text = text.slice(0, -1) + line;
    } else if (prose && /^[A-Za-z0-9(“"']/u.test(line)) {
      text += ` ${line}`;
    } else {
      text += line;
    }
  }
  return text.trim();
}
