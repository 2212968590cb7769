// The signed-in user's session (user, CSRF token, whether they see every unit) and the ways it starts and ends.
import { ApiError, type Api } from '../api/client';
import type { Session, SetupInput, User } from '../api/types';
import { canEditMaps, isAdmin } from './permissions';
import { takeBootAnswers } from './bootAnswers';
import { takeSetupAhead } from './setupAhead';

export const SESSION_ENDED_NOTICE = 'Sesi Anda telah berakhir. Silakan masuk kembali.';

export class SessionState {
  private session: Session | null = null;
  /** Set once the server said whether the first administrator still has to be created. */
  setupNeeded = false;
  /**
   * The user of the last session, kept after it ends: the page they stayed on (to keep unsaved work) still
   * names them, and a session they open again elsewhere can carry on here.
   */
  private lastUser: User | null = null;
  private notice: string | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly api: Api) {}

  /** Asks the server whether setup is needed and, if not, who is signed in. */
  async load(): Promise<void> {
    // The first load takes the answers the server put in the page, when it did: no request at all.
    const inPage = takeBootAnswers();
    if (inPage) {
      this.setupNeeded = inPage.setup.needed;
      this.set(inPage.setup.needed ? null : inPage.session);
      return;
    }
    // Else the answer bootAhead asked for; should that have failed, the API client asks again.
    const ahead = takeSetupAhead();
    this.setupNeeded = ahead ? await ahead.catch(() => this.api.setupNeeded()) : await this.api.setupNeeded();
    this.set(this.setupNeeded ? null : await this.api.session());
  }

  get current(): Session | null {
    return this.session;
  }

  get signedIn(): boolean {
    return this.session !== null;
  }

  /** The signed-in user (or the one whose session just ended); only pages behind the login page ask. */
  get user(): User {
    const user = this.session?.user ?? this.lastUser;
    if (!user) throw new Error('No one is signed in');
    return user;
  }

  get csrfToken(): string | null {
    return this.session?.csrfToken ?? null;
  }

  get allUnits(): boolean {
    return this.session?.allUnits ?? false;
  }

  get canEditMaps(): boolean {
    return this.session !== null && canEditMaps(this.session.user);
  }

  get isAdmin(): boolean {
    return this.session !== null && isAdmin(this.session.user);
  }

  /** The pemda the app reads now (the user's own, or one a province role chose); undefined before the server says. */
  get actingPemda() {
    return this.session?.actingPemda ?? this.session?.pemda;
  }

  /** A province role reading a kabupaten/kota: the server answers only reads there, so nothing else is offered. */
  get readsOtherPemda(): boolean {
    const own = this.session?.pemda?.id;
    const acting = this.session?.actingPemda?.id;
    return own !== undefined && acting !== undefined && own !== acting;
  }

  /** The pemda a province role may choose between (more than one), else none. */
  get readablePemda() {
    return this.session?.readablePemda ?? [];
  }

  /** Reads pemda `id` from now on (a province role); the caller reloads the app's data. */
  async choosePemda(id: string): Promise<void> {
    this.set(await this.api.choosePemda(id));
  }

  /** Called whenever the session starts, ends or changes. */
  onChange(listener: () => void): void {
    this.listeners.add(listener);
  }

  async signIn(username: string, password: string): Promise<void> {
    this.set(await this.api.signIn(username, password));
  }

  async setup(input: SetupInput): Promise<void> {
    const session = await this.api.setup(input);
    this.setupNeeded = false;
    this.set(session);
  }

  /** Ends the session on the server; a session that had already ended counts as signed out. */
  async signOut(): Promise<void> {
    try {
      await this.api.signOut();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    this.lastUser = null;
    this.set(null);
  }

  /** Asks the server for the current session again (after the user's own account changed, for example). */
  async refresh(): Promise<void> {
    this.set(await this.api.session());
  }

  /**
   * Takes a session opened elsewhere (another tab signed in again) when it is the same user's; resolves whether
   * it did, so a request refused for its CSRF token can be sent again.
   */
  async renew(): Promise<boolean> {
    const userId = this.session?.user.id ?? this.lastUser?.id;
    const session = await this.api.session().catch(() => null);
    if (!session || session.user.id !== userId) return false;
    this.set(session);
    return true;
  }

  /** The server said the session has ended; the login page will say so. */
  expire(): void {
    this.notice = SESSION_ENDED_NOTICE;
    this.set(null);
  }

  /** The note the login page shows once (why the user has to sign in again). */
  takeNotice(): string | null {
    const notice = this.notice;
    this.notice = null;
    return notice;
  }

  private set(session: Session | null): void {
    const changed =
      this.session?.csrfToken !== session?.csrfToken ||
      this.session?.user.updatedAt !== session?.user.updatedAt ||
      this.session?.actingPemda?.id !== session?.actingPemda?.id;
    this.session = session;
    if (session) {
      this.lastUser = session.user;
      this.notice = null;
    }
    if (changed) this.listeners.forEach((listener) => listener());
  }
}
