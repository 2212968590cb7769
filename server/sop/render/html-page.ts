// One standalone HTML page: the frame every printed or public page shares (SOP, SOP book front matter, monitoring and
// evaluation forms, the public verification page). No outside requests: the CSP allows inline style, data: images
// and fonts only, unless a page brings its own.
import { escapeHtml } from './html-escape';

export const PRINT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

export interface HtmlPage {
  /** Plain text; escaped here. */
  title: string;
  css: string;
  csp?: string;
  /** More <meta> elements, as HTML. */
  meta?: string[];
  /** Attributes of <body>, as HTML (e.g. `class="blank"`). */
  bodyAttributes?: string;
  body: string[];
}

export function htmlPage({ title, css, csp = PRINT_CSP, meta = [], bodyAttributes, body }: HtmlPage): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    ...meta,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    bodyAttributes ? `<body ${bodyAttributes}>` : '<body>',
    ...body,
    '</body>',
    '</html>',
  ].join('\n');
}
