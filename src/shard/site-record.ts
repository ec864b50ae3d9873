/**
 * What `folio build --sharded` last assembled into its site: which site, and for each part the
 * build it took and that build's files. The next run takes a part that has not been built since
 * as it was: its files are not listed again, and the site's copies of them are not compared with
 * the part's (assemble.ts, `PreviousAssembly`). After one more day at 100,000 items, 10 of 12
 * parts and 224,000 of 226,000 files are such.
 *
 * The record is removed before the site is touched and written once the assembly is complete:
 * a run that stops half-way leaves none, and the next run compares every file. It holds for the
 * site it names only, as it was: the same directory (device and inode) holding the same sitemap
 * index file (inode and modification time), which every assembly replaces — so a site removed,
 * moved or replaced since, or assembled again by `folio assemble` (which keeps no record and
 * always compares every file), has every file compared. What it cannot see is a file of the site
 * edited by hand.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreviousAssembly } from './assemble.ts';
import { SITEMAP_INDEX } from './ownership.ts';

export interface SiteRecord {
  /** The assembled site's absolute path. */
  site: string;
  /** The site as it was assembled (`siteIdentity`). */
  identity: string;
  /** Per part (`global`, `2024`…): the build taken (its stamp's id) and its files. */
  parts: Record<string, { build: string; files: string[] }>;
}

/** A part as the sharded build assembles it. */
export interface AssembledPart {
  /** `global` or a shard key. */
  part: string;
  /** Its output directory. */
  source: string;
  /** The id of the build that wrote it (its stamp's). */
  build: string;
}

/**
 * The site at `path` as the device and inode of its directory and the inode and modification
 * time of its sitemap index (`<dev>:<ino> <ino>:<mtime ns>`); null when there is no directory.
 */
export function siteIdentity(path: string): string | null {
  const dir = statSync(path, { throwIfNoEntry: false, bigint: true });
  if (dir?.isDirectory() !== true) return null;
  const index = statSync(join(path, SITEMAP_INDEX), { throwIfNoEntry: false, bigint: true });
  return `${dir.dev}:${dir.ino} ${index === undefined ? '-' : `${index.ino}:${index.mtimeNs}`}`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isRecord(value: unknown): value is SiteRecord {
  if (!isObject(value)) return false;
  const { site, identity, parts } = value;
  return (
    typeof site === 'string' &&
    typeof identity === 'string' &&
    isObject(parts) &&
    Object.values(parts).every(
      (part) =>
        isObject(part) &&
        typeof part.build === 'string' &&
        Array.isArray(part.files) &&
        part.files.every((file) => typeof file === 'string'),
    )
  );
}

/**
 * The record in `file` when it describes `site` as it is now; null when there is none, it is
 * unreadable (a run then compares every file, as without a record) or the site is not the
 * directory it was.
 */
export function readRecord(file: string, site: string): SiteRecord | null {
  let record: unknown;
  try {
    record = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (!isRecord(record) || record.site !== site) return null;
  return record.identity === siteIdentity(site) ? record : null;
}

export function writeRecord(file: string, record: SiteRecord): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
}

export function removeRecord(file: string): void {
  rmSync(file, { force: true });
}

/** What the site held after the assembly `record` describes, and which of `parts` it took as they are. */
export function previousAssembly(
  record: SiteRecord,
  parts: readonly AssembledPart[],
): PreviousAssembly {
  const unchanged = new Map<string, readonly string[]>();
  for (const { part, source, build } of parts) {
    const last = record.parts[part];
    if (last !== undefined && last.build === build) unchanged.set(source, last.files);
  }
  const site = new Set(Object.values(record.parts).flatMap(({ files }) => files));
  return { site, unchanged };
}

/** The record of an assembly of `parts` into `site`; `files` holds each source's files. */
export function siteRecord(
  site: string,
  parts: readonly AssembledPart[],
  files: ReadonlyMap<string, readonly string[]>,
): SiteRecord {
  return {
    site,
    identity: siteIdentity(site) ?? '',
    parts: Object.fromEntries(
      parts.map(({ part, source, build }) => [
        part,
        { build, files: [...(files.get(source) ?? [])] },
      ]),
    ),
  };
}
