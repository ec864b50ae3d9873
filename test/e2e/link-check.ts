/**
 * Link check over a built site: every internal href, src and form action in every HTML file,
 * and every URL in the sitemaps and the feed, must resolve to a file in `dist/` (and a `#id` to
 * an element of that page). The site is checked as it is deployed, under its base path.
 */
import { readdir, readFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';

export interface LinkReport {
  /** HTML files read. */
  pages: number;
  /** Internal references checked (links, assets, form actions, sitemap and feed URLs). */
  checked: number;
  /** `file: reference → what is wrong`, empty when every reference resolves. */
  broken: string[];
}

const LINK_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  link: ['href'],
  script: ['src'],
  img: ['src'],
  source: ['src'],
  form: ['action'],
  iframe: ['src'],
};

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

interface ParsedPage {
  refs: string[];
  ids: Set<string>;
}

function parseHtml(html: string): ParsedPage {
  const refs: string[] = [];
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(name, attributes) {
      const id = attributes['id'];
      if (id !== undefined) ids.add(id);
      for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
        const value = attributes[attribute];
        if (value !== undefined) refs.push(value);
      }
    },
  });
  parser.write(html);
  parser.end();
  return { refs, ids };
}

/**
 * Checks `outDir` as served at `origin` + `base` (e.g. `https://example.org` + `/archive/`).
 * References to other origins are not followed.
 */
export async function checkLinks(
  outDir: string,
  base: string,
  origin: string,
): Promise<LinkReport> {
  const files = await listFiles(outDir);
  const htmlFiles = files.filter((f) => f.endsWith('.html'));
  const parsed = new Map<string, ParsedPage>();
  for (const file of htmlFiles) parsed.set(file, parseHtml(await readFile(file, 'utf8')));

  const broken: string[] = [];
  let checked = 0;

  /** The file a site URL path is served from, or an explanation of why there is none. */
  const fileFor = (pathname: string): string | Error => {
    if (!pathname.startsWith(base)) return new Error(`outside the base path ${base}`);
    let path: string;
    try {
      path = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return new Error('malformed percent-encoding');
    }
    const target = join(outDir, ...path.split('/'));
    if (path === '' || path.endsWith('/')) {
      const index = join(target, 'index.html');
      return existsSync(index) ? index : new Error(`no ${relative(outDir, index)}`);
    }
    if (existsSync(target) && statSync(target).isFile()) return target;
    return new Error(`no file ${path}`);
  };

  const check = (from: string, ref: string, pageUrl: URL): void => {
    const url = new URL(ref, pageUrl);
    if (url.origin !== pageUrl.origin) return;
    checked += 1;
    const file = fileFor(url.pathname);
    if (file instanceof Error) {
      broken.push(`${from}: ${ref} → ${file.message}`);
      return;
    }
    const fragment = decodeURIComponent(url.hash.slice(1));
    if (fragment !== '' && file.endsWith('.html')) {
      const ids = parsed.get(file)?.ids;
      if (ids?.has(fragment) !== true) broken.push(`${from}: ${ref} → no element #${fragment}`);
    }
  };

  for (const [file, page] of parsed) {
    const rel = relative(outDir, file).split(sep).join('/');
    const path = rel === 'index.html' ? '' : rel.replace(/(^|\/)index\.html$/, '$1');
    const pageUrl = new URL(base + path.split('/').map(encodeURIComponent).join('/'), origin);
    for (const ref of page.refs) check(rel, ref, pageUrl);
  }

  // Machine-readable files name absolute URLs on the deployed origin.
  for (const file of files.filter((f) => /sitemap.*\.xml$|rss\.xml$/.test(f))) {
    const rel = relative(outDir, file);
    const xml = await readFile(file, 'utf8');
    for (const match of xml.matchAll(/<(?:loc|link|guid[^>]*)>([^<]+)</g)) {
      const ref = match[1] ?? '';
      check(rel, ref, new URL(base, origin));
    }
  }
  return { pages: htmlFiles.length, checked, broken };
}
