// The QR code printed on a signed SOP: the public verification address as an inline SVG (no image request; the SOP's
// Content-Security-Policy allows none). Error correction M survives a worn or stamped print; the quiet zone is left to
// the layout (margin 0) so the SVG's box is the symbol itself.
import QRCode from 'qrcode';

/** An `<svg>` element (viewBox only: size it with CSS) encoding `text`. */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  // The package ends its output with a newline; the SOP's HTML is easier to test without it.
  return svg.trim();
}
