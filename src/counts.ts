/** Counts as Folio's messages print them. */

/** A count: `225,505`. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A count and its noun, plural unless one: `1 page`, `9,341 pages`. */
export function counted(n: number, noun: string): string {
  return `${count(n)} ${n === 1 ? noun : `${noun}s`}`;
}
