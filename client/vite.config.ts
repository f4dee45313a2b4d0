/**
 * @module Build of the explorer UI. `root` is client/ so that `vite build --config client/vite.config.ts`
 * run from the repository root writes client/dist/, which the server serves at `/`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const clientRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: clientRoot,
  // Relative asset URLs keep the build working whatever path the server mounts it on.
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    // During `vite` development the API runs separately (`npm start`); the UI only ever talks to /graphql.
    proxy: { '/graphql': process.env.REFORMGRAPH_API ?? 'http://localhost:4000' },
  },
});
