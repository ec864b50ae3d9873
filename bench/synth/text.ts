/**
 * A phrase grammar of local news: names, places and sentences built from the word stock, and
 * whole items (article or photo news) with the fields the archive's truth holds.
 */
import type { Random } from './random.ts';
import * as words from './vocabulary.ts';

/** One item as the synthetic page prints it, with what a perfect converter would recover. */
export interface SynthItem {
  kind: 'article' | 'photo';
  kicker: string | null;
  title: string;
  subtitle: string | null;
  /** Byline as the archive records it (roles kept, markers removed). */
  byline: string | null;
  authors: string[];
  /** Body paragraphs; a photo's caption is its one paragraph. */
  paragraphs: string[];
  /**
   * How the byline is printed: `lead` (`□记者 X` line before the body), `inline`
   * (`本报讯（记者 X）` opening the body), `trailing` (`（记者 X）` closing it), `credit` (`记者 X 摄`
   * under a photo's caption), `none`.
   */
  bylineStyle: 'lead' | 'inline' | 'trailing' | 'credit' | 'none';
  /** Headline printed before the body (otherwise after it, as the corpus mostly does). */
  headlineFirst: boolean;
}

export function personName(r: Random): string {
  const given = r.pick(words.givenChars) + (r.chance(0.7) ? r.pick(words.givenChars) : '');
  return r.pick(words.surnames) + given;
}

function placeName(r: Random): string {
  return r.pick(words.placeChars) + r.pick(words.placeChars);
}

export function town(r: Random): string {
  return placeName(r) + r.pick(words.townSuffixes);
}

function village(r: Random): string {
  return placeName(r) + r.pick(words.villageSuffixes);
}

function dayWord(r: Random, day: number): string {
  return r.pick([`${day}日`, '昨天', '近日', '日前', `${day}日上午`, `${day}日下午`]);
}

function count(r: Random): string {
  return `${r.int(2, 980)}${r.pick(words.units)}`;
}

function verbPhrase(r: Random): string {
  return r.pick(words.verbs) + r.pick(words.objects);
}

function openingSentence(r: Random, day: number, topic: string): string {
  const at = r.chance(0.5) ? town(r) : r.pick(words.bureaus);
  return r.pick([
    `${dayWord(r, day)}，${at}召开${topic}工作推进会。`,
    `${dayWord(r, day)}，${at}组织开展${topic}专项行动，${verbPhrase(r)}。`,
    `${dayWord(r, day)}，记者从${r.pick(words.bureaus)}获悉，今年以来我市${topic}${r.pick(words.outcomes)}。`,
    `${dayWord(r, day)}，${r.pick(words.roles)}${personName(r)}带队到${town(r)}${village(r)}调研${topic}工作。`,
    `${dayWord(r, day)}，${town(r)}${village(r)}的${r.pick(words.people)}正忙着${r.pick(words.activities)}。`,
  ]);
}

function bodySentence(r: Random, topic: string): string {
  return r.pick([
    `会议强调，要${verbPhrase(r)}，${verbPhrase(r)}，${verbPhrase(r)}。`,
    `${r.pick(words.roles)}${personName(r)}说，${topic}事关${r.pick(words.nouns)}，各地各部门要${verbPhrase(r)}。`,
    `据了解，今年以来${town(r)}已累计完成${count(r)}，${verbPhrase(r)}。`,
    `“${r.pick(words.quotes)}。”${r.pick(words.roles)}${personName(r)}说。`,
    `截至目前，全市共有${count(r)}${r.pick(words.entities)}参与${topic}，${r.pick(words.outcomes)}。`,
    `在${village(r)}，${r.pick(words.people)}正在${r.pick(words.activities)}，现场一派繁忙景象。`,
    `下一步，${r.pick(words.bureaus)}将${verbPhrase(r)}，${verbPhrase(r)}，推动${topic}${r.pick(words.outcomes)}。`,
    `${r.pick(words.roles)}${personName(r)}、${personName(r)}参加活动。`,
    `活动中，${r.pick(words.people)}${r.pick(words.activities)}，${r.pick(words.people)}${r.pick(words.activities)}，气氛热烈。`,
    `此次${topic}共投入资金${r.int(12, 9800)}万元，惠及${count(r)}${r.pick(words.entities)}。`,
    `与去年同期相比，${topic}相关投诉下降${r.int(3, 68)}.${r.int(0, 9)}%，${r.pick(words.outcomes)}。`,
  ]);
}

function paragraph(r: Random, topic: string, first: string | null): string {
  const sentences = first === null ? [] : [first];
  const n = r.int(first === null ? 2 : 1, 5);
  for (let i = 0; i < n; i++) sentences.push(bodySentence(r, topic));
  return sentences.join('');
}

/**
 * The paper's bylines come from a staff, not from everyone: a fixed pool of reporters (who also
 * take photos) and correspondents, drawn once from the archive's seed.
 */
