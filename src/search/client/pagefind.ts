/**
 * The part of Pagefind's browser API (`pagefind/pagefind.js` in the built site) that Folio uses.
 * The bundle is generated at build time, so it is loaded at run time, not bundled.
 */
import { ENGINE_BUNDLE, SHARD_FILTER } from '../attributes.ts';

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
  /** Pagefind's relevance score (a merged search orders by it across bundles). */
  score: number;
  data(): Promise<PagefindFragment>;
}

export interface PagefindSearch {
  results: PagefindResult[];
}

/** One Pagefind instance: its own bundle, and the bundles merged into it. */
export interface PagefindInstance {
  init(): Promise<void>;
  /** Adds another bundle's index: later searches cover it too (Pagefind's multisite search). */
  mergeIndex(bundlePath: string, options?: Record<string, unknown>): Promise<void>;
  search(term: string | null, options?: PagefindOptions): Promise<PagefindSearch | null>;
  destroy(): Promise<void>;
}

/** A bundle's `pagefind.js`: instances share its worker and WebAssembly. */
export interface PagefindModule {
  createInstance(options: Record<string, unknown>): PagefindInstance;
}

/** A shard's bundle as `pagefind/shards.json` lists it (see src/search/index-articles.ts). */
export interface Shard {
  key: string;
  year: string | null;
  articles: number;
  from: string | null;
  to: string | null;
}

/** The shards of the site under `base` (`/` or `/archive/`), newest first. */
export async function loadShards(base: string): Promise<Shard[]> {
  const response = await fetch(`${base}pagefind/shards.json`);
  if (!response.ok) throw new Error(`search: ${response.url}: ${response.status}`);
  return ((await response.json()) as { shards: Shard[] }).shards;
}

/** The URL of a shard's bundle directory. */
export function bundlePath(base: string, key: string): string {
  return `${base}pagefind/${key}/`;
}

/**
 * Options every bundle gets: result URLs are stored relative to the site root, and Pagefind
 * puts the base path in front; Folio makes its own excerpts. Pagefind searches on the page's
 * own thread (`noWorker`): its worker script would add 12.4 kB (gzip) to a visit's first search,
 * and a shard's search takes milliseconds.
 */
export function bundleOptions(base: string): Record<string, unknown> {
  return { baseUrl: base, excerptLength: 0, noWorker: true };
}

/** Loads the Pagefind engine (`pagefind.js`) of the engine bundle. */
export async function loadPagefindModule(base: string): Promise<PagefindModule> {
  const url = `${bundlePath(base, ENGINE_BUNDLE)}pagefind.js`;
  return (await import(/* @vite-ignore */ url)) as PagefindModule;
}

/** A new Pagefind instance on the engine bundle, which the shards are merged into. */
export async function createPagefind(
  module: PagefindModule,
  base: string,
): Promise<PagefindInstance> {
  const instance = module.createInstance({
    basePath: bundlePath(base, ENGINE_BUNDLE),
    ...bundleOptions(base),
  });
  await instance.init();
  return instance;
}

/** Merges a shard's bundle into `instance`, its articles under the `shard` filter of its key. */
export function mergeShard(instance: PagefindInstance, base: string, key: string): Promise<void> {
  return instance.mergeIndex(bundlePath(base, key), {
    ...bundleOptions(base),
    mergeFilter: { [SHARD_FILTER]: key },
  });
}
