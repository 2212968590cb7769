// Usage text and the error for bad command lines (exit code 2).
export const USAGE = `Penggunaan: npm run petakerja -- <perintah> [opsi]

Perintah:
  serve     Menjalankan server Petakerja
            --port N          port HTTP (bawaan: 3000, atau PORT)
            --host H          alamat yang didengar (bawaan: 127.0.0.1; 0.0.0.0 untuk jaringan kantor)
            --data DIR        direktori data (bawaan: PETAKERJA_DATA, atau ./data)
            --database URL    simpan di PostgreSQL, mis. postgres://petakerja@localhost/petakerja
                              (bawaan: PETAKERJA_DATABASE_URL; tanpa keduanya: direktori data)
            --trust-proxy X   di belakang reverse proxy https: jumlah hop atau alamatnya (mis. 1, loopback)
            --profile ID      profil peraturan bawaan repositori (bawaan: PETAKERJA_PROFILE, atau nasional)
            --public-url URL  alamat aplikasi bagi pengguna, dicetak pada kode QR SOP yang disahkan
                              (bawaan: PETAKERJA_PUBLIC_URL, atau alamat yang dikonfirmasi admin)
  lint      Memeriksa peta terhadap aturan sistem kerja: [--profile ID] [--format text|json] BERKAS|FOLDER…
            --stage draf|pengajuan  tahap SOP (bawaan: draf); pengajuan = pemeriksaan saat diajukan untuk direviu
            --meta BERKAS.json      identitas SOP (nomor, tanggal, disahkanOleh, namaSop, dasarHukum, …)
            keluar 0 tanpa galat, 1 bila ada galat, 2 bila masukan tidak terbaca atau perintah salah
  lint --repository  Pemeriksaan antarpeta seluruh repositori (map/call-resolves, map/relasi-consistent,
            map/level-order): --data DIR | --database URL [--pemda ID] [--format text|json]; keluar 0/1/2
                              seperti di atas. --pemda: pemda yang diperiksa (bawaan: default). Basis data boleh
                              diperiksa saat server berjalan; skemanya tidak diubah
  sop       Membuat dokumen SOP AP dari peta: BERKAS.bpmn --out KELUARAN.pdf|KELUARAN.html
            --meta BERKAS.json  identitas SOP (nomor, tanggal, disahkanOleh, namaSop, dasarHukum, …)
            --letterhead KOP.json  kop SOP: pemda, unit, subUnit, logo (data URL atau berkas PNG/JPEG/SVG)
            --paper A4|F4       ukuran kertas (bawaan: A4); --portrait untuk tegak (bawaan: lanskap)
            --lampiran          lampirkan diagram BPMN sebagai halaman terakhir
            --profile ID        profil peraturan
  user add  Menambah akun: --username U --password-stdin --roles admin,penyusun,reviewer,pengesah,pembaca,pembina
            [--admin] [--name "Nama"] [--nip NIP] [--jabatan J] [--unit UNIT] --data DIR | --database URL
            [--pemda ID]      pemda akun itu (bawaan: pemda bawaan; lihat "pemda list")
  user list Menampilkan akun: --data DIR | --database URL [--pemda ID]
  user passwd  Mengganti kata sandi akun: --username U --password-stdin --data DIR | --database URL
  backup    Mencadangkan seluruh data: --data DIR | --database URL [--pemda ID] --out BERKAS.tar.gz
            (boleh saat server berjalan; basis data dengan beberapa pemda: satu pemda per cadangan)
  restore   Memulihkan cadangan ke direktori data atau basis data baru atau kosong:
            --in BERKAS.tar.gz --data DIR | --database URL [--pemda ID] (cadangan yang satu dapat dipulihkan ke yang lain)
            --lewati-rusak    pulihkan peta yang utuh, sisihkan peta yang rusak ke folder rusak/ (keluar 3)
  migrate   Memindahkan seluruh data ke penyimpanan lain yang kosong, tiap isi diperiksa sha256-nya:
            --from DIR|postgres://… --to DIR|postgres://… (hentikan server dahulu; sesi masuk tidak dipindahkan)
            --pemda ID        di sisi basis data: pemda yang dipindahkan atau diisi (pemda kosong dari "pemda add"
                              tanpa --admin)
  pemda add Menambah pemda ke basis data PostgreSQL, dengan admin pertamanya:
            --database URL --id ID --name "Nama" --kind kabupaten|kota|provinsi [--province ID_PROVINSI]
            [--admin NAMA_PENGGUNA] (kata sandinya dari PETAKERJA_ADMIN_PASSWORD, atau ditanyakan di terminal;
            tanpa --admin pemda dibuat kosong, untuk diisi dengan migrate --pemda)
  pemda list  Menampilkan pemda: --database URL (direktori data hanya memuat satu pemda)
  help      Menampilkan bantuan ini

Direktori data yang sedang dipakai server tidak dapat dibuka oleh "user" dan "lint --repository": hentikan
server dahulu, atau kelola akun lewat halaman Pengguna dan periksa repositori lewat halaman Pemeriksaan repositori.`;

export class UsageError extends Error {}

/**
 * Where a command keeps its data: --database beats --data; without either, PETAKERJA_DATABASE_URL beats
 * PETAKERJA_DATA. A database URL must be PostgreSQL's (postgres:// or postgresql://).
 */
export function databaseOption(values: { data?: string; database?: string }): string | undefined {
  const url = values.database ?? (values.data === undefined ? process.env.PETAKERJA_DATABASE_URL || undefined : undefined);
  if (url !== undefined && !/^postgres(ql)?:\/\/./.test(url)) {
    throw new UsageError(`Alamat basis data tidak sah: ${url} (contoh: postgres://petakerja@localhost/petakerja)`);
  }
  return url;
}

export function dataDirOption(value: string | undefined): string {
  const dir = value ?? process.env.PETAKERJA_DATA;
  if (!dir) throw new UsageError('Direktori data belum ditentukan: berikan --data DIR atau PETAKERJA_DATA.');
  return dir;
}
