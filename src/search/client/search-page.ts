/**
 * The search page in the browser: reads the search from the URL, runs it, renders the hits,
 * and keeps the URL in step (a new search is a new history entry; Back restores the last one).
 */
import { createSearchEngine, type Hit, type SearchRun } from './engine.ts';
import {
  FILTER_NAMES,
  isEmpty,
  paramsFromRequest,
  requestFromParams,
  type SearchRequest,
} from './request.ts';
import { HIGHLIGHT_PARAM } from './highlight-param.ts';

const PAGE_SIZE = 10;

type Strings = Record<string, string>;

function format(template: string | undefined, values: Record<string, string | number>): string {
  return (template ?? '').replace(/\{(\w+)\}/g, (_, key: string) => String(values[key] ?? ''));
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | null,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className !== null) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function formatDate(date: string, strings: Strings): string {
  const [y, m, d] = date.split('-');
  return format(strings['search.date'], { y: y ?? '', m: Number(m), d: Number(d) });
}

function renderHit(hit: Hit, query: string, strings: Strings): HTMLLIElement {
  const item = element('li', 'search-hit');
  if (hit.kicker !== null) item.append(element('p', 'search-hit-kicker', hit.kicker));
  const heading = element('h2', 'search-hit-title');
  const link = element('a', null, hit.title);
  const url = new URL(hit.url, location.href);
  url.searchParams.set(HIGHLIGHT_PARAM, query);
  link.href = url.pathname + url.search;
  heading.append(link);
  item.append(heading);
  if (hit.subtitle !== null) item.append(element('p', 'search-hit-subtitle', hit.subtitle));
  const meta = element('p', 'search-hit-meta');
  const parts: (string | HTMLElement)[] = [];
  if (hit.date !== null) {
    const time = element('time', null, formatDate(hit.date, strings));
    time.dateTime = hit.date;
    parts.push(time);
  }
  const page = format(strings['search.page'], { n: String(hit.page).padStart(2, '0') });
  parts.push(hit.pageName === null ? page : `${page} ${hit.pageName}`);
  if (hit.authors.length > 0) {
    parts.push(format(strings['search.byline'], { names: hit.authors.join('、') }));
  }
  if (hit.kind === 'photo') parts.push(strings['search.kind.photo'] ?? '');
  parts.forEach((part, i) => {
    if (i > 0) meta.append(' · ');
    meta.append(part);
  });
  item.append(meta);
  const excerpt = element('p', 'search-hit-excerpt');
  for (const segment of hit.excerpt) {
    excerpt.append(segment.mark ? element('mark', null, segment.text) : segment.text);
  }
  item.append(excerpt);
  return item;
}

function required<T>(node: T | null): T {
  if (node === null) throw new Error('search page: markup is missing an element');
  return node;
}

export function mountSearchPage(root: HTMLElement): void {
  const strings = JSON.parse(root.dataset['strings'] ?? '{}') as Strings;
  const years = JSON.parse(root.dataset['years'] ?? '[]') as string[];
  const engine = createSearchEngine(root.dataset['base'] ?? '/', years);
  // Scripts (and tests) may drive the same engine the page uses.
  (window as unknown as { folioSearch: typeof engine }).folioSearch = engine;

  const form = required(root.querySelector('form'));
  const status = required(root.querySelector<HTMLElement>('[data-status]'));
  const list = required(root.querySelector<HTMLOListElement>('[data-results]'));
  const span = required(root.querySelector<HTMLElement>('[data-span]'));
  const moreButton = required(root.querySelector<HTMLButtonElement>('[data-more]'));
  const field = (name: string): HTMLInputElement | HTMLSelectElement =>
    form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  let current: { run: SearchRun; request: SearchRequest } | null = null;
  let generation = 0;

  /** "Searched 3 July to 19 August 2025", and what relevance order means for it. */
  const spanText = (run: SearchRun, request: SearchRequest): string => {
    if (run.shards <= 1 || run.span.from === null || run.span.to === null) return '';
    const parts = [
      format(strings['search.span'], {
        from: formatDate(run.span.from, strings),
        to: formatDate(run.span.to, strings),
      }),
    ];
    if (run.span.undated) parts.push(strings['search.spanUndated'] ?? '');
    if (request.sort === 'relevance' && run.searched < run.shards) {
      parts.push(strings['search.relevanceNote'] ?? '');
    }
    return parts.join('');
  };

  const showStatus = (run: SearchRun, request: SearchRequest): void => {
    status.textContent =
      run.hits.length === 0
        ? (strings[run.done ? 'search.none' : 'search.noneSoFar'] ?? '')
        : format(strings[run.done ? 'search.count' : 'search.countSoFar'], { n: run.hits.length });
    span.textContent = spanText(run, request);
    moreButton.hidden = run.done;
    // Past the shards searched, "more" means further back (forward, oldest first) in time.
    moreButton.textContent =
      strings[
        !run.spanDone
          ? 'search.more'
          : request.sort === 'oldest'
            ? 'search.later'
            : 'search.earlier'
      ] ?? '';
  };

  /**
   * Keeps how far the reader has taken the search in the URL, so a reload or Back returns to it
   * (the first step is the query's own: the same search takes it again).
   */
  const keepReach = (run: SearchRun, request: SearchRequest): void => {
    if ((request.reach ?? null) === run.reach) return;
    const search = paramsFromRequest({ ...request, reach: run.reach }).toString();
    history.replaceState(history.state, '', `?${search}`);
  };

  const fillForm = (request: SearchRequest): void => {
    field('q').value = request.query;
    for (const name of FILTER_NAMES) {
      const select = form.elements.namedItem(name);
      if (select instanceof HTMLSelectElement) select.value = request.filters[name] ?? '';
    }
    field('sort').value = request.sort;
    field('from').value = request.from ?? '';
    field('to').value = request.to ?? '';
  };

  const run = async (request: SearchRequest): Promise<void> => {
    const mine = ++generation;
    fillForm(request);
    list.replaceChildren();
    span.textContent = '';
    moreButton.hidden = true;
    if (isEmpty(request)) {
      status.textContent = strings['search.empty'] ?? '';
      return;
    }
    status.textContent = strings['search.loading'] ?? '';
    try {
      const started = await engine.search(request);
      if (mine !== generation) return;
      current = { run: started, request };
      const hits = await started.more(PAGE_SIZE);
      if (mine !== generation) return;
      list.append(...hits.map((hit) => renderHit(hit, request.query, strings)));
      showStatus(started, request);
    } catch (error) {
      status.textContent = strings['search.error'] ?? '';
      throw error;
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const [key, value] of data)
      if (typeof value === 'string' && value !== '') params.set(key, value);
    const request = requestFromParams(params);
    const search = paramsFromRequest(request).toString();
    history.pushState(null, '', search === '' ? location.pathname : `?${search}`);
    void run(request);
  });
  moreButton.addEventListener('click', () => {
    const active = current;
    if (active === null) return;
    const { run: more, request } = active;
    moreButton.disabled = true;
    void more.more(PAGE_SIZE).then((hits) => {
      if (current !== active) return;
      list.append(...hits.map((hit) => renderHit(hit, request.query, strings)));
      showStatus(more, request);
      keepReach(more, request);
      moreButton.disabled = false;
    });
  });
  window.addEventListener('popstate', () => {
    void run(requestFromParams(new URLSearchParams(location.search)));
  });

  const initial = requestFromParams(new URLSearchParams(location.search));
  void run(initial);
}
