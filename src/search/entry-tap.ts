/**
 * Item entries handed to the search index as the content sync stores them (entry-record.ts makes
 * their records): the items collection's loader is wrapped (`tapped`, content.config.ts), and the
 * search integration opens the tap for the entries it wants before the sync starts.
 *
 * The content config runs in Astro's module loader, the integration in the configuration's: two
 * instances of this module. They meet through one process-wide slot (`Symbol.for`).
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import type { ItemData } from '../archive/schema.ts';
import type { ItemEntry } from './entry-record.ts';

export interface EntryTap {
  /** The ids of the entries wanted. */
  wanted: ReadonlySet<string>;
  /** Called with each wanted entry once it is stored, rendered. */
  take(entry: ItemEntry): void;
}

const SLOT = Symbol.for('folio.search.entry-tap');

type Slot = { [SLOT]?: EntryTap | undefined };

/** Has the wanted entries handed to `tap` from now on, until `closeTap`. */
export function openTap(tap: EntryTap): void {
  (globalThis as Slot)[SLOT] = tap;
}

export function closeTap(): void {
  (globalThis as Slot)[SLOT] = undefined;
}

type Store = LoaderContext['store'];

/** `store`, its `set` also handing the wanted rendered entries to `tap`. */
function tappedStore(store: Store, tap: EntryTap): Store {
  const set: Store['set'] = (entry) => {
    const stored = store.set(entry);
    const html = entry.rendered?.html;
    if (stored && html !== undefined && tap.wanted.has(entry.id)) {
      // The loader stores the data its collection's schema (itemSchema) gave back.
      tap.take({ id: entry.id, data: entry.data as unknown as ItemData, html });
    }
    return stored;
  };
  return new Proxy(store, {
    get(target, property) {
      if (property === 'set') return set;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
    },
  });
}

/** `loader`, handing the entries it stores to the open tap, if there is one. */
export function tapped(loader: Loader): Loader {
  return {
    ...loader,
    load(context) {
      const tap = (globalThis as Slot)[SLOT];
      return loader.load(
        tap === undefined ? context : { ...context, store: tappedStore(context.store, tap) },
      );
    },
  };
}
