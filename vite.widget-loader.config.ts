// /widget.js: the tiny loader (IIFE). It needs the app bundle's hashed file name, so it builds after the app.
import fs from 'node:fs';
import { defineConfig } from 'vite';

function appFileName(): string {
  const manifestPath = 'dist/widget-app/.vite/manifest.json';
  if (!fs.existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: build vite.widget-app.config.ts first (npm run build:web does).`);
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as Record<string, { file: string; isEntry?: boolean }>;
  const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
  if (!entry) throw new Error(`${manifestPath} has no entry chunk`);
  return entry.file;
}

export default defineConfig({
  publicDir: false,
  define: { __AURORA_APP_FILE__: JSON.stringify(appFileName()) },
  build: {
    outDir: 'dist/widget-loader',
    emptyOutDir: true,
    // The browsers the support guide promises (W15); same list as vite.widget-app.config.ts.
    target: ['chrome90', 'firefox88', 'safari14', 'edge90'],
    cssTarget: ['chrome90', 'firefox88', 'safari14', 'edge90'],
    reportCompressedSize: false,
    lib: {
      entry: 'src/web/widget/loader.ts',
      formats: ['iife'],
      name: 'AuroraConciergeLoader',
      fileName: () => 'widget.js',
    },
  },
});
