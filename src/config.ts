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
    /** Base path the site is served under, e.g. `/archive/`. Default `/`. */
    base: z
      .string()
      .default('/')
      .refine((b) => b.startsWith('/'), 'base must start with "/"'),
  })
  .strict();

export type FolioConfig = z.output<typeof configSchema>;

export const CONFIG_FILE = 'folio.config.json';

/** Reads and validates the configuration; errors name the file and the offending field. */
export function loadConfig(file = resolve(process.cwd(), CONFIG_FILE)): FolioConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`${file}: cannot read configuration: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${file}: invalid configuration: ${issues.join('; ')}`);
  }
  return parsed.data;
}
