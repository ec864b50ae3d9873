/**
 * The memory allocator settings a build runs with. Astro's bundler (Rolldown) and its compiler
 * are native modules that allocate through mimalloc. Bundling frees most of what it took, and its
 * threads then sit idle while the pages render, so by default the process kept memory it no
 * longer used for the rest of the build, in two ways:
 * - mimalloc returns freed pages to the system only after a delay, checked when the thread that
 *   freed them allocates again (a 7,500-item build: peak 1,481–1,512 MiB against 1,283–1,341
 *   MiB with the pages returned at once);
 * - it asks the kernel for transparent huge pages (2 MiB), and what it freed inside them stayed
 *   with the process: after bundling it held 390 MiB in huge pages. Without them, a 7,500-item
 *   build peaks ~180 MiB lower again (bench/README.md).
 * mimalloc reads its settings from the environment when the native module loads, so they are set
 * before Astro is imported.
 */
export const ALLOCATOR_ENV: Readonly<Record<string, string>> = {
  // Return freed pages to the system at once instead of after a delay.
  MIMALLOC_PURGE_DELAY: '0',
  // Small pages only, so that what is freed can be returned.
  MIMALLOC_ALLOW_THP: '0',
};

/** The allocator settings a build runs with under `env`: Folio's, but any the user set kept. */
export function allocatorEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(ALLOCATOR_ENV).map(([name, value]) => [name, env[name] ?? value]),
  );
}

/** Adds the allocator settings to `env`, keeping any the user set. */
export function tuneAllocator(env: NodeJS.ProcessEnv = process.env): void {
  Object.assign(env, allocatorEnv(env));
}
