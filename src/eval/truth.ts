/**
 * A corpus truth file: what is on one page, written by hand (`<corpus>/truth/<date>/<NN>.json`).
 */
import { z } from 'zod';

export const truthItemSchema = z.object({
  kind: z.enum(['article', 'photo']),
  kicker: z.string().nullable(),
  title: z.string(),
  subtitle: z.string().nullable(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  paragraphs: z.array(z.string()),
});

export const truthSchema = z.object({
  date: z.string().nullable().optional(),
  page: z.number().int().positive().optional(),
  pageName: z.string().nullable().optional(),
  items: z.array(truthItemSchema),
  furniture: z.array(z.object({ kind: z.enum(['header', 'banner']), text: z.string() })),
});

export type Truth = z.output<typeof truthSchema>;
export type TruthItem = z.output<typeof truthItemSchema>;
