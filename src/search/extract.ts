/**
 * Reads an article page the way Pagefind would: the text of the `data-pagefind-body` element
 * (less anything under `data-pagefind-ignore`), and the metadata, filters and sort keys declared
 * with `data-pagefind-meta`, `data-pagefind-filter` and `data-pagefind-sort` anywhere on the page.
 * Supported forms: `key[attribute]` (an attribute of the same element), `key` (the element's text)
 * and a trailing inline `key:value`. Filter values are split on `、` (see attributes.ts).
 */
import { Parser } from 'htmlparser2';
import { VALUE_SEPARATOR } from './attributes.ts';

export interface ExtractedPage {
  /** The body text: blocks on lines of their own, whitespace inside a block collapsed. */
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'td',
  'th',
  'tr',
  'ul',
]);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'svg']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

type Kind = 'meta' | 'filter' | 'sort';

/** Each kind with the attribute that declares it. */
const DECLARATIONS = [
  ['meta', 'data-pagefind-meta'],
  ['filter', 'data-pagefind-filter'],
  ['sort', 'data-pagefind-sort'],
] as const satisfies readonly (readonly [Kind, string])[];

interface Capture {
  kind: Kind;
  key: string;
  text: string;
}

interface Open {
  name: string;
  captures: Capture[];
  body: boolean;
  ignored: boolean;
}

/** Parses one `data-pagefind-*` value into [key, value] pairs; `null` value = element text. */
function parseDeclaration(
  declaration: string,
  attributes: Record<string, string>,
  where: string,
): [string, string | null][] {
  const pairs: [string, string | null][] = [];
  let rest = declaration.trim();
  while (rest !== '') {
    const attribute = /^([^,:[\]]+?)\s*\[([^\]]+)\]\s*(?:,\s*|$)/.exec(rest);
    if (attribute !== null) {
      const [all, key, name] = attribute as unknown as [string, string, string];
      const value = attributes[name];
      if (value === undefined) {
        throw new Error(`${where}: "${declaration}" reads attribute ${name}, which is missing`);
      }
      pairs.push([key.trim(), value]);
      rest = rest.slice(all.length);
      continue;
    }
    const inline = /^([^,:[\]]+?):(.*)$/s.exec(rest);
    if (inline !== null) {
      const [, key, value] = inline as unknown as [string, string, string];
      pairs.push([key.trim(), value.trim()]);
      break;
    }
    const text = /^([^,:[\]]+?)\s*(?:,\s*|$)/.exec(rest);
    const [all, key] = text ?? [];
    if (all === undefined || key === undefined) {
      throw new Error(`${where}: cannot read "${declaration}"`);
    }
    pairs.push([key.trim(), null]);
    rest = rest.slice(all.length);
  }
  return pairs;
}

/** Extracts the searchable article from an HTML page; `null` when it has no `data-pagefind-body`. */
export function extractPage(html: string, where: string): ExtractedPage | null {
  const page: ExtractedPage = { text: '', meta: {}, filters: {}, sort: {} };
  const stack: Open[] = [];
  let bodies = 0;
  let skipping = 0;
  // Open elements that are the body, that are ignored, and that capture their text: kept as
  // counts, so that no text or tag has to look through the stack.
  let openBodies = 0;
  let openIgnored = 0;
  let capturing = 0;
  let block = '';
  const lines: string[] = [];

  const flush = (): void => {
    const line = block.replace(/\s+/gu, ' ').trim();
    if (line !== '') lines.push(line);
    block = '';
  };
  const store = (kind: Kind, key: string, value: string): void => {
    if (kind === 'meta') page.meta[key] = value;
    else if (kind === 'sort') page.sort[key] = value;
    else {
      const values = value
        .split(VALUE_SEPARATOR)
        .map((v) => v.trim())
        .filter((v) => v !== '');
      page.filters[key] = [...new Set([...(page.filters[key] ?? []), ...values])];
    }
  };
  const inBody = (): boolean => openBodies > 0 && openIgnored === 0;

  const close = (): void => {
    const open = stack.pop();
    if (open === undefined) return;
    if (SKIPPED.has(open.name)) skipping--;
    if (open.captures.length > 0) capturing--;
    for (const capture of open.captures) {
      store(capture.kind, capture.key, capture.text.replace(/\s+/gu, ' ').trim());
    }
    if (open.ignored) openIgnored--;
    if (open.body) openBodies--;
    if (BLOCKS.has(open.name) && inBody()) flush();
    if (open.body) flush();
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const captures: Capture[] = [];
        for (const [kind, attribute] of DECLARATIONS) {
          const declaration = attributes[attribute];
          if (declaration === undefined) continue;
          for (const [key, value] of parseDeclaration(declaration, attributes, where)) {
            if (value === null) captures.push({ kind, key, text: '' });
            else store(kind, key, value);
          }
        }
        const body = 'data-pagefind-body' in attributes;
        if (body) bodies++;
        if (BLOCKS.has(name) && inBody()) flush();
        if (SKIPPED.has(name)) skipping++;
        const ignored = 'data-pagefind-ignore' in attributes;
        stack.push({ name, captures, body, ignored });
        if (body) openBodies++;
        if (ignored) openIgnored++;
        if (captures.length > 0) capturing++;
        if (VOID.has(name)) close();
      },
      ontext(text) {
        if (skipping > 0) return;
        if (capturing > 0) {
          for (const open of stack) for (const capture of open.captures) capture.text += text;
        }
        if (inBody()) block += text;
      },
      onclosetag(name) {
        // Void elements were closed when they opened.
        if (VOID.has(name)) return;
        close();
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  while (stack.length > 0) close();
  if (bodies === 0) return null;
  if (bodies > 1)
    throw new Error(`${where}: ${bodies} elements carry data-pagefind-body; expected one`);
  page.text = lines.join('\n');
  return page;
}
