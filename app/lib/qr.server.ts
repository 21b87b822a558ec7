// QR codes drawn on the server as one SVG path (no image files, no downloads at runtime): the
// `qrcode` library computes the modules, React draws the path.
import QRCode from "qrcode";

export interface QrPath {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** SVG path data, one unit square per dark module, offset by the 4-module quiet zone. */
  d: string;
}

export function qrPath(text: string): QrPath {
  const qr = QRCode.create(text, { errorCorrectionLevel: "M" });
  const { size, data } = qr.modules;
  const parts: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) if (data[y * size + x]) parts.push(`M${x + 4} ${y + 4}h1v1h-1z`);
  }
  return { size, d: parts.join("") };
}
