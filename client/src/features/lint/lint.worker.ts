// Lints BPMN XML off the main thread with the server's own linter, so a big map never freezes the modeller.
import { lintXml } from '../../../../server/lint/lint.service';
import type { LintRequest, LintResponse } from './lintProtocol';

const post = (message: LintResponse): void => (self as unknown as Worker).postMessage(message);

self.addEventListener('message', (event: MessageEvent<LintRequest>) => {
  const { id, xml, profile, synonyms } = event.data;
  lintXml(xml, profile, undefined, synonyms?.length ? { synonyms } : undefined).then(
    (result) => post({ id, result }),
    (error: unknown) => post({ id, error: { message: error instanceof Error ? error.message : String(error) } }),
  );
});
