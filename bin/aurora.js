#!/usr/bin/env node
// The `aurora` command. The compiled CLI (dist/server/cli.js, from `npm run build`) runs in production
// (AURORA_MODE=production) and wherever tsx is not installed (`npm ci --omit=dev`); otherwise, on a development
// checkout, the TypeScript source runs through tsx, so the command never runs a stale build.
import fs from 'node:fs';
import { createRequire } from 'node:module';

const compiled = new URL('../dist/server/cli.js', import.meta.url);
const tsxInstalled = () => {
  try {
    createRequire(import.meta.url).resolve('tsx/esm/api');
    return true;
  } catch {
    return false;
  }
};

let runCli;
if (process.env.AURORA_MODE !== 'production' && tsxInstalled()) {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../src/cli/main.ts'));
} else if (fs.existsSync(compiled)) {
  ({ runCli } = await import(compiled.href));
} else {
  process.stderr.write('aurora: the compiled CLI is missing (dist/server/cli.js): run `npm run build` first.\n');
  process.exit(1);
}
process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr });
