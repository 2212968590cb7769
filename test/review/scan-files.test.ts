// The checks of an uploaded signed scan before it is kept: its type by its first bytes (not its name or header), and
// the original name sent in X-Nama-Berkas made safe to store and to send back in Content-Disposition.
import { describe, expect, it } from 'vitest';
import { attachment, scanName, sniffScanType } from '../../server/review/signature/scan.routes';

describe('sniffScanType', () => {
  it('knows PDF, PNG and JPEG by their signatures', async () => {
    const { PDFDocument } = await import('pdf-lib');
    const pdf = await (await PDFDocument.create()).save();
    expect(sniffScanType(pdf)).toBe('application/pdf');
    // A PNG as the qrcode package writes it, and a JPEG's start of image with a JFIF segment.
    const { default: QRCode } = await import('qrcode');
    expect(sniffScanType(await QRCode.toBuffer('7KQM-2XH9-RT4B', { type: 'png' }))).toBe('image/png');
    expect(sniffScanType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe('image/jpeg');
  });

  it('refuses anything else, including a near miss and a file too short for any signature', () => {
    for (const bytes of ['<html>', 'PDF-1.7', '%PDF1.7', 'GIF89a', '\x89PNG\r\n\x1a', '', '%']) expect(sniffScanType(Buffer.from(bytes, 'latin1')), JSON.stringify(bytes)).toBeUndefined();
    expect(sniffScanType(Buffer.from([0xff, 0xd8, 0x00]))).toBeUndefined();
  });
});

describe('scanName', () => {
  it('decodes a percent-encoded UTF-8 name and keeps a plain one', () => {
    expect(scanName(encodeURIComponent('SOP ttd basah – Dinas Kesehatan.pdf'), 'x')).toBe('SOP ttd basah – Dinas Kesehatan.pdf');
    expect(scanName('pindaian 100%.pdf', 'x')).toBe('pindaian 100%.pdf');
  });

  it('drops folders and control characters, limits the length, and falls back when nothing is left', () => {
    expect(scanName('C:\\Users\\budi\\Desktop\\sop.pdf', 'x')).toBe('sop.pdf');
    expect(scanName('../../etc/passwd', 'x')).toBe('passwd');
    expect(scanName(encodeURIComponent('a\r\nb\u0000.pdf'), 'x')).toBe('ab.pdf');
    expect(scanName('n'.repeat(300), 'x')).toHaveLength(200);
    expect(scanName(undefined, 'pindaian-7KQM-2XH9-RT4B.pdf')).toBe('pindaian-7KQM-2XH9-RT4B.pdf');
    expect(scanName('  /  ', 'cadangan.pdf')).toBe('cadangan.pdf');
  });
});

describe('attachment', () => {
  it('gives an ASCII file name with the stored type\'s extension and the original in UTF-8', () => {
    expect(attachment('SOP ttd – final.PDF', 'pdf')).toBe(`attachment; filename="SOP-ttd-final.pdf"; filename*=UTF-8''${encodeURIComponent('SOP ttd – final.PDF')}`);
    expect(attachment('"; evil=1', 'png')).toBe(`attachment; filename="evil-1.png"; filename*=UTF-8''${encodeURIComponent('"; evil=1')}`);
    expect(attachment('…', 'jpg')).toMatch(/^attachment; filename="berkas\.jpg"/);
    // RFC 5987 leaves no apostrophe, parenthesis or star unencoded in the extended value.
    expect(attachment("SOP Ka'bah (1)*.pdf", 'pdf')).toBe(`attachment; filename="SOP-Ka-bah-1.pdf"; filename*=UTF-8''SOP%20Ka%27bah%20%281%29%2A.pdf`);
  });
});
