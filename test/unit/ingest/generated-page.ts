/**
 * Generated raw pages with their truth, for measuring recognition on pages nobody tuned it on.
 * Each page is laid out with the mechanics of e-paper text extraction: body text hard-wrapped
 * at a column of 12 to 22 em (first line indented two em, closing punctuation hanging past the
 * column, Latin words kept whole or hyphenated, punctuation set full or half width), with or
 * without blank lines; headlines before or after their bodies (kicker, title, subtitle with or
 * without ——, a long headline wrapped onto a second line); bylines on a line of their own
 * (marked or not), in the dateline (bracketed or run in), or ending the body; photo news with
 * its credit; running heads and doubled-glyph banners. The text is drawn at random from
 * common characters: no real article is used.
 */
import { emWidth } from '../../../src/ingest/layout/width.ts';
import type { Truth, TruthItem } from '../../../src/eval/truth.ts';
import { createRandom } from '../../../bench/synth/random.ts';

const HAN = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严',
);
const SURNAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const LATIN = ['App', 'GDP', '5G', 'CEO', 'PM2.5', 'WiFi', 'VR', 'AI', 'LED', 'ETC', 'U17'];
const PROSE = [
  'International Exhibition Centre',
  'the Belt and Road Initiative',
  'Smart City Innovation Award',
  'World Environment Day',
  'Hangzhou International Marathon',
];
const PAGE_NAMES = ['要闻', '综合', '民生', '经济', '城事', '社会', '文体', '专版'];
const WEEKDAYS = '一二三四五六日';

export interface GeneratedPage {
  text: string;
  truth: Truth;
  /** Per truth item, how it was laid out (`after`, `byline:runin`, `wrapped` …): for reports. */
  traits: string[][];
}

type Direction = 'before' | 'after';

