import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { cspMetaTagPlugin } from './src/main/csp-html-plugin';

/** The registry opens `migrations/` beside its module: copy them beside the main bundle. */
function copyMigrations(): Plugin {
  return {
    name: 'variantdesk-copy-migrations',
    closeBundle() {
      cpSync(
        resolve(import.meta.dirname, 'src/core/registry/migrations'),
        resolve(import.meta.dirname, 'out/main/migrations'),
        {
          recursive: true,
        },
      );
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      // Native and worker-owning packages stay outside the bundle.
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'src/main/index.ts'),
          'import.worker': resolve(import.meta.dirname, 'src/core/sequences/import.worker.ts'),
          'analyze.worker': resolve(import.meta.dirname, 'src/core/analysis/analyze.worker.ts'),
          'align.worker': resolve(import.meta.dirname, 'src/core/analysis/align/align.worker.ts'),
          'cluster.worker': resolve(import.meta.dirname, 'src/core/cluster/cluster.worker.ts'),
          'feature.worker': resolve(import.meta.dirname, 'src/core/features/feature.worker.ts'),
          'forest.worker': resolve(import.meta.dirname, 'src/core/ml/forest/forest.worker.ts'),
          'classify.worker': resolve(
            import.meta.dirname,
            'src/core/classify/classify.worker.ts',
          ),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    plugins: [react(), cspMetaTagPlugin()],
    build: {
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
  },
});