export interface Staff {
  reporters: string[];
  correspondents: string[];
}

export function staff(r: Random, reporters = 80, correspondents = 240): Staff {
  const unique = (n: number, taken: Set<string>): string[] => {
    const names: string[] = [];
    while (names.length < n) {
      const name = personName(r);
      if (taken.has(name)) continue;
      taken.add(name);
      names.push(name);
    }
    return names;
  };
  const taken = new Set<string>();
  return { reporters: unique(reporters, taken), correspondents: unique(correspondents, taken) };
}

function reporterByline(r: Random, team: Staff): { text: string; authors: string[] } {
  const reporter = r.pick(team.reporters);
  const role = r.pick(['记者', '记者', '记者', '首席记者', '见习记者']);
  if (r.chance(0.35)) {
    const correspondent = r.pick(team.correspondents);
    return {
      text: `${role} ${reporter} 通讯员 ${correspondent}`,
      authors: [reporter, correspondent],
    };
  }
  return { text: `${role} ${reporter}`, authors: [reporter] };
}

function headline(
  r: Random,
  topic: string,
): { kicker: string | null; title: string; subtitle: string | null } {
  const place = town(r);
  const title = r.pick([
    `${place}${r.pick(words.verbs)}${topic}`,
    `${topic}${r.pick(words.outcomes).replace(/^取得了/, '取得')}`,
    `${place}${village(r)}${r.pick(words.activities)}`,
    `${r.pick(words.verbs)}${r.pick(words.objects)} 助力${topic}`,
    `${place}${topic}跑出加速度`,
  ]);
  const kicker = r.chance(0.45)
    ? r.pick([
        `${r.pick(words.bureaus)}召开${topic}工作会议`,
        `${r.pick(words.verbs)}${r.pick(words.objects)}`,
      ])
    : null;
  const subtitle = r.chance(0.2)
    ? `${r.chance(0.5) ? '——' : ''}${r.pick([`${count(r)}${r.pick(words.entities)}参与其中`, `${town(r)}${r.pick(words.outcomes)}`])}`
    : null;
  return { kicker, title, subtitle };
}

/** An article of 2–7 paragraphs about one topic, dated by `day` (day of month). */
export function article(r: Random, day: number, team: Staff): SynthItem {
  const topic = r.pick(words.topics);
  const { kicker, title, subtitle } = headline(r, topic);
  const styleRoll = r.next();
  const bylineStyle: SynthItem['bylineStyle'] =
    styleRoll < 0.5 ? 'lead' : styleRoll < 0.75 ? 'inline' : styleRoll < 0.92 ? 'trailing' : 'none';
  const signed = reporterByline(r, team);
  const paragraphs: string[] = [];
  const count = r.int(2, 7);
  for (let i = 0; i < count; i++) {
    paragraphs.push(paragraph(r, topic, i === 0 ? openingSentence(r, day, topic) : null));
  }
  let byline: string | null = signed.text;
  let authors = signed.authors;
  if (bylineStyle === 'lead') {
    paragraphs[0] = `本报讯 ${paragraphs[0] ?? ''}`;
  } else if (bylineStyle === 'inline') {
    byline = `本报讯（${signed.text}）`;
    paragraphs[0] = `${byline}${paragraphs[0] ?? ''}`;
  } else if (bylineStyle === 'trailing') {
    byline = `（${signed.text}）`;
    paragraphs[count - 1] = `${paragraphs[count - 1] ?? ''}${byline}`;
  } else {
    byline = null;
    authors = [];
  }
  return {
    kind: 'article',
    kicker,
    title,
    subtitle,
    byline,
    authors,
    paragraphs,
    bylineStyle,
    headlineFirst: r.chance(0.3),
  };
}

/** Photo news: a one-paragraph caption, a credit `记者 X 摄` and a short title. */
export function photo(r: Random, day: number, team: Staff): SynthItem {
  const place = town(r);
  const doing = r.pick(words.activities);
  const caption =
    `${dayWord(r, day)}，${place}${village(r)}的${r.pick(words.people)}正在${doing}。` +
    r.pick([
      `据悉，${r.pick(words.topics)}${r.pick(words.outcomes)}。`,
      `当天，共有${count(r)}${r.pick(words.entities)}参加。`,
      '',
    ]);
  const photographer = r.pick(team.reporters);
  return {
    kind: 'photo',
    kicker: null,
    title: r.pick([
      `${place}${doing}`,
      `${doing}忙`,
      `${r.pick(words.topics)}进${r.pick(words.villageSuffixes)}`,
    ]),
    subtitle: null,
    byline: `记者 ${photographer} 摄`,
    authors: [photographer],
    paragraphs: [caption],
    bylineStyle: 'credit',
    headlineFirst: false,
  };
}