/** One generated page of raw text with its truth; the same seed gives the same page. */
export function generatePage(seed: number): GeneratedPage {
  const { next } = createRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const chance = (p: number): boolean => next() < p;
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  const word = (n: number): string => Array.from({ length: n }, () => pick(HAN)).join('');
  const name = (): string => pick(SURNAMES) + word(chance(0.75) ? 2 : 1);
  const clause = (): string => {
    let text = word(int(3, 12));
    if (chance(0.15))
      text = `${word(int(1, 4))}${int(2, 2030)}${pick(['年', '个', '名', '万元', '%'])}${text}`;
    if (chance(0.08)) text = `${word(int(1, 4))}${pick(LATIN)}${text}`;
    if (chance(0.08)) text = `${word(int(1, 3))}“${word(int(2, 6))}”${text}`;
    return text;
  };
  const sentence = (): string => {
    const clauses = Array.from({ length: int(1, 4) }, clause);
    if (chance(0.03)) clauses.push(`${word(2)}${pick(PROSE)}${word(2)}`);
    return (
      clauses.join(pick(['，', '，', '，', '、', '；'])) + pick(['。', '。', '。', '！', '。”'])
    );
  };
  const paragraph = (): string => Array.from({ length: int(1, 4) }, sentence).join('');
  const headline = (min: number, max: number): string => {
    let text = word(int(min, max));
    if (chance(0.15) && text.length >= 8) {
      const cut = int(3, text.length - 4);
      text = `${text.slice(0, cut)} ${text.slice(cut)}`;
    }
    if (chance(0.1)) text = `${word(2)}：${text}`;
    if (chance(0.1)) text = `${text.slice(0, 2)}“${word(int(2, 4))}”${text.slice(2)}`;
    if (chance(0.08)) text = `${int(2, 300)}${text}`;
    return text;
  };

  const punctuation = chance(0.2) ? 0.5 : 1;
  const blank = pick(['all', 'all', 'none', 'some'] as const);
  const direction: Direction = chance(0.55) ? 'after' : 'before';
  const date = `2024-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`;
  const pageNo = int(1, 8);

  const lines: string[] = [];
  const items: TruthItem[] = [];
  const traits: string[][] = [];
  const furniture: Truth['furniture'] = [];
  let pageName: string | null = null;

  // Running heads at the top, in some order.
  const heads: string[] = [];
  if (chance(0.5)) {
    pageName = pick(PAGE_NAMES);
    heads.push(
      pick([`第${pageNo}版 ${pageName}`, `0${pageNo} ${pageName}`, `第${pageNo}版：${pageName}`]),
    );
    const [y, m, d] = date.split('-').map(Number);
    if (chance(0.8)) heads.push(`${y}年${m}月${d}日 星期${pick(Array.from(WEEKDAYS))}`);
    if (chance(0.8)) heads.push(pick(['责任编辑 ', '责任编辑：', '本版编辑 ']) + name());
  }
  for (const head of heads.sort(() => next() - 0.5)) {
    lines.push(head);
    furniture.push({ kind: 'header', text: head });
  }
  const banner = chance(0.3) ? Array.from({ length: int(2, 3) }, () => word(int(3, 6))) : null;
  if (banner && chance(0.5)) {
    lines.push(`■■${banner.map((phrase) => phrase + phrase).join('')}`);
    furniture.push({ kind: 'banner', text: banner.join(' ') });
  }

  const count = int(1, 5);
  for (let index = 0; index < count; index++) {
    const photo = chance(0.25);
    const { item, head, before, body, after, trait } = photo ? photoNews() : article();
    items.push(item);
    const headFirst = direction === 'before' && (!photo || chance(0.9));
    traits.push([
      headFirst ? 'before' : 'after',
      `punctuation:${punctuation}`,
      `blank:${blank}`,
      ...trait,
      ...(head.length > [item.kicker, item.title, item.subtitle].filter((x) => x).length
        ? ['wrapped']
        : []),
    ]);
    if (headFirst) lines.push(...head, ...before, ...body, ...after);
    else lines.push(...before, ...body, ...after, ...head);
  }
  if (banner && furniture.every((entry) => entry.kind !== 'banner')) {
    const raw = banner.map((phrase) => phrase + phrase).join('');
    lines.push(raw);
    furniture.push({ kind: 'banner', text: banner.join(' ') });
  }

  const text = lines
    .map((line, index) => {
      if (blank === 'none' || index === lines.length - 1) return `${line}\n`;
      if (blank === 'all' || chance(0.7)) return `${line}\n\n`;
      return `${line}\n`;
    })
    .join('');
  return { text, truth: { date, page: pageNo, pageName, items, furniture }, traits };

  /** Headline lines and their truth: kicker, title, subtitle; long ones wrapped. */
  function headlines(photo: boolean): {
    lines: string[];
    kicker: string | null;
    title: string;
    subtitle: string | null;
  } {
    const title = photo ? headline(4, 10) : headline(5, 26);
    const kicker = !photo && chance(0.3) ? headline(4, 16) : null;
    // Without its dash a subtitle is told from a title only by coming third, after a kicker.
    const dashed = kicker === null || chance(0.6);
    const subtitle = !photo && chance(0.2) ? (dashed ? '——' : '') + headline(6, 20) : null;
    const out: string[] = [];
    const wrapAt = int(16, 24);
    for (const part of [kicker, title, subtitle]) {
      if (part === null) continue;
      const chars = Array.from(part);
      // A headline longer than its line wraps onto a second, shorter one (not at a space).
      let cut = wrapAt;
      while (chars[cut] === ' ' || chars[cut - 1] === ' ') cut--;
      if (emWidth(part) > wrapAt && chars.length > wrapAt) {
        out.push(chars.slice(0, cut).join(''), chars.slice(cut).join(''));
      } else {
        out.push(part);
      }
    }
    return { lines: out, kicker, title, subtitle: subtitle === null ? null : subtitle };
  }

  /** A byline as printed and the names in it. */
  function credit(photo: boolean): { text: string; names: string[] } {
    const names: string[] = [];
    const person = (): string => {
      const n = name();
      names.push(n);
      return n;
    };
    const form = int(0, 6);
    let text: string;
    if (photo) {
      text = pick([
        () => `记者 ${person()} 摄`,
        () => `${person()} 摄`,
        () => `记者 ${person()} 文/摄`,
        () => `新华社记者 ${person()} 摄`,
        () => `通讯员 ${person()} ${person()} 摄`,
        () => `记者 ${person()} 通讯员 ${person()} 摄`,
      ])();
      return { text, names };
    }
    if (form === 0) text = `记者 ${person()}`;
    else if (form === 1) text = `首席记者 ${person()}`;
    else if (form === 2) text = `记者 ${person()} 通讯员 ${person()}`;
    else if (form === 3) text = `记者 ${person()}  ${person()}  实习生 ${person()}`;
    else if (form === 4) text = `新华社记者 ${person()}`;
    else if (form === 5) text = `通讯员 ${person()} ${person()}`;
    else text = `见习记者 ${person()}`;
    return { text, names };
  }

  function article(): {
    trait: string[];
    item: TruthItem;
    head: string[];
    before: string[];
    body: string[];
    after: string[];
  } {
    const column = int(12, 22);
    const heading = headlines(false);
    const paragraphs = Array.from({ length: int(1, 6) }, paragraph);
    const form = pick(['marked', 'line', 'bracket', 'runin', 'trailing', 'own', 'none'] as const);
    const by = credit(false);
    const before: string[] = [];
    const after: string[] = [];
    let byline: string | null = by.text;
    if (form === 'marked') {
      before.push(`${chance(0.3) ? ' ' : ''}${pick(['□', '■'])}${by.text}`);
      if (chance(0.5)) paragraphs[0] = `本报讯 ${paragraphs[0] ?? ''}`;
    } else if (form === 'line') {
      before.push(by.text);
      if (chance(0.5)) paragraphs[0] = `本报讯 ${paragraphs[0] ?? ''}`;
    } else if (form === 'bracket') {
      const space = pick(['', ' ']);
      byline = `本报讯${space}（${by.text}）`;
      paragraphs[0] = `${byline}${space}${paragraphs[0] ?? ''}`;
    } else if (form === 'runin') {
      byline = `本报讯 ${by.text}`;
      paragraphs[0] = `${byline} ${paragraphs[0] ?? ''}`;
    } else if (form === 'trailing') {
      const space = pick(['', ' ']);
      byline = `（${by.text}）`;
      paragraphs[paragraphs.length - 1] = `${paragraphs.at(-1) ?? ''}${space}${byline}`;
    } else if (form === 'own') {
      byline = `（${by.text}）`;
      after.push(byline);
    } else {
      byline = null;
      if (chance(0.5)) paragraphs[0] = `本报讯 ${paragraphs[0] ?? ''}`;
    }
    const body = paragraphs.flatMap((text) => wrap(text, column, punctuation));
    // A credit the wrap sets at the start of a line (the line before not running on) prints
    // as a byline line of its own: it is not part of the paragraph.
    const last = body.at(-1);
    if (form === 'trailing' && last === byline && body.at(-2)?.endsWith(' ') === false) {
      paragraphs[paragraphs.length - 1] = (paragraphs.at(-1) ?? '').slice(0, -byline.length);
    }
    return {
      trait: [
        `byline:${form}`,
        ...(heading.kicker ? ['kicker'] : []),
        ...(heading.subtitle
          ? [heading.subtitle.startsWith('——') ? 'subtitle:dash' : 'subtitle']
          : []),
      ],
      item: {
        kind: 'article',
        kicker: heading.kicker,
        title: heading.title,
        subtitle: heading.subtitle,
        byline,
        authors: byline === null ? [] : by.names,
        paragraphs,
      },
      head: heading.lines,
      before,
      body,
      after,
    };
  }

  function photoNews(): {
    trait: string[];
    item: TruthItem;
    head: string[];
    before: string[];
    body: string[];
    after: string[];
  } {
    const column = int(10, 15);
    const heading = headlines(true);
    const caption = `${int(1, 12)}月${int(1, 28)}日，${paragraph()}`;
    const by = credit(true);
    const inline = chance(0.2);
    const paragraphs = [inline ? `${caption} ${by.text}` : caption];
    return {
      trait: ['photo', inline ? 'credit:inline' : 'credit:line'],
      item: {
        kind: 'photo',
        kicker: null,
        title: heading.title,
        subtitle: null,
        byline: by.text,
        authors: by.names,
        paragraphs,
      },
      head: heading.lines,
      before: [],
      body: paragraphs.flatMap((text) => wrap(text, column, punctuation)),
      after: inline ? [] : [by.text],
    };
  }
}

