// The words of a PDF with their boxes, read back with poppler's pdftotext -bbox (what a reader of the print sees).
import { execFileSync } from 'node:child_process';

export const PT_PER_MM = 72 / 25.4;

export interface Word {
  text: string;
  /** 1-based page number. */
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word of the PDF with its box in mm, by page (1 is the first page). */
export function wordsOf(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const words: Word[] = [];
  xml.split('<page ').slice(1).forEach((page, index) => {
    for (const match of page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      const [xMin, yMin, xMax, yMax] = [match[1], match[2], match[3], match[4]].map((value) => Number(value) / PT_PER_MM) as [number, number, number, number];
      words.push({ text: match[5]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'), page: index + 1, xMin, yMin, xMax, yMax });
    }
  });
  return words;
}
