// "Langsung ke konten" (issue 15, item 8): the first tab stop of every page (index.html) moves the focus to the
// page's <main>, past the navigation. Hash routing owns location.hash, so the link's target is never followed:
// the focus moves in code.

/** Wires the skip link of index.html to the `<main>` of whatever page `outlet` shows. */
export function installSkipLink(outlet: HTMLElement): void {
  const link = document.querySelector<HTMLAnchorElement>('a.skip-link');
  link?.addEventListener('click', (event) => {
    event.preventDefault();
    const main = outlet.querySelector<HTMLElement>('main') ?? outlet;
    // Focusable from code only, not a tab stop of its own.
    if (!main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
    main.focus();
  });
  // Each page starts where a freshly loaded one does: its first Tab reaches the skip link, not what follows the
  // content of the page before (the browser's "focus navigation starting point" stays where that content was).
  window.addEventListener('hashchange', () => {
    const body = document.body;
    body.setAttribute('tabindex', '-1');
    body.focus({ preventScroll: true });
    body.removeAttribute('tabindex');
  });
}
