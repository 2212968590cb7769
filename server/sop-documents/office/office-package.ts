// What a Word or Excel file is, read without opening it in anything (issue 17): a .docx/.xlsx package's entries from
// its ZIP directory (sizes checked before anything is unpacked), a .doc/.xls compound file's stream names. Refused
// here: a package that unpacks to far more than it weighs (a zip bomb), macros, relationships that fetch content from
// outside the package, encryption, and files that are neither a document nor a spreadsheet.
import { strFromU8, unzipSync } from 'fflate';
import { AppError } from '../../errors';
import type { DocumentFormat } from '../document-format';

export type OfficeKind = 'docx' | 'xlsx' | 'doc' | 'xls';

/** Unpacked, a package may weigh at most this much, and at most this many times its packed size. */
export const PACKAGE_LIMITS = { unpackedBytes: 100 * 1024 * 1024, ratio: 200 } as const;

/** Relationship types that only point (a hyperlink): harmless outside the package. */
const POINTING = /\/hyperlink$/;

const refuse = (status: number, code: string, message: string): never => {
  throw new AppError(status, code, message);
};

function utf16(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!); i >= 0 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function openXmlKind(bytes: Uint8Array): OfficeKind {
  const entries: Array<{ name: string; size: number }> = [];
  // The directory only: the filter sees each entry's sizes and unpacks nothing but the small relationship parts.
  let unpacked = 0;
  let rels: Record<string, Uint8Array> = {};
  try {
    rels = unzipSync(bytes, {
      filter: (file) => {
        entries.push({ name: file.name, size: file.originalSize });
        unpacked += file.originalSize;
        return file.name.endsWith('.rels') && file.originalSize < 1024 * 1024;
      },
    });
  } catch {
    refuse(422, 'DOCUMENT_UNREADABLE', 'Berkas ini tidak dapat dibaca sebagai dokumen Word atau Excel: paketnya rusak atau terpotong.');
  }
  if (unpacked > PACKAGE_LIMITS.unpackedBytes || unpacked > bytes.byteLength * PACKAGE_LIMITS.ratio) {
    refuse(413, 'DOCUMENT_TOO_LARGE_UNPACKED', `Isi berkas ini terlalu besar setelah dibuka (${Math.round(unpacked / 1024 / 1024)} MB dari berkas ${Math.max(1, Math.round(bytes.byteLength / 1024))} KB); berkas seperti itu ditolak demi keamanan server.`);
  }
  const names = new Set(entries.map((e) => e.name));
  if ([...names].some((name) => /(^|\/)vbaProject\.bin$/i.test(name))) {
    refuse(422, 'DOCUMENT_HAS_MACROS', 'Berkas ini memuat makro. Simpan sebagai .docx atau .xlsx biasa (tanpa makro) lalu impor lagi; makro tidak pernah dijalankan.');
  }
  for (const [name, data] of Object.entries(rels)) {
    for (const rel of strFromU8(data).match(/<Relationship\b[^>]*>/g) ?? []) {
      if (/TargetMode\s*=\s*"External"/i.test(rel) && !POINTING.test(/Type\s*=\s*"([^"]*)"/.exec(rel)?.[1] ?? '')) {
        refuse(422, 'DOCUMENT_EXTERNAL_CONTENT', `Berkas ini mengambil isi dari luar dirinya (${name}): gambar atau objek tertaut ke alamat lain. Sematkan isinya ke dalam dokumen, lalu impor lagi.`);
      }
    }
  }
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  return refuse(415, 'DOCUMENT_FORMAT_UNKNOWN', 'Berkas ZIP ini bukan dokumen Word (.docx) atau lembar kerja Excel (.xlsx).');
}

function compoundKind(bytes: Uint8Array): OfficeKind {
  if (contains(bytes, utf16('EncryptedPackage')) || contains(bytes, utf16('EncryptionInfo'))) {
    refuse(422, 'DOCUMENT_ENCRYPTED', 'Dokumen ini dilindungi kata sandi. Buka dengan kata sandinya lalu simpan tanpa kata sandi sebelum diimpor.');
  }
  if (contains(bytes, utf16('_VBA_PROJECT'))) {
    refuse(422, 'DOCUMENT_HAS_MACROS', 'Berkas ini memuat makro. Simpan sebagai .docx atau .xlsx biasa (tanpa makro) lalu impor lagi; makro tidak pernah dijalankan.');
  }
  if (contains(bytes, utf16('WordDocument'))) return 'doc';
  if (contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))) return 'xls';
  return refuse(415, 'DOCUMENT_FORMAT_UNKNOWN', 'Berkas ini bukan dokumen Word (.doc) atau lembar kerja Excel (.xls).');
}

/** Which Office file the bytes are, after the checks above. */
export function officeKind(bytes: Uint8Array, format: Exclude<DocumentFormat, 'pdf'>): OfficeKind {
  return format === 'office-open-xml' ? openXmlKind(bytes) : compoundKind(bytes);
}
