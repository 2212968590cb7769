// The shape of server/regulations/articles.json: every shipped regulation split into Pasal and Lampiran sections.

/** How an item is numbered: "(1)" ayat, "1." angka, "1)" angka, "a." huruf, "a)" huruf, "A." Lampiran part, BAB, LAMPIRAN. */
export type ItemKind = 'lampiran' | 'bab' | 'upper' | 'number' | 'number-paren' | 'paren' | 'lower' | 'lower-paren';

/** A numbered item inside a text: its label without punctuation, and where it starts and ends (offsets in the text). */
export interface TextItem {
  kind: ItemKind;
  label: string;
  start: number;
  end: number;
  /** Index of the enclosing item in the same list, -1 at the top. */
  parent: number;
}

export interface SectionText {
  text: string;
  items: TextItem[];
}

export interface ShippedRegulation {
  /** As profiles cite it: "Perbup Badung 35/2023". */
  cite: string;
  /** "Peraturan Bupati Badung Nomor 35 Tahun 2023 tentang …". */
  title: string;
  /** By Pasal number ("1", "12"); each text begins with its heading "Pasal N". */
  pasal: Record<string, SectionText>;
  /** The whole Lampiran, its BAB, lettered and numbered parts as items; null when the regulation has none. */
  lampiran: SectionText | null;
}

export interface ArticlesFile {
  regulations: ShippedRegulation[];
}
