import { zip } from '../support/zip';
import { Workbook } from 'exceljs';

export const samples = {
  pdf: () =>
    Buffer.from(
      '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
      'latin1',
    ),
  png: () =>
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('\x00\x00\x00\x0dIHDR', 'latin1'),
      Buffer.alloc(64, 1),
    ]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]),
  docx: () =>
    zip({
      '[Content_Types].xml': '<Types/>',
      '_rels/.rels': '<Relationships/>',
      'word/document.xml': '<w:document/>',
    }),
  xlsx: async () => {
    const wb = new Workbook();
    wb.addWorksheet('Khảo sát').addRow(['Doanh nghiệp', 'Số giờ']);
    return Buffer.from(await wb.xlsx.writeBuffer());
  },
  exe: () => Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(128, 0)]),
  html: () => Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>', 'utf8'),
};
