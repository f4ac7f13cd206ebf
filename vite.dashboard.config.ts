// The support dashboard SPA (Preact): one ES module and one stylesheet under dist/dashboard/assets/,
// loaded by the HTML shell that src/modules/dashboard/pages.ts serves for every dashboard page.
import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist/dashboard',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    cssCodeSplit: false,
    rolldownOptions: {
      input: 'src/web/dashboard/main.tsx',
      output: { entryFileNames: 'assets/dashboard.js', chunkFileNames: 'assets/[name]-[hash].js', assetFileNames: 'assets/dashboard[extname]' },
    },
  },
});
