// mk/reporting-line: an Anggota Tim reports to the Ketua Tim; a Ketua Tim reports to the Pimpinan Unit Organisasi; a
// JF/Pelaksana working individually reports to the Pimpinan Unit Organisasi, or to the Kepala Perangkat Daerah where
// the profile's kedudukan table places it directly under that head (JBR Ps 8, 11(1)–(3); KLK Ps 9, 10; BDG Ps 10, 11;
// GMS Ps 19, 20, 27(2), 30(2), 33(2), 36(2); DPS Ps 12(2)–(4)) — docs/rules/mk/reporting-line.md.
import type { RuleFactory } from 'bpmnlint/lib/types';
import { isKedudukanId, jenjangFromName, kedudukanOf, KEDUDUKAN_TABLES, type KedudukanId, type KedudukanTable } from '../../map-model/kedudukan';
import { ORG_TABLES } from '../../map-model/levels';
import { DEFAULT_ORG_TYPE, hasRole, type LaneFacts } from '../../map-model/map-model';
import { isRoleMap, mapModelOf } from '../map-model-of';

interface Options {
  /** The kedudukan table of the profile (kedudukan.ts). */
  kedudukan?: KedudukanId;
  /** DPS Ps 12(2), (4): reports go to the "Kepala Perangkat Daerah/Pimpinan Unit Organisasi". */
  headOfPerangkatDaerah?: boolean;
  /** JBR Ps 11(1): an individual reports to the "Pejabat Penilai Kinerja dan/atau Kepala Unit Organisasi". */
  individualToPenilaiKinerja?: boolean;
  /**
   * GMS Ps 18(4) huruf e: the Ketua Tim reports the members' results to the Pejabat Penilai Kinerja and the Pimpinan
   * Unit Organisasi — a report to the Penilai Kinerja is allowed when the lane also reports to the Pimpinan Unit.
   */
  teamLeadToPenilaiKinerja?: boolean;
}

const orgTypeOf = (lane: LaneFacts) => lane.orgType ?? DEFAULT_ORG_TYPE;

/**
 * The lane is the Pimpinan Unit Organisasi: by one of its roles ("Kepala Puskesmas (Pejabat Penilai Kinerja)" is both,
 * KLK Ps 1 angka 16, Ps 9), or as the Level 2 official where Level 2 leads the units (levels.ts).
 */
function isPimpinanUnit(lane: LaneFacts): boolean {
  if (hasRole(lane, 'PIMPINAN_UNIT')) return true;
  if (lane.level !== 2 || (lane.role !== undefined && lane.role !== 'PENILAI_KINERJA' && lane.role !== 'PEMILIK_KINERJA')) return false;
  const table = ORG_TABLES[orgTypeOf(lane)];
  return table.levels.some((row) => row.level === 2 && row.offices.some((office) => table.pimpinanUnit.includes(office)));
}

/** Above the Pimpinan Unit Organisasi: Level 1, a JPT or the Kepala Daerah, not leading a unit itself. */
const isAbovePimpinanUnit = (lane: LaneFacts) =>
  !isPimpinanUnit(lane) && (lane.level === 1 || lane.jabatan === 'JPT' || lane.jabatan === 'KEPALA_DAERAH');

const isLevel1 = (lane: LaneFacts) => lane.level === 1 || lane.jabatan === 'JPT';

/** A JF or Pelaksana lane outside a team role and not leading a unit: "working individually". */
function individualJabatan(lane: LaneFacts): ('FUNGSIONAL' | 'PELAKSANA')[] | undefined {
  if (lane.role !== undefined || lane.koordinator || lane.level !== undefined) return undefined;
  const jabatan = lane.jabatan ? [lane.jabatan] : (lane.jabatanChoices ?? []);
  if (jabatan.length === 0 || !jabatan.every((j) => j === 'FUNGSIONAL' || j === 'PELAKSANA')) return undefined;
  return jabatan as ('FUNGSIONAL' | 'PELAKSANA')[];
}

/**
 * `to` is the Pejabat Penilai Kinerja of the Ketua Tim on `from`: by role, or as the Level 1 official under whom the
 * profile's kedudukan table places the team lead's jabatan (GMS Ps 33(2), 36(2): JF and Pelaksana sit under the Inspektur
 * or the Kepala Dinas/Badan, who appraises them, Ps 34(1), 37(1)).
 */
