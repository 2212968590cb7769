// Approvals of a request for involvement (surat permohonan pelibatan): "Menyetujui permohonan" on the receiving side
// decides the assignment (GMS Ps 12(6), 14(3) huruf c–d; BDG Lampiran I BAB II B.2 huruf a angka 2 huruf b), even
// where its name does not repeat "pelibatan" (activity-kind.ts reads those that do).
import type { ModdleElement } from 'bpmn-moddle';
import type { LetterFacts } from './letters';

/** An approval of a request: "Menyetujui permohonan", "Menyetujui surat permohonan …" — not of an answer or a report. */
const APPROVAL = /^menyetujui\b.*\bpermohonan\b/;
const NOT_THE_REQUEST = /\b(jawaban|laporan|hasil|pengajuan|sukarela)\b/;

/**
 * Ids of the activities that approve a request for involvement: named as an approval of a request and reached,
 * along sequence flows, from an element that receives a `permohonan-pelibatan` letter.
 */
export function requestApprovals(elements: readonly ModdleElement[], letters: readonly LetterFacts[]): Set<string> {
  const receivers = letters.filter((letter) => letter.kind === 'permohonan-pelibatan').flatMap((letter) => letter.receivers);
  if (receivers.length === 0) return new Set();
  const next = new Map<string, string[]>();
  const byId = new Map<string, ModdleElement>();
  for (const element of elements) {
    if (element.id) byId.set(element.id, element);
    if (!element.$instanceOf('bpmn:SequenceFlow')) continue;
    const source = (element.get('sourceRef') as ModdleElement | undefined)?.id;
    const target = (element.get('targetRef') as ModdleElement | undefined)?.id;
    if (source && target) next.set(source, [...(next.get(source) ?? []), target]);
  }
  const approvals = new Set<string>();
  const seen = new Set<string>();
  const queue = [...receivers];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const element = byId.get(id);
    const name = typeof element?.name === 'string' ? element.name.toLocaleLowerCase('id').replace(/\s+/g, ' ').trim() : '';
    if (element?.$instanceOf('bpmn:Activity') && APPROVAL.test(name) && !NOT_THE_REQUEST.test(name)) approvals.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return approvals;
}
