/**
 * Links that cross a shard's edge: the issue before its first issue and after its last, and the
 * months with issues around its own. A shard build loads only its own year, so it finds them in
 * the content directory's folder names (`<YYYY-MM-DD>/`, `undated/<stem>/`): the nearest folder
 * outside the shard, in archive order, that holds an item or a page record — what the whole
 * build's index would put there. No other year's file is read.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  issueNeighbours,
  type ArchiveIndex,
  type ItemLike,
  type PageLike,
} from '../archive/indexes.ts';
import { splitDate } from '../archive/calendar.ts';
import { contentDir } from '../archive/content-dir.ts';
import { buildPart, isIssueFile, shardOfIssue, UNDATED_SHARD } from './part.ts';

/** What a link to an issue needs. */
export interface IssueRef {
  key: string;
  date: string | null;
}

export interface MonthRef {
  year: number;
  month: number;
}

/** The issues just outside a shard; null at the archive's ends. */
export interface OutsideIssues {
  before: IssueRef | null;
  after: IssueRef | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDirectory(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** Issue keys of the content directory in archive order: dates, then undated stems. */
function issueFolders(dir: string): string[] {
  const top = readdirSync(dir).sort();
  const dated = top.filter((name) => DATE.test(name) && isDirectory(join(dir, name)));
  const undatedDir = join(dir, UNDATED_SHARD);
  const undated = isDirectory(undatedDir)
    ? readdirSync(undatedDir)
        .filter((name) => !name.startsWith('.') && isDirectory(join(undatedDir, name)))
        .sort()
        .map((name) => `${UNDATED_SHARD}/${name}`)
    : [];
  return [...dated, ...undated];
}

/** True when the folder holds what the content collections read: an item or a page record. */
function holdsIssue(folder: string): boolean {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' });
  return files.some(isIssueFile);
}

function ref(key: string): IssueRef {
  return { key, date: DATE.test(key) ? key : null };
}

/** The issues outside `shard` next to it, from the folders of `dir`. */
export function outsideIssues(dir: string, shard: string): OutsideIssues {
  const folders = issueFolders(dir);
  const first = folders.findIndex((key) => shardOfIssue(key) === shard);
  if (first === -1) throw new Error(`${dir}: no issues of shard ${shard}`);
  let last = first;
  while (last + 1 < folders.length && shardOfIssue(folders[last + 1] ?? '') === shard) last++;
  const nearest = (keys: string[]): IssueRef | null => {
    const key = keys.find((k) => holdsIssue(join(dir, k)));
    return key === undefined ? null : ref(key);
  };
  return {
    before: nearest(folders.slice(0, first).reverse()),
    after: nearest(folders.slice(last + 1)),
  };
}

let outside: OutsideIssues | undefined;

/** The issues outside the shard being built; none for a whole (or global) build. */
export function outsideOfBuild(): OutsideIssues {
  const part = buildPart();
  if (part.kind !== 'shard') return { before: null, after: null };
  outside ??= outsideIssues(contentDir(), part.shard);
  return outside;
}

/** The issue before and after `key`, reaching into the neighbouring shards at the edges. */
export function issueLinks<I extends ItemLike, P extends PageLike>(
  archive: ArchiveIndex<I, P>,
  key: string,
): { prev: IssueRef | null; next: IssueRef | null } {
  const { prev, next } = issueNeighbours(archive, key);
  const edge = outsideOfBuild();
  return { prev: prev ?? edge.before, next: next ?? edge.after };
}

function monthOf(issue: IssueRef | null): MonthRef | null {
  if (issue === null || issue.date === null) return null;
  const { year, month } = splitDate(issue.date);
  return { year, month };
}

/** The months with issues just before and after the shard being built (null when none). */
export function outsideMonths(): { before: MonthRef | null; after: MonthRef | null } {
  const edge = outsideOfBuild();
  return { before: monthOf(edge.before), after: monthOf(edge.after) };
}
