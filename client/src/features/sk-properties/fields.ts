// Which sk: attributes the "Petakerja" group offers for each kind of element, and where they are stored.
import { is, isAny } from 'bpmn-js/lib/util/ModelUtil';
import type { Element } from 'bpmn-js/lib/model/Types';
import {
  ACTIVITY_KINDS,
  LANE_LEVELS,
  LETTERS,
  ORG_TYPES,
  PHASES,
  PROCESS_TYPES,
  ROLES,
  UNIT_KINDS,
  type SkOption,
  type SkVocabulary,
} from './vocabulary';

interface FieldBase {
  /** The attribute's local name; it is written as `sk:<property>`. */
  property: string;
  label: string;
  description?: string;
}

export type SkField =
  | (FieldBase & { type: 'text'; validate?: (value: string) => string | null })
  | (FieldBase & { type: 'textarea' })
  | (FieldBase & { type: 'select'; options: SkOption[]; integer?: boolean })
  | (FieldBase & { type: 'integer'; min: number; max: number })
  | (FieldBase & { type: 'checkbox' })
  /** The lane's "Jabatan / peran": sk:jabatan, sk:role or sk:external in one choice (lanePerformer.ts). */
  | (FieldBase & { type: 'performer'; synonyms: SkVocabulary['kamus'] })
  | (FieldBase & { type: 'duration' });

/** `definitions`: map-wide facts live on bpmn:Definitions; `element`: on the element's own business object. */
export type SkScope = 'definitions' | 'element';

export interface SkFieldSet {
  scope: SkScope;
  fields: SkField[];
}

function unitField(description: string): SkField {
  return { type: 'text', property: 'unit', label: 'Unit kerja', description };
}

function mapFields(vocabulary: SkVocabulary): SkField[] {
  return [
    { type: 'select', property: 'mapKind', label: 'Jenis peta', options: vocabulary.mapKinds },
    unitField('Unit kerja atau perangkat daerah pemilik peta.'),
    { type: 'select', property: 'profile', label: 'Profil regulasi', options: vocabulary.profiles },
    // Level and code are the repository's (the tree of maps, docs/hierarchy.md): shown in the header, changed by moving
    // the map ("Pindahkan…"), not typed into the diagram.
  ];
}

const PARTICIPANT_FIELDS: SkField[] = [
  unitField('Nama unit atau perangkat daerah yang diwakili kolam ini.'),
  { type: 'select', property: 'unitKind', label: 'Jenis unit', options: UNIT_KINDS },
  { type: 'select', property: 'orgType', label: 'Tipe organisasi', options: ORG_TYPES },
  { type: 'checkbox', property: 'performanceOwner', label: 'Pemilik kinerja', description: 'Unit ini memiliki kinerja proses yang digambarkan.' },
];

const laneFields = (vocabulary: SkVocabulary): SkField[] => [
  { type: 'performer', property: 'jabatan', label: 'Jabatan / peran', synonyms: vocabulary.kamus },
  { type: 'select', property: 'role', label: 'Peran', options: ROLES, description: 'Peran yang dipegang jalur ini di samping jabatannya.' },
  { type: 'select', property: 'level', label: 'Level', options: LANE_LEVELS, integer: true, description: 'Tingkat struktural jabatan ini di unitnya.' },
  unitField('Isi bila jalur ini milik unit lain daripada kolamnya.'),
];

const ACTIVITY_FIELDS: SkField[] = [
  { type: 'select', property: 'phase', label: 'Tahap', options: PHASES },
  { type: 'select', property: 'processType', label: 'Jenis proses', options: PROCESS_TYPES },
  { type: 'select', property: 'activityKind', label: 'Jenis kegiatan', options: ACTIVITY_KINDS },
  { type: 'textarea', property: 'requirements', label: 'Mutu baku: kelengkapan', description: 'Dokumen atau bahan yang harus tersedia.' },
  { type: 'duration', property: 'time', label: 'Mutu baku: waktu', description: 'Angka dan satuan, mis. 30 menit, 2 jam, 1 hari kerja; atau tulis langsung, mis. 1 jam 30 menit, PT2H.' },
  { type: 'textarea', property: 'output', label: 'Mutu baku: output' },
  { type: 'textarea', property: 'note', label: 'Keterangan' },
];

const LETTER_FIELDS: SkField[] = [
  { type: 'select', property: 'letter', label: 'Jenis surat', options: LETTERS },
  { type: 'textarea', property: 'purpose', label: 'Maksud dan tujuan' },
  { type: 'text', property: 'competence', label: 'Kompetensi yang dibutuhkan' },
  { type: 'text', property: 'target', label: 'Target kinerja' },
  { type: 'text', property: 'duration', label: 'Durasi', description: 'Mis. 3 bulan, 10 hari kerja.' },
];

/** The child map a call activity or collapsed sub-process stands for (docs/hierarchy.md). */
function calledMapField(vocabulary: SkVocabulary): SkField {
  return {
    type: 'select',
    property: 'calledMap',
    label: 'Peta yang dirinci',
    options: vocabulary.maps ?? [],
    description: 'Peta anak yang merinci kegiatan ini. Bila kosong, peta dicari dari Called element (id atau kode peta), lalu dari peta anak bernama sama.',
  };
}

export function fieldSetFor(element: Element, vocabulary: SkVocabulary): SkFieldSet | null {
  if (isAny(element, ['bpmn:Process', 'bpmn:Collaboration'])) return { scope: 'definitions', fields: mapFields(vocabulary) };
  if (is(element, 'bpmn:Participant')) return { scope: 'element', fields: PARTICIPANT_FIELDS };
  if (is(element, 'bpmn:Lane')) return { scope: 'element', fields: laneFields(vocabulary) };
  if (isAny(element, ['bpmn:CallActivity', 'bpmn:SubProcess'])) return { scope: 'element', fields: [calledMapField(vocabulary), ...ACTIVITY_FIELDS] };
  if (is(element, 'bpmn:Activity')) return { scope: 'element', fields: ACTIVITY_FIELDS };
  if (isAny(element, ['bpmn:MessageFlow', 'bpmn:DataObjectReference'])) return { scope: 'element', fields: LETTER_FIELDS };
  return null;
}
