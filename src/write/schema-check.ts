/** Validates what is about to be written; the error lists every field at fault. */
import type { z } from 'zod';

export function schemaCheck<S extends z.ZodType>(
  schema: S,
  data: unknown,
  what: string,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new Error(`invalid ${what}: ${issues.join('; ')}`);
}
