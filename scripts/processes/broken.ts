// Broken variants of library maps, one regulation defect each, as lint fixtures (test/processes/broken/). Each is a
// library description with one change; the file names the rule that must report it in an `expect` comment.
import { LIBRARY_MAPS } from './library';
import type { MapSpec, NodeSpec } from './spec';

export interface BrokenVariant {
  /** File name without extension: <library id>-<what>. */
  name: string;
  rule: string;
  spec: MapSpec;
}

const base = (id: string): MapSpec => structuredClone(LIBRARY_MAPS.find((map) => map.id === id)!);
const node = (spec: MapSpec, key: string): NodeSpec => spec.nodes.find((n) => n.key === key)!;

/** Takes flow nodes out of a chain, joining each one's predecessors to its successors. */
function dropNodes(spec: MapSpec, ...keys: string[]): void {
  for (const key of keys) {
    const incoming = spec.flows.filter((f) => f.to === key);
    const outgoing = spec.flows.filter((f) => f.from === key);
    spec.flows = spec.flows.filter((f) => f.from !== key && f.to !== key);
    for (const a of incoming) for (const b of outgoing) spec.flows.push({ from: a.from, to: b.to, ...(a.name ? { name: a.name } : {}) });
    spec.nodes = spec.nodes.filter((n) => n.key !== key);
    spec.data = spec.data?.filter((d) => d.from !== key && d.to !== key);
  }
}

function variant(id: string, what: string, rule: string, change: (spec: MapSpec) => void): BrokenVariant {
  const spec = base(id);
  change(spec);
  return { name: `${id}-${what}`, rule, spec };
}

export const BROKEN_VARIANTS: BrokenVariant[] = [
  // Results go from the Ketua Tim straight to the Kepala Dinas, who reviews: Level 2 is skipped (GMS Ps 38(4)).
  variant('mk-dinas-badan', 'reviu-melewati-level2', 'mk/review-chain', (spec) => {
    dropNodes(spec, 'reviu', 'teruskan');
  }),
  // The work ends with the Kepala Bagian's review: neither the Asisten nor the Sekretaris Daerah receives it (GMS Ps 29(4) huruf b–d).
  variant('mk-setda', 'tanpa-penerimaan-level1', 'mk/acceptance-by-level1', (spec) => {
    dropNodes(spec, 'teruskan', 'reviuAsisten', 'teruskanAsisten', 'reviuLevel1', 'penerimaan');
  }),
  // No monitoring by Level 2 or the Ketua Tim in execution (GMS Ps 8 huruf b angka 2).
  variant('mk-setwan', 'tanpa-monitoring', 'mk/monitoring', (spec) => {
    dropNodes(spec, 'monitoring');
  }),
  // The Anggota Tim hands the results to the Kepala Bidang, past the Ketua Tim (GMS Ps 20(1)).
  variant('mk-dinas-badan', 'anggota-melewati-ketua-tim', 'mk/reporting-line', (spec) => {
    node(spec, 'serahHasil').lane = 'anggota';
    dropNodes(spec, 'monitoring');
  }),
  // A result "tidak sesuai" is not returned to the executors but closes the work (DPS Lampiran B.4 huruf c angka (2)).
  variant('mk-kecamatan', 'tanpa-pengembalian', 'mk/rework-path', (spec) => {
    spec.nodes = spec.nodes.filter((n) => n.key !== 'gabungPelaksanaan');
    spec.flows = spec.flows.filter((f) => f.to !== 'gabungPelaksanaan' && f.from !== 'gabungPelaksanaan');
    spec.flows.push({ from: 'rincianKegiatan', to: 'melaksanakan' });
    spec.nodes.push({ type: 'end', key: 'dihentikan', lane: 'head', name: 'Kegiatan dihentikan' });
    spec.flows.push({ from: 'sesuaiTarget', to: 'dihentikan', name: 'Tidak' });
  }),
  // The request letter does not say how long the staff are needed (GMS Ps 14(5) huruf d).
  variant('penunjukan-lintas-unit', 'tanpa-durasi', 'mk/request-content', (spec) => {
    delete spec.messages!.find((m) => m.key === 'permohonan')!.duration;
    delete spec.data!.find((d) => d.key === 'tembusanPermohonan')!.duration;
  }),
  // The receiving side refuses without answering the requester (GMS Ps 14(3) huruf e).
  variant('penunjukan-lintas-unit', 'penolakan-tanpa-jawaban', 'mk/request-decision', (spec) => {
    spec.messages = spec.messages!.filter((m) => m.key !== 'penolakan');
  }),
  // The JF/Pelaksana is assigned without a surat penugasan (GMS Ps 12(6)).
  variant('penunjukan-dalam-unit', 'tanpa-surat-penugasan', 'mk/assignment-letter', (spec) => {
    delete spec.data;
    const step = node(spec, 'menugaskan');
    if (step.type === 'task') Object.assign(step, { name: 'Menugaskan secara lisan', output: 'Arahan lisan' });
    const receive = node(spec, 'menerima');
    if (receive.type === 'task') Object.assign(receive, { name: 'Melaksanakan tugas', requirements: 'Arahan lisan' });
  }),
  // A voluntary application to a unit of another perangkat daerah (GMS Ps 15(1); BDG Lampiran I BAB II B.2 huruf b).
  variant('pengajuan-sukarela-lintas-unit', 'lintas-pd', 'mk/voluntary-scope', (spec) => {
    spec.pools[0]!.name = 'Dinas Kesehatan';
    spec.pools[0]!.unitKind = 'perangkat-daerah';
    spec.pools[0]!.orgType = 'dinas';
    spec.pools[1]!.name = 'Badan Perencanaan Pembangunan Daerah';
    spec.pools[1]!.unitKind = 'perangkat-daerah';
    spec.pools[1]!.orgType = 'badan';
  }),
  // The request across units is sent by a Pejabat Fungsional, not by the Pimpinan Unit Organisasi (GMS Ps 14(3) huruf a).
  variant('penunjukan-lintas-unit', 'permohonan-oleh-jf', 'mk/cross-unit-request', (spec) => {
    const lane = spec.pools[0]!.lanes.find((l) => l.key === 'kabagPemilik')!;
    lane.name = 'Pejabat Fungsional';
    lane.jabatan = 'FUNGSIONAL';
    delete lane.role;
    delete lane.level;
  }),
];
