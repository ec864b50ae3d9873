import { describe, expect, test } from 'vitest';
import type { Loader, LoaderContext } from 'astro/loaders';
// Astro's own entry type for Markdown, which `readMarkdown` must agree with (not an export of the
// package: if it moves, this test says so).
import { markdownContentEntryType as astroMarkdown } from '../../node_modules/astro/dist/vite-plugin-markdown/content-entry-type.js';
import type { ItemData } from '../../src/archive/schema.ts';
import { frontMatter } from '../../src/write/front-matter.ts';
import { readMarkdown, readingFrontMatter } from '../../src/site/front-matter.ts';

const fileUrl = new URL('file:///archive/content/2019-11-21/01/01.md');

async function astroReads(contents: string): Promise<unknown> {
  const { data, body, slug, rawData } = await astroMarkdown.getEntryInfo({ contents, fileUrl });
  return { data, body, slug, rawData };
}

/** An item as the converter writes it, with strings a YAML 1.1 reader would misread. */
const item = {
  paper: '样张日报',
  date: '2019-11-21',
  page: 1,
  pageName: '要闻',
  kind: 'article',
  order: 2,
  kicker: '0755',
  title: '“yes” 0755 1:20 — 标题: 引号',
  subtitle: '1:20',
  byline: '本报讯（记者 范然昊 通讯员 张三）',
  authors: ['范然昊', '张三'],
  source: '2019-11-21/01.txt',
} as const satisfies ItemData;
const written = frontMatter(item);

describe('readMarkdown', () => {
  test.each([
    ['front matter as Folio writes it', `${written}\n首段。\n\n次段。\n`],
    ['a byte order mark', `\uFEFF---\ntitle: 标题\n---\n正文`],
    ['blank lines before the fence', `\n\n---\ntitle: 标题\n---\n\n正文\n`],
    ['CRLF line ends', '---\r\ntitle: 标题\r\nauthors:\r\n  - 甲\r\n---\r\n正文\r\n'],
    [
      'core scalars',
      '---\na: 0o17\nb: 0x1F\nc: 1_000\nd: 0b101\ne: 017\nf: .inf\ng: yes\nh: ~\ni:\nj: 1e3\nk: 1:20\nl: TRUE\nm: "2020-01-01"\n---\n',
    ],
    ['timestamps', '---\nday: 2020-01-01\nat: 2001-12-14t21:59:43.10-05:00\n---\n正文'],
    [
      'anchors and merge keys',
      '---\nbase: &b {page: 1, kind: photo}\nitem:\n  <<: *b\n  page: 2\n---\n',
    ],
    [
      'block and folded scalars',
      '---\na: |\n  一行\n  二行\nb: >-\n  折\n  叠\nc: plain\n  continued\n---\n',
    ],
    ['escapes', "---\na: \"\\u4e2d\\t文\"\nb: 'it''s'\n---\n"],
    ['a rule later in the body', '---\ntitle: 标题\n---\n上\n\n---\n\n下\n'],
    ['a scalar for front matter', '---\n标题\n---\n正文'],
  ])('should read %s as Astro does', async (_, contents) => {
    const read = readMarkdown(contents);
    expect(read).not.toBeNull();
    expect(read).toEqual(await astroReads(contents));
  });

  test('should give the data, body and raw front matter of a file Folio wrote', () => {
    expect(readMarkdown(`${written}\n首段。\n`)).toEqual({
      data: item,
      body: '首段。',
      slug: undefined,
      rawData: written.slice('---'.length, -'---\n'.length),
    });
  });

  test.each([
    ['no front matter', '正文\n'],
    ['TOML front matter', '+++\ntitle = "标题"\n+++\n正文'],
    ['mixed fences', '---\ntitle: 标题\n+++\n正文'],
    ['an empty front matter', '---\n---\n正文'],
    ['a front matter of comments', '---\n# 无\n---\n正文'],
    ['broken YAML', '---\ntitle: [标题\n---\n正文'],
    ['a key twice', '---\ntitle: 甲\ntitle: 乙\n---\n正文'],
    ['an unknown tag', '---\ntitle: !custom 标题\n---\n正文'],
    ['a collection as a key', '---\n[a]: 1\n---\n正文'],
    // js-yaml names these keys "null", Astro's reader "".
    ['a key written null', '---\nnull: 空\n---\n'],
    ['a key written ~ in a nested mapping', '---\na:\n  ~: 空\n---\n'],
    ['an empty key in a list', '---\na:\n  - : 空\n---\n'],
  ])('should leave %s to Astro', (_, contents) => {
    expect(readMarkdown(contents)).toBeNull();
  });
});

