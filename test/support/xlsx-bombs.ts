/**
 * Hostile XLSX files, built in the test: small to write and to upload, large once unpacked. The
 * sheet is deflated as a stream from a repeated chunk, so building a 250 MB bomb holds only its
 * compressed bytes.
 */
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { IMPORT_COLUMNS } from '../../src/register/import/columns';
import { PackedEntry, zipPacked } from './zip';

interface Part {
  name: string;
  /** Small parts: the text. Big ones: a head, a chunk repeated `times`, and a tail. */
  text?: string;
  head?: string;
  chunk?: string;
  times?: number;
  tail?: string;
  /** Uncompressed size written in the headers; the real size unless the ZIP is to lie. */
  declaredSize?: number;
}

async function deflatePart(part: Part): Promise<{ packed: Buffer; size: number; crc: number }> {
  if (part.text !== undefined) {
    const data = Buffer.from(part.text, 'utf8');
    return { packed: deflateRawSync(data), size: data.length, crc: crc32(data) };
  }
  const head = Buffer.from(part.head ?? '', 'utf8');
  const chunk = Buffer.from(part.chunk ?? '', 'utf8');
  const tail = Buffer.from(part.tail ?? '', 'utf8');
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflater.on('end', resolve);
    deflater.on('error', reject);
  });
  let crc = crc32(head);
  let size = head.length;
  const write = (b: Buffer) =>
    deflater.write(b) ? Promise.resolve() : new Promise<void>((r) => deflater.once('drain', r));
  await write(head);
  // Many copies per write: fewer calls, still a bounded buffer.
  const batch = Buffer.concat(
    Array.from({ length: Math.max(1, Math.floor(65536 / Math.max(1, chunk.length))) }, () => chunk),
  );
  const perBatch = batch.length / Math.max(1, chunk.length);
  let left = part.times ?? 0;
  while (left > 0) {
    const piece = left >= perBatch ? batch : batch.subarray(0, left * chunk.length);
    crc = crc32(piece, crc);
    size += piece.length;
    await write(piece);
    left -= piece.length / chunk.length;
  }
  crc = crc32(tail, crc);
  size += tail.length;
  deflater.end(tail);
  await done;
  return { packed: Buffer.concat(out), size, crc };
}

async function zipParts(parts: Part[]): Promise<Buffer> {
  const entries: PackedEntry[] = [];
  for (const part of parts) {
    const { packed, size, crc } = await deflatePart(part);
    entries.push({ name: part.name, packed, crc, declaredSize: part.declaredSize ?? size });
  }
  return zipPacked(entries);
}

const WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Quy định" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
/** The template's header row as inline strings. */
const HEADER_ROW = `<row r="1">${IMPORT_COLUMNS.map((c) => `<c t="inlineStr"><is><t>${escape(c.header)}</t></is></c>`).join('')}</row>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${HEADER_ROW}`;
const SHEET_TAIL = '</sheetData></worksheet>';

function workbook(sheet: Part): Promise<Buffer> {
  return zipParts([
    { name: 'xl/workbook.xml', text: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', text: RELS },
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
}

/** The template header, then `rows` rows of `<row><c><v>1</v></c></row>` (9.5 M ≈ 250 MB unpacked). */
export function rowBomb(rows = 9_500_000): Promise<Buffer> {
  return workbook({
    name: '',
    head: SHEET_HEAD,
    chunk: '<row><c><v>1</v></c></row>',
    times: rows,
    tail: SHEET_TAIL,
  });
}

/** The template header, then one cell of `bytes` digits (250 MB by default). */
export function cellBomb(bytes = 250 * 1024 * 1024): Promise<Buffer> {
  return workbook({
    name: '',
    head: `${SHEET_HEAD}<row r="2"><c r="A2" t="str"><v>`,
    chunk: '1111111111111111',
    times: Math.floor(bytes / 16),
    tail: `</v></c></row>${SHEET_TAIL}`,
  });
}

/**
 * A sheet whose headers claim 1 KB but which unpacks to `bytes` of XML comments (no row, no long
 * token: only the byte count as it flows stops it).
 */
export function lyingHeadersBomb(bytes = 400 * 1024 * 1024): Promise<Buffer> {
  const chunk = '<!-- padding padding -->';
  return workbook({
    name: '',
    head: SHEET_HEAD,
    chunk,
    times: Math.floor(bytes / chunk.length),
    tail: SHEET_TAIL,
    declaredSize: 1024,
  });
}
