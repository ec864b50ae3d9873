/** RSS feed of the most recent issues: each issue with its pages and headlines. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getArchive } from '../archive/archive.ts';
import { absoluteUrl, homeUrl, issueUrl } from '../archive/urls.ts';
import { siteConfig } from '../site/config.ts';
import { t } from '../i18n/index.ts';
import { formatDate, pageTitle } from '../i18n/format.ts';

/** How many issues the feed carries. */
export const FEED_ISSUES = 20;

export const GET: APIRoute = async ({ site }) => {
  const config = siteConfig;
  const origin = site?.href ?? config.site;
  const archive = await getArchive();
  const recent = archive.issues
    .filter((issue) => issue.date !== null)
    .slice(-FEED_ISSUES)
    .reverse();
  return rss({
    title: t('feed.title', { paper: config.paper }),
    description: t('feed.description', { paper: config.paper }),
    site: absoluteUrl(homeUrl(), origin),
    customData: `<language>${config.lang}</language>`,
    items: recent.map((issue) => {
      const date = issue.date ?? '';
      return {
        title: t('feed.item', {
          date: formatDate(date),
          pages: issue.pages.length,
          items: issue.items.length,
        }),
        link: absoluteUrl(issueUrl(issue.key), origin),
        pubDate: new Date(`${date}T00:00:00Z`),
        description: issue.pages
          .map((page) => {
            const label = pageTitle(page.number, page.name);
            const titles = page.items.map((i) => i.data.title).join('；');
            return titles === '' ? label : `${label}：${titles}`;
          })
          .join('\n'),
      };
    }),
  });
};