describe('readingFrontMatter', () => {
  /**
   * What the wrapped loader is handed, and a context with Astro's entry types, its Markdown
   * reader recording the files it reads.
   */
  function run() {
    const handed: LoaderContext[] = [];
    const astroRead: string[] = [];
    const astro: typeof astroMarkdown = {
      ...astroMarkdown,
      getEntryInfo: (file) => {
        astroRead.push(file.contents);
        return astroMarkdown.getEntryInfo(file);
      },
    };
    const inner: Loader = {
      name: 'inner',
      load: (context) => {
        handed.push(context);
        return Promise.resolve();
      },
    };
    const json = { getEntryInfo: () => ({ data: {} }) };
    const context = {
      collection: 'items',
      entryTypes: new Map<string, object>([
        ['.md', astro],
        ['.json', json],
      ]),
    } as unknown as LoaderContext;
    return { handed, astro, astroRead, inner, json, context };
  }

  type Handed = LoaderContext & { entryTypes: Map<string, typeof astroMarkdown> };

  test("should hand the loader Astro's Markdown entry type with the fast reader in front", async () => {
    const { handed, astro, astroRead, inner, json, context } = run();
    const loader = readingFrontMatter(inner);
    expect(loader.name).toBe('inner');
    await loader.load(context);
    const { entryTypes, collection } = handed[0] as Handed;
    expect(collection).toBe('items');
    expect(entryTypes.get('.json')).toBe(json);
    const markdown = entryTypes.get('.md');
    // All of Astro's entry type (its renderer the same function) but its reader.
    const others = (type: object) => Object.entries(type).filter(([key]) => key !== 'getEntryInfo');
    expect(others(markdown ?? {})).toEqual(others(astro));
    expect(Object.keys(markdown ?? {}).sort()).toEqual(Object.keys(astro).sort());
    const contents = '---\ntitle: 标题\n---\n正文';
    expect(await markdown?.getEntryInfo({ contents, fileUrl })).toEqual({
      data: { title: '标题' },
      body: '正文',
      slug: undefined,
      rawData: '\ntitle: 标题\n',
    });
    expect(astroRead).toEqual([]);
    // What js-yaml reads otherwise is Astro's reader's to read.
    const nullKey = '---\nnull: 空\n---\n';
    expect((await markdown?.getEntryInfo({ contents: nullKey, fileUrl }))?.data).toEqual({
      '': '空',
    });
    expect(astroRead).toEqual([nullKey]);
    // Astro's own map is left as it was.
    expect((context as Handed).entryTypes.get('.md')).toBe(astro);
  });

  test("should fail a broken file with Astro's error, naming the file and the line", async () => {
    const { handed, astroRead, inner, context } = run();
    await readingFrontMatter(inner).load(context);
    const markdown = (handed[0] as Handed).entryTypes.get('.md');
    const contents = '---\ntitle: 标题\nauthors: [甲\n---\n正文';
    const error = await Promise.resolve()
      .then(() => markdown?.getEntryInfo({ contents, fileUrl }))
      .catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(Error);
    expect((error as { loc?: unknown }).loc).toEqual({
      file: '/archive/content/2019-11-21/01/01.md',
      line: 3,
      column: 0,
    });
    expect((error as Error).message).toBe(
      'Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 1:\n\nauthors: [甲\n\n^\n',
    );
    expect(astroRead).toEqual([contents]);
  });

  test('should refuse to load when Astro hands no Markdown entry type', () => {
    const { inner } = run();
    expect(() =>
      readingFrontMatter(inner).load({ entryTypes: new Map() } as unknown as LoaderContext),
    ).toThrow(
      'Folio cannot read Markdown entries: Astro no longer hands loaders its Markdown entry type',
    );
  });
});
