/**
 * The global build's view of the content: what the pages that span the archive need (every item's
 * front matter, every page record's number and name), without what only article and page views
 * show. Wrapped around Astro's glob loader, so entries are found, named and validated exactly as
 * in every other build:
 * - items: Markdown is not rendered (the loader is handed Astro's entry types without their
 *   render functions) and bodies are not kept (`retainBody: false`, set by the caller);
 * - page records: validated whole, then kept without their raw text (no global page shows it).
 */
import type { Loader, LoaderContext } from 'astro/loaders';

/** How Astro hands a loader the file types it knows (not part of `LoaderContext`'s type). */
interface EntryTypes {
  entryTypes?: Map<string, Record<string, unknown>>;
}

/** `loader`, without rendering the Markdown of what it loads. */
export function withoutRendering(loader: Loader): Loader {
  return {
    name: loader.name,
    load: async (context) => {
      const types = (context as LoaderContext & EntryTypes).entryTypes;
      if (!(types instanceof Map)) {
        throw new Error(
          'the global build cannot load front matter alone: Astro no longer hands loaders its entry types',
        );
      }
      const rendering = new Set(['getRenderFunction', 'contentModuleTypes']);
      const plain = new Map(
        [...types].map(([ext, type]) => [
          ext,
          Object.fromEntries(Object.entries(type).filter(([key]) => !rendering.has(key))),
        ]),
      );
      await loader.load({ ...context, entryTypes: plain } as LoaderContext);
    },
  };
}

/** `loader`, keeping page records without their raw text. */
export function withoutPageText(loader: Loader): Loader {
  return {
    name: loader.name,
    load: (context) =>
      loader.load({
        ...context,
        parseData: async (props) => ({ ...(await context.parseData(props)), text: '' }),
      }),
  };
}
