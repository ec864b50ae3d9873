/**
 * Conversion benchmark: generates a deterministic raw corpus (pages laid out like e-paper text
 * extraction: running head, banner, bylines, hard-wrapped paragraphs, headlines after the body,
 * photo news) in a temporary directory, converts it, converts it again (nothing to write), once
 * recognising every page and once taking the unchanged pages from the first run's record
 * (src/ingest/conversion-record.ts), and prints pages/s and peak memory.
 *
 *   npm run bench:convert -- --pages 2000 [--seed 1] [--keep]
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  ConversionRecord,
  converterFingerprint,
  recordFile,
} from '../src/ingest/conversion-record.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { createRandom } from './synth/random.ts';
import { wholeOption } from '../src/cli-options.ts';

/** Common Han characters; the generator draws words from them, so no real text is used. */
const HAN =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质气第向道命此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严';
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const PAGE_NAMES = ['要闻', '综合', '城事', '经济', '社会', '文体', '副刊', '专版'];

function generator(seed: number) {
  const { next } = createRandom(seed);
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  const pick = (chars: string): string => chars[int(0, chars.length - 1)] ?? '';
  const word = (n: number): string => Array.from({ length: n }, () => pick(HAN)).join('');
  const name = (): string => pick(SURNAMES) + word(int(1, 2));
  const sentence = (): string =>
    Array.from({ length: int(1, 3) }, () => word(int(4, 14))).join('，') +
    (['。', '。', '。', '！', '？'][int(0, 4)] ?? '。');
  const paragraph = (): string => Array.from({ length: int(1, 4) }, sentence).join('');

  /** Hard-wraps a paragraph at `width` (first line indented by two), blank lines between. */
  const wrap = (text: string, width: number, lines: string[]): void => {
    let rest = text;
    let first = true;
    while (rest.length > 0) {
      const take = first ? width - 2 : width;
      lines.push(rest.slice(0, take), '');
      rest = rest.slice(take);
      first = false;
    }
  };

  return function page(date: string, n: number): string {
    const lines: string[] = [];
    const pageName = PAGE_NAMES[(n - 1) % PAGE_NAMES.length] ?? '要闻';
    const [y, m, d] = date.split('-').map(Number);
    lines.push(`${y}年${m}月${d}日 第${n}版 ${pageName}`, '');
    lines.push(`责任编辑 ${name()}`, '');
    if (n === 1) {
      const banner = `${word(4)} ${word(4)}`;
      const doubled = banner
        .split(' ')
        .map((p) => p + p)
        .join('');
      lines.push(`■■${doubled}`, '');
    }
    const articles = int(3, 7);
    for (let a = 0; a < articles; a++) {
      const width = int(12, 22);
      if (next() < 0.5) lines.push(` □记者 ${name()}`, '');
      else lines.push(`■记者 ${name()} 通讯员 ${name()}`, '');
      const paragraphs = int(2, 8);
      for (let p = 0; p < paragraphs; p++) {
        wrap((p === 0 ? `本报讯 ${int(1, 28)}日，` : '') + paragraph(), width, lines);
      }
      if (next() < 0.4) lines.push(word(int(6, 12)), '');
      lines.push(word(int(6, 14)), '');
      if (next() < 0.2) lines.push(`——${word(int(6, 12))}`, '');
    }
    if (next() < 0.6) {
      wrap(`${int(1, 28)}日，${paragraph()}`, int(12, 16), lines);
      lines.push(`记者 ${name()} 摄`, '', word(int(4, 8)), '');
    }
    return lines.join('\n');
  };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      pages: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '1' },
      keep: { type: 'boolean', default: false },
    },
  });
  const total = wholeOption('pages', values.pages);
  const seed = wholeOption('seed', values.seed, 0);
  const work = mkdtempSync(join(tmpdir(), 'folio-bench-convert-'));
  const rawDir = join(work, 'raw');
  const outDir = join(work, 'content');

  let started = performance.now();
  const page = generator(seed);
  let bytes = 0;
  const pagesPerIssue = 8;
  for (let i = 0; i < total; i++) {
    const day = new Date(Date.UTC(2001, 0, 1) + Math.floor(i / pagesPerIssue) * 86_400_000);
    const date = day.toISOString().slice(0, 10);
    const n = (i % pagesPerIssue) + 1;
    const text = page(date, n);
    mkdirSync(join(rawDir, date), { recursive: true });
    writeFileSync(join(rawDir, date, `${String(n).padStart(2, '0')}.txt`), text);
    bytes += Buffer.byteLength(text);
  }
  const generated = performance.now() - started;

  const options = { rawDir, outDir, config: { paper: '基准日报' }, progress: false };
  const file = recordFile(join(work, 'record'), rawDir);
  const fingerprint = converterFingerprint(join(import.meta.dirname, '..'));
  started = performance.now();
  const report = ingest({ ...options, record: ConversionRecord.fresh(file, fingerprint) });
  const first = (performance.now() - started) / 1000;
  started = performance.now();
  const again = ingest(options);
  const second = (performance.now() - started) / 1000;
  started = performance.now();
  const recorded = ingest({ ...options, record: ConversionRecord.load(file, fingerprint) });
  const third = (performance.now() - started) / 1000;
  const peak = process.resourceUsage().maxRSS / 1024;

  const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);
  console.log(
    `raw corpus:   ${total} pages, ${mib(bytes)} MiB, generated in ${(generated / 1000).toFixed(1)} s (${rawDir})`,
  );
  console.log(
    `first run:    ${report.pages} pages, ${report.items} items, ${report.files.written.length} files written in ${first.toFixed(2)} s = ${(report.pages / first).toFixed(0)} pages/s`,
  );
  console.log(
    `second run:   ${again.files.written.length} written, ${again.files.unchanged.length} unchanged in ${second.toFixed(2)} s = ${(again.pages / second).toFixed(0)} pages/s`,
  );
  console.log(
    `with record:  ${recorded.reused} of ${recorded.pages} pages unchanged, ${recorded.files.written.length} written in ${third.toFixed(2)} s = ${(recorded.pages / third).toFixed(0)} pages/s`,
  );
  console.log(
    `errors:       ${report.errors.length + again.errors.length + recorded.errors.length}`,
  );
  console.log(`peak RSS:     ${peak.toFixed(0)} MiB`);
  if (values.keep) console.log(`kept:         ${work}`);
  else rmSync(work, { recursive: true, force: true });
}

main();
