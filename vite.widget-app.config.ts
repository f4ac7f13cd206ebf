// The widget's chat app (Preact), one hashed IIFE with its CSS inlined, loaded by /widget.js on demand.
import { defineConfig } from 'vite';

/** The browsers the support guide promises (W15); vite.widget-loader.config.ts uses the same list. */
const WIDGET_BROWSERS = ['chrome90', 'firefox88', 'safari14', 'edge90'];

export default defineConfig({
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/widget-app',
    emptyOutDir: true,
    target: WIDGET_BROWSERS,
    cssTarget: WIDGET_BROWSERS,
    manifest: true,
    reportCompressedSize: false,
    lib: {
      entry: 'src/web/widget/app/main.tsx',
      formats: ['iife'],
      name: 'AuroraConciergeApp',
    },
    rolldownOptions: { output: { entryFileNames: 'app-[hash].js' } },
  },
});
