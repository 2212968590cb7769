// The chunk of every page but the modeller's and the sign-in pages (otherPages.ts): asked for by bootAhead when the app
// opens at such a page's address (or at the sign-in, which leads to the list), so it comes in while the entry chunk
// evaluates; and by the router when such a page is shown.
import { parseHash } from '../router';

export type OtherPages = typeof import('./otherPages');

let loaded: OtherPages | null = null;

export function loadOtherPages(): Promise<OtherPages> {
  return import('./otherPages').then((pages) => (loaded = pages));
}

/** The chunk once it is in: from then on its pages are made at once, as the entry's are. */
export function otherPagesLoaded(): OtherPages | null {
  return loaded;
}

/** Starts loading the other pages' chunk unless the address shows a page of the entry chunk. */
export function otherPagesAhead(hash: string, { editsMaps }: { editsMaps: boolean }): void {
  const route = parseHash(hash);
  // A drafter's map opens in the modeller; everyone else's in the read-only viewer, one of the other pages.
  if ((route.name === 'map' && editsMaps) || route.name === 'not-found') return;
  void loadOtherPages().catch(() => undefined);
}
