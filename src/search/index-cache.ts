/**
 * What the search indexer keeps between builds, so a rebuild indexes only the parts whose
 * articles changed and takes the others' bundles from the last build (their files linked) —
 * or leaves them where they are, when the output directory is the one the last build wrote
 * (site/output-dir.ts).
 *
 * Kept in its own directory under the build cache (an output directory can be emptied or be
 * another one):
 *
 * - `files.json`: for every article page of the last build, a hash of its HTML and the date its
 *   record carries — so an unchanged page is placed in its part without being read for its text;
 * - `bundles/<digest>/`: each part's Pagefind bundle, under a digest of what made it: the
 *   indexer's code and dependencies (`indexerFingerprint`), the part's key, and the URL and HTML
 *   hash of each of its pages in order. Equal digest, equal records in equal order: the same
 *   bundle, so it is linked instead of indexed again.
 *
 * Only the bundles the latest build used are kept.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { slashed } from '../paths.ts';
import { linkTree } from '../site/files.ts';
import { ENTRY_FILE } from './shard-writer.ts';

/** The search cache's directory, inside Folio's part of the build cache (site/cache-dir.ts). */
export const SEARCH_CACHE_DIR = 'search';
const FILES = 'files.json';
const BUNDLES = 'bundles';
const VERSION = 2;

/** What the last build learned of an article page. */
export interface KnownPage {
  /** Hash of the page's HTML (`hashHtml`). */
  hash: string;
  /** The `date` its record carries (null: undated); it decides the page's shard. */
  date: string | null;
}

interface FilesManifest {
  version: number;
  fingerprint: string;
  pages: Record<string, [hash: string, date: string | null]>;
  /** The digest of the bundle the last build left in each shard's directory of its output. */
  outputs: Record<string, string>;
}

export function hashHtml(html: Buffer): string {
  return createHash('sha256').update(html).digest('base64url');
}

/**
 * A hash of what turns pages into bundles besides the pages: the indexer's own modules (this
 * folder's `.ts` files and its subfolders', the folding table's included, not the browser
 * client's) and the lockfile (Pagefind, OpenCC, htmlparser2 versions). A change to either
 * indexes everything again.
 */
export async function indexerFingerprint(root: string): Promise<string> {
  const hash = createHash('sha256');
  const dir = fileURLToPath(new URL('./', import.meta.url));
  const sources = (await readdir(dir, { recursive: true }))
    .map(slashed)
    .filter((name) => name.endsWith('.ts') && !name.startsWith('client/'))
    .sort();
  for (const name of sources) hash.update(`${name}\0`).update(await readFile(join(dir, name)));
  const lockfile = join(root, 'package-lock.json');
  if (existsSync(lockfile)) hash.update('package-lock.json\0').update(await readFile(lockfile));
  return hash.digest('base64url');
}

/** A page of a part, as the part's digest sees it. */
export interface PartMember {
  url: string;
  hash: string;
}

export class IndexCache {
  readonly #dir: string;
  readonly #fingerprint: string;
  readonly #previous: Map<string, KnownPage>;
  readonly #previousOutputs: Map<string, string>;
  readonly #next = new Map<string, KnownPage>();
  readonly #outputs = new Map<string, string>();

  private constructor(
    dir: string,
    fingerprint: string,
    previous: Map<string, KnownPage>,
    previousOutputs: Map<string, string>,
  ) {
    this.#dir = dir;
    this.#fingerprint = fingerprint;
    this.#previous = previous;
    this.#previousOutputs = previousOutputs;
  }

  /** Opens the cache in `dir`; what an older version or other code left there is not used. */
  static async open(dir: string, fingerprint: string): Promise<IndexCache> {
    const previous = new Map<string, KnownPage>();
    const outputs = new Map<string, string>();
    try {
      const manifest = JSON.parse(await readFile(join(dir, FILES), 'utf8')) as FilesManifest;
      if (manifest.version === VERSION && manifest.fingerprint === fingerprint) {
        for (const [url, [hash, date]] of Object.entries(manifest.pages)) {
          previous.set(url, { hash, date });
        }
        for (const [key, digest] of Object.entries(manifest.outputs)) outputs.set(key, digest);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' && !(error instanceof SyntaxError)) {
        throw error;
      }
    }
    return new IndexCache(dir, fingerprint, previous, outputs);
  }

  /** Whether the last build left nothing to reuse (a first build, or one after a change). */
  get empty(): boolean {
    return this.#previous.size === 0;
  }

  /** What the last build knew of the page at `url`, when its HTML is unchanged. */
  known(url: string, hash: string): KnownPage | undefined {
    const page = this.#previous.get(url);
    return page?.hash === hash ? page : undefined;
  }

  /** Records an article page of this build, for the next. */
  remember(url: string, page: KnownPage): void {
    this.#next.set(url, page);
  }

  /**
   * The digest of a part's bundle, its fragments bundled into `maxFragments` files at most
   * (fragment-budget.ts; undefined: one file per article).
   */
  digest(key: string, members: readonly PartMember[], maxFragments?: number): string {
    const hash = createHash('sha256').update(`${this.#fingerprint}\0${key}\0`);
    if (maxFragments !== undefined) hash.update(`maxFragments ${maxFragments}\0`);
    for (const { url, hash: html } of members) hash.update(`${url}\0${html}\n`);
    return hash.digest('base64url');
  }

  /**
   * Puts the bundle of `digest` in shard `key`'s directory `target`: left there when the last
   * build put it there, else copied from the cache; false when the cache does not hold it.
   */
  async restore(key: string, digest: string, target: string): Promise<boolean> {
    const bundle = join(this.#dir, BUNDLES, digest);
    if (!existsSync(bundle)) return false;
    const inPlace =
      this.#previousOutputs.get(key) === digest && existsSync(join(target, ENTRY_FILE));
    if (!inPlace) {
      await rm(target, { recursive: true, force: true });
      await linkTree(bundle, target);
    }
    this.#outputs.set(key, digest);
    return true;
  }

  /**
   * Keeps shard `key`'s bundle, just written to `source`, under `digest`: its files linked, not
   * copied (a bundle is never written in place: its directory is removed before it is written
   * again), so keeping every bundle of a build costs next to nothing.
   */
  async keep(key: string, digest: string, source: string): Promise<void> {
    const bundle = join(this.#dir, BUNDLES, digest);
    const temporary = `${bundle}.tmp-${process.pid}`;
    await rm(temporary, { recursive: true, force: true });
    await linkTree(source, temporary);
    await rm(bundle, { recursive: true, force: true });
    await rename(temporary, bundle);
    this.#outputs.set(key, digest);
  }

  /** Writes what this build learned and drops the bundles it did not use. */
  async save(): Promise<void> {
    await mkdir(join(this.#dir, BUNDLES), { recursive: true });
    const manifest: FilesManifest = {
      version: VERSION,
      fingerprint: this.#fingerprint,
      pages: Object.fromEntries(
        [...this.#next].map(([url, { hash, date }]) => [url, [hash, date]]),
      ),
      outputs: Object.fromEntries(this.#outputs),
    };
    const file = join(this.#dir, FILES);
    await writeFile(`${file}.tmp`, JSON.stringify(manifest));
    await rename(`${file}.tmp`, file);
    const used = new Set(this.#outputs.values());
    for (const name of await readdir(join(this.#dir, BUNDLES))) {
      if (!used.has(name)) {
        await rm(join(this.#dir, BUNDLES, name), { recursive: true, force: true });
      }
    }
  }
}
