/** Builds and serves the Astro site programmatically, pointed at a content directory. */
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'astro';
import { CONTENT_ENV } from '../archive/content-dir.ts';
import { PART_ENV, partValue, type BuildPart } from '../shard/part.ts';
import { prunePart } from '../shard/prune.ts';
import { publicFiles } from './files.ts';
import { restorePageWrites } from './page-writes.ts';
import { takeBuildReport, type BuildReport } from './build-report.ts';
import { outsideIssues } from '../shard/neighbours.ts';
import { partOptions } from '../shard/astro-options.ts';
import { FOLIO_CACHE_DIR, cacheDir } from './cache-dir.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  /** Content collection to build from. */
  contentDir: string;
  /** Where the static site is written. */
  outDir: string;
  /** The whole site (default), one shard of it, or its global pages (see src/shard/). */
  part?: BuildPart;
  /** Reuse nothing of the last build: render every page, sync all content, index every shard. */
  force?: boolean;
}

/**
 * Builds the site. Pages, content and search bundles that did not change since the last build
 * are reused from the build cache (cache-dir.ts), unless `force` is set.
 */
export async function buildSite({
  contentDir,
  outDir,
  part = { kind: 'whole' },
  force = false,
}: BuildOptions): Promise<BuildReport> {
  if (!existsSync(contentDir)) throw new Error(`${contentDir}: content directory not found`);
  process.env[CONTENT_ENV] = contentDir;
  // A shard with no issue in the content directory is a mistake, not an empty site.
  if (part.kind === 'shard') outsideIssues(contentDir, part.shard);
  process.env[PART_ENV] = partValue(part);
  // Astro's `force` renders every page and syncs all content again; Folio's part of the cache
  // goes too: every search shard is indexed, the output directory is emptied first.
  if (force) {
    const partDir = partOptions('/', part).cacheDir ?? '';
    await rm(join(cacheDir(root), partDir, FOLIO_CACHE_DIR), { recursive: true, force: true });
  }
  // A report a failed build left is not this build's.
  takeBuildReport();
  try {
    await build({ root, outDir, logLevel: 'warn', force });
  } finally {
    // A build that failed while generating its pages leaves Node's file functions as they were.
    restorePageWrites();
  }
  await prunePart(outDir, part, await publicFiles(`${root}public`));
  return takeBuildReport();
}

export async function previewSite({
  outDir,
  port,
}: {
  outDir: string;
  port: number;
}): Promise<void> {
  if (!existsSync(outDir))
    throw new Error(`${outDir}: nothing to serve; run "npm run build" first`);
  const server = await preview({ root, outDir, server: { port, host: '127.0.0.1' } });
  console.log(`Serving ${outDir} at http://127.0.0.1:${port}/`);
  await new Promise<void>((done) => {
    process.once('SIGINT', () => void server.stop().then(done));
  });
}
