/**
 * Random newspaper pages for property tests: articles and photo news laid out like a raw page
 * (hard-wrapped at a column width, first lines indented, bylines in their printed forms,
 * headlines before or after the body), with running heads and doubled-glyph banners.
 */
import fc from 'fast-check';
import { emWidth } from '../../../src/ingest/layout/width.ts';

const HAN = Array.from(
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞',
);
const NAMES = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡林郭何高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);

const han = fc.constantFrom(...HAN);
const word = (min: number, max: number) =>
  fc.array(han, { minLength: min, maxLength: max }).map((chars) => chars.join(''));
const number = fc.integer({ min: 1, max: 99999 }).map(String);

/** A sentence: clauses of Han text (and now and then a number) ending in a full stop. */
const sentence = fc
  .array(fc.tuple(word(3, 14), fc.option(number, { freq: 4 })), { minLength: 1, maxLength: 4 })
  .chain((clauses) =>
    fc
      .constantFrom('。', '！', '？', '。”')
      .map(
        (end) =>
          clauses
            .map(([text, digits]) =>
              digits === null ? text : `${text}${digits}${text.slice(0, 1)}`,
            )
            .join('，') + end,
      ),
  );
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
const name = fc
  .tuple(fc.constantFrom(...NAMES), word(1, 2))
  .map(([family, given]) => family + given);

export interface PageSpec {
  column: number;
  blankLines: boolean;
  headsFirst: boolean;
  heads: string[];
  items: {
    kicker: string | null;
    title: string;
    subtitle: string | null;
    byline: 'none' | 'marked' | 'inline' | 'trailing' | 'credit';
    names: string[];
    paragraphs: string[];
  }[];
  banner: string[] | null;
  noise: string[];
}

export const pageSpec: fc.Arbitrary<PageSpec> = fc.record({
  column: fc.integer({ min: 10, max: 20 }),
  blankLines: fc.boolean(),
  headsFirst: fc.boolean(),
  heads: fc.subarray(['第3版 综合', '2023年4月5日 星期三', '责任编辑 何小可']),
  items: fc.array(
    fc.record({
      kicker: fc.option(word(4, 14), { freq: 3 }),
      title: word(4, 17),
      subtitle: fc.option(
        word(6, 16).map((text) => `——${text}`),
        { freq: 4 },
      ),
      byline: fc.constantFrom('none', 'marked', 'inline', 'trailing', 'credit'),
      names: fc.array(name, { minLength: 1, maxLength: 3 }),
      paragraphs: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  banner: fc.option(fc.array(word(2, 6), { minLength: 1, maxLength: 3 }), { freq: 3 }),
  noise: fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { maxLength: 2 }),
});

/** Lays a page out as raw text. */
export function layOut(spec: PageSpec): string {
  const lines: string[] = [...spec.heads];
  for (const item of spec.items) {
    const head = [item.kicker, item.title, item.subtitle].filter((line) => line !== null);
    const byline = `记者 ${item.names.join(' ')}`;
    const body: string[] = [];
    item.paragraphs.forEach((text, index) => {
      let paragraph = text;
      if (index === 0 && item.byline === 'inline') paragraph = `本报讯（${byline}）${paragraph}`;
      if (index === item.paragraphs.length - 1 && item.byline === 'trailing') {
        paragraph = `${paragraph}（${byline}）`;
      }
      body.push(...wrap(paragraph, spec.column));
    });
    if (item.byline === 'marked') body.unshift(`□${byline}`);
    if (item.byline === 'credit') body.push(`${byline} 摄`);
    if (spec.headsFirst) lines.push(...head, ...body);
    else lines.push(...body, ...head);
  }
  if (spec.banner !== null)
    lines.push(`■■${spec.banner.map((phrase) => phrase + phrase).join('')}`);
  lines.push(...spec.noise);
  return lines.join(spec.blankLines ? '\n\n' : '\n');
}

/** Punctuation that never opens a line: it hangs past the column instead. */
const HANGS = new Set(Array.from('，。、；：！？”）'));

/** Hard-wraps a paragraph at `column` em, its first line two em shorter. */
function wrap(text: string, column: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const char of text) {
    const limit = lines.length === 0 ? column - 2 : column;
    const hangs = HANGS.has(char) && emWidth(line) <= limit;
    if (line !== '' && !hangs && emWidth(line + char) > limit) {
      lines.push(line);
      line = '';
    }
    line += char;
  }
  if (line !== '') lines.push(line);
  return lines;
}
