// The widget's promises about its own files: size budgets (gzipped) and syntax the supported browsers parse as is.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { transform } from 'esbuild';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const LOADER_BUDGET = 2048;
const APP_BUDGET = 25 * 1024;
const BROWSERS = ['chrome90', 'firefox88', 'safari14', 'edge90'];
// esbuild refuses destructuring for Safari 14.0 over a narrow engine bug it cannot lower around; Safari has run
// destructuring since version 10, and the bundler's own target (same list) leaves it in place.
const SUPPORTED = { destructuring: true };

const loaderFile = path.resolve('dist/widget-loader/widget.js');
const appDir = path.resolve('dist/widget-app');
const appFiles = () => fs.readdirSync(appDir).filter((f) => /\.(js|css)$/.test(f)).map((f) => path.join(appDir, f));
const gzipped = (file: string) => gzipSync(fs.readFileSync(file), { level: 9 }).length;

beforeAll(async () => {
  // npm test builds first; on its own this file builds the two bundles it checks.
  if (fs.existsSync(loaderFile) && fs.existsSync(appDir)) return;
  for (const configFile of ['vite.widget-app.config.ts', 'vite.widget-loader.config.ts']) await build({ configFile, logLevel: 'warn' });
}, 120_000);

describe('widget bundle budgets', () => {
  it(`keeps the loader at or under ${LOADER_BUDGET} bytes gzipped`, () => {
    expect(gzipped(loaderFile)).toBeLessThanOrEqual(LOADER_BUDGET);
  });

  it(`keeps the chat app (JS and CSS) at or under ${APP_BUDGET} bytes gzipped`, () => {
    const files = appFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.reduce((sum, file) => sum + gzipped(file), 0)).toBeLessThanOrEqual(APP_BUDGET);
  });
});

describe('widget browser support (Chrome 90, Firefox 88, Safari 14, Edge 90)', () => {
  // If esbuild has to rewrite anything for these browsers, the bundle uses syntax they cannot run.
  for (const name of ['loader', 'app'] as const) {
    it(`${name} needs no syntax lowering for the supported browsers`, async () => {
      const files = name === 'loader' ? [loaderFile] : appFiles().filter((f) => f.endsWith('.js'));
      for (const file of files) {
        const code = fs.readFileSync(file, 'utf8');
        const asIs = await transform(code, { loader: 'js', minifyWhitespace: true, target: 'esnext' });
        const forBrowsers = await transform(code, { loader: 'js', minifyWhitespace: true, target: BROWSERS, supported: SUPPORTED });
        expect(forBrowsers.code).toBe(asIs.code);
      }
    });
  }

  it('would catch syntax those browsers lack', async () => {
    const modern = 'class A { #secret = 1; static { this.x = 1; } }; const value = a?.b ?? c; await Promise.resolve(value);';
    const asIs = await transform(modern, { loader: 'js', format: 'esm', minifyWhitespace: true, target: 'esnext' });
    const forBrowsers = await transform(modern, { loader: 'js', format: 'esm', minifyWhitespace: true, target: BROWSERS, supported: SUPPORTED }).catch((error: Error) => ({ code: error.message }));
    expect(forBrowsers.code).not.toBe(asIs.code);
  });
});
