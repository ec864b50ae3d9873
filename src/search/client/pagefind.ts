/**
 * The part of Pagefind's browser API (`pagefind/pagefind.js` in the built site) that Folio uses.
 * The bundle is generated at build time, so it is loaded at run time, not bundled.
 */
export type PagefindFilter = string | string[] | { any: string[] };

export interface PagefindOptions {
  filters?: Record<string, PagefindFilter>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string | undefined>;
}

export interface PagefindResult {
  id: string;
  data(): Promise<PagefindFragment>;
}

export interface PagefindSearch {
  results: PagefindResult[];
}

export interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindOptions): Promise<PagefindSearch | null>;
}

/** Loads the Pagefind bundle of the site under `base` (`/` or `/archive/`). */
export async function loadPagefind(base: string): Promise<Pagefind> {
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  // Result URLs are stored relative to the site root; Pagefind puts the base path in front.
  await pagefind.options({ baseUrl: base, excerptLength: 0 });
  return pagefind;
}
