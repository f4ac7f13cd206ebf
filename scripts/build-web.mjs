// Builds every browser bundle: one Vite config per bundle (vite.<name>.config.ts), into dist/<name>/.
import fs from 'node:fs';
import { build } from 'vite';

const configs = fs.readdirSync('.').filter((f) => /^vite\.[a-z0-9-]+\.config\.ts$/.test(f)).sort();
if (configs.length === 0) console.log('(no web bundles to build)');
for (const configFile of configs) {
  await build({ configFile, logLevel: 'warn' });
  console.log(`built ${configFile}`);
}
