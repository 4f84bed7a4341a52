/**
 * What an uploaded attachment really is, judged by its bytes (magic numbers, and the entries of a
 * ZIP for Office files), never by its name or the Content-Type the client declared. Pure.
 */
import { cleanText } from '../../common/clean-text';
import { listZipEntries } from '../../register/import/format';

export const ATTACHMENT_TYPES = ['pdf', 'docx', 'xlsx', 'png', 'jpeg'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

export const MEDIA_TYPES: Readonly<Record<AttachmentType, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
};

/** Accepted file-name extensions per type; the first is the one a corrected name gets. */
const EXTENSIONS: Readonly<Record<AttachmentType, readonly string[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
};

export type Detection = { ok: true; type: AttachmentType } | { ok: false; what: string };

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // "PK\x03\x04"

/** Files people try to attach that are not accepted, to say what the file is. */
const REFUSED: ReadonlyArray<{ bytes: readonly number[]; what: string }> = [
  { bytes: [0x4d, 0x5a], what: 'a Windows program (EXE/DLL)' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: 'a Linux program (ELF)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], what: 'a macOS program' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x42, 0x4d], what: 'a BMP image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: 'a 7-Zip archive' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    what: 'an old Office file (.doc/.xls) or a password-protected document',
  },
];

function startsWith(buffer: Uint8Array, bytes: readonly number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

function describeText(buffer: Buffer): string | null {
  const head = buffer
    .subarray(0, 1024)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  if (/^\s*<(?:!doctype\s+html|html|head|body|script|svg|iframe)/i.test(head)) {
    return 'an HTML or SVG page';
  }
  if (/^\s*<\?xml/i.test(head)) return 'an XML file';
  const sample = buffer.subarray(0, 4096);
  if (sample.every((b) => b === 0x09 || b === 0x0a || b === 0x0d || b >= 0x20)) {
    return 'a text file';
  }
  return null;
}

/** Recognises PDF, DOCX, XLSX, PNG and JPEG; says what anything else is. */
export function detectAttachmentType(buffer: Buffer): Detection {
  if (buffer.length === 0) return { ok: false, what: 'an empty file' };
  if (startsWith(buffer, PDF)) return { ok: true, type: 'pdf' };
  if (startsWith(buffer, PNG)) return { ok: true, type: 'png' };
  if (startsWith(buffer, JPEG)) return { ok: true, type: 'jpeg' };
  if (startsWith(buffer, ZIP)) {
    let names: Set<string>;
    try {
      names = new Set(listZipEntries(buffer).map((e) => e.name));
    } catch {
      return { ok: false, what: 'a damaged or incomplete ZIP/Office file' };
    }
    // DOCX and XLSX are both ZIP packages: their parts tell them apart.
    const office = names.has('[Content_Types].xml');
    if (office && names.has('word/document.xml')) return { ok: true, type: 'docx' };
    if (office && names.has('xl/workbook.xml')) return { ok: true, type: 'xlsx' };
    if ([...names].some((n) => n.startsWith('ppt/')))
      return { ok: false, what: 'a PowerPoint file' };
    if (names.has('mimetype') && names.has('content.xml')) {
      return { ok: false, what: 'an OpenDocument file (.odt/.ods)' };
    }
    return { ok: false, what: 'a ZIP archive' };
  }
  for (const r of REFUSED) if (startsWith(buffer, r.bytes)) return { ok: false, what: r.what };
  return { ok: false, what: describeText(buffer) ?? 'a file of a type that is not accepted' };
}

/**
 * The name to keep and offer on download: the last path segment of what the uploader sent,
 * without control characters, and with an extension that matches the detected type (a PNG named
 * `bang.pdf` becomes `bang.png`, so it opens in the right program).
 */
export function attachmentFilename(declared: string | undefined, type: AttachmentType): string {
  // Bidi overrides go too: "invoice\u202Egpj.png" would display as "invoicegnp.jpg".
  let name = cleanText(declared ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001F\u007F"]/g, '')
    .trim();
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const stem = dot > 0 ? name.slice(0, dot) : name;
  if (!EXTENSIONS[type].includes(ext)) {
    // Replace a known document/image extension; keep anything else as part of the name.
    const known = /^(pdf|docx?|xlsx?|png|jpe?g|gif|bmp|tiff?|txt|html?|exe|zip)$/.test(ext);
    name = `${known ? stem : name}.${EXTENSIONS[type][0]}`;
  }
  if (name.startsWith('.')) name = `tep-dinh-kem${name}`;
  const chars = [...name];
  if (chars.length > 200) {
    const suffix = `.${EXTENSIONS[type][0]}`;
    name = chars.slice(0, 200 - suffix.length).join('') + suffix;
  }
  return name;
}

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266/5987), so
 * "Báo cáo khảo sát.pdf" downloads with its Vietnamese name.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
