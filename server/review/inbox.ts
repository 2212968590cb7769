// A user's inbox (docs/review.md): the maps whose SOP waits for something this user's roles do — review, sign,
// repair — and drafts with open comments for their drafters. Self-review is left out, as the lifecycle refuses it.
import type { PublicUser } from '../accounts/accounts.records';
import type { MapKind } from '../domain/vocabulary';
import type { MapsService } from '../maps/maps.service';
import { cycleOf, stateOf, type ReviewDocument, type ReviewState } from './review.schema';
import type { ReviewStore } from './review-store';

export type InboxTask = 'perbaiki' | 'mulai-reviu' | 'reviu' | 'sahkan' | 'tanggapi';

export interface InboxItem {
  map: { id: string; name: string; code: string; unit: string; kind: MapKind };
  state: ReviewState;
  task: InboxTask;
  label: string;
  since: string;
  openAnnotations: number;
}

const TASK_LABELS: Record<InboxTask, string> = {
  perbaiki: 'Perbaiki sesuai catatan reviu, lalu ajukan kembali',
  'mulai-reviu': 'Mulai reviu SOP yang diajukan',
  reviu: 'Selesaikan reviu: setujui atau minta perbaikan',
  sahkan: 'Sahkan SOP yang sudah disetujui',
  tanggapi: 'Tanggapi komentar yang masih terbuka',
};

function taskFor(user: PublicUser, doc: ReviewDocument): InboxTask | undefined {
  const state = stateOf(doc);
  const has = (role: PublicUser['roles'][number]) => user.roles.includes(role);
  const submitter = doc.transitions.findLast((t) => t.cycle === cycleOf(doc) && t.action === 'ajukan')?.by.id;
  const ownSubmission = submitter === user.id;
  if (state === 'diajukan' && has('reviewer') && !ownSubmission) return 'mulai-reviu';
  if (state === 'direviu' && has('reviewer') && !ownSubmission) return 'reviu';
  if (state === 'disetujui' && has('pengesah') && !ownSubmission) return 'sahkan';
  if (state === 'perlu-perbaikan' && has('penyusun')) return 'perbaiki';
  if (state === 'draf' && has('penyusun') && doc.annotations.some((a) => a.status === 'terbuka')) return 'tanggapi';
  return undefined;
}

export async function inboxOf(user: PublicUser, reviews: ReviewStore, maps: MapsService): Promise<InboxItem[]> {
  const items: InboxItem[] = [];
  for (const doc of await reviews.list()) {
    const task = taskFor(user, doc);
    if (!task) continue;
    const map = await maps.get(user, doc.mapId).catch(() => undefined);
    if (!map) continue;
    const open = doc.annotations.filter((a) => a.status === 'terbuka');
    const since = task === 'tanggapi' ? (open.at(-1)?.at ?? '') : (doc.transitions.at(-1)?.at ?? '');
    items.push({
      map: { id: map.id, name: map.name, code: map.code, unit: map.unit, kind: map.kind },
      state: stateOf(doc),
      task,
      label: TASK_LABELS[task],
      since,
      openAnnotations: open.length,
    });
  }
  // Oldest first: what has waited longest comes first.
  return items.sort((a, b) => a.since.localeCompare(b.since));
}
