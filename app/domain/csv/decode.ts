// Bytes of an uploaded file → text: UTF-8 (a BOM is stripped), or UTF-16 LE/BE when the file starts
// with its BOM. Anything else (Windows-1252/Latin-1 bytes, an .xlsx workbook, UTF-16 without BOM)
// is a FileError that says how to save the file as "CSV UTF-8". Pure module.

const SAVE_AS_UTF8 = 'In Excel use "Save As" → "CSV UTF-8 (Comma delimited) (*.csv)" and upload that file.';

/** A problem with the file as a whole, with the line it was found on when there is one. */
export class FileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export function decode(input: Uint8Array | string, maxBytes: number): string {
  if (typeof input === "string") {
    const size = input.length > maxBytes ? input.length : utf8Length(input, maxBytes);
    if (size > maxBytes) throw new FileError(`The file is ${formatSize(size)}; the limit is ${formatSize(maxBytes)}.`);
    return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }
  const bytes = input;
  if (bytes.length > maxBytes) throw new FileError(`The file is ${formatSize(bytes.length)}; the limit is ${formatSize(maxBytes)}.`);
  if (bytes.length === 0) throw new FileError("The file is empty.");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new FileError(`This is an Excel workbook (.xlsx), not a CSV file. ${SAVE_AS_UTF8}`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    throw new FileError(`This is an old Excel workbook (.xls), not a CSV file. ${SAVE_AS_UTF8}`);
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    try {
      // The decoder drops the BOM itself.
      return new TextDecoder(encoding, { fatal: true }).decode(bytes);
    } catch {
      throw new FileError(`The file starts like UTF-16 text but is not valid UTF-16. ${SAVE_AS_UTF8}`);
    }
  }
  if (bytes.indexOf(0) !== -1) {
    throw new FileError(
      `The file contains NUL bytes: it is either not a text file or UTF-16 text without a byte-order mark. ${SAVE_AS_UTF8}`,
    );
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const where =
      at < 0
        ? ""
        : ` Line ${lineOfByte(bytes, at)} has a byte (0x${(bytes[at] ?? 0).toString(16).toUpperCase()}) that is not UTF-8, ` +
          "typically an accented letter saved as Windows-1252/Latin-1.";
    throw new FileError(`The file is not UTF-8 text.${where} ${SAVE_AS_UTF8}`, at < 0 ? undefined : lineOfByte(bytes, at));
  }
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** UTF-8 byte length of a string, stopping early once it exceeds `cap`. */
function utf8Length(s: string, cap: number): number {
  let n = 0;
  for (let i = 0; i < s.length && n <= cap; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** "210 MB", "3.5 MB", "12 KB", "900 bytes" (1 MB = 1,048,576 bytes, as file managers show it). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (kb < 1024) return `${kb < 10 ? kb.toFixed(1) : Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Offset of the first byte that breaks UTF-8 (only called once TextDecoder has refused the file). */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, min] = [1, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, min] = [2, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (b[i] === 10) line++;
  return line;
}
