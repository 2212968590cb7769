// The SVG cleaner of the diagram appendix (issue 13, item 10): nothing in the SVG may fetch from outside, in links or in
// CSS, whatever spelling the HTML parser would decode; references to the diagram's own fragments (markers) stay.
import { describe, expect, it } from 'vitest';
import { cleanSvg } from '../../server/sop/render/appendix';

const svg = (inner: string, rootAttributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"${rootAttributes}>${inner}</svg>`;
const OUTSIDE = /evil\.example|url\((?!['"]?#)/i;

describe('cleanSvg', () => {
  it.each([
    ['a style element', svg('<style>rect { fill: url(https://evil.example/a.svg#g) }</style><rect width="10" height="10"/>')],
    ['a style element with a quoted url', svg(`<style>rect { background-image: url( 'https://evil.example/b.png' ) }</style><rect/>`)],
    ['a style element with a protocol-relative url', svg('<style>.x{mask:url(//evil.example/m.svg#m)}</style>')],
    ['a style element with image-set', svg('<style>.x{background:image-set("https://evil.example/c.png" 1x)}</style>')],
    ['a CSS escape in a style element', svg('<style>.x{background:\\75 rl(https://evil.example/d.png)}</style>')],
    ['a character reference in a style element', svg('<style>.x{background:u&#114;l(https://evil.example/e.png)}</style>')],
    ['a style attribute', svg('<rect style="fill: url(https://evil.example/f.svg#g)" width="10"/>')],
    ['a presentation attribute', svg(`<rect fill='url(https://evil.example/g.svg#p)' width="10"/>`)],
    ['a filter attribute', svg('<g filter="url(http://evil.example/h.svg#f)"><rect/></g>')],
    ['a character reference in an attribute', svg('<rect style="fill:u&#x72;l(https://evil.example/i.svg#g)"/>')],
    ['a named reference in an attribute', svg('<rect style="fill:url&lpar;https://evil.example/j.svg#g&rpar;"/>')],
    ['a root style attribute', svg('<rect/>', ' style="background:url(https://evil.example/k.png)"')],
  ])('drops the outside CSS reference in %s', (_label, input) => {
    const cleaned = cleanSvg(input);
    expect(cleaned).not.toMatch(OUTSIDE);
    expect(cleaned).toMatch(/^<svg[\s\S]*<\/svg>$/);
  });

  it('keeps references to the diagram\'s own markers and its plain styles', () => {
    const input = svg(
      '<defs><marker id="sequenceflow-end"><path d="M 1 5 L 11 10 L 1 15 Z"/></marker></defs>' +
        `<path d="M 0 0 L 50 0" style="fill: none; stroke-width: 2px; stroke: black; marker-end: url('#sequenceflow-end');"/>` +
        '<path d="M 0 0 L 50 0" marker-end="url(#sequenceflow-end)"/>' +
        '<style>.djs-label { font-family: Arial, sans-serif; }</style>',
    );
    expect(cleanSvg(input)).toBe(input);
  });
});
