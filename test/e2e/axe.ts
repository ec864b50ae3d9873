/** Runs axe-core inside a page and reports its violations as readable lines. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

declare const axe: { run(context?: unknown, options?: unknown): Promise<AxeResults> };

/** `rule-id: target (failure summary)` for each violating node; empty when axe finds none. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const results = await page.evaluate(() => axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`,
    ),
  );
}
