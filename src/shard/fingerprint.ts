/**
 * What a part build's output depends on, as one digest per part, so that `folio build --sharded`
 * rebuilds only the parts whose digest changed since their last build:
 *
 * - Folio itself: the site's code and templates (`src/`, `public/`, `astro.config.mjs`), the
 *   locked dependencies, the configuration file and the environment variables that change the
 *   output (`FOLIO_SITE`, `FOLIO_BASE`, `FOLIO_SEARCH_PART`);
 * - a shard: every file of its issue folders, by path and a digest of its bytes (content-hashes.ts
 *   keeps them between runs, so only new or changed files are read), and the issues just outside
 *   it, which its edge links point to (neighbours.ts);
 * - the global build: every file of the content directory, since it reads every item.
 *
 * The converter rewrites a content file only when its text changes, so converting again keeps
 * the digests of the years it did not change.
 */
import { createHash, type Hash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { local, relativeSlashed } from '../paths.ts';
import { BASE_ENV, configFile, SITE_ENV } from '../config.ts';
import { filesIn } from '../site/files.ts';
import { ContentHashes } from './content-hashes.ts';
import { outsideIssues } from './neighbours.ts';
import { isIssueFile, shardOfIssue, UNDATED_SHARD } from './part.ts';

/** Environment variables that change what a build writes. */
const OUTPUT_ENV = [SITE_ENV, BASE_ENV, 'FOLIO_SEARCH_PART'];
/** Files and directories of the project that make the site. */
const SITE_SOURCES = ['src', 'public', 'astro.config.mjs', 'package-lock.json'];

const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/;

/** Every file under `dir`, as sorted `/`-separated paths relative to `base`. */
function filesUnder(dir: string, base: string): string[] {
  if (!existsSync(dir)) return [];
  const prefix = relativeSlashed(base, dir);
  if (!statSync(dir).isDirectory()) return [prefix];
  return filesIn(dir).map((path) => (prefix === '' ? path : `${prefix}/${path}`));
}

/** Digest of Folio's own sources and output settings: a new Folio rebuilds every part. */
export function siteFingerprint(root: string): string {
  const hash = createHash('sha256');
  for (const source of SITE_SOURCES) {
    for (const path of filesUnder(join(root, source), root)) {
      hash.update(`${path}\0`).update(readFileSync(local(root, path)));
    }
  }
  const config = configFile();
  if (existsSync(config)) hash.update(`config\0`).update(readFileSync(config));
  for (const name of OUTPUT_ENV) hash.update(`${name}=${process.env[name] ?? ''}\0`);
  return hash.digest('base64url');
}

/** The content directory's files grouped by shard; files outside any issue folder under `''`. */
export interface ContentListing {
  /** Keys of the shards that hold an item or a page record, in archive order. */
  shards: string[];
  /** Per shard (and `''`), its files' `path digest` lines in path order. */
  files: Map<string, string[]>;
}

/** The shard of a content path (`2024-05-02/01/01.md`, `undated/scan/…`), or `''`. */
function shardOfPath(path: string): string {
  const segments = path.split('/');
  const top = segments[0] ?? '';
  if (DATE_FOLDER.test(top) && segments.length > 1) return shardOfIssue(top);
  return top === UNDATED_SHARD && segments.length > 2 ? UNDATED_SHARD : '';
}

/** Lists the content directory once: each file's path and the digest of its bytes. */
export function listContent(dir: string, hashes = new ContentHashes(null)): ContentListing {
  const files = new Map<string, string[]>();
  const withIssues = new Set<string>();
  for (const path of filesUnder(dir, dir)) {
    const file = local(dir, path);
    const shard = shardOfPath(path);
    if (isIssueFile(path)) withIssues.add(shard);
    const lines = files.get(shard) ?? [];
    lines.push(`${path}\0${hashes.digest(path, file)}`);
    files.set(shard, lines);
  }
  const shards = [...withIssues]
    .filter((key) => key !== '')
    .sort((a, b) => (a === UNDATED_SHARD ? 1 : b === UNDATED_SHARD ? -1 : a.localeCompare(b)));
  return { shards, files };
}

function hashLines(hash: Hash, lines: readonly string[] | undefined): void {
  for (const line of lines ?? []) hash.update(line).update('\n');
}

/** Digest of what shard `shard` is built from. */
export function shardFingerprint(
  site: string,
  contentDir: string,
  listing: ContentListing,
  shard: string,
): string {
  const hash = createHash('sha256').update(`shard ${shard}\0${site}\0`);
  hash.update(JSON.stringify(outsideIssues(contentDir, shard)));
  hashLines(hash, listing.files.get(shard));
  return hash.digest('base64url');
}

/** Digest of what the global build is built from: all content. */
export function globalFingerprint(site: string, listing: ContentListing): string {
  const hash = createHash('sha256').update(`global\0${site}\0`);
  for (const key of ['', ...listing.shards]) {
    hash.update(`${key}\0`);
    hashLines(hash, listing.files.get(key));
  }
  return hash.digest('base64url');
}
