// Compiles the server and the CLI (TypeScript) into dist/server/ with esbuild: one ES module per entry point plus
// shared chunks, node_modules left as imports (see nodeResolvableImports), the JSON data files (NLU model, knowledge base) bundled in.
// Why esbuild and not tsc: the sources import without file extensions (tsconfig "moduleResolution": "Bundler"),
// which tsc would emit as-is and Node's ESM loader refuses; esbuild resolves them, and takes about a second.
// Type checking stays with `npm run typecheck` (tsc --noEmit), which `npm run build` runs first.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

/**
 * tsx lets the sources import a CommonJS package's file without its extension ('nodemailer/lib/smtp-transport');
 * Node's ESM loader, which runs the compiled server, does not. Such an import is rewritten to the file CommonJS
 * resolution finds ('nodemailer/lib/smtp-transport/index.js'); imports Node resolves as they are stay as they are.
 */
const nodeResolvableImports = {
  name: 'node-resolvable-imports',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path: specifier, resolveDir, kind }) => {
      if (specifier.startsWith('node:') || kind === 'entry-point') return undefined;
      const packageName = specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');
      if (specifier === packageName) return { path: specifier, external: true };
      // What Node's ESM loader would load (import.meta.resolve does not check that it is a file).
      const esmTarget = new URL(import.meta.resolve(specifier));
      if (esmTarget.protocol !== 'file:' || fs.statSync(esmTarget, { throwIfNoEntry: false })?.isFile()) return { path: specifier, external: true };
      const file = require.resolve(specifier, { paths: [resolveDir] });
      const packageDir = path.dirname(require.resolve(`${packageName}/package.json`, { paths: [resolveDir] }));
      return { path: `${packageName}/${path.relative(packageDir, file).split(path.sep).join('/')}`, external: true };
    });
  },
};

const outdir = 'dist/server';
fs.rmSync(outdir, { recursive: true, force: true });
const started = performance.now();
const result = await build({
  entryPoints: { main: 'src/main.ts', cli: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [nodeResolvableImports],
  sourcemap: true,
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + output.bytes, 0);
console.log(`built ${outdir}/main.js and ${outdir}/cli.js (${Math.round(bytes / 1024)} kB with source maps) in ${Math.round(performance.now() - started)} ms`);
