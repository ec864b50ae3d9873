import { describe, expect, test } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
import { withoutPageText, withoutRendering } from '../../../src/shard/metadata-loader.ts';

/** A loader that records the context it is handed. */
function recording(): { loader: Loader; seen: LoaderContext[] } {
  const seen: LoaderContext[] = [];
  return {
    seen,
    loader: {
      name: 'glob-loader',
      load: (context) => {
        seen.push(context);
        return Promise.resolve();
      },
    },
  };
}

describe('the global build’s loaders', () => {
  test('should hand the loader entry types without their render functions', async () => {
    const { loader, seen } = recording();
    const markdown = {
      extensions: ['.md'],
      getEntryInfo: () => ({}),
      getRenderFunction: () => ({}),
      contentModuleTypes: 'declare module',
    };
    const context = { collection: 'items', entryTypes: new Map([['.md', markdown]]) };
    const wrapped = withoutRendering(loader);
    expect(wrapped.name).toBe('glob-loader');
    await wrapped.load(context as unknown as LoaderContext);
    const types = (seen[0] as unknown as { entryTypes: Map<string, object> }).entryTypes;
    expect(Object.keys(types.get('.md') ?? {})).toEqual(['extensions', 'getEntryInfo']);
    expect(Object.keys(markdown)).toContain('getRenderFunction');
  });

  test('should refuse to load when Astro hands no entry types', async () => {
    const { loader } = recording();
    await expect(
      withoutRendering(loader).load({ collection: 'items' } as unknown as LoaderContext),
    ).rejects.toThrow(
      'the global build cannot load front matter alone: Astro no longer hands loaders its entry types',
    );
  });

  test('should keep page records validated, without their raw text', async () => {
    const { loader, seen } = recording();
    const parseData = (props: { data: Record<string, unknown> }) =>
      Promise.resolve({ ...props.data, checked: true });
    await withoutPageText(loader).load({ parseData } as unknown as LoaderContext);
    const parsed = await (seen[0] as LoaderContext).parseData({
      id: '2024-05-01/01/page',
      data: { page: 1, text: '原文' },
    });
    expect(parsed).toEqual({ page: 1, text: '', checked: true });
  });
});
