/**
 * Photo news: a caption set in a narrow column with a credit (`记者 林群心 摄`, `文/摄`,
 * `摄影报道`) and a short title. What tells a photo from an article is its credit: a byline
 * that credits a photograph (摄) makes the item a photo.
 */
import type { Credit } from './names.ts';

/** The item kind a byline's credit implies. */
export function kindOf(credit: Credit | null): 'article' | 'photo' {
  return credit?.photo === true ? 'photo' : 'article';
}
