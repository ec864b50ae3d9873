/** One issue as JSON: its pages, and each page's items with their metadata and Markdown body. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getArchive, getCacheKeys } from '../../archive/archive.ts';
import { exportIssue } from '../../archive/export.ts';
import { siteConfig } from '../../site/config.ts';
import { buildsArchivePages } from '../../shard/part.ts';

export const getStaticPaths = (async () => {
  if (!buildsArchivePages()) return [];
  const archive = await getArchive();
  const keys = await getCacheKeys();
  return archive.issues.map((issue) => ({
    params: { issue: issue.key },
    cacheKey: keys.issueJson(issue),
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const config = siteConfig;
  const archive = await getArchive();
  const issue = archive.issueByKey.get(params.issue ?? '');
  if (issue === undefined) throw new Error(`${params.issue ?? ''}: no such issue`);
  const body = {
    paper: config.paper,
    ...exportIssue(issue, site?.href ?? config.site, import.meta.env.BASE_URL),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
