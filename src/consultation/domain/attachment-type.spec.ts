import { samples } from '../../../test/consultation/sample-files';
import { zip } from '../../../test/support/zip';
import { attachmentFilename, contentDisposition, detectAttachmentType } from './attachment-type';

describe('attachment types are recognised by content', () => {
  it('recognises PDF, PNG, JPEG, DOCX and XLSX', async () => {
    expect(detectAttachmentType(samples.pdf())).toEqual({ ok: true, type: 'pdf' });
    expect(detectAttachmentType(samples.png())).toEqual({ ok: true, type: 'png' });
    expect(detectAttachmentType(samples.jpeg())).toEqual({ ok: true, type: 'jpeg' });
    expect(detectAttachmentType(samples.docx())).toEqual({ ok: true, type: 'docx' });
    expect(detectAttachmentType(await samples.xlsx())).toEqual({ ok: true, type: 'xlsx' });
  });

  it('tells DOCX and XLSX apart by their entries, not by being ZIPs', () => {
    expect(
      detectAttachmentType(zip({ '[Content_Types].xml': '<T/>', 'xl/workbook.xml': '<w/>' })),
    ).toEqual({ ok: true, type: 'xlsx' });
    expect(detectAttachmentType(zip({ 'word/document.xml': '<w/>' }))).toMatchObject({
      ok: false,
      what: 'a ZIP archive',
    });
    expect(detectAttachmentType(zip({ 'ppt/presentation.xml': '<p/>' }))).toMatchObject({
      what: 'a PowerPoint file',
    });
  });

  it('refuses programs, web pages, other images, text and damaged archives, saying what they are', () => {
    expect(detectAttachmentType(samples.exe())).toEqual({
      ok: false,
      what: 'a Windows program (EXE/DLL)',
    });
    expect(detectAttachmentType(samples.html())).toEqual({
      ok: false,
      what: 'an HTML or SVG page',
    });
    expect(detectAttachmentType(Buffer.from('<svg onload="x()"/>'))).toMatchObject({
      what: 'an HTML or SVG page',
    });
    expect(detectAttachmentType(Buffer.from('GIF89a....'))).toMatchObject({ what: 'a GIF image' });
    expect(detectAttachmentType(Buffer.from('chỉ là văn bản'))).toMatchObject({
      what: 'a text file',
    });
    expect(detectAttachmentType(Buffer.alloc(0))).toMatchObject({ what: 'an empty file' });
    expect(detectAttachmentType(samples.docx().subarray(0, 40))).toMatchObject({
      what: 'a damaged or incomplete ZIP/Office file',
    });
    // "%PDF" somewhere later does not make an HTML page a PDF.
    expect(detectAttachmentType(Buffer.from('<html>%PDF-1.7</html>')).ok).toBe(false);
  });
});

describe('attachment file names', () => {
  it('keeps a matching name and fixes an extension that lies about the content', () => {
    expect(attachmentFilename('Báo cáo khảo sát.pdf', 'pdf')).toBe('Báo cáo khảo sát.pdf');
    expect(attachmentFilename('anh.JPG', 'jpeg')).toBe('anh.JPG');
    expect(attachmentFilename('bang.pdf', 'png')).toBe('bang.png');
    expect(attachmentFilename('so-lieu', 'xlsx')).toBe('so-lieu.xlsx');
    expect(attachmentFilename('v1.2 final', 'docx')).toBe('v1.2 final.docx');
  });

  it('drops bidi overrides, so a name cannot display another extension', () => {
    expect(attachmentFilename('invoice\u202Egpj.exe', 'png')).toBe('invoicegpj.png');
    expect(attachmentFilename('ba\u2066o\u2069 ca\u200Fo\u00A0.pdf', 'pdf')).toBe('bao cao .pdf');
  });

  it('drops paths and control characters, and names an unnamed file', () => {
    expect(attachmentFilename('C:\\Users\\a\\..\\evil\r\n.pdf', 'pdf')).toBe('evil.pdf');
    expect(attachmentFilename('../../etc/passwd', 'png')).toBe('passwd.png');
    expect(attachmentFilename(undefined, 'png')).toBe('tep-dinh-kem.png');
    expect([...attachmentFilename('x'.repeat(500) + '.pdf', 'pdf')].length).toBe(200);
  });

  it('offers the Vietnamese name for download with an ASCII fallback', () => {
    expect(contentDisposition('Báo cáo "đợt 1".pdf')).toBe(
      `attachment; filename="Bao cao _dot 1_.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20%22%C4%91%E1%BB%A3t%201%22.pdf`,
    );
  });
});
