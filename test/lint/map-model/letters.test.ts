// letters.ts: which letters a map passes around (sk:letter, else names), who sends and receives them (message flows,
// data associations), the contents a request states (sk: attributes, else an associated annotation), and the letters
// activities' outputs name.
import { describe, expect, it } from 'vitest';
import { allElements, parseBpmn } from '../../../server/bpmn/moddle';
import { contentsFromAnnotation, letterKindFromName, namesLetter, outputLettersOf, readLetters } from '../../../server/lint/map-model/letters';
import { templateXml } from '../../helpers/fixtures';

const MAP = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P_A" name="Bidang A" processRef="Proc_A" />
    <bpmn:participant id="P_B" name="Bidang B" processRef="Proc_B" />
    <bpmn:messageFlow id="M_Declared" name="Nota dinas" sourceRef="T_Kirim" targetRef="T_Terima"
      sk:letter="permohonan-pelibatan" sk:purpose="Survei" sk:competence="Statistik" sk:target="Laporan survei" sk:duration="2 bulan" />
    <bpmn:messageFlow id="M_Named" name="Surat Permohonan Pelibatan" sourceRef="T_Kirim" targetRef="P_B" />
    <bpmn:messageFlow id="M_Unknown" name="Data kasus" sourceRef="T_Terima" targetRef="T_Kirim" />
    <bpmn:textAnnotation id="A_Isi"><bpmn:text>Maksud dan tujuan: survei; Keahlian: statistik
Jangka waktu: 2 bulan</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="AS_Isi" sourceRef="M_Named" targetRef="A_Isi" />
  </bpmn:collaboration>
  <bpmn:process id="Proc_A">
    <bpmn:task id="T_Kirim" name="Mengirim surat">
      <bpmn:dataOutputAssociation id="DOA1"><bpmn:targetRef>DOR_Tugas</bpmn:targetRef></bpmn:dataOutputAssociation>
      <bpmn:dataOutputAssociation id="DOA2"><bpmn:targetRef>DO_Jawaban</bpmn:targetRef></bpmn:dataOutputAssociation>
    </bpmn:task>
    <bpmn:task id="T_Baca" name="Membaca surat tugas" sk:output="Surat tugas tim">
      <bpmn:dataInputAssociation id="DIA1"><bpmn:sourceRef>DOR_Tugas</bpmn:sourceRef></bpmn:dataInputAssociation>
    </bpmn:task>
    <bpmn:task id="T_Catat" name="Mencatat" />
    <bpmn:dataObject id="DO_Tugas" sk:letter="penugasan" />
    <bpmn:dataObjectReference id="DOR_Tugas" name="Dokumen" dataObjectRef="DO_Tugas" />
    <bpmn:dataObject id="DO_Jawaban" name="Surat jawaban permohonan pelibatan" />
    <bpmn:textAnnotation id="A_Output"><bpmn:text>Kelengkapan: data
Output: Laporan hasil pencatatan</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="AS_Output" sourceRef="A_Output" targetRef="T_Catat" />
  </bpmn:process>
  <bpmn:process id="Proc_B"><bpmn:task id="T_Terima" name="Menerima" /></bpmn:process>
