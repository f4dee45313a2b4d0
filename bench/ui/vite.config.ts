/**
 * @module Build of the lineage-view benchmark page: the explorer's own graph component and styles,
 * bundled the way the explorer is (client/vite.config.ts), into an output folder chosen by the runner.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { emptyOutDir: true, chunkSizeWarningLimit: 3000 },
});
