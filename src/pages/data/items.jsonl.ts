/**
 * Every item of the archive, one JSON object a line, in archive order (issue, page, position).
 * Streamed issue by issue, so a large archive is never one string in memory.
 */
import type { APIRoute } from 'astro';
import { getArchive } from '../../archive/archive.ts';
import { exportItem } from '../../archive/export.ts';
import { siteConfig } from '../../site/config.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = site?.href ?? siteConfig.site;
  const base = import.meta.env.BASE_URL;
  const { issues } = await getArchive();
  const encoder = new TextEncoder();
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const issue = issues[next];
      next += 1;
      if (issue === undefined) {
        controller.close();
        return;
      }
      const lines = issue.items.map(
        (item) => `${JSON.stringify(exportItem(item, origin, base))}\n`,
      );
      controller.enqueue(encoder.encode(lines.join('')));
    },
  });
  return new Response(body, { headers: { 'Content-Type': 'application/jsonl; charset=utf-8' } });
};
