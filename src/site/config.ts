/** The configuration as the site's pages see it: read and validated once per build. */
import { loadConfig } from '../config.ts';

export const siteConfig = loadConfig();
