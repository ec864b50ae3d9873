/** Every issue, oldest first, with where its page and its JSON are. */
import type { APIRoute } from 'astro';
import { getArchive } from '../../archive/archive.ts';
import { issueSummary } from '../../archive/export.ts';
import { siteConfig } from '../../site/config.ts';

export const GET: APIRoute = async ({ site }) => {
  const config = siteConfig;
  const origin = site?.href ?? config.site;
  const archive = await getArchive();
  const body = {
    paper: config.paper,
    issues: archive.issues.map((issue) => issueSummary(issue, origin, import.meta.env.BASE_URL)),
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
