/**
 * The first `count` words of a text in Folio's index form (src/search/tokens.ts: tokens
 * separated by single spaces): the same record with less text, to see how Pagefind's cost
 * follows the text.
 */
export function firstWords(content: string, count: number): string {
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`a record keeps at least one word, not ${count}`);
  }
  let end = -1;
  for (let kept = 0; kept < count; kept++) {
    end = content.indexOf(' ', end + 1);
    if (end === -1) return content;
  }
  return content.slice(0, end);
}
