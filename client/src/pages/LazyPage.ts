// A page whose code is in another chunk than the entry's: its place says "Memuat halaman…" until the code is in, then
// the page takes it. The entry chunk carries the modeller's page and the sign-in pages only, so opening a map
// evaluates none of the others (issue 16; pages/otherPages.ts).
import type { Page } from '../router';
import { h, replaceChildren } from '../ui/dom';
import { UserFacingError } from '../ui/errors';
import { errorStateView, loadingView } from '../ui/states';

export class LazyPage<Code> implements Page {
  element: HTMLElement;
  private page: Page | null = null;
  private destroyed = false;
  private wasShown = false;

  /** The waiting page's content ("Memuat halaman…", then a failure if there is one); the frame around it stays. */
  private readonly body: HTMLElement;

  /** `frame` wraps the body while the code comes in (the app's header, so the way around stays usable). */
  constructor(load: () => Promise<Code>, make: (code: Code) => Page, frame: (body: HTMLElement) => HTMLElement) {
    this.body = h('main', { class: 'page-loading-main', 'data-testid': 'page-loading' }, loadingView('Memuat halaman…'));
    this.element = frame(this.body);
    void this.start(load, make);
  }

  hasUnsavedChanges(): boolean {
    return this.page?.hasUnsavedChanges?.() ?? false;
  }

  shown(): void {
    this.wasShown = true;
    this.page?.shown?.();
  }

  destroy(): void {
    this.destroyed = true;
    this.page?.destroy?.();
  }

  private async start(load: () => Promise<Code>, make: (code: Code) => Page): Promise<void> {
    let code: Code;
    try {
      code = await load();
    } catch {
      // The chunk could not be fetched (the network dropped, or a new version was installed meanwhile). The browser
      // keeps a failed module fetch for the page's life, so trying again loads the app again.
      if (!this.destroyed) this.fail(new UserFacingError('Bagian aplikasi untuk halaman ini tidak dapat diunduh: sambungan ke server terputus, atau Petakerja baru saja diperbarui. "Coba lagi" memuat ulang aplikasi.'));
      return;
    }
    if (this.destroyed) return;
    let page: Page;
    try {
      page = make(code);
    } catch (error) {
      this.fail(error);
      return;
    }
    this.page = page;
    this.element.replaceWith(page.element);
    this.element = page.element;
    if (this.wasShown) page.shown?.();
  }

  private fail(error: unknown): void {
    replaceChildren(this.body, errorStateView('Halaman tidak dapat dimuat', error, () => location.reload()));
  }
}
