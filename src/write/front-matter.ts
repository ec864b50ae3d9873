/**
 * An item's YAML front matter, validated against the archive's item schema and written with
 * the `yaml` library. A string that a YAML 1.1 reader would take for something else (dates,
 * `yes`, `0755`, `1:20`) is double-quoted, as the library already does for anything YAML 1.2
 * would misread; the written text is read back under both versions and must give the same values.
 */
import { Document, parse, visit } from 'yaml';
import { itemSchema, type ItemData } from '../archive/schema.ts';
import { schemaCheck } from './schema-check.ts';

export function frontMatter(data: ItemData): string {
  const checked = schemaCheck(itemSchema, data, 'front matter');
  const doc = new Document(checked);
  visit(doc, {
    Scalar(key, node) {
      if (key !== 'key' && typeof node.value === 'string' && !plainReadsBack(node.value)) {
        node.type = 'QUOTE_DOUBLE';
      }
    },
  });
  const yaml = doc.toString({ lineWidth: 0 });
  for (const version of ['1.1', '1.2'] as const) {
    const back: unknown = parse(yaml, { version });
    if (JSON.stringify(back) !== JSON.stringify(checked)) {
      throw new Error(`front matter does not read back the same under YAML ${version}:\n${yaml}`);
    }
  }
  return `---\n${yaml}---\n`;
}

/** Whether `value`, written as a plain scalar, reads back as the same string under YAML 1.1. */
function plainReadsBack(value: string): boolean {
  // Every YAML 1.1 type other than string (null, bool, int, float, timestamp) is ASCII.
  if (!/^[\x20-\x7e]*$/.test(value)) return true;
  try {
    const back: unknown = parse(`v: ${value}`, { version: '1.1', logLevel: 'error' });
    return typeof back === 'object' && back !== null && (back as { v?: unknown }).v === value;
  } catch {
    return true; // not a plain scalar at all: the writer quotes it on its own
  }
}
