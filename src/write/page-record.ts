/** A page's record, `page.json`: validated against the archive's page schema, keys in its order. */
import { pageSchema, type PageData } from '../archive/schema.ts';
import { schemaCheck } from './schema-check.ts';

export function pageRecord(data: PageData): string {
  return `${JSON.stringify(schemaCheck(pageSchema, data, 'page record'), null, 2)}\n`;
}
