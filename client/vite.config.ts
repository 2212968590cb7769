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

/**
 * bpmn-js draws the icons of "Ratakan elemen" and "Distribusikan elemen" (the context pad of a multiple selection, as
 * the lasso makes it) from SVG text whose shapes carry style attributes: refused under style-src 'self', 27 CSP
 * violations in a short lasso session. This rewrites each `style="fill:none;stroke:currentColor;…"` as the SVG
 * presentation attributes it stands for (`fill="none" stroke="currentColor" …`), which no policy restricts. The build
 * fails if the files no longer hold such attributes, so the patch never goes stale silently.
 */
function iconsWithoutInlineStyles(): Plugin {
  const files = /[\\/]bpmn-js[\\/]lib[\\/]features[\\/](align-elements[\\/]AlignElementsIcons|distribute-elements[\\/]DistributeElementsIcons)\.js$/;
  const PRESENTATION = new Set(['fill', 'stroke', 'stroke-width', 'stroke-linecap', 'stroke-linejoin', 'opacity']);
  return {
    name: 'petakerja:icons-without-inline-styles',
    enforce: 'pre',
    transform(code, id) {
      if (!files.test(id.split('?')[0])) return null;
      if (!code.includes('style="')) this.error(`${id} no longer holds style attributes: review the CSP patch in client/vite.config.ts`);
      const patched = code.replace(/style="([^"]*)"/g, (_all, declarations: string) =>
        declarations
          .split(';')
          .map((declaration) => declaration.trim())
          .filter(Boolean)
          .map((declaration) => {
            const [property, value] = declaration.split(':').map((part) => part.trim());
            if (!property || !value || !PRESENTATION.has(property)) this.error(`${id}: no presentation attribute for "${declaration}"`);
            return `${property}="${value}"`;
          })
          .join(' '),
      );
      return { code: patched, map: null };
    },
  };
}

/**
 * @bpmn-io/properties-panel translates its own tooltips ("Toggle section", "Open pop-up editor", …) only when each
 * group and entry is handed a `translate` prop, which bpmn-js-properties-panel's entries (Name, Documentation, …) do
 * not pass: they fell back to English. This makes the library's fallback our Indonesian translate()
 * (client/src/i18n). The build fails if the fallback is no longer there.
 */
function propertiesPanelInIndonesian(): Plugin {
  const fallback = 'function translateFallback(template, replacements) {';
  const i18n = path.resolve(clientRoot, 'src/i18n/index.ts');
  return {
    name: 'petakerja:properties-panel-in-indonesian',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@bpmn-io[\\/]properties-panel[\\/]dist[\\/]index\.esm\.js$/.test(id.split('?')[0])) return null;
      if (!code.includes(fallback)) this.error(`@bpmn-io/properties-panel no longer contains ${JSON.stringify(fallback)}: review the patch in client/vite.config.ts`);
      const patched = code.replace(fallback, `${fallback}\n  return petakerjaTranslate(template, replacements);`);
      return { code: `import { translate as petakerjaTranslate } from ${JSON.stringify(i18n)};\n${patched}`, map: null };
    },
  };
}

export default defineConfig({
  root: clientRoot,
  plugins: [propertiesPanelWithoutInlineStyles(), iconsWithoutInlineStyles(), propertiesPanelInIndonesian()],
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
