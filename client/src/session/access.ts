// Which address a visitor is sent to instead of the one they asked for: nobody gets past the login page without
// an account, and the first-run page exists only while no account exists.
import { href, type Route } from '../router';

export interface AccessState {
  /** No account exists yet: the first administrator must be created. */
  setupNeeded: boolean;
  signedIn: boolean;
}

/** The address to show instead of `hash`, or null to show it. */
export function redirectFor(route: Route, hash: string, state: AccessState): string | null {
  if (state.setupNeeded) return route.name === 'setup' ? null : href.setup();
  if (route.name === 'setup') return state.signedIn ? href.list() : href.login();
  if (!state.signedIn) return route.name === 'login' ? null : href.login(hash);
  if (route.name === 'login') return route.returnTo ?? href.list();
  return null;
}
