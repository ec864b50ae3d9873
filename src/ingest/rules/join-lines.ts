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
  const parts: string[] = [];
  // The last characters joined so far: all the rules look at (a long text is never re-read).
  let tail = '';
  for (const raw of lines) {
    const line = raw.trimStart();
    let joint = '';
    if (tail !== '' && !/\s$/u.test(tail)) {
      const prose = LATIN_PROSE_END.test(tail);
      if (prose && HYPHENATED.test(tail) && /^[a-z]/u.test(line)) {
        parts.push(parts.pop()?.slice(0, -1) ?? '');
        tail = tail.slice(0, -1);
      } else if (prose && /^[A-Za-z0-9(“"']/u.test(line)) {
        joint = ' ';
      } else if (/[A-Za-z]{2}$/u.test(tail) && /^[A-Za-z]{2}/u.test(line)) {
        // Two Latin words meet at the break: a word is not cut without a hyphen.
        joint = ' ';
      }
    }
    parts.push(joint + line);
    tail = (tail + joint + line).slice(-TAIL);
  }
  return parts.join('').trim();
}

/** Characters at the end of the joined text the rules look at. */
const TAIL = 60;
