/**
 * The global build's view of the content: what the pages that span the archive need (every item's
 * front matter, every page record's number and name), without what only article and page views
 * show.
 * - items: front matter only, read by Astro's own Markdown entry type and validated by the
 *   collection's schema as in every build; the body is neither rendered nor kept. A file whose
 *   size, times and inode are those it had when last read is not read again, and one whose text
 *   is what it was is not parsed again (the global build runs after every change of any year,
 *   over every item of the archive);
 * - page records: Astro's glob loader, as in every build.
 */
import { glob, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { relativeSlashed, slashed } from '../paths.ts';
import type { Loader } from 'astro/loaders';
import { entryId } from '../archive/content-dir.ts';
import { markdownEntryType } from '../site/front-matter.ts';
import { each } from './each.ts';
import { fileKey } from './file-key.ts';

/** Files read at once. */
const READS = 16;

/** An entry's digest: its file's key, then the digest of its text (`<key> <text digest>`). */
function splitDigest(digest: unknown): { key: string; text: string } | null {
  if (typeof digest !== 'string') return null;
  const space = digest.lastIndexOf(' ');
  return space < 0 ? null : { key: digest.slice(0, space), text: digest.slice(space + 1) };
}

/**
 * Items matching `pattern` under `base` (the content directory), by their front matter: ids as
 * in every build (`entryId`), data validated by the collection's schema, no body.
 */
export function frontMatterLoader({ base, pattern }: { base: string; pattern: string }): Loader {
  return {
    name: 'folio-front-matter',
    load: async (context) => {
      const markdown = markdownEntryType(context);
      const { store } = context;
      const root = fileURLToPath(context.config.root);
      const files: string[] = [];
      for await (const path of glob(pattern, { cwd: base })) files.push(slashed(path));
      files.sort();
      const untouched = new Set(store.keys());
      await each(files, READS, async (path) => {
        const id = entryId(path);
        untouched.delete(id);
        const file = join(base, path);
        const key = fileKey(file);
        const known = store.get(id);
        const last = splitDigest(known?.digest);
        if (last?.key === key) return;
        const contents = await readFile(file, 'utf8');
        const text = context.generateDigest(contents);
        const digest = `${key} ${text}`;
        const filePath = relativeSlashed(root, file);
        // The same text under new times or inode (a fresh checkout): kept as it was parsed.
        if (known !== undefined && last?.text === text) {
          store.set({ ...known, filePath, digest });
          return;
        }
        const { data } = await markdown.getEntryInfo({ contents, fileUrl: pathToFileURL(file) });
        // As the glob loader does: the schema sees the absolute path, the store the project's.
        const parsed = await context.parseData({ id, data, filePath: file });
        store.set({ id, data: parsed, filePath, digest });
      });
      for (const id of untouched) store.delete(id);
    },
  };
}
