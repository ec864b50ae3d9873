/**
 * A byline as printed (`首席记者 张赤奎 通讯员 李冬`), cut into plain text and reporter names so
 * the names can link to their reporter pages while the byline reads exactly as printed.
 */
export type BylinePart = { text: string } | { name: string };

/** Splits `byline` at each occurrence of a name in `authors` (longest names first). */
export function splitByline(byline: string, authors: readonly string[]): BylinePart[] {
  const names = [...new Set(authors)].filter((n) => n !== '').sort((a, b) => b.length - a.length);
  const parts: BylinePart[] = [];
  let text = '';
  let i = 0;
  while (i < byline.length) {
    const name = names.find((n) => byline.startsWith(n, i));
    if (name === undefined) {
      text += byline.charAt(i);
      i += 1;
      continue;
    }
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ name });
    i += name.length;
  }
  if (text !== '') parts.push({ text });
  return parts;
}
