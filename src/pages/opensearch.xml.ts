/** OpenSearch description: lets a browser add the archive's search, which opens `search/?q=`. */
import type { APIRoute } from 'astro';
import { absoluteUrl, searchUrl, withBase } from '../archive/urls.ts';
import { siteConfig } from '../site/config.ts';
import { t } from '../i18n/index.ts';

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}

export const GET: APIRoute = ({ site }) => {
  const config = siteConfig;
  const origin = site?.href ?? config.site;
  const template = `${absoluteUrl(searchUrl(), origin)}?q={searchTerms}`;
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">
  <ShortName>${xml(config.paper.slice(0, 16))}</ShortName>
  <Description>${xml(t('search.label'))}</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>${xml(config.lang)}</Language>
  <Image width="16" height="16" type="image/svg+xml">${xml(absoluteUrl(withBase('favicon.svg', import.meta.env.BASE_URL), origin))}</Image>
  <Url type="text/html" method="get" template="${xml(template)}"/>
  <moz:SearchForm>${xml(absoluteUrl(searchUrl(), origin))}</moz:SearchForm>
</OpenSearchDescription>
`;
  return new Response(body, {
    headers: { 'Content-Type': 'application/opensearchdescription+xml; charset=utf-8' },
  });
};
