/**
 * What a file is, judged by its bytes rather than its name or the client's Content-Type, so that a
 * renamed image or Word document is refused with a message that says what it really is.
 */
import { ImportFileError, ImportTooLargeError } from './errors';

export type ImportFormat = 'xlsx' | 'csv';

interface Signature {
  bytes: readonly number[];
  what: string;
}

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];

const NON_SPREADSHEET: readonly Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x42, 0x4d], what: 'a BMP image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF document' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  {
    // OLE compound file: Excel 97–2003 (.xls), old Word, or a password-protected .xlsx.
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an Excel 97–2003 (.xls) or password-protected workbook; remove any password and save it as .xlsx (Excel Workbook)',
  },
];

function startsWith(buffer: Uint8Array, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

export interface ZipEntry {
  name: string;
  compressedSize: number;
  /** As declared: a guide only, the stream reader counts the real bytes. */
  uncompressedSize: number;
  /** 0 stored, 8 deflate. */
  method: number;
  localHeaderOffset: number;
}

const MAX_ZIP_ENTRIES = 10_000;

/**
 * Lists a ZIP archive from its central directory (no decompression). Throws ImportFileError when
 * the directory is missing or inconsistent, i.e. the file is truncated or not really a ZIP.
 */
export function listZipEntries(buffer: Buffer): ZipEntry[] {
  const corrupt = (detail: string) =>
    new ImportFileError('corrupt', `the XLSX file is damaged or incomplete (${detail})`);
  // End of central directory: 22 bytes plus a comment of up to 65535 bytes, at the end.
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 65535); i--) {
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corrupt('no ZIP directory');
  let count = buffer.readUInt16LE(eocd + 10);
  let dirSize = buffer.readUInt32LE(eocd + 12);
  let dirOffset = buffer.readUInt32LE(eocd + 16);
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    // ZIP64: a locator just before the classic record points at the ZIP64 record.
    const locator = eocd - 20;
    if (locator < 0 || buffer.readUInt32LE(locator) !== 0x07064b50)
      throw corrupt('bad ZIP64 locator');
    const record = Number(buffer.readBigUInt64LE(locator + 8));
    if (record + 56 > buffer.length || buffer.readUInt32LE(record) !== 0x06064b50) {
      throw corrupt('bad ZIP64 directory');
    }
    count = Number(buffer.readBigUInt64LE(record + 32));
    dirSize = Number(buffer.readBigUInt64LE(record + 40));
    dirOffset = Number(buffer.readBigUInt64LE(record + 48));
  }
  if (count > MAX_ZIP_ENTRIES) throw corrupt(`${count} entries`);
  if (dirOffset + dirSize > buffer.length) throw corrupt('directory beyond the end of the file');

  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) {
      throw corrupt('bad directory entry');
    }
    const method = buffer.readUInt16LE(p + 10);
    let localHeaderOffset = buffer.readUInt32LE(p + 42);
    let compressedSize = buffer.readUInt32LE(p + 20);
    let uncompressedSize = buffer.readUInt32LE(p + 24);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extraLength = buffer.readUInt16LE(p + 30);
    const commentLength = buffer.readUInt16LE(p + 32);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > buffer.length) throw corrupt('bad directory entry');
    const name = buffer.toString('utf8', p + 46, p + 46 + nameLength);
    if (
      uncompressedSize === 0xffffffff ||
      compressedSize === 0xffffffff ||
      localHeaderOffset === 0xffffffff
    ) {
      // The real sizes are in the ZIP64 extra field (id 1), in this order, when saturated.
      let q = p + 46 + nameLength;
      const extraEnd = q + extraLength;
      while (q + 4 <= extraEnd) {
        const id = buffer.readUInt16LE(q);
        const size = buffer.readUInt16LE(q + 2);
        if (id === 0x0001) {
          let r = q + 4;
          if (uncompressedSize === 0xffffffff && r + 8 <= extraEnd) {
            uncompressedSize = Number(buffer.readBigUInt64LE(r));
            r += 8;
          }
          if (compressedSize === 0xffffffff && r + 8 <= extraEnd) {
            compressedSize = Number(buffer.readBigUInt64LE(r));
            r += 8;
          }
          if (localHeaderOffset === 0xffffffff && r + 8 <= extraEnd) {
            localHeaderOffset = Number(buffer.readBigUInt64LE(r));
          }
          break;
        }
        q += 4 + size;
      }
    }
    entries.push({ name, compressedSize, uncompressedSize, method, localHeaderOffset });
    p = end;
  }
  return entries;
}

