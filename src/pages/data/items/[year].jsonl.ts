/**
 * One year's items (or the undated files'), one JSON object a line in archive order: the whole
 * export (`data/items.jsonl`) cut by year, for readers who want one year, and for hosts that limit
 * a file's size. A year's file belongs to that year's shard (src/shard/ownership.ts).
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, getCacheKeys, type Archive } from '../../../archive/archive.ts';
import { itemLines } from '../../../archive/export.ts';
import { buildsArchivePages, shardOfIssue } from '../../../shard/part.ts';
import { siteConfig } from '../../../site/config.ts';

export const getStaticPaths = (async () => {
  if (!buildsArchivePages()) return [];
  const archive = await getArchive();
  const keys = await getCacheKeys();
  const years = Map.groupBy(archive.issues, (issue) => shardOfIssue(issue.key));
  return [...years].map(([year, issues]) => ({
    params: { year },
    props: { issues },
    cacheKey: keys.itemsExport(issues),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ issues: Archive['issues'] }> = ({ props, site }) => {
  const body = itemLines(props.issues, site?.href ?? siteConfig.site, import.meta.env.BASE_URL);
  return new Response(body, { headers: { 'Content-Type': 'application/jsonl; charset=utf-8' } });
};
