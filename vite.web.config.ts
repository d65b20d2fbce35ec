// Browser mode: the same renderer served by the local server (`npm run web`, e2e tests).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { cspMetaTagPlugin } from './src/main/csp-html-plugin';

export default defineConfig({
  root: resolve(import.meta.dirname, 'src/renderer'),
  base: './',
  plugins: [react(), cspMetaTagPlugin()],
  build: {
    outDir: resolve(import.meta.dirname, 'out/web'),
    emptyOutDir: true,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:4173' },
  },
});
