// bpmn-font, the palette's and context pad's icon font, is a file of its own (main.ts imports bpmn.css, not the
// embedded copy). Chromium fetches a font only once an element first uses it: the palette, built with the modeller
// just before the import. Its answer then came in while the map's first frames were drawn, and the change of font
// laid the palette and restyled the page once more before the frame the map is seen in was done (issue 16, seventh
// pass). Asked for while the page waits for the map and the modeller's code, it is loaded before the palette exists.

/** The family bpmn.css gives bpmn-font. */
const FAMILY = 'bpmn';

/** Starts loading bpmn-font (once; later calls are answered from the same load). A failure only leaves the icons late. */
export function loadPaletteFont(): void {
  // `fonts.load` loads the faces of the family the page's stylesheets declare, in this case the WOFF2 file.
  void document.fonts.load(`1em ${FAMILY}`).catch(() => undefined);
}
