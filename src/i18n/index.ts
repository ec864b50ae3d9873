import zhCN from './zh-CN.json';
import { loadConfig } from '../config.ts';

export type MessageKey = keyof typeof zhCN;
const catalogs: Record<string, Record<MessageKey, string>> = { 'zh-CN': zhCN };

/** The UI language from the configuration, and a lookup of its strings. */
export const lang = loadConfig().lang;
const messages = catalogs[lang] ?? zhCN;

export function t(key: MessageKey): string {
  return messages[key];
}