function isPenilaiKinerjaOf(from: LaneFacts, to: LaneFacts, table: KedudukanTable | undefined): boolean {
  if (hasRole(to, 'PENILAI_KINERJA')) return true;
  if (!table || !isLevel1(to)) return false;
  // A Ketua Tim whose jabatan the lane does not say is a JF or a Pelaksana (ROLES.md §2).
  const stated = from.jabatan ? [from.jabatan] : (from.jabatanChoices ?? ['FUNGSIONAL', 'PELAKSANA']);
  const jabatan = stated.filter((j) => j === 'FUNGSIONAL' || j === 'PELAKSANA');
  const jenjang = jenjangFromName(from.name);
  // A jenjang the name does not state leaves the reading open (undefined): not reported, as for individuals below.
  return jabatan.length > 0 && jabatan.every((j) => kedudukanOf(table, orgTypeOf(from), j, jenjang).underHead !== false);
}

/** Says something about who the lane is. */
const known = (lane: LaneFacts) => lane.role !== undefined || lane.jabatan !== undefined || lane.level !== undefined || lane.jabatanChoices !== undefined;

const reportingLine: RuleFactory = (options?: Options) => ({
  check(node, reporter) {
    if (!node.$instanceOf?.('bpmn:Definitions')) return;
    const model = mapModelOf(node);
    if (!isRoleMap(model)) return;
    const table = isKedudukanId(options?.kedudukan) ? KEDUDUKAN_TABLES[options.kedudukan] : undefined;
    const pimpinan = options?.headOfPerangkatDaerah ? 'Kepala Perangkat Daerah atau Pimpinan Unit Organisasi' : 'Pimpinan Unit Organisasi';
    // GMS Ps 18(4) huruf e: the Ketua Tim reports to the Penilai Kinerja *and* the Pimpinan Unit Organisasi (Ps 20(2)).
    const reportsToPimpinan = new Set(
      model.handOffs.flatMap((h) => {
        const to = h.report && h.toLane ? model.lane(h.toLane) : undefined;
        return to && h.fromLane && h.fromLane !== h.toLane && isPimpinanUnit(to) ? [h.fromLane] : [];
      }),
    );
    for (const handOff of model.handOffs) {
      if (!handOff.report || !handOff.fromLane || !handOff.toLane || handOff.fromLane === handOff.toLane) continue;
      const from = model.lane(handOff.fromLane);
      const to = model.lane(handOff.toLane);
      if (!from || !to || !known(to)) continue;
      const inferred = handOff.reportInferred || from.inferred || to.inferred;
      const say = (message: string, extra = false) => reporter.report(handOff.id, message, { inferred: inferred || extra });
      if (from.role === 'ANGGOTA_TIM') {
        if (hasRole(to, 'KETUA_TIM')) continue;
        say(`Anggota Tim pada jalur "${from.name}" melaporkan hasil kepada "${to.name}"; hasil kerja anggota tim dilaporkan kepada Ketua Tim`);
      } else if (from.role === 'KETUA_TIM') {
        const allowed =
          isPimpinanUnit(to) || (options?.headOfPerangkatDaerah && isLevel1(to)) || (options?.teamLeadToPenilaiKinerja && reportsToPimpinan.has(from.id) && isPenilaiKinerjaOf(from, to, table));
        if (allowed || !isAbovePimpinanUnit(to)) continue;
        say(`Ketua Tim pada jalur "${from.name}" melaporkan hasil langsung kepada "${to.name}", melewati Pimpinan Unit Organisasi; ketua tim melaporkan pelaksanaan tugas tim kepada ${pimpinan}`);
      } else {
        const jabatan = individualJabatan(from);
        if (!jabatan || !isAbovePimpinanUnit(to)) continue;
        if (options?.headOfPerangkatDaerah && isLevel1(to)) continue;
        if (options?.individualToPenilaiKinerja && hasRole(to, 'PENILAI_KINERJA')) continue;
        const jenjang = jenjangFromName(from.name);
        const readings = table && isLevel1(to) ? jabatan.map((j) => kedudukanOf(table, orgTypeOf(from), j, jenjang)) : [];
        // The kedudukan table places the lane under the head, or cannot tell (jenjang unknown): not reported.
        if (readings.some((reading) => reading.underHead !== false)) continue;
        const rows = readings.flatMap((reading) => reading.rows);
        const kedudukan = rows.length > 0 ? ` (kedudukannya di bawah ${[...new Set(rows.map((row) => row.under))].join(' atau ')}, ${[...new Set(rows.map((row) => row.citation))].join('; ')})` : '';
        say(
          `Pejabat Fungsional/Pelaksana pada jalur "${from.name}" yang bekerja secara individu melaporkan hasil langsung kepada "${to.name}"${kedudukan}; ` +
            `pelaksanaan tugas individu dilaporkan secara langsung kepada ${pimpinan}`,
          // The table was read with the jenjang the lane's name states.
          rows.length > 0 && jabatan.includes('FUNGSIONAL') && jenjang !== undefined,
        );
      }
    }
  },
});

export default reportingLine;
