import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import type { AnnotationView, ReviewView } from '../../api/types';
import { href, parseHash } from '../../router';
import { IdentityFieldPath, REVIEW_STATES } from '../../../../server/review/review.schema';
import { REQUIRED_IDENTITY_FIELDS } from '../../../../server/sop/identity.schema';
import { mentionsRow } from './AnnotationThreads';
import { readinessLines } from './ReviewPanel';
import { reviewLockedError } from './reviewLock';
import {
  IDENTITY_FIELD_LABELS,
  STATE_LABELS,
  STATE_TONES,
  canAnnotate,
  missingIdentityLine,
  openThreadsBySopRow,
  threadsByElement,
  todayIso,
  visibleThreads,
} from './reviewLabels';
import { scanContentType } from './SignatureList';
import { sopRowCommentLines } from './SopRowComments';
import { signingSummary } from './transitionDialog';

const actor = { id: 'u1', name: 'Rina' };
let counter = 0;

function thread(overrides: Partial<AnnotationView>): AnnotationView {
  counter += 1;
  return {
    id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
    anchor: { kind: 'elemen', elementId: 'Task_A' },
    revision: 1,
    sopVersion: 1,
    fingerprint: '',
    body: 'Periksa kembali',
    by: actor,
    at: `2026-11-26T10:00:${String(counter % 60).padStart(2, '0')}.000Z`,
    status: 'terbuka',
    statusChanges: [],
    replies: [],
    carried: false,
    usang: false,
    sopRow: 1,
    anchorLabel: 'Tugas “A” (baris 1)',
    ...overrides,
  };
}