/** What a ZIP that is not an XLSX workbook most likely is. */
function describeZip(names: ReadonlySet<string>): string {
  if (names.has('word/document.xml')) return 'a Word document (.docx), not a spreadsheet';
  if ([...names].some((n) => n.startsWith('ppt/')))
    return 'a PowerPoint presentation, not a spreadsheet';
  if (names.has('content.xml') && names.has('mimetype')) {
    return 'an OpenDocument file (.ods); save it as .xlsx (Excel Workbook)';
  }
  return 'a ZIP archive, not an XLSX workbook';
}

/**
 * Checks that a ZIP is an XLSX workbook and that it does not unpack to more than
 * `maxUncompressedBytes` (a guard against "zip bombs", by the sizes the archive declares).
 */
export function checkXlsxArchive(buffer: Buffer, maxUncompressedBytes: number): void {
  const entries = listZipEntries(buffer);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    throw new ImportFileError('not_spreadsheet', `the file is ${describeZip(names)}`);
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (total > maxUncompressedBytes) {
    throw new ImportTooLargeError(
      'bytes',
      maxUncompressedBytes,
      `the workbook unpacks to ${total} bytes, more than the limit of ${maxUncompressedBytes}`,
    );
  }
}

/**
 * Text, judged loosely: UTF-16 with a BOM, or bytes without NULs and with few control characters.
 * Text in another 8-bit encoding (Windows-1258, TCVN3) counts as text here, so that reading it
 * fails with the precise "not UTF-8" message rather than "not a spreadsheet".
 */
function looksLikeText(sample: Uint8Array): boolean {
  if (startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff])) return true;
  let controls = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  return controls * 100 <= sample.length;
}

const HTML_START = /^\s*<(?:!doctype|html|\?xml|table|head|body)/i;

/**
 * Why a file is not an importable spreadsheet, in words for the user; null when it looks like one
 * (an XLSX workbook, or UTF-8/UTF-16 text for CSV).
 */
export function describeNonSpreadsheet(buffer: Buffer): string | null {
  if (buffer.length === 0) return 'the file is empty';
  if (startsWith(buffer, ZIP_LOCAL_HEADER) || startsWith(buffer, ZIP_EMPTY)) {
    let names: Set<string>;
    try {
      names = new Set(listZipEntries(buffer).map((e) => e.name));
    } catch {
      return null; // a damaged XLSX: reading it gives the better message
    }
    return names.has('xl/workbook.xml') ? null : `the file is ${describeZip(names)}`;
  }
  for (const s of NON_SPREADSHEET) {
    if (startsWith(buffer, s.bytes)) return `the file is ${s.what}, not an XLSX or CSV spreadsheet`;
  }
  const sample = buffer.subarray(0, 65536);
  if (!looksLikeText(sample)) return 'the file is neither an XLSX workbook nor CSV text';
  const head = new TextDecoder('utf-8').decode(sample.subarray(0, 1024)).replace(/^\uFEFF/, '');
  if (HTML_START.test(head)) {
    // Some systems export HTML or XML named ".xls"; Excel opens them, but they are not workbooks.
    return 'the file is an HTML or XML page, not a spreadsheet; open it in Excel and save it as .xlsx (Excel Workbook)';
  }
  return null;
}

/**
 * The format of a file by content: "xlsx" for a ZIP holding an Excel workbook (also a damaged
 * one, which then fails to read with a precise message), "csv" for UTF-8 or UTF-16 text, null for
 * anything else (images, PDF, Word, .xls, HTML…).
 */
export function detectFormat(buffer: Buffer): ImportFormat | null {
  if (describeNonSpreadsheet(buffer) !== null) return null;
  return startsWith(buffer, ZIP_LOCAL_HEADER) || startsWith(buffer, ZIP_EMPTY) ? 'xlsx' : 'csv';
}
