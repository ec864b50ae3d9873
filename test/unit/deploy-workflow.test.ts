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
  // The build cache and the site of the latest run are restored (a page is reused where it is:
  // the cache keeps no copy of it), and this run's saved under its commit.
  expect(build?.steps[2]?.with).toEqual({
    path: '.folio-cache\ndist\n',
    key: 'folio-build-${{ github.sha }}',
    'restore-keys': 'folio-build-',
  });
  // Extra build options (`--sharded` for a large archive) come from a repository variable,
  // through the environment rather than pasted into the command.
  expect(build?.steps[4]?.env).toEqual({ FOLIO_BUILD_ARGS: '${{ vars.FOLIO_BUILD_ARGS }}' });
  expect(workflow.jobs['deploy']?.steps.map((s) => s.uses)).toEqual(['actions/deploy-pages@v4']);
});

interface Job {
  needs?: string;
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, string> };
  env?: Record<string, string>;
  steps: (Step & { if?: string; id?: string })[];
}

const shards = parse(readFileSync('.github/workflows/deploy-shards.yml', 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
};

test('should build in shards as plan → one job per part → site → deploy, run by hand', () => {
  // Beside deploy.yml, which runs on every push: this one only when started from the Actions tab.
  expect(Object.keys(shards.on)).toEqual(['workflow_dispatch']);
  expect(
    Object.fromEntries(Object.entries(shards.jobs).map(([name, job]) => [name, job.needs])),
  ).toEqual({
    plan: undefined,
    part: 'plan',
    site: 'part',
    deploy: 'site',
  });
  const plan = shards.jobs['plan'];
  expect(plan?.steps.map((s) => s.run ?? s.uses)).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    'npm ci',
    'actions/cache@v4',
    'npm run ingest -- raw --out content',
    'actions/cache/save@v4',
    'echo "parts=$(npm run --silent parts -- --content content --json)" >> "$GITHUB_OUTPUT"',
  ]);
  expect(plan?.outputs).toEqual({ parts: '${{ steps.parts.outputs.parts }}' });
  expect(shards.jobs['part']?.strategy?.matrix).toEqual({
    part: '${{ fromJSON(needs.plan.outputs.parts) }}',
  });
});

test('should take a part from the cache when its fingerprint was built, else build it', () => {
  const steps = shards.jobs['part']?.steps ?? [];
  const cache = steps.find((s) => s.id === 'cache');
  expect(cache?.with).toEqual({
    path: 'part\n.folio-cache/part-${{ matrix.part.part }}\n',
    key: 'folio-part-${{ matrix.part.part }}-${{ matrix.part.fingerprint }}',
    'restore-keys': 'folio-part-${{ matrix.part.part }}-',
  });
  const skipped = "steps.cache.outputs.cache-hit != 'true'";
  expect(steps.filter((s) => s.if === skipped).map((s) => s.run ?? s.uses)).toEqual([
    'actions/setup-node@v4',
    'npm ci',
    'npm run build -- --content content $PART_ARGS --out part',
  ]);
  expect(steps.at(-2)?.env).toEqual({ PART_ARGS: "${{ join(matrix.part.args, ' ') }}" });
  expect(steps.at(-1)?.with).toMatchObject({ name: 'part-${{ matrix.part.part }}', path: 'part' });
  // The content the plan job converted, under the key it saved it with.
  const content = steps.find((s) => s.uses === 'actions/cache/restore@v4');
  const saved = shards.jobs['plan']?.steps.find((s) => s.uses === 'actions/cache/save@v4');
  expect(content?.with).toEqual({ ...saved?.with, 'fail-on-cache-miss': true });
  expect(shards.jobs['site']?.steps.map((s) => s.run ?? s.uses)).toEqual([
    'actions/checkout@v4',
    'actions/setup-node@v4',
    'npm ci',
    'actions/download-artifact@v4',
    'npm run assemble -- --out dist parts/*',
    'actions/upload-pages-artifact@v3',
  ]);
});