</bpmn:definitions>`;

const lettersOf = async (xml: string) => {
  const { definitions } = await parseBpmn(xml);
  return Object.fromEntries(readLetters([...allElements(definitions)]).map((letter) => [letter.id, letter]));
};

describe('letter kinds from names', () => {
  it.each([
    ['Surat Permohonan Pelibatan', 'permohonan-pelibatan'],
    ['Permintaan pelibatan pejabat fungsional', 'permohonan-pelibatan'],
    ['Surat jawaban permohonan pelibatan', 'jawaban-permohonan'],
    ['Surat Penugasan', 'penugasan'],
    ['SPT', 'penugasan'],
    ['Surat Perintah Tugas', 'penugasan'],
    ['Menerima surat tugas', 'penugasan'],
    ['Nota dinas penugasan', 'penugasan'],
    ['Bukti penugasan elektronik', 'penugasan'],
    ['Surat pengajuan sukarela', 'pengajuan-sukarela'],
    ['Perjanjian Kinerja', 'perjanjian-kinerja'],
    ['Laporan hasil kegiatan', 'laporan'],
  ])('reads "%s" as %s', (name, kind) => {
    expect(letterKindFromName(name)).toBe(kind);
  });

  it('tells whether a name names a letter of a kind among others', () => {
    expect(namesLetter('Menerima surat jawaban dan surat tugas', 'penugasan')).toBe(true);
    expect(letterKindFromName('Menerima surat jawaban dan surat tugas')).toBe('jawaban-permohonan');
    expect(namesLetter('Menerima surat jawaban', 'penugasan')).toBe(false);
  });

  it('reads no letter in other names', () => {
    expect(letterKindFromName('Data kasus')).toBeUndefined();
    expect(letterKindFromName('Rincian tugas')).toBeUndefined();
  });
});

describe('contents of a request from an annotation', () => {
  it('reads each content from its labelled line or phrase', () => {
    expect(contentsFromAnnotation('Maksud dan tujuan: survei DBD\nKompetensi: epidemiologi\nTarget kinerja: laporan bulanan\nDurasi: 3 bulan')).toEqual({
      purpose: 'survei DBD',
      competence: 'epidemiologi',
      target: 'laporan bulanan',
      duration: '3 bulan',
    });
    expect(contentsFromAnnotation('Ekspektasi: 12 laporan; jangka waktu: 1 tahun')).toEqual({ target: '12 laporan', duration: '1 tahun' });
  });

  it('reads the contents listed after a heading, on one line or numbered below it', () => {
    expect(contentsFromAnnotation('Isi surat: maksud dan tujuan survei, kompetensi epidemiologi, target kinerja, durasi 3 bulan')).toEqual({
      purpose: 'maksud dan tujuan survei, kompetensi epidemiologi, target kinerja, durasi 3 bulan',
      competence: 'maksud dan tujuan survei, kompetensi epidemiologi, target kinerja, durasi 3 bulan',
      target: 'maksud dan tujuan survei, kompetensi epidemiologi, target kinerja, durasi 3 bulan',
      duration: 'maksud dan tujuan survei, kompetensi epidemiologi, target kinerja, durasi 3 bulan',
    });
    expect(Object.keys(contentsFromAnnotation('Surat memuat:\n1. maksud dan tujuan\n2. kualifikasi yang dibutuhkan\n3. hasil yang diharapkan\n4. masa pelibatan')).sort()).toEqual(
      ['competence', 'duration', 'purpose', 'target'],
    );
  });

  it('reads nothing from a text naming none of them', () => {
    expect(contentsFromAnnotation('Catatan: segera')).toEqual({});
  });
});

describe('letters of a map', () => {
  it('reads a message flow by sk:letter with its sk: contents, not inferred', async () => {
    const letters = await lettersOf(MAP);
    expect(letters['M_Declared']).toMatchObject({
      type: 'bpmn:MessageFlow',
      kind: 'permohonan-pelibatan',
      inferred: false,
      senders: ['T_Kirim'],
      receivers: ['T_Terima'],
      contents: { purpose: 'Survei', competence: 'Statistik', target: 'Laporan survei', duration: '2 bulan' },
      contentsInferred: false,
    });
  });

  it('reads a message flow by name, to a pool, with the contents of the annotation associated with it', async () => {
    const letters = await lettersOf(MAP);
    expect(letters['M_Named']).toMatchObject({ kind: 'permohonan-pelibatan', inferred: true, receivers: ['P_B'], contentsInferred: true });
    expect(letters['M_Named']!.contents).toEqual({ purpose: 'survei', competence: 'statistik', duration: '2 bulan' });
    expect(letters['M_Unknown']).toBeUndefined();
  });

  it('reads a data object reference by its data object sk:letter, with writers and readers from data associations', async () => {
    const letters = await lettersOf(MAP);
    expect(letters['DOR_Tugas']).toMatchObject({ type: 'bpmn:DataObjectReference', kind: 'penugasan', inferred: false, senders: ['T_Kirim'], receivers: ['T_Baca'] });
    expect(letters['DO_Tugas']).toBeUndefined();
  });

  it('reads a data object drawn without references by its own name', async () => {
    const letters = await lettersOf(MAP);
    expect(letters['DO_Jawaban']).toMatchObject({ type: 'bpmn:DataObject', kind: 'jawaban-permohonan', inferred: true, senders: ['T_Kirim'], receivers: [] });
  });

  it('reads the letters of the relasi template from sk:letter', async () => {
    const letters = Object.values(await lettersOf(templateXml('relasi')));
    expect(letters.map((l) => [l.id, l.kind, l.inferred]).sort()).toEqual([
      ['MessageFlow_JawabanPermohonan', 'jawaban-permohonan', false],
      ['MessageFlow_LaporanCapaian', 'laporan', false],
      ['MessageFlow_LaporanKinerjaAnggota', 'laporan', false],
      ['MessageFlow_PermohonanPelibatan', 'permohonan-pelibatan', false],
    ]);
  });
});

describe('contents attached to a request besides its own annotation', () => {
  const request = (extra: string, flowBody = '') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:sk="urn:petakerja:bpmn:1" id="D" targetNamespace="t">
  <bpmn:collaboration id="C">
    <bpmn:participant id="P_A" name="Bidang A" processRef="Proc_A" />
    <bpmn:participant id="P_B" name="Bidang B" processRef="Proc_B" />
    <bpmn:messageFlow id="M" name="Surat Permohonan Pelibatan" sourceRef="T_Kirim" targetRef="T_Terima">${flowBody}</bpmn:messageFlow>
  </bpmn:collaboration>
  <bpmn:process id="Proc_A">${extra}</bpmn:process>
  <bpmn:process id="Proc_B"><bpmn:task id="T_Terima" name="Menerima" /></bpmn:process>
</bpmn:definitions>`;
  const contentsOf = async (xml: string) => (await lettersOf(xml))['M']!;

  it('reads the bpmn:documentation of the message flow', async () => {
    const letter = await contentsOf(request('<bpmn:task id="T_Kirim" name="Mengirim" />', '<bpmn:documentation>Maksud: survei; Durasi pelibatan: 2 bulan</bpmn:documentation>'));
    expect(letter).toMatchObject({ contents: { purpose: 'survei', duration: '2 bulan' }, contentsInferred: true });
  });

  it('reads the sending activity\'s annotation and documentation, without its mutu baku lines', async () => {
    const letter = await contentsOf(
      request(`<bpmn:task id="T_Kirim" name="Mengirim"><bpmn:documentation>Kompetensi: statistik</bpmn:documentation></bpmn:task>
    <bpmn:textAnnotation id="A"><bpmn:text>Target kinerja: laporan survei
Durasi: 2 jam</bpmn:text></bpmn:textAnnotation>
    <bpmn:association id="AS" sourceRef="A" targetRef="T_Kirim" />`),
    );
    expect(letter.contents).toEqual({ competence: 'statistik', target: 'laporan survei' });
  });

  it('reads sk: contents, documentation and a listing name of a data object the sending activity writes', async () => {
    const letter = await contentsOf(
      request(`<bpmn:task id="T_Kirim" name="Mengirim">
      <bpmn:dataOutputAssociation id="O1"><bpmn:targetRef>DOR_Kak</bpmn:targetRef></bpmn:dataOutputAssociation>
      <bpmn:dataOutputAssociation id="O2"><bpmn:targetRef>DOR_Lampiran</bpmn:targetRef></bpmn:dataOutputAssociation>
    </bpmn:task>
    <bpmn:dataObjectReference id="DOR_Kak" name="Kerangka acuan" dataObjectRef="DO_Kak" sk:duration="6 bulan" />
    <bpmn:dataObject id="DO_Kak"><bpmn:documentation>Tujuan: survei</bpmn:documentation></bpmn:dataObject>
    <bpmn:dataObjectReference id="DOR_Lampiran" name="Lampiran: kompetensi dan target kinerja" dataObjectRef="DO_Lampiran" />
    <bpmn:dataObject id="DO_Lampiran" />`),
    );
    expect(Object.keys(letter.contents).sort()).toEqual(['competence', 'duration', 'purpose', 'target']);
    expect(letter.contents.duration).toBe('6 bulan');
  });
});

