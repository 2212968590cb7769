// The required fields of an SOP's identity part with the labels the SOP prints, apart from the schemas (no zod): the
// client's review labels use them, and its entry chunk then builds no schema at boot (issue 16).
import type { SopIdentityDraft } from './identity.schema';

/** Required fields in the order of the SOP's header, with their labels as the SOP prints them. */
export const REQUIRED_IDENTITY_FIELDS: ReadonlyArray<{ path: string; label: string; read: (draft: SopIdentityDraft) => unknown }> = [
  { path: 'nomor', label: 'Nomor SOP', read: (d) => d.nomor },
  { path: 'tanggalPembuatan', label: 'Tanggal Pembuatan', read: (d) => d.tanggalPembuatan },
  { path: 'disahkanOleh.jabatan', label: 'Jabatan pejabat yang mengesahkan (Disahkan oleh)', read: (d) => d.disahkanOleh?.jabatan },
  { path: 'disahkanOleh.nama', label: 'Nama pejabat yang mengesahkan (Disahkan oleh)', read: (d) => d.disahkanOleh?.nama },
  { path: 'disahkanOleh.pangkat', label: 'Pangkat pejabat yang mengesahkan (Disahkan oleh)', read: (d) => d.disahkanOleh?.pangkat },
  { path: 'disahkanOleh.nip', label: 'NIP pejabat yang mengesahkan (Disahkan oleh)', read: (d) => d.disahkanOleh?.nip },
  { path: 'namaSop', label: 'Nama SOP', read: (d) => d.namaSop },
  { path: 'dasarHukum', label: 'Dasar Hukum', read: (d) => d.dasarHukum },
  { path: 'peringatan', label: 'Peringatan', read: (d) => d.peringatan },
  { path: 'kualifikasiPelaksana', label: 'Kualifikasi Pelaksana', read: (d) => d.kualifikasiPelaksana },
  { path: 'peralatan', label: 'Peralatan/Perlengkapan', read: (d) => d.peralatan },
  { path: 'pencatatan', label: 'Pencatatan dan Pendataan', read: (d) => d.pencatatan },
];
