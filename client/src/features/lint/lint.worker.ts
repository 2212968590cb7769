// Lints BPMN XML off the main thread with the server's own linter, so a big map never freezes the modeller. Requests
// that arrive while a lint runs wait; of those, only the newest is linted, the older ones are answered `superseded`.
import { lintXml } from '../../../../server/lint/lint.service';
import type { LintRequest, LintResponse } from './lintProtocol';

const post = (message: LintResponse): void => (self as unknown as Worker).postMessage(message);

let waiting: LintRequest | null = null;
let running = false;

async function lintWaiting(): Promise<void> {
  while (waiting) {
    const { id, xml, profile, synonyms } = waiting;
    waiting = null;
    try {
      // The modeller's own writing of the diagram in memory: the server's upload checks are not needed here.
      post({ id, result: await lintXml(xml, profile, undefined, synonyms?.length ? { synonyms } : undefined, { ownWriting: true }) });
    } catch (error) {
      post({ id, error: { message: error instanceof Error ? error.message : String(error) } });
    }
    // Messages that came during the lint are delivered before this task: the newest of them is taken next.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  running = false;
}

self.addEventListener('message', (event: MessageEvent<LintRequest>) => {
  if (waiting) post({ id: waiting.id, superseded: true });
  waiting = event.data;
  // Started in a task of its own, so that requests already queued behind this one are seen first.
  if (running) return;
  running = true;
  setTimeout(() => void lintWaiting(), 0);
});
