// Approvals of a request for involvement (surat permohonan pelibatan): approving the involvement decides the
// assignment (GMS Ps 12(6), 14(3) huruf c–d; BDG Lampiran I BAB II B.2 huruf a angka 2 huruf b). The map model reads
// such activities as of kind `penetapan-penugasan`.
import type { ModdleElement } from 'bpmn-moddle';
import type { LetterFacts } from './letters';
import { lowerCaseId } from '../lower-case';

/** An activity that names the approval of an involvement ("Menyetujui permohonan pelibatan", "Persetujuan pelibatan"). */
const APPROVES_INVOLVEMENT = /menyetujui (usulan |surat )?(permohonan )?pelibatan|persetujuan pelibatan/;
/** An approval of a request that does not say of what ("Menyetujui permohonan") — read as such after a request for involvement arrives. */
const APPROVAL = /^menyetujui\b.*\bpermohonan\b/;
const NOT_THE_REQUEST = /\b(jawaban|laporan|hasil|pengajuan|sukarela)\b/;

const lower = (name: unknown) => (typeof name === 'string' ? lowerCaseId(name).replace(/\s+/g, ' ').trim() : '');

/**
 * Ids of the activities that approve a request for involvement: those whose name says so, and those named as an
 * approval of a request ("Menyetujui permohonan") reached, along sequence flows, from an element that receives a
 * `permohonan-pelibatan` letter.
 */
export function requestApprovals(elements: readonly ModdleElement[], letters: readonly LetterFacts[]): Set<string> {
  const approvals = new Set(elements.flatMap((e) => (e.id && e.$instanceOf('bpmn:Activity') && APPROVES_INVOLVEMENT.test(lower(e.name)) ? [e.id] : [])));
  const receivers = letters.filter((letter) => letter.kind === 'permohonan-pelibatan').flatMap((letter) => letter.receivers);
  if (receivers.length === 0) return approvals;
  const next = new Map<string, string[]>();
  const byId = new Map<string, ModdleElement>();
  for (const element of elements) {
    if (element.id) byId.set(element.id, element);
    if (!element.$instanceOf('bpmn:SequenceFlow')) continue;
    const source = (element.get('sourceRef') as ModdleElement | undefined)?.id;
    const target = (element.get('targetRef') as ModdleElement | undefined)?.id;
    if (source && target) next.set(source, [...(next.get(source) ?? []), target]);
  }
  const seen = new Set<string>();
  const queue = [...receivers];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const element = byId.get(id);
    const name = lower(element?.name);
    if (element?.$instanceOf('bpmn:Activity') && APPROVAL.test(name) && !NOT_THE_REQUEST.test(name)) approvals.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return approvals;
}
