// The project's root folder (the one with package.json), found from this module's own file. The source (src/**,
// run by tsx) and the compiled server (dist/server/*.js, one bundle per entry point) sit at different depths, so
// files read at run time (the built web bundles in dist/, the store's assets, data/) are named from here.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}: run Aurora from its project folder.`);
  }
}

export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. `fromRoot('dist', 'dashboard')`. */
export const fromRoot = (...parts: string[]) => path.join(PROJECT_ROOT, ...parts);
