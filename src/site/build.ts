/** Builds and serves the Astro site programmatically, pointed at a content directory. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'astro';
import { CONTENT_ENV } from '../archive/content-dir.ts';
import { PART_ENV, partValue, type BuildPart } from '../shard/part.ts';
import { prunePart, publicFiles } from '../shard/prune.ts';
import { outsideIssues } from '../shard/neighbours.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface BuildOptions {
  /** Content collection to build from. */
  contentDir: string;
  /** Where the static site is written. */
  outDir: string;
  /** The whole site (default), one shard of it, or its global pages (see src/shard/). */
  part?: BuildPart;
}

export async function buildSite({
  contentDir,
  outDir,
  part = { kind: 'whole' },
}: BuildOptions): Promise<void> {
  if (!existsSync(contentDir)) throw new Error(`${contentDir}: content directory not found`);
  process.env[CONTENT_ENV] = contentDir;
  // A shard with no issue in the content directory is a mistake, not an empty site.
  if (part.kind === 'shard') outsideIssues(contentDir, part.shard);
  process.env[PART_ENV] = partValue(part);
  await build({ root, outDir, logLevel: 'warn' });
  await prunePart(outDir, part, await publicFiles(`${root}public`));
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
