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
