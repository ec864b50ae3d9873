/**
 * The benchmark's search queries, 2–6 characters: words the generator's grammar uses often and
 * rarely, and a reporter's name from the first issue.
 */
import { generateDay } from './synth/archive.ts';

export function queriesFor(seed: number): string[] {
  const first = generateDay(seed, '2015-01-01', 30).pages[0]?.items[0]?.authors[0] ?? '记者';
  return ['垃圾分类', '社区', first, '消防安全', '志愿者', '老旧小区改造'];
}
