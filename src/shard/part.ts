/**
 * Which part of the archive a build makes: the whole site (`folio build`), one shard — a calendar
 * year of issues, or the undated raw files — (`folio build --shard 2024`), or the global pages
 * that span every shard (`folio build --global`). The CLI sets `$FOLIO_PART`; the content
 * collections, the routes and the Astro configuration read it here.
 */

/** Environment variable through which the CLI tells the site which part it builds. */
export const PART_ENV = 'FOLIO_PART';

/** The shard of the raw files whose date is unknown (`content/undated/…`). */
export const UNDATED_SHARD = 'undated';

export type BuildPart = { kind: 'whole' } | { kind: 'shard'; shard: string } | { kind: 'global' };

const SHARD_KEY = /^(\d{4}|undated)$/;

/** A shard key: a year (`2024`) or `undated`. */
export function isShardKey(key: string): boolean {
  return SHARD_KEY.test(key);
}

/** `$FOLIO_PART` as a part: unset or empty → whole, `global`, or a shard key. */
export function parsePart(value: string | undefined): BuildPart {
  if (value === undefined || value === '') return { kind: 'whole' };
  if (value === 'global') return { kind: 'global' };
  if (isShardKey(value)) return { kind: 'shard', shard: value };
  throw new Error(
    `${PART_ENV} must be a year (YYYY), "${UNDATED_SHARD}" or "global", not "${value}"`,
  );
}

export function buildPart(): BuildPart {
  return parsePart(process.env[PART_ENV]);
}

/** The value of `$FOLIO_PART` that asks for `part`. */
export function partValue(part: BuildPart): string {
  return part.kind === 'shard' ? part.shard : part.kind === 'global' ? 'global' : '';
}

/** The shard an issue belongs to: its year, or `undated` (key `undated/<stem>`). */
export function shardOfIssue(issueKey: string): string {
  return issueKey.startsWith(`${UNDATED_SHARD}/`) ? UNDATED_SHARD : issueKey.slice(0, 4);
}

/**
 * True when the build makes the archive's own pages — issues, pages (版), items, month
 * calendars, issue JSON — for the whole archive or for its shard; false for the global build.
 */
export function buildsArchivePages(part = buildPart()): boolean {
  return part.kind !== 'global';
}

/**
 * True when the build makes the pages that span the archive — reporters, on this day — for the
 * whole archive or as the global build; false for a shard, whose copies would hold one year.
 */
export function buildsGlobalPages(part = buildPart()): boolean {
  return part.kind !== 'shard';
}

/**
 * Whether a content file (a path, `/`- or `\\`-separated) is one the content collections read:
 * an item (`01.md`) or a page record (`page.json`); the patterns below in file-name form.
 */
export function isIssueFile(path: string): boolean {
  const name = path.split(/[\\/]/).pop() ?? '';
  return name === 'page.json' || /^[0-9].*\.md$/.test(name);
}

/**
 * The content collections' glob patterns (relative to the content directory): every item and
 * page record, or a shard's only (`2024-*` issue folders, or `undated/`).
 */
export function contentPatterns(part = buildPart()): { items: string; pages: string } {
  const root =
    part.kind !== 'shard'
      ? ''
      : part.shard === UNDATED_SHARD
        ? `${UNDATED_SHARD}/`
        : `${part.shard}-*/`;
  return { items: `${root}**/[0-9]*.md`, pages: `${root}**/page.json` };
}
