/**
 * Assembles a site from part builds (`folio assemble --out <site> <global> <shard>…`): the union
 * of their outputs, each file from the build that owns it (ownership.ts), and the merged files —
 * the search bundle list, the sitemap index, the item export. It refuses, naming the files and
 * the builds, when two builds write the same path differently, when a build holds a file of
 * another shard, when the global build lists issues of a shard that is not given (or a shard is
 * given that the global build does not know). Every check is made before anything is written.
 *
 * A new site is written beside `outDir` and renamed into place when complete. An existing one is
 * updated where it is, only the files that changed (update-site.ts): what a run that fails
 * before its last step leaves is the previous site as it was. A caller that knows what the last
 * assembly left (site-record.ts) passes it on, and the parts it took unchanged are neither
 * listed nor compared again.
 */
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { local } from '../paths.ts';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { IndexItem } from 'sitemap';
import type { ShardManifest } from '../search/index-articles.ts';
import {
  ITEMS_EXPORT,
  ownerOf,
  SHARDS_MANIFEST,
  shardSitemapBase,
  SITEMAP_INDEX,
} from './ownership.ts';
import { isShardKey, shardOfIssue } from './part.ts';
import { PART_FILE, type PartLabel } from './prune.ts';
import { siteFiles } from '../site/files.ts';
import { makeDirs, placeFiles } from './place-files.ts';
import { updateSite, type MergedFile } from './update-site.ts';
import {
  archiveOrder,
  mergeManifests,
  readSitemapIndex,
  sitemapIndexXml,
  type Sourced,
} from './merge.ts';

/** The issue list of the global build: which issues, hence which shards, the site holds. */
const ISSUES_FILE = 'data/issues.json';

export interface AssembleOptions {
  /** The assembled site; replaced when it exists. */
  outDir: string;
  /** Part builds' outputs: one global, one or more shards. */
  sources: readonly string[];
  /** What the last assembly left in `outDir`, when the caller knows it. */
  previous?: PreviousAssembly;
}

/**
 * The site as the last assembly into it left it, and the part builds it took then that have not
 * changed since. Only for a caller that knows both (build-sharded.ts, site-record.ts): their
 * files are taken as listed, and the site's copies of them as they are.
 */
export interface PreviousAssembly {
  /** Every file the site held after it. */
  site: ReadonlySet<string>;
  /** Each unchanged part build's directory (as given in `sources`) and its files. */
  unchanged: ReadonlyMap<string, readonly string[]>;
}

export interface AssembleReport {
  /** Files in the assembled site. */
  files: number;
  /** Of them, copied from a part build. */
  copied: number;
  /** Of them, left as they were in the previous site. */
  kept: number;
  /** Files of the previous site removed: no build holds them any more. */
  removed: number;
  /** Shards assembled, in archive order. */
  shards: string[];
  /** Each part build's directory (as given in `sources`) and its files. */
  sources: Map<string, string[]>;
}

interface Part {
  dir: string;
  label: PartLabel;
  /** `shard 2024 (dist-2024)`, `global (dist-global)`: how errors name it. */
  name: string;
  files: string[];
}

async function listFiles(dir: string): Promise<string[]> {
  return (await siteFiles(dir)).filter((path) => path !== PART_FILE);
}

async function readPart(dir: string, known?: readonly string[]): Promise<Part> {
  const file = join(dir, PART_FILE);
  let label: PartLabel;
  try {
    label = JSON.parse(await readFile(file, 'utf8')) as PartLabel;
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? `no ${PART_FILE}: not the output of "folio build --shard" or "--global"`
        : (error as Error).message;
    throw new Error(`${dir}: ${reason}`, { cause: error });
  }
  const valid =
    (label.part === 'global' && label.shard === undefined) ||
    (label.part === 'shard' && typeof label.shard === 'string' && isShardKey(label.shard));
  if (!valid) throw new Error(`${file}: not a part label: ${JSON.stringify(label)}`);
  const name = label.part === 'global' ? `global (${dir})` : `shard ${label.shard} (${dir})`;
  return { dir, label, name, files: known === undefined ? await listFiles(dir) : [...known] };
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}

