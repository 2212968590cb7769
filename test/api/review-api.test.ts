// The review cycle through the real server (docs/review.md): several users and roles of one unit, the lifecycle with
// its readiness check, locks, refusals and audit log; signing with the stored PDF; annotations carried across
// revisions; the inbox. Real store on a temp dir, real lint, real Chromium for the signed PDF.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readText, ROOT } from '../helpers/fixtures';
import { startTestServer, type ApiClient } from '../helpers/server';
import { newSopMap, reviewStep, signSop } from '../helpers/review-cycle';
import { SOP_IDENTITY } from '../helpers/sop-identity';
import { tempDir } from '../helpers/temp-dir';

const server = await startTestServer();
const XML = readText(path.join(ROOT, 'processes/library/penunjukan-dalam-unit.bpmn'));
const UNIT = 'Dinas Pekerjaan Umum';

const penyusun = await server.userWith(['penyusun'], UNIT, 'penyusun.pu');
const reviewer = await server.userWith(['reviewer'], UNIT, 'reviewer.pu');
const pengesah = await server.userWith(['pengesah'], UNIT, 'pengesah.pu');
const pembaca = await server.userWith(['pembaca'], UNIT, 'pembaca.pu');
const otherReviewer = await server.userWith(['reviewer'], 'Dinas Sosial', 'reviewer.sosial');

const users = { bureau: server.admin, penyusun, reviewer, pengesah };
const newMapWithSop = (client: ApiClient = penyusun, name = 'Penunjukan pelaksana') => newSopMap(client, UNIT, name, SOP_IDENTITY);
const act = (client: ApiClient, id: string, action: string, extra: Record<string, unknown> = {}) => reviewStep(server.admin, client, id, action, extra);
const sign = (id: string, tanggalEfektif = '2026-12-01') => signSop(users, id, tanggalEfektif);

async function expectState(client: ApiClient, id: string, state: string) {
  const view = await client.api(`/api/maps/${id}/review`);
  expect(view.status).toBe(200);
  expect(view.body.state).toBe(state);
  return view.body;
}

async function saveRevision(client: ApiClient, id: string, xml: string, message: string) {
  const map = (await client.api(`/api/maps/${id}`)).body.map;
  return client.api(`/api/maps/${id}/revisions`, { method: 'POST', json: { xml, baseRevision: map.currentRevision, message } });
}