describe('review words', () => {
  it('gives every state a name and its own colour', () => {
    expect(REVIEW_STATES.every((state) => STATE_LABELS[state]?.length > 0)).toBe(true);
    expect(new Set(REVIEW_STATES.map((state) => STATE_TONES[state])).size).toBe(REVIEW_STATES.length);
  });

  it('offers every identity field the server accepts as an anchor, labelled as the SOP prints it', () => {
    expect(IDENTITY_FIELD_LABELS.map((field) => field.path).sort()).toEqual([...IdentityFieldPath.options].sort());
    for (const field of IDENTITY_FIELD_LABELS) expect(field.label, field.path).not.toBe(field.path);
    for (const required of REQUIRED_IDENTITY_FIELDS) {
      expect(IDENTITY_FIELD_LABELS.find((field) => field.path === required.path)?.label, required.path).toBe(required.label);
    }
  });

  it('lets drafters, reviewers and signatories comment, not readers', () => {
    expect(canAnnotate(['reviewer'])).toBe(true);
    expect(canAnnotate(['penyusun'])).toBe(true);
    expect(canAnnotate(['pengesah'])).toBe(true);
    expect(canAnnotate(['pembaca'])).toBe(false);
  });

  it('reads and builds the inbox address', () => {
    expect(parseHash('#/kotak-masuk')).toEqual({ name: 'inbox' });
    expect(parseHash(href.inbox())).toEqual({ name: 'inbox' });
  });

  it('writes today as YYYY-MM-DD in local time', () => {
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});

describe('threads on the diagram and the SOP', () => {
  const items = [
    thread({ anchor: { kind: 'elemen', elementId: 'Task_A' }, sopRow: 2 }),
    thread({ anchor: { kind: 'elemen', elementId: 'Task_A' }, sopRow: 2, status: 'selesai', usang: true }),
    thread({ anchor: { kind: 'elemen', elementId: 'Task_B' }, sopRow: 1, usang: true }),
    thread({ anchor: { kind: 'elemen', elementId: 'Gateway_C' }, sopRow: null, status: 'selesai' }),
    thread({ anchor: { kind: 'identitas', field: 'namaSop' }, sopRow: null }),
  ];

  it('counts open threads per element; usang only when an open thread is', () => {
    const byElement = threadsByElement(items);
    expect(Object.fromEntries(byElement)).toEqual({
      Task_A: { open: 1, total: 2, usang: false },
      Task_B: { open: 1, total: 1, usang: true },
      Gateway_C: { open: 0, total: 1, usang: false },
    });
  });

  it('counts open threads per SOP row and per identity field', () => {
    expect(openThreadsBySopRow(items)).toEqual([
      { row: 1, open: 1 },
      { row: 2, open: 1 },
    ]);
    expect(sopRowCommentLines(items)).toEqual(['Baris 1: 1 komentar', 'Baris 2: 1 komentar', 'Nama SOP: 1 komentar']);
    expect(sopRowCommentLines(items.filter((item) => item.status === 'selesai'))).toEqual([]);
  });

  it('sees when the anchor label already names the SOP row', () => {
    expect(mentionsRow('Tugas “Memeriksa berkas” (baris 3)', 3)).toBe(true);
    expect(mentionsRow('Tugas “A” (baris SOP 12)', 12)).toBe(true);
    expect(mentionsRow('Tugas “A” (baris SOP 12)', 1)).toBe(false);
    expect(mentionsRow('Nama SOP', 1)).toBe(false);
  });

  it('lists open threads only, or all with the open ones first, newest first', () => {
    expect(visibleThreads(items, 'terbuka').map((item) => item.id)).toEqual([items[4]!.id, items[2]!.id, items[0]!.id]);
    const all = visibleThreads(items, 'semua');
    expect(all.map((item) => item.status)).toEqual(['terbuka', 'terbuka', 'terbuka', 'selesai', 'selesai']);
    expect(all.at(-1)!.id).toBe(items[1]!.id);
  });
});

describe('transitions and signing', () => {
  it('turns a SOP_NOT_READY refusal into the lines to fix: the problems the server listed and counted', () => {
    expect(
      readinessLines({
        problems: [
          { source: 'peta', message: 'Tugas tanpa pelaksana', element: 'Task_1' },
          { source: 'identitas', message: 'Identitas SOP: Nama SOP belum diisi', path: 'namaSop' },
        ],
      }),
    ).toEqual(['Tugas tanpa pelaksana', 'Identitas SOP: Nama SOP belum diisi']);
    expect(readinessLines({})).toEqual([]);
    expect(missingIdentityLine('Peralatan/Perlengkapan')).toBe('Identitas SOP: Peralatan/Perlengkapan belum diisi');
    expect(missingIdentityLine('Identitas SOP belum disimpan')).toBe('Identitas SOP belum disimpan');
  });

  it('summarises what is signed: the revision under review and the signatory of the identity', () => {
    const view = { state: 'disetujui', mapRevision: 4, submitted: { revision: 3, sopVersion: 2 } } as ReviewView;
    const official = { jabatan: 'Kepala Dinas', nama: 'dr. Sutama', pangkat: 'IV/c', nip: '197001011995031001' };
    expect(signingSummary(view, { namaSop: 'Penugasan', nomor: '800/1', disahkanOleh: official })).toEqual([
      ['Revisi peta', 'Revisi 3, identitas SOP versi 2'],
      ['Nama SOP', 'Penugasan'],
      ['Nomor SOP', '800/1'],
      ['Ditandatangani oleh', 'Kepala Dinas — dr. Sutama — NIP 197001011995031001'],
    ]);
    expect(signingSummary({ ...view, submitted: null }, null)[0]).toEqual(['Revisi peta', 'Revisi 4']);
    expect(signingSummary(view, null)[3]).toEqual(['Ditandatangani oleh', '(belum diisi)']);
  });

  it('sends scans as PDF, PNG or JPEG, by the browser type or the extension', () => {
    expect(scanContentType({ name: 'ttd.PDF', type: '' })).toBe('application/pdf');
    expect(scanContentType({ name: 'scan.jpg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(scanContentType({ name: 'scan', type: 'image/png' })).toBe('image/png');
    expect(scanContentType({ name: 'catatan.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBeNull();
  });

  it('explains a save refused because the map is under review, and leaves other errors alone', () => {
    const locked = reviewLockedError(new ApiError(409, 'REVIEW_LOCKED', 'Peta sedang direviu.'));
    expect(locked?.message).toBe('Peta ini sedang dalam reviu sehingga tidak dapat disimpan.');
    expect(locked?.details[0]).toBe('Peta sedang direviu.');
    expect(reviewLockedError(new ApiError(409, 'REVISION_CONFLICT', 'x'))).toBeNull();
  });
});