/** Where each file of the site comes from; merged files apart. Throws on any conflict. */
export async function planSite(parts: readonly Part[]): Promise<Map<string, Part>> {
  const plan = new Map<string, Part>();
  for (const part of parts) {
    for (const path of part.files) {
      const owner = ownerOf(path);
      if (owner.kind === 'merged') continue;
      if (owner.kind === 'shard' && owner.shard !== part.label.shard) {
        throw new Error(`${path} belongs to shard ${owner.shard}, but is in ${part.name}`);
      }
      const other = plan.get(path);
      if (other === undefined) {
        plan.set(path, part);
        continue;
      }
      // Assets every build writes alike (`_astro/`, `public/` files) are taken once.
      const shared =
        owner.kind === 'global' && (await sameBytes(local(other.dir, path), local(part.dir, path)));
      if (!shared) throw new Error(`${path} is written by both ${other.name} and ${part.name}`);
    }
  }
  return plan;
}

/** The shards the global build's issue list needs, against those given. */
async function checkShards(global: Part, shards: readonly string[]): Promise<void> {
  const file = join(global.dir, ...ISSUES_FILE.split('/'));
  let list: { issues: { key: string }[] };
  try {
    list = JSON.parse(await readFile(file, 'utf8')) as typeof list;
  } catch (error) {
    throw new Error(`${global.name}: cannot read ${ISSUES_FILE}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const needed = new Set(list.issues.map((issue) => shardOfIssue(issue.key)));
  const missing = archiveOrder([...needed].filter((s) => !shards.includes(s)));
  if (missing.length > 0) {
    throw new Error(
      `${global.name} lists issues of shard ${missing.join(', ')}, but no such shard build is given`,
    );
  }
  const unknown = shards.filter((s) => !needed.has(s));
  if (unknown.length > 0) {
    throw new Error(
      `shard ${unknown.join(', ')} has no issue in ${global.name}: built from other content?`,
    );
  }
}

async function readManifest(part: Part): Promise<Sourced<ShardManifest>> {
  const file = join(part.dir, ...SHARDS_MANIFEST.split('/'));
  if (!existsSync(file)) throw new Error(`${part.name}: no ${SHARDS_MANIFEST}`);
  return { source: part.name, value: JSON.parse(await readFile(file, 'utf8')) as ShardManifest };
}

export async function assemble({
  outDir,
  sources,
  previous,
}: AssembleOptions): Promise<AssembleReport> {
  const site = resolve(outDir);
  for (const source of sources.map((dir) => resolve(dir))) {
    const inside = (a: string, b: string) => a === b || a.startsWith(b + sep);
    if (inside(site, source) || inside(source, site)) {
      throw new Error(
        `${site}: the assembled site cannot replace or hold a build it joins (${source})`,
      );
    }
  }
  const parts = await Promise.all(
    sources.map((dir) => readPart(resolve(dir), previous?.unchanged.get(dir))),
  );
  const listings = new Map(sources.map((dir, i) => [dir, (parts[i] as Part).files]));
  const globals = parts.filter((p) => p.label.part === 'global');
  const [global, extra] = globals;
  if (global === undefined) throw new Error('no global build given (folio build --global)');
  if (extra !== undefined) throw new Error(`two global builds: ${global.dir} and ${extra.dir}`);
  const byShard = new Map<string, Part>();
  for (const part of parts) {
    const shard = part.label.shard;
    if (shard === undefined) continue;
    const other = byShard.get(shard);
    if (other !== undefined)
      throw new Error(`shard ${shard} given twice: ${other.dir} and ${part.dir}`);
    byShard.set(shard, part);
  }
  const shards = archiveOrder([...byShard.keys()]);
  if (shards.length === 0) throw new Error('no shard build given (folio build --shard <year>)');
  await checkShards(global, shards);
  const shardParts = shards.map((s) => byShard.get(s) as Part);
  for (const part of [global, ...shardParts]) {
    for (const path of part.files) {
      const owner = ownerOf(path);
      const mine = part === global ? path === SITEMAP_INDEX : path !== SITEMAP_INDEX;
      if (owner.kind === 'merged' && !mine) {
        throw new Error(
          `${path} comes from ${part === global ? 'the shards' : 'the global build'}, but is in ${part.name}`,
        );
      }
    }
  }

  const plan = await planSite([global, ...shardParts]);

  // The merged files' inputs, all checked before anything is written.
  const manifest = mergeManifests(await Promise.all(shardParts.map(readManifest)));
  const exports = shardParts.map((part) => {
    const file = join(part.dir, ...ITEMS_EXPORT.split('/'));
    if (!existsSync(file)) throw new Error(`${part.name}: no ${ITEMS_EXPORT}`);
    return file;
  });
  // The global build's sitemaps, then each shard's.
  const indexes: IndexItem[] = [];
  const globalIndex = join(global.dir, SITEMAP_INDEX);
  if (!existsSync(globalIndex)) throw new Error(`${global.name}: no ${SITEMAP_INDEX}`);
  indexes.push(...(await readSitemapIndex(globalIndex)));
  for (const part of shardParts) {
    const file = join(part.dir, `${shardSitemapBase(part.label.shard ?? '')}-index.xml`);
    if (!existsSync(file)) throw new Error(`${part.name}: no ${basename(file)}`);
    indexes.push(...(await readSitemapIndex(file)));
  }
  const sitemapIndex = await sitemapIndexXml(indexes);
  const merged: MergedFile[] = [
    // The search bundles of every shard, newest first.
    {
      path: SHARDS_MANIFEST,
      write: (file) => writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`),
    },
    // Every item, in archive order: the shards' exports one after the other, in one pipeline
    // (one per export, each left open, would leave its listeners on the output stream).
    {
      path: ITEMS_EXPORT,
      write: (file) =>
        pipeline(async function* () {
          for (const part of exports) yield* createReadStream(part);
        }, createWriteStream(file)),
    },
    { path: SITEMAP_INDEX, write: (file) => writeFile(file, sitemapIndex) },
  ];
  const placements = [...plan].map(([path, part]) => ({ path, from: part.dir }));

  const existing = statSync(site, { throwIfNoEntry: false });
  if (existing !== undefined && !existing.isDirectory())
    throw new Error(`${site}: not a directory`);
  if (existing !== undefined) {
    const unchanged =
      previous === undefined
        ? undefined
        : {
            site: previous.site,
            parts: new Set([...previous.unchanged.keys()].map((dir) => resolve(dir))),
          };
    const report = await updateSite(site, placements, merged, renameRank, unchanged);
    return { files: plan.size + merged.length, ...report, shards, sources: listings };
  }

  // A new site: written beside its place and renamed in when complete.
  const temporary = join(dirname(site), `.${basename(site)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await mkdir(temporary, { recursive: true });
    makeDirs(temporary, [...plan.keys()]);
    await placeFiles(placements, temporary);
    for (const file of merged) await file.write(local(temporary, file.path));
    await rename(temporary, site);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return {
    files: plan.size + merged.length,
    copied: plan.size,
    kept: 0,
    removed: 0,
    shards,
    sources: listings,
  };
}

/**
 * The order in which an update renames its files into place, so that links keep working while
 * it runs: a search bundle's files, then its entry file; a shard's pages; the global pages that
 * link to them; the merged files (the bundle list names the bundles) last.
 */
function renameRank(path: string): number {
  const owner = ownerOf(path);
  if (owner.kind === 'merged') return 4;
  if (owner.kind === 'global') return 3;
  if (path.endsWith('/pagefind-entry.json')) return 1;
  return path.startsWith('pagefind/') ? 0 : 2;
}
