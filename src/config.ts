/**
 * Folio's configuration: one typed, validated place read by the converter, the CLI and the site.
 * It lives in `folio.config.json` at the project root.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';

export const configSchema = z
  .object({
    /** JSON Schema hint for editors; ignored by Folio. */
    $schema: z.string().optional(),
    /** The newspaper's name, shown in the site header, citations and feeds. */
    paper: z.string().min(1),
    /** BCP 47 language of the reader UI (a file in `src/i18n/`). Default `zh-CN`. */
    lang: z.string().default('zh-CN'),
    /** Absolute URL the site is deployed at, without the base path. Used for canonical links, feeds, sitemap. */
    site: z.url(),
    /** Base path the site is served under, e.g. `/archive/` (a missing final `/` is added). Default `/`. */
    base: z
      .string()
      .default('/')
      .refine((b) => b.startsWith('/'), 'base must start with "/"')
      .transform((b) => (b.endsWith('/') ? b : `${b}/`)),
    /**
     * The most files the host takes for one site (Cloudflare Pages: 20,000), if it sets a limit.
     * The search index then bundles its fragments, several articles a file, as far as the site
     * needs to fit (src/search/fragment-budget.ts), and a build whose site still holds more files
     * fails, saying what they are. No limit by default.
     */
    maxFiles: z.int().positive().optional(),
  })
  .strict();

export type FolioConfig = z.output<typeof configSchema>;

export const CONFIG_FILE = 'folio.config.json';

/** Environment variable naming another configuration file than `./folio.config.json`. */
export const CONFIG_ENV = 'FOLIO_CONFIG';

/** The configuration file: `$FOLIO_CONFIG`, else `folio.config.json` in the working directory. */
export function configFile(): string {
  const file = process.env[CONFIG_ENV];
  return resolve(file === undefined || file === '' ? CONFIG_FILE : file);
}

/**
 * Environment variables that override `site` and `base` for one run, e.g. to build the same
 * content for a preview host or under a sub-path in tests: `FOLIO_BASE=/archive/ npm run build`.
 */
export const SITE_ENV = 'FOLIO_SITE';
export const BASE_ENV = 'FOLIO_BASE';

/**
 * Reads and validates the configuration; errors name the file and the offending field.
 * `$FOLIO_SITE` and `$FOLIO_BASE`, when set, replace the file's `site` and `base`.
 */
export function loadConfig(file = configFile()): FolioConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read configuration: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const overrides: Record<string, string> = {};
  const site = process.env[SITE_ENV];
  const base = process.env[BASE_ENV];
  if (site !== undefined && site !== '') overrides['site'] = site;
  if (base !== undefined && base !== '') overrides['base'] = base;
  if (Object.keys(overrides).length > 0 && typeof raw === 'object' && raw !== null) {
    raw = { ...raw, ...overrides };
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => {
      const field = i.path.join('.') || '(root)';
      const from = field in overrides ? ` (from $FOLIO_${field.toUpperCase()})` : '';
      return `${field}${from}: ${i.message}`;
    });
    throw new Error(`${file}: invalid configuration: ${issues.join('; ')}`);
  }
  return parsed.data;
}
