/**
 * Slogan banners printed with an outline effect come out of text extraction with every phrase
 * doubled: `不忘初心不忘初心牢记使命牢记使命` is the banner `不忘初心 牢记使命`. This rule
 * undoes the doubling.
 */

/** Shortest phrase the doubling is recognised for. */
const MIN_PHRASE = 2;

/**
 * The phrases of a doubled run of text (`AABBCC` → `[A, B, C]`), or null when `text` is not made
 * of doubled phrases only. Prefers the shortest phrase at each step that still lets the whole
 * text be read as doubled.
 */
export function undouble(text: string): string[] | null {
  const chars = Array.from(text);
  const memo = new Map<number, string[] | null>();
  const from = (start: number): string[] | null => {
    if (start === chars.length) return [];
    const known = memo.get(start);
    if (known !== undefined) return known;
    let result: string[] | null = null;
    for (let size = MIN_PHRASE; start + 2 * size <= chars.length; size++) {
      if (!repeats(chars, start, size)) continue;
      const rest = from(start + 2 * size);
      if (rest !== null) {
        result = [chars.slice(start, start + size).join(''), ...rest];
        break;
      }
    }
    memo.set(start, result);
    return result;
  };
  return from(0);
}

function repeats(chars: readonly string[], start: number, size: number): boolean {
  for (let offset = 0; offset < size; offset++) {
    if (chars[start + offset] !== chars[start + size + offset]) return false;
  }
  return true;
}
