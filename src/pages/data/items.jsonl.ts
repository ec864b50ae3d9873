/** Every item of the archive, one JSON object a line, in archive order (issue, page, position). */
import type { APIRoute } from 'astro';
import { getArchive } from '../../archive/archive.ts';
import { itemLines } from '../../archive/export.ts';
import { siteConfig } from '../../site/config.ts';

export const GET: APIRoute = async ({ site }) => {
  const { issues } = await getArchive();
  const body = itemLines(issues, site?.href ?? siteConfig.site, import.meta.env.BASE_URL);
  return new Response(body, { headers: { 'Content-Type': 'application/jsonl; charset=utf-8' } });
};
