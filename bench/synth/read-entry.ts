/**
 * Reads a content entry as the bench scripts need it: its front matter parsed as YAML, and its
 * Markdown body as written, a thematic break (`---`) in it included.
 */
import { parse } from 'yaml';

export interface Entry {
  data: Record<string, unknown>;
  body: string;
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The entry of `file` (named in errors) from its text. */
export function readEntry(text: string, file: string): Entry {
  const match = FRONT_MATTER.exec(text);
  if (match === null) throw new Error(`${file}: no front matter`);
  const data: unknown = parse(match[1] ?? '');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`${file}: the front matter is not a mapping`);
  }
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}
