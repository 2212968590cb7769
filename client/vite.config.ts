// Builds the browser client into dist/client, which the express server serves with an SPA fallback.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const clientRoot = path.dirname(fileURLToPath(import.meta.url));

/**
 * The server's Content-Security-Policy allows no inline styles (style-src 'self'). bpmn-js-properties-panel
 * builds its two containers from HTML text carrying style attributes, which the browser then refuses (and reports
 * as a CSP violation each time a modeller opens). This drops those attributes; styles.css holds the same rules.
 * The build fails if a new version of the package no longer has them, so the patch never goes stale silently.
 */
function propertiesPanelWithoutInlineStyles(): Plugin {
  const replacements: [string, string][] = [
    ['<div style="height: 100%" tabindex="-1" class="bio-properties-panel-container">', '<div tabindex="-1" class="bio-properties-panel-container">'],
    ['<div style="flex: none; height: auto" class="bio-properties-panel ', '<div class="bio-properties-panel '],
  ];
  return {
    name: 'petakerja:properties-panel-without-inline-styles',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]bpmn-js-properties-panel[\\/]dist[\\/]index\.esm\.js$/.test(id.split('?')[0])) return null;
      let patched = code;
      for (const [from, to] of replacements) {
        if (!patched.includes(from)) this.error(`bpmn-js-properties-panel no longer contains ${JSON.stringify(from)}: review the CSP patch in client/vite.config.ts`);
        patched = patched.replace(from, to);
      }
      return { code: patched, map: null };
    },
  };
}

export default defineConfig({
  root: clientRoot,
  plugins: [propertiesPanelWithoutInlineStyles()],
  build: {
    outDir: path.resolve(clientRoot, '../dist/client'),
    emptyOutDir: true,
    // bpmn-js with the properties panel is one ~1.5 MB chunk, loaded only when a diagram opens.
    chunkSizeWarningLimit: 1800,
    rolldownOptions: {
      // No English "[PLUGIN_TIMINGS]" block in the log of a first `npm start` on a slow machine (issue 15, item 8).
      checks: { bundlerTimings: false },
    },
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:3000',
    },
  },
});
