// Talks to the lint worker: one request id per message, each answer settles the promise of its own request. A request
// the worker skipped for a newer one rejects with Superseded.
import type { KamusSynonym, LintRequest, LintResponse, LintResult, Profile } from './lintProtocol';

/** What the scheduler needs from a worker; tests give it a fake. */
export interface LintBackend {
  lint(xml: string, profile?: Profile, synonyms?: readonly KamusSynonym[]): Promise<LintResult>;
  terminate(): void;
}

export class Superseded extends Error {
  constructor() {
    super('superseded by a newer lint');
    this.name = 'Superseded';
  }
}

export default class LintWorkerClient implements LintBackend {
  /** Started by the first lint, which comes after the first paint of the map (issue 16): not with the modeller. */
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve(result: LintResult): void; reject(error: Error): void }>();
  private nextId = 1;

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./lint.worker.ts', import.meta.url), { type: 'module', name: 'petakerja-lint' });
    worker.addEventListener('message', (event: MessageEvent<LintResponse>) => {
      const request = this.pending.get(event.data.id);
      if (!request) return;
      this.pending.delete(event.data.id);
      if ('result' in event.data) request.resolve(event.data.result);
      else if ('superseded' in event.data) request.reject(new Superseded());
      else request.reject(new Error(event.data.error.message));
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.failAll(new Error(`Pemeriksa peta tidak dapat berjalan: ${event.message || 'worker gagal dimuat'}`));
    });
    this.worker = worker;
    return worker;
  }

  lint(xml: string, profile?: Profile, synonyms?: readonly KamusSynonym[]): Promise<LintResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.started().postMessage({ id, xml, profile, ...(synonyms?.length ? { synonyms: [...synonyms] } : {}) } satisfies LintRequest);
    });
  }

  terminate(): void {
    this.worker?.terminate();
    this.failAll(new Error('Pemeriksa peta dihentikan.'));
  }

  private failAll(error: Error): void {
    for (const request of this.pending.values()) request.reject(error);
    this.pending.clear();
  }
}