describe('letters named by activities outputs', () => {
  it('reads sk:output, else an "Output:" line of an associated annotation, when it names a letter', async () => {
    const { definitions } = await parseBpmn(MAP);
    const outputs = outputLettersOf(definitions).sort((a, b) => a.activity.localeCompare(b.activity));
    expect(outputs).toEqual([
      { activity: 'T_Baca', text: 'Surat tugas tim', kind: 'penugasan', inferred: false },
      { activity: 'T_Catat', text: 'Laporan hasil pencatatan', kind: 'laporan', inferred: true },
    ]);
  });

  it('reads a surat penugasan issued together with another letter as issued', async () => {
    const { definitions } = await parseBpmn(MAP.replace('sk:output="Surat tugas tim"', 'sk:output="Surat jawaban dan surat tugas tim"'));
    expect(outputLettersOf(definitions).filter((o) => o.activity === 'T_Baca').map((o) => o.kind)).toEqual(['jawaban-permohonan', 'penugasan']);
  });

  it('reads the surat penugasan of the lintas-fungsi template from sk:output', async () => {
    const { definitions } = await parseBpmn(templateXml('lintas-fungsi'));
    const outputs = outputLettersOf(definitions);
    expect(outputs.filter((o) => o.kind === 'penugasan')).toEqual([
      { activity: 'Activity_MenetapkanPenugasan', text: 'Surat penugasan tim kerja', kind: 'penugasan', inferred: false },
    ]);
  });
});