describe('review lifecycle', () => {
  it('checks readiness at submission: no SOP identity, then an incomplete one, refuse with 422 SOP_NOT_READY', async () => {
    const created = await penyusun.api('/api/maps', { method: 'POST', json: { name: 'Tanpa identitas', kind: 'lintas-fungsi', unit: UNIT, xml: XML } });
    const id = created.body.map.id;
    const before = await penyusun.api(`/api/maps/${id}/review/readiness`);
    expect(before.body).toMatchObject({ ready: false, revision: 1, sopVersion: 0 });
    expect(before.body.missingIdentity.map((f: any) => f.label)).toEqual(['Identitas SOP belum disimpan']);
    const refused = await act(penyusun, id, 'ajukan');
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('SOP_NOT_READY');

    await penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 0, identity: { ...SOP_IDENTITY, peringatan: '', nomor: '' } } });
    const incomplete = await act(penyusun, id, 'ajukan');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details.missingIdentity.map((f: any) => f.path)).toEqual(['nomor', 'peringatan']);
    expect(incomplete.body.error.details.findings.some((f: any) => f.rule === 'sop/identity-complete')).toBe(true);
    // One list of what to fix, each once: the identity fields the lint rule repeats are not counted twice, and the
    // count in the message is the number of problems listed (it said "3 kesalahan" while two were listed).
    const problems = incomplete.body.error.details.problems;
    expect(problems.map((p: any) => [p.source, p.path])).toEqual([['identitas', 'nomor'], ['identitas', 'peringatan']]);
    expect(incomplete.body.error.message).toContain(`${problems.length} kesalahan`);
    expect(incomplete.body.error.message).not.toMatch(/\b3 kesalahan/);
    const readiness = await penyusun.api(`/api/maps/${id}/review/readiness`);
    expect(readiness.body.problems).toEqual(problems);
    expect(incomplete.body.error.message.startsWith(readiness.body.summary)).toBe(true);
    await expectState(penyusun, id, 'draf');

    await penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 1, identity: SOP_IDENTITY } });
    const ready = await penyusun.api(`/api/maps/${id}/review/readiness`);
    expect(ready.body, JSON.stringify(ready.body.findings)).toMatchObject({ ready: true, sopVersion: 2, findings: [], missingIdentity: [], problems: [], summary: null });
  });

  it('runs draf → diajukan → direviu → perlu-perbaikan → diajukan → direviu → disetujui → disahkan with an audit entry each', async () => {
    const id = await newMapWithSop();
    const draft = await expectState(penyusun, id, 'draf');
    expect(draft.actions.map((a: any) => a.action)).toEqual(['ajukan']);
    expect((await reviewer.api(`/api/maps/${id}/review`)).body.actions).toEqual([]);

    const submitted = await act(penyusun, id, 'ajukan', { comment: 'Mohon direviu' });
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ state: 'diajukan', locked: true, submitted: { revision: 1, sopVersion: 1 } });

    // Frozen while under review: neither the map nor its identity can change; nothing is lost.
    const save = await saveRevision(penyusun, id, XML.replace('Menerbitkan surat penugasan', 'Menerbitkan surat tugas'), 'Ubah saat reviu');
    expect(save.status).toBe(409);
    expect(save.body.error.code).toBe('REVIEW_LOCKED');
    const identity = await penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 1, identity: { ...SOP_IDENTITY, nomor: 'X' } } });
    expect(identity.body.error.code).toBe('REVIEW_LOCKED');
    expect((await penyusun.api(`/api/maps/${id}`)).body.map.currentRevision).toBe(1);
    expect((await penyusun.api(`/api/maps/${id}/sop`)).body.record.version).toBe(1);

    expect((await act(reviewer, id, 'mulai-reviu')).body.state).toBe('direviu');
    const noComment = await act(reviewer, id, 'minta-perbaikan');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.code).toBe('COMMENT_REQUIRED');
    expect((await act(reviewer, id, 'minta-perbaikan', { comment: 'Lengkapi waktu pada baris 2' })).body.state).toBe('perlu-perbaikan');

    const fixed = await saveRevision(penyusun, id, XML.replace('Menerbitkan surat penugasan', 'Menerbitkan surat tugas'), 'Perbaikan');
    expect(fixed.status).toBe(201);
    const resubmitted = await act(penyusun, id, 'ajukan');
    expect(resubmitted.body).toMatchObject({ state: 'diajukan', submitted: { revision: 2, sopVersion: 1 } });
    expect((await act(reviewer, id, 'mulai-reviu')).body.state).toBe('direviu');
    expect((await act(reviewer, id, 'setujui', { comment: 'Sesuai' })).body.state).toBe('disetujui');
    const signed = await act(pengesah, id, 'sahkan', { tanggalEfektif: '2026-12-01' });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ state: 'disahkan', locked: false });

    const log = signed.body.transitions;
    expect(log.map((t: any) => `${t.from}>${t.to}`).reverse()).toEqual([
      'draf>diajukan',
      'diajukan>direviu',
      'direviu>perlu-perbaikan',
      'perlu-perbaikan>diajukan',
      'diajukan>direviu',
      'direviu>disetujui',
      'disetujui>disahkan',
    ]);
    expect(log.map((t: any) => t.by.name).reverse()).toEqual([
      'Pengguna penyusun.pu', 'Pengguna reviewer.pu', 'Pengguna reviewer.pu', 'Pengguna penyusun.pu', 'Pengguna reviewer.pu', 'Pengguna reviewer.pu', 'Pengguna pengesah.pu',
    ]);
    expect(log.find((t: any) => t.action === 'minta-perbaikan').comment).toBe('Lengkapi waktu pada baris 2');
    expect(log.every((t: any) => !Number.isNaN(Date.parse(t.at)))).toBe(true);
    expect(log[0]).toMatchObject({ revision: 2, sopVersion: 1 });
  });

  it('refuses transitions by the wrong role, from the wrong state, on a stale baseSeq, from another unit, and self-review', async () => {
    const id = await newMapWithSop();
    const byReviewer = await act(reviewer, id, 'ajukan');
    expect(byReviewer.status).toBe(403);
    expect(byReviewer.body.error.code).toBe('FORBIDDEN');
    expect(byReviewer.body.error.message).toContain('penyusun');
    expect((await act(pembaca, id, 'ajukan')).status).toBe(403);
    const wrongState = await act(pengesah, id, 'sahkan');
    expect(wrongState.status).toBe(409);
    expect(wrongState.body.error.code).toBe('TRANSITION_NOT_ALLOWED');
    const stale = await penyusun.api(`/api/maps/${id}/review/transitions`, { method: 'POST', json: { action: 'ajukan', baseSeq: 5 } });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('REVIEW_CONFLICT');
    const unknown = await penyusun.api(`/api/maps/${id}/review/transitions`, { method: 'POST', json: { action: 'revisi-baru', baseSeq: 0 } });
    expect(unknown.status).toBe(400);
    expect((await act(penyusun, id, 'ajukan')).status).toBe(200);
    const otherUnit = await act(otherReviewer, id, 'mulai-reviu');
    expect(otherUnit.status).toBe(403);
    expect(otherUnit.body.error.code).toBe('FORBIDDEN_UNIT');

    const both = await server.userWith(['penyusun', 'reviewer'], UNIT, 'penyusun.reviewer.pu');
    const own = await newMapWithSop(both, 'Diajukan sendiri');
    expect((await act(both, own, 'ajukan')).status).toBe(200);
    const self = await act(both, own, 'mulai-reviu');
    expect(self.status).toBe(403);
    expect(self.body.error.code).toBe('SELF_REVIEW');
    await expectState(both, own, 'diajukan');
  });

  it('lets exactly one of two simultaneous transitions from the same state through', async () => {
    const id = await newMapWithSop();
    await act(penyusun, id, 'ajukan');
    const second = await server.userWith(['reviewer'], UNIT, 'reviewer2.pu');
    const { seq } = (await reviewer.api(`/api/maps/${id}/review`)).body;
    const results = await Promise.all(
      [reviewer, second].map((client) => client.api(`/api/maps/${id}/review/transitions`, { method: 'POST', json: { action: 'mulai-reviu', baseSeq: seq } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const view = await expectState(penyusun, id, 'direviu');
    expect(view.transitions).toHaveLength(2);
  });
});

describe('signing', () => {
  it('stores the final PDF once with its sha256 and a verification code; the public page shows it', async () => {
    const id = await newMapWithSop();
    const signed = await sign(id);
    const [signature] = signed.signatures;
    expect(signature).toMatchObject({
      status: 'berlaku',
      revision: 1,
      sopVersion: 1,
      tanggalEfektif: '2026-12-01',
      title: SOP_IDENTITY.namaSop,
      signatory: { nama: SOP_IDENTITY.disahkanOleh.nama, nip: SOP_IDENTITY.disahkanOleh.nip },
      signedBy: { name: 'Pengguna pengesah.pu' },
    });
    expect(signature.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(signature.verifyUrl).toBe(`${server.url}/verifikasi/${signature.code}`);

    const pdf = await fetch(server.url + signature.pdfUrl, { headers: { cookie: penyusun.sessionCookie } });
    expect(pdf.status).toBe(200);
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const hash = createHash('sha256').update(bytes).digest('hex');
    expect(hash).toBe(signature.pdf.sha256);

    // Anyone, signed in or not, reads the hash and status from the public page and can check the file against it.
    const page = await fetch(`${server.url}/verifikasi/${signature.code}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(hash);
    expect(html).toContain(SOP_IDENTITY.namaSop);
    expect(html).toContain(UNIT);
    expect(html).toMatch(/berlaku/i);
    const check = await fetch(`${server.url}/api/verifikasi/${signature.code}/periksa`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: bytes });
    expect(await check.json()).toMatchObject({ cocok: true, sha256: hash });
    const tampered = bytes.slice();
    tampered[tampered.length - 10] = (tampered[tampered.length - 10]! + 1) % 256;
    const bad = await fetch(`${server.url}/api/verifikasi/${signature.code}/periksa`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: tampered });
    expect(await bad.json()).toMatchObject({ cocok: false });

    // The PDF carries what was signed: the code, the revision, Tanggal Efektif and the signatory's NIP.
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'sop.pdf'), bytes);
    const text = execFileSync('pdftotext', ['-layout', path.join(dir, 'sop.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain(signature.code);
    expect(text).toMatch(/Revisi 1/);
    expect(text).toMatch(/01[-/ ].*12.*2026|2026-12-01|1 Desember 2026/);
    expect(text.replace(/\s+/g, '')).toContain(SOP_IDENTITY.disahkanOleh.nip);
  });

  it('keeps the uploaded signed scan with the record, for the signatory and drafter; the signed PDF is unchanged', async () => {
    const id = await newMapWithSop();
    const [signature] = (await sign(id)).signatures;
    const scan = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n% pindaian basah\n'), 1, 2, 3]);
    const upload = (client: ApiClient, body: Uint8Array<ArrayBuffer>, type = 'application/pdf') =>
      client.api(`/api/maps/${id}/signatures/${signature.code}/scans`, { method: 'POST', headers: { 'content-type': type, 'x-nama-berkas': 'sop-ttd-basah.pdf' }, body });
    const stored = await upload(pengesah, scan);
    expect(stored.status, JSON.stringify(stored.body)).toBe(201);
    expect(stored.body.signature.scans).toEqual([expect.objectContaining({ name: 'sop-ttd-basah.pdf', contentType: 'application/pdf', bytes: scan.length, by: expect.objectContaining({ name: 'Pengguna pengesah.pu' }) })]);
    expect((await upload(reviewer, scan)).status).toBe(403);
    const notPdf = await upload(pengesah, new TextEncoder().encode('MZ bukan pindaian'));
    expect(notPdf.status).toBe(415);
    expect(notPdf.body.error.code).toBe('SCAN_TYPE');

    const sha = stored.body.signature.scans[0].sha256;
    const back = await fetch(`${server.url}/api/maps/${id}/signatures/${signature.code}/scans/${sha}`, { headers: { cookie: reviewer.sessionCookie } });
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(scan);
    const view = (await reviewer.api(`/api/maps/${id}/review`)).body;
    expect(view.signatures[0].pdf.sha256).toBe(signature.pdf.sha256);
    expect(view.signatures[0].scans).toHaveLength(1);
  });

  it('never changes a signed revision: editing opens a new draft cycle, the next signing supersedes, withdrawal is recorded', async () => {
    const id = await newMapWithSop();
    const first = (await sign(id)).signatures[0];

    const edited = await saveRevision(penyusun, id, XML.replace('Menerbitkan surat penugasan', 'Menerbitkan surat tugas'), 'Revisi setelah pengesahan');
    expect(edited.status).toBe(201);
    const draft = await expectState(penyusun, id, 'draf');
    expect(draft.cycle).toBe(2);
    expect(draft.transitions[0]).toMatchObject({ action: 'revisi-baru', from: 'disahkan', to: 'draf', revision: 2 });
    expect(draft.signatures[0]).toMatchObject({ code: first.code, status: 'berlaku', revision: 1 });

    const second = (await sign(id, '2027-01-02')).signatures;
    expect(second.map((s: any) => [s.revision, s.status])).toEqual([[2, 'berlaku'], [1, 'dicabut']]);
    expect(second[1].withdrawn).toMatchObject({ reason: 'diganti', replacedBy: second[0].code });
    expect(second[1].pdf.sha256).toBe(first.pdf.sha256);
    const oldPage = await (await fetch(`${server.url}/verifikasi/${first.code}`)).text();
    expect(oldPage).toMatch(/dicabut/i);

    expect((await act(pengesah, id, 'cabut')).body.error.code).toBe('COMMENT_REQUIRED');
    const withdrawn = await act(pengesah, id, 'cabut', { comment: 'Prosedur dihapus dari peta proses' });
    expect(withdrawn.body.state).toBe('dicabut');
    expect(withdrawn.body.signatures[0]).toMatchObject({ status: 'dicabut', withdrawn: { reason: 'dicabut', comment: 'Prosedur dihapus dari peta proses' } });
  });
});

describe('signed identity', () => {
  it('puts an identity change after signing on a new map revision, so the signed revision keeps its identity', async () => {
    const id = await newMapWithSop();
    await sign(id);
    const changed = await penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 1, identity: { ...SOP_IDENTITY, nomor: '800/20/Org/2027' } } });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.record).toMatchObject({ version: 2, mapRevision: 2 });
    const revisions = (await penyusun.api(`/api/maps/${id}/revisions`)).body.items;
    expect(revisions.map((r: any) => r.n)).toEqual(expect.arrayContaining([1, 2]));
    expect(revisions.find((r: any) => r.n === 2).message).toMatch(/identitas SOP/);
    const view = await expectState(penyusun, id, 'draf');
    expect(view.transitions[0]).toMatchObject({ action: 'revisi-baru', revision: 2 });
    expect(view.transitions).toHaveLength(5);
    const signedHtml = await penyusun.api(`/api/maps/${id}/sop.html?revision=1`);
    expect(signedHtml.body).toContain(SOP_IDENTITY.nomor);
    expect(signedHtml.body).not.toContain('800/20/Org/2027');
  });
});

describe('annotations', () => {
  it('anchors threads to elements and identity fields, with replies and resolve/reopen, for reviewers and drafters only', async () => {
    const id = await newMapWithSop();
    const onTask = await reviewer.api(`/api/maps/${id}/annotations`, {
      method: 'POST',
      json: { anchor: { kind: 'elemen', elementId: 'Activity_Menugaskan' }, body: 'Sebutkan nomor surat.' },
    });
    expect(onTask.status, JSON.stringify(onTask.body)).toBe(201);
    expect(onTask.body.annotation).toMatchObject({ revision: 1, status: 'terbuka', carried: false, usang: false, by: { name: 'Pengguna reviewer.pu' } });
    expect(onTask.body.annotation.anchorLabel).toMatch(/^Tugas “Menerbitkan surat penugasan” \(baris SOP \d+\)$/);
    expect(onTask.body.annotation.sopRow).toBeGreaterThan(1);
    const onField = await reviewer.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor: { kind: 'identitas', field: 'namaSop' }, body: 'Nama terlalu umum.' } });
    expect(onField.body.annotation.anchorLabel).toBe('Identitas SOP: Nama SOP');

    const aid = onTask.body.annotation.id;
    const reply = await penyusun.api(`/api/maps/${id}/annotations/${aid}/replies`, { method: 'POST', json: { body: 'Sudah ditambahkan.' } });
    expect(reply.status).toBe(201);
    expect(reply.body.annotation.replies.map((r: any) => [r.by.name, r.body])).toEqual([['Pengguna penyusun.pu', 'Sudah ditambahkan.']]);
    const resolved = await reviewer.api(`/api/maps/${id}/annotations/${aid}/status`, { method: 'POST', json: { status: 'selesai' } });
    expect(resolved.body.annotation.status).toBe('selesai');
    expect((await reviewer.api(`/api/maps/${id}/annotations/${aid}/status`, { method: 'POST', json: { status: 'selesai' } })).status).toBe(409);
    const reopened = await penyusun.api(`/api/maps/${id}/annotations/${aid}/status`, { method: 'POST', json: { status: 'terbuka' } });
    expect(reopened.body.annotation.statusChanges.map((c: any) => c.status)).toEqual(['selesai', 'terbuka']);

    const byReader = await pembaca.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor: { kind: 'identitas', field: 'nomor' }, body: 'x' } });
    expect(byReader.status).toBe(403);
    expect((await pembaca.api(`/api/maps/${id}/annotations`)).body.items).toHaveLength(2);
    const missing = await reviewer.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor: { kind: 'elemen', elementId: 'Tidak_Ada' }, body: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('ANCHOR_NOT_FOUND');
    const unknown = await reviewer.api(`/api/maps/${id}/annotations/00000000-0000-4000-8000-000000000000/replies`, { method: 'POST', json: { body: 'x' } });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ANNOTATION_NOT_FOUND');
  });

  it('carries threads to the next revision, marks them usang where the element or field changed, drops removed elements', async () => {
    const id = await newMapWithSop();
    const post = (anchor: unknown, body: string) => reviewer.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor, body } });
    await post({ kind: 'elemen', elementId: 'Activity_Menugaskan' }, 'Diubah nanti');
    await post({ kind: 'elemen', elementId: 'Activity_Memilih' }, 'Tidak diubah');
    await post({ kind: 'elemen', elementId: 'Activity_Menerima' }, 'Dihapus nanti');
    await post({ kind: 'identitas', field: 'nomor' }, 'Nomor diubah nanti');

    const next = XML.replace('Menerbitkan surat penugasan', 'Menerbitkan surat tugas').replaceAll('Activity_Menerima', 'Activity_Menerima_Baru');
    expect((await saveRevision(penyusun, id, next, 'Perbaikan')).status).toBe(201);
    await penyusun.api(`/api/maps/${id}/sop`, { method: 'PUT', json: { version: 1, identity: { ...SOP_IDENTITY, nomor: '800/99/Org/2026' } } });

    const at2 = (await penyusun.api(`/api/maps/${id}/annotations?revision=2`)).body;
    const byBody = Object.fromEntries(at2.items.map((a: any) => [a.body, a]));
    expect(Object.keys(byBody).sort()).toEqual(['Diubah nanti', 'Nomor diubah nanti', 'Tidak diubah']);
    expect(byBody['Diubah nanti']).toMatchObject({ carried: true, usang: true });
    expect(byBody['Tidak diubah']).toMatchObject({ carried: true, usang: false });
    expect(byBody['Nomor diubah nanti']).toMatchObject({ carried: true, usang: true });
    expect(at2.notCarried.map((a: any) => a.body)).toEqual(['Dihapus nanti']);

    const at1 = (await penyusun.api(`/api/maps/${id}/annotations?revision=1`)).body;
    expect(at1.items.every((a: any) => !a.carried && !a.usang)).toBe(true);
    expect(at1.items).toHaveLength(4);
  });
});

describe('annotations of a map without comments', () => {
  it('lists none at any revision it has, and refuses one it does not have, before and after the first comment', async () => {
    const id = await newMapWithSop();
    const list = (query = '') => penyusun.api(`/api/maps/${id}/annotations${query}`);
    expect((await list()).body).toEqual({ revision: 1, items: [], notCarried: [] });
    const beyond = await list('?revision=5');
    expect(beyond.status).toBe(404);
    expect(beyond.body.error.code).toBe('REVISION_NOT_FOUND');
    expect((await saveRevision(penyusun, id, XML.replace('Menerbitkan surat penugasan', 'Menerbitkan surat tugas'), 'Kedua')).status).toBe(201);
    expect((await reviewer.api(`/api/maps/${id}/annotations`, { method: 'POST', json: { anchor: { kind: 'elemen', elementId: 'Activity_Memilih' }, body: 'Di revisi 2' } })).status).toBe(201);
    // The comment is on revision 2: revision 1 has none; 2 has it; 5 still does not exist.
    expect((await list('?revision=1')).body).toEqual({ revision: 1, items: [], notCarried: [] });
    expect((await list('?revision=2')).body.items.map((a: any) => a.body)).toEqual(['Di revisi 2']);
    expect((await list('?revision=5')).body.error.code).toBe('REVISION_NOT_FOUND');
  });
});

describe('inbox', () => {
  it('shows each user what waits for them, oldest first, and nothing of other units', async () => {
    const id = await newMapWithSop(penyusun, 'Kotak masuk');
    await act(penyusun, id, 'ajukan');
    const tasks = async (client: ApiClient) => (await client.api('/api/review/inbox')).body.items.filter((i: any) => i.map.id === id).map((i: any) => i.task);
    expect(await tasks(reviewer)).toEqual(['mulai-reviu']);
    expect(await tasks(pengesah)).toEqual([]);
    expect(await tasks(otherReviewer)).toEqual([]);
    await act(reviewer, id, 'mulai-reviu');
    expect(await tasks(reviewer)).toEqual(['reviu']);
    await act(reviewer, id, 'minta-perbaikan', { comment: 'Perbaiki' });
    expect(await tasks(penyusun)).toEqual(['perbaiki']);
    await act(penyusun, id, 'ajukan');
    await act(reviewer, id, 'mulai-reviu');
    await act(reviewer, id, 'setujui');
    const pengesahItems = (await pengesah.api('/api/review/inbox')).body.items.filter((i: any) => i.map.id === id);
    expect(pengesahItems).toEqual([expect.objectContaining({ task: 'sahkan', state: 'disetujui', label: expect.stringContaining('Sahkan'), map: expect.objectContaining({ name: 'Kotak masuk', unit: UNIT }) })]);
  });
});
