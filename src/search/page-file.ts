/**
 * The file a page is written to, relative to the site, as Astro writes pages with
 * `build.format: 'directory'`: `<path>/index.html`, the status pages `404.html` and `500.html`.
 */
export function pageFile(pathname: string): string {
  const path = pathname.replace(/^\/+|\/+$/g, '');
  if (path === '404' || path === '500') return `${path}.html`;
  return path === '' ? 'index.html' : `${path}/index.html`;
}
