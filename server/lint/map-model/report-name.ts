// Which "laporan" a name speaks of: the rules on reporting lines read reports of work results and performance (GMS Ps
// 18(4) huruf e, 19, 20; DPS Ps 12; BDG Ps 10, 11), not the other reports an office writes (finance, assets, pay).

/** Reports that are not of work results or performance, in a lower-cased name. */
const OTHER_REPORTS =
  /\blaporan (keuangan|realisasi (anggaran|keuangan)|pertanggungjawaban keuangan|aset|barang milik daerah|bmd|persediaan|gaji|harta kekayaan|lhkpn|pajak|kas|operasional kas)\b/g;

/** The name without the reports that are not of work results ("Menyusun laporan keuangan" → "Menyusun "). */
export function withoutOtherReports(lowerCased: string): string {
  return lowerCased.replace(OTHER_REPORTS, ' ');
}
