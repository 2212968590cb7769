// The fixed vocabularies of the domain (map kinds, regulation profiles) with their Indonesian labels.
import { z } from 'zod';

export const MAP_KINDS = ['proses', 'subproses', 'relasi', 'lintas-fungsi', 'mekanisme-kerja'] as const;
export const MapKind = z.enum(MAP_KINDS);
export type MapKind = z.infer<typeof MapKind>;

export const MAP_KIND_LABELS: Record<MapKind, string> = {
  proses: 'Peta proses',
  subproses: 'Peta subproses',
  relasi: 'Peta relasi',
  'lintas-fungsi': 'Peta lintas fungsi',
  'mekanisme-kerja': 'Alur mekanisme kerja',
};

export const PROFILES = ['nasional', 'jembrana', 'klungkung', 'badung', 'gunung-mas', 'denpasar'] as const;
export const Profile = z.enum(PROFILES);
export type Profile = z.infer<typeof Profile>;

export const PROFILE_LABELS: Record<Profile, string> = {
  nasional: 'Nasional (PermenPANRB 7/2022)',
  jembrana: 'Kabupaten Jembrana (Perbup 35/2023)',
  klungkung: 'Kabupaten Klungkung (Perbup 2/2023)',
  badung: 'Kabupaten Badung (Perbup 35/2023)',
  'gunung-mas': 'Kabupaten Gunung Mas (Perbup 18/2024)',
  denpasar: 'Kota Denpasar (Perwali 69/2023)',
};

export const DEFAULT_PROFILE: Profile = 'nasional';
