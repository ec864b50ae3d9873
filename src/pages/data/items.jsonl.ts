/** Every item of the archive, one JSON object a line, in archive order (issue, page, position). */
import type { APIRoute } from 'astro';
import { getArchive } from '../../archive/archive.ts';
import { exportItem } from '../../archive/export.ts';
import { siteConfig } from '../../site/config.ts';

export const GET: APIRoute = async ({ site }) => {
  const config = siteConfig;
  const origin = site?.href ?? config.site;
  const archive = await getArchive();
  const lines: string[] = [];
  for (const issue of archive.issues) {
    for (const item of issue.items) {
      lines.push(JSON.stringify(exportItem(item, origin, import.meta.env.BASE_URL)));
    }
  }
  return new Response(lines.length > 0 ? `${lines.join('\n')}\n` : '', {
    headers: { 'Content-Type': 'application/jsonl; charset=utf-8' },
  });
};
