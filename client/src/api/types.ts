// Records exchanged with the server, as docs/api.md defines them.

export type MapKind = 'proses' | 'subproses' | 'relasi' | 'lintas-fungsi' | 'mekanisme-kerja';
export type Profile = 'nasional' | 'jembrana' | 'klungkung' | 'badung' | 'gunung-mas' | 'denpasar';

export interface ProcessMap {
  id: string;
  code: string;
  name: string;
  kind: MapKind;
  level: number;
  parentId?: string;
  unit: string;
  profile: Profile;
  createdAt: string;
  updatedAt: string;
  currentRevision: number;
}

export interface Revision {
  n: number;
  sha256: string;
  author: string;
  createdAt: string;
  message: string;
}

export interface LabelledOption<T extends string = string> {
  id: T;
  label: string;
}

export interface Meta {
  kinds: LabelledOption<MapKind>[];
  profiles: LabelledOption<Profile>[];
  units: string[];
  limits: { xmlBytes: number };
}

export interface MapFilter {
  q?: string;
  kind?: string;
  unit?: string;
}

export interface NewMap {
  name: string;
  kind: MapKind;
  unit?: string;
  profile?: Profile;
  parentId?: string;
  code?: string;
}

export interface MapPatch {
  name?: string;
  unit?: string;
  profile?: Profile;
}

export interface NewRevision {
  xml: string;
  baseRevision: number;
  message: string;
  author?: string;
}

export interface ImportParams {
  name: string;
}
