/** CRLF and lone CR line ends → `\n`. */
export function normalizeLineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
