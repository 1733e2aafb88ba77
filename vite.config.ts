import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const SERVICE_WORKER_ENTRY = 'src/service-worker/sw.ts';

/**
 * Writes the service worker to /sw.js (a fixed name at the root, so it controls the whole site)
 * with the build's file list and a version hashed from it in place of its `__SCOPE_BUILD__`
 * marker. Every file of the build is listed, lazy chunks and public/ too, so a dialog opens
 * offline.
 */
function serviceWorkerBuild(): Plugin {
  let publicDir = '';
  return {
    name: 'mqtt-scope-service-worker',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find(
        (file) => file.type === 'chunk' && file.name === 'sw',
      );
      if (!worker || worker.type !== 'chunk') return;
      const copied = publicDir && existsSync(publicDir) ? readdirSync(publicDir) : [];
      const files = [...Object.keys(bundle), ...copied]
        .filter((name) => name !== worker.fileName && !name.endsWith('.map'))
        .map((name) => `/${name}`)
        .sort();
      // Built files carry a content hash in their names; public/ files keep theirs, so their
      // bytes go into the version: a changed demo dashboard is a new build for the installed app.
      const hash = createHash('sha256').update(files.join('\n'));
      for (const name of copied.sort()) {
        const path = join(publicDir, name);
        if (statSync(path).isFile()) hash.update(readFileSync(path));
      }
      const version = hash.digest('hex').slice(0, 12);
      const build = JSON.stringify({ version, files });
      const marker = /(["'`])__SCOPE_BUILD__\1/;
      if (!marker.test(worker.code)) throw new Error('sw.ts lost its __SCOPE_BUILD__ marker');
      worker.code = worker.code.replace(marker, JSON.stringify(build));
    },
  };
}

export default defineConfig({
  plugins: [react(), serviceWorkerBuild()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    rollupOptions: {
      input: { index: 'index.html', sw: SERVICE_WORKER_ENTRY },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'server/**/*.test.ts'],
    environment: 'node',
  },
});
