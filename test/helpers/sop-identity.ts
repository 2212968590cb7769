// A complete SOP identity (SOP-FORMAT.md §1) for tests that lint at submission.
export const SOP_IDENTITY = {
  nomor: '800/12/Org/2026',
  tanggalPembuatan: '2026-11-02',
  disahkanOleh: { jabatan: 'Kepala Dinas Kesehatan', nama: 'dr. I Made Sutama', pangkat: 'Pembina Utama Muda (IV/c)', nip: '197001011995031001' },
  namaSop: 'Pelaksanaan kegiatan tim kerja',
  dasarHukum: ['Peraturan Wali Kota Denpasar Nomor 69 Tahun 2023'],
  keterkaitan: [],
  peringatan: 'Hasil kegiatan tim tidak dapat dinilai',
  kualifikasiPelaksana: ['Memahami rencana kerja bidang'],
  peralatan: ['Komputer'],
  pencatatan: ['Laporan hasil kegiatan tim'],
};

/** An identity with every field, dates and NIP included, as a document prints it in full (issue 17's round trips). */
export const FULL_SOP_IDENTITY = {
  nomor: '065/12/Diskominfo/2026',
  tanggalPembuatan: '2026-01-02',
  tanggalRevisi: '2026-07-01',
  tanggalEfektif: '2026-01-15',
  disahkanOleh: { jabatan: 'Kepala Dinas Komunikasi dan Informatika', nama: 'I Made Contoh, S.Kom.', pangkat: 'Pembina Tingkat I (IV/b)', nip: '197001011995031001' },
  namaSop: 'Pencapaian Target Kinerja Dinas',
  dasarHukum: ['Peraturan Menteri PANRB Nomor 35 Tahun 2012', 'Peraturan Bupati Klungkung Nomor 12 Tahun 2024'],
  keterkaitan: ['SOP Penyusunan Perjanjian Kinerja'],
  peringatan: 'Target kinerja tidak tercapai tepat waktu',
  kualifikasiPelaksana: ['Memahami perencanaan kinerja'],
  peralatan: ['Komputer', 'Jaringan internet'],
  pencatatan: ['Buku agenda kegiatan'],
};
