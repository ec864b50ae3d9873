import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { env?: Record<string, string>; steps: Step[] }>;
}

const workflow = parse(readFileSync('.github/workflows/deploy.yml', 'utf8')) as Workflow;

test('should build with npm ci and npm run build under the project base path, and publish dist/', () => {
  const build = workflow.jobs['build'];
  expect(build?.steps.map((s) => s.run ?? s.uses)).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    'actions/cache@v4',
    'npm ci',
    'npm run build -- $FOLIO_BUILD_ARGS',
    'actions/upload-pages-artifact@v3',
  ]);
  expect(build?.steps.at(-1)?.with).toEqual({ path: 'dist' });
  expect(build?.env).toEqual({
    FOLIO_SITE: 'https://${{ github.repository_owner }}.github.io',
    FOLIO_BASE: '/${{ github.event.repository.name }}/',
    FOLIO_CACHE: '${{ github.workspace }}/.folio-cache',
  });
  // The build cache of the latest run is restored, and this run's saved under its commit.
  expect(build?.steps[2]?.with).toEqual({
    path: '.folio-cache',
    key: 'folio-build-${{ github.sha }}',
    'restore-keys': 'folio-build-',
  });
  // Extra build options (`--sharded` for a large archive) come from a repository variable,
  // through the environment rather than pasted into the command.
  expect(build?.steps[4]?.env).toEqual({ FOLIO_BUILD_ARGS: '${{ vars.FOLIO_BUILD_ARGS }}' });
  expect(workflow.jobs['deploy']?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
});
