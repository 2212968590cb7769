// mk/request-content: a surat permohonan pelibatan states at least its purpose, the competence needed, the expected
// performance and the duration (GMS Ps 14(5); BDG Lampiran I BAB II B.2 huruf a) — docs/rules/mk/request-content.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { REQUEST_CONTENTS, type LetterFacts, type RequestContent } from '../../map-model/letters';
import { letterScope } from '../case-of';
import { isRoleMap, mapModelOf } from '../map-model-of';

/** The contents as GMS Ps 14(5) huruf a–d names them. */
const CONTENT_LABELS: Record<RequestContent, string> = {
  purpose: 'maksud dan tujuan',
  competence: 'kompetensi/keahlian/keterampilan yang dibutuhkan',
  target: 'ekspektasi/target kinerja',
  duration: 'durasi pelibatan',
};

/**
 * One request drawn twice — a data object an activity writes and the message flow that activity sends — is one
 * letter: each is read with the contents the other states, and only the message flow is reported.
 */
function twins(letter: LetterFacts, requests: LetterFacts[]): LetterFacts[] {
  return requests.filter((other) => {
    if (other === letter || other.type === letter.type) return false;
    const [flow, data] = letter.type === 'bpmn:MessageFlow' ? [letter, other] : [other, letter];
    return flow.type === 'bpmn:MessageFlow' && data.type !== 'bpmn:MessageFlow' && flow.senders.some((id) => data.senders.includes(id));
  });
}

const requestContent: RuleFactory = () => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const requests = model.letters.filter((letter) => letter.kind === 'permohonan-pelibatan');
    for (const letter of requests) {
      const pair = twins(letter, requests);
      if (letter.type !== 'bpmn:MessageFlow' && pair.length > 0) continue;
      const stated = [letter, ...pair];
      const missing = REQUEST_CONTENTS.filter((content) => !stated.some((l) => l.contents[content]));
      if (missing.length === 0) continue;
      reporter.report(
        letter.id,
        `Surat permohonan pelibatan "${letter.name}" belum memuat ${missing.map((c) => CONTENT_LABELS[c]).join(', ')}; ` +
          'tuliskan pada surat atau kegiatan pengirimnya (atribut isi surat, dokumentasi, atau anotasi "Maksud dan tujuan: …", "Kompetensi: …", "Target kinerja: …", "Durasi: …")',
        { inferred: stated.some((l) => l.inferred || l.contentsInferred), case: letterScope(model, letter) },
      );
    }
  },
});

export default requestContent;
