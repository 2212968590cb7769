// Builds the browser client into dist/client, which the express server serves with an SPA fallback.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const clientRoot = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: clientRoot,
  build: {
    outDir: path.resolve(clientRoot, '../dist/client'),
    emptyOutDir: true,
    // bpmn-js with the properties panel is one ~1.5 MB chunk, loaded only when a diagram opens.
    chunkSizeWarningLimit: 1800,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
