#!/usr/bin/env node
// Entry point for every Folio command. Plain JavaScript on purpose: it must run (and explain
// itself) on any Node version before the TypeScript CLI is loaded.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `folio: Node ${process.versions.node} is too old; Folio needs Node >= 22.12. ` +
      'Run it through npm (npm run build), which uses the Node that `npm install` brings.',
  );
  process.exit(1);
}
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
