// Writes server/regulations/articles.json from the regulation texts in ../shared/regulations, so the app ships them.
// Run: npx tsx scripts/regulations/build-articles.ts [REGULATIONS_DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ArticlesFile } from '../../server/regulations/article-types';
import { splitRegulation } from './split-regulation';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DEFAULT_REGULATIONS_DIR = path.resolve(repoRoot, '../shared/regulations');
export const ARTICLES_FILE = path.join(repoRoot, 'server/regulations/articles.json');

/** The shipped regulations: the file, how profiles cite it, and its title as the text states it. */
export const SHIPPED = [
  {
    file: 'perbup-jembrana-35-2023.txt',
    cite: 'Perbup Jembrana 35/2023',
    title: 'Peraturan Bupati Jembrana Nomor 35 Tahun 2023 tentang Mekanisme Kerja Perangkat Daerah di Lingkungan Pemerintah Daerah',
  },
  { file: 'perbup-klungkung-2-2023.txt', cite: 'Perbup Klungkung 2/2023', title: 'Peraturan Bupati Klungkung Nomor 2 Tahun 2023 tentang Sistem Kerja Perangkat Daerah' },
  {
    file: 'perbup-badung-35-2023.txt',
    cite: 'Perbup Badung 35/2023',
    title: 'Peraturan Bupati Badung Nomor 35 Tahun 2023 tentang Sistem Kerja untuk Penyederhanaan Birokrasi di Lingkungan Pemerintah Daerah',
  },
  {
    file: 'perbup-gunung-mas-18-2024.txt',
    cite: 'Perbup Gunung Mas 18/2024',
    title: 'Peraturan Bupati Gunung Mas Nomor 18 Tahun 2024 tentang Sistem Kerja di Lingkungan Pemerintah Kabupaten Gunung Mas',
  },
  {
    file: 'perwali-denpasar-69-2023.txt',
    cite: 'Perwali Denpasar 69/2023',
    title: 'Peraturan Walikota Denpasar Nomor 69 Tahun 2023 tentang Sistem Kerja di Lingkungan Pemerintah Daerah',
  },
] as const;

export function buildArticles(regulationsDir: string = DEFAULT_REGULATIONS_DIR): ArticlesFile {
  return {
    regulations: SHIPPED.map(({ file, cite, title }) => ({ cite, title, ...splitRegulation(readFileSync(path.join(regulationsDir, file), 'utf8')) })),
  };
}

/** Exactly what is committed: stable key order, one trailing newline. */
export function serialiseArticles(articles: ArticlesFile): string {
  return `${JSON.stringify(articles)}\n`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_REGULATIONS_DIR;
  const articles = buildArticles(dir);
  writeFileSync(ARTICLES_FILE, serialiseArticles(articles));
  for (const regulation of articles.regulations) {
    console.log(`${regulation.cite}: ${Object.keys(regulation.pasal).length} pasal, lampiran ${regulation.lampiran ? `${regulation.lampiran.items.length} bagian` : 'tidak ada'}`);
  }
  console.log(`Ditulis: ${path.relative(process.cwd(), ARTICLES_FILE)}`);
}