/** Punctuation that never opens a line: it hangs past the column instead. */
const HANGS = new Set(Array.from('，。、；：！？”’）》'));
/** Punctuation that never ends a line: it moves down with what it opens. */
const OPENS = new Set(Array.from('“‘（《'));

/**
 * Hard-wraps a paragraph at `column` em, its first line two em shorter: closing punctuation
 * hangs, a Latin word moves whole to the next line (a long one is hyphenated), a space at a
 * break stays at the end of the line.
 */
export function wrap(text: string, column: number, punctuation: 1 | 0.5 = 1): string[] {
  const tokens = text.match(/[A-Za-z0-9.%]+|\s+|./gsu) ?? [];
  const lines: string[] = [];
  let line = '';
  const limit = (): number => (lines.length === 0 ? column - 2 : column);
  const width = (value: string): number => emWidth(value.trimEnd(), punctuation);
  for (const token of tokens) {
    if (/^\s+$/u.test(token)) {
      line += token;
      continue;
    }
    if (HANGS.has(token) && line !== '') {
      line += token;
      continue;
    }
    if (width(line + token) <= limit()) {
      line += token;
      continue;
    }
    const latin = /[A-Za-z]/u.test(token);
    if (latin && /[A-Za-z]\s+$/u.test(line)) {
      // Latin prose: break between words (the space goes), hyphenating a long word.
      let cut = 0;
      while (cut + 3 < token.length && width(`${line}${token.slice(0, cut + 1)}-`) <= limit()) {
        cut++;
      }
      if (token.length >= 7 && cut >= 3) {
        lines.push(`${line}${token.slice(0, cut)}-`);
        line = token.slice(cut);
      } else {
        lines.push(line.trimEnd());
        line = token;
      }
      continue;
    }
    if (latin && token.length > 1) {
      if (line !== '') lines.push(line);
      line = token;
      continue;
    }
    for (const char of Array.from(token)) {
      if (line !== '' && width(line + char) > limit() && !HANGS.has(char)) {
        let carry = '';
        while (line !== '' && OPENS.has(Array.from(line).at(-1) ?? '')) {
          carry = (Array.from(line).at(-1) ?? '') + carry;
          line = Array.from(line).slice(0, -1).join('');
        }
        lines.push(line);
        line = carry;
      }
      line += char;
    }
  }
  if (line.trim() !== '') lines.push(line);
  // A line of spaces only never stands alone: its space stays with the line before.
  return lines.filter((value) => value.trim() !== '');
}

/** A fixed set of generated pages: `count` pages from `seed` on. */
export function generatedPages(count: number, seed = 1): GeneratedPage[] {
  return Array.from({ length: count }, (_, index) => generatePage(seed * 100_003 + index));
}
