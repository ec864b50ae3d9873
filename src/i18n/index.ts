/**
 * The reader UI's strings: one flat JSON file per language in this folder (`zh-CN.json`,
 * `en.json` …), keys dotted by area (`article.byline`). `lang` in folio.config.json picks the
 * file; a second language is one more file with the same keys.
 */
import zhCN from './zh-CN.json';
import { siteConfig } from '../site/config.ts';

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

/** The reference catalog: every key is here; another language may lack some (zh-CN shows then). */
export const REFERENCE = 'zh-CN';

const files = import.meta.glob<Partial<Messages>>('./*.json', { eager: true, import: 'default' });

/** Every catalog in this folder, by language tag (the file name). */
export const catalogs: ReadonlyMap<string, Partial<Messages>> = new Map(
  Object.entries(files).map(([path, messages]) => [path.replace(/^\.\/|\.json$/g, ''), messages]),
);

/** The UI language from the configuration. */
export const lang = siteConfig.lang;

const selected = catalogs.get(lang);
if (selected === undefined) {
  throw new Error(
    `folio.config.json: lang "${lang}" has no src/i18n/${lang}.json (have: ${[...catalogs.keys()].join(', ')})`,
  );
}
const messages: Messages = { ...zhCN, ...selected };

/** The string for `key`, with `{name}` placeholders filled from `values`. */
export function t(key: MessageKey, values: Record<string, string | number> = {}): string {
  return messages[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
