import { createHash, randomUUID } from 'node:crypto';
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_ITEM,
} from '../../src/consultation/consultation.config';
import {
  closeRoundsByDeadline,
  Consultation,
  createWorld,
  event,
  expectStatus,
  giveFeedback,
  openConsultation,
  planReady,
  respond,
  World,
} from './consultation-support';
import { samples } from './sample-files';

/** Supertest collects a binary body into a Buffer only when told to. */
const binary = (res: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('attachments of feedback items', () => {
  let w: World;
  let c: Consultation;
  let itemId: string;

  beforeAll(async () => {
    // Asserts the English texts of refusals (Vietnamese is the default).
    w = await createWorld({ acceptLanguage: 'en' });
    c = await openConsultation(w, await planReady(w));
    itemId = expectStatus(
      await giveFeedback(w, w.association, c.associationRound, {
        content: 'Kết quả khảo sát hội viên kèm theo.',
      }),
      201,
    ).id;
  });
  afterAll(() => w.t.close());

  const upload = (
    who: { auth: string },
    file: Buffer,
    filename: string,
    contentType = 'application/pdf',
    id = itemId,
  ) =>
    w.t.http
      .post(`/feedback/${id}/attachments`)
      .set('Authorization', who.auth)
      .attach('file', file, { filename, contentType });

  const download = (who: { auth: string } | null, url: string) => {
    const req = w.t.http.get(url).buffer(true).parse(binary);
    return who ? req.set('Authorization', who.auth) : req;
  };

  it('stores PDF, DOCX, XLSX, PNG and JPEG with a SHA-256, and serves the same bytes back', async () => {
    const files: Array<[Buffer, string, string, string]> = [
      [samples.pdf(), 'Báo cáo khảo sát.pdf', 'pdf', 'application/pdf'],
      [
        samples.docx(),
        'gop-y.docx',
        'docx',
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        await samples.xlsx(),
        'so-lieu.xlsx',
        'xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [samples.png(), 'anh.png', 'png', 'image/png'],
      [samples.jpeg(), 'anh.jpg', 'jpeg', 'image/jpeg'],
    ];
    for (const [bytes, name, type, mediaType] of files) {
      w.clock.advance(1000); // listed in upload order
      const res = await upload(w.association, bytes, name, 'application/octet-stream');
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      expect(expectStatus(res, 201)).toMatchObject({
        feedbackId: itemId,
        filename: name,
        declaredFilename: null,
        fileType: type,
        mediaType,
        sizeBytes: bytes.length,
        sha256,
      });
      const got = await download(w.officer, res.body.url);
      expect(got.status).toBe(200);
      expect(got.headers['content-type']).toBe(mediaType);
      expect(got.headers['content-disposition']).toMatch(/^attachment; /);
      expect(got.headers.etag).toBe(`"${sha256}"`);
      expect(got.headers['repr-digest']).toBe(
        `sha-256=:${Buffer.from(sha256, 'hex').toString('base64')}:`,
      );
      expect(got.headers['x-content-type-options']).toBe('nosniff');
      expect(Buffer.compare(got.body, bytes)).toBe(0);
    }
    const item = expectStatus(
      await w.t.http.get(`/feedback/${itemId}`).set('Authorization', w.association.auth),
      200,
    );
    expect(item.attachments.map((a: { fileType: string }) => a.fileType)).toEqual([
      'pdf',
      'docx',
      'xlsx',
      'png',
      'jpeg',
    ]);
    const first = await download(w.association, item.attachments[0].url);
    expect(first.headers['content-disposition']).toBe(
      `attachment; filename="Bao cao khao sat.pdf"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20kh%E1%BA%A3o%20s%C3%A1t.pdf`,
    );
  });

  it('stores a PNG sent as "bang.pdf" as the PNG it is, under a name that says so', async () => {
    const res = expectStatus(await upload(w.association, samples.png(), 'bang.pdf'), 201);
    expect(res).toMatchObject({
      fileType: 'png',
      mediaType: 'image/png',
      filename: 'bang.png',
      declaredFilename: 'bang.pdf',
    });
    const got = await download(w.gov, res.url);
    expect(got.headers['content-type']).toBe('image/png');
  });

  it('refuses a program or a web page named .pdf (415), whatever Content-Type was declared', async () => {
    const exe = await upload(w.association, samples.exe(), 'quyet-dinh.pdf');
    expect(exe.status).toBe(415);
    expect(exe.headers['content-type']).toMatch(/problem\+json/);
    expect(exe.body.errors[0]).toEqual({
      field: 'file',
      message:
        'the file is a Windows program (EXE/DLL); attach PDF, DOCX, XLSX, PNG, JPEG (recognised by content, not by name)',
    });
    const html = await upload(w.association, samples.html(), 'bao-cao.pdf');
    expect(html.status).toBe(415);
    expect(html.body.detail).toMatch(/an HTML or SVG page/);
    const word97 = await upload(
      w.association,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(64),
      ]),
      'cu.doc',
      'application/msword',
    );
    expect(word97.status).toBe(415);
    const [{ n }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM feedback_attachment WHERE filename LIKE 'quyet-dinh%' OR filename LIKE 'bao-cao%'`,
    );
    expect(n).toBe(0);
  });

  it('refuses a file over the limit with 413 and a missing file with 400', async () => {
    const big = Buffer.concat([samples.pdf(), Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20)]);
    const res = await upload(w.association, big, 'lon.pdf');
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.body).toMatchObject({ maxBytes: MAX_ATTACHMENT_BYTES });
    expect(res.body.errors[0].field).toBe('file');
    // Exactly at the limit is accepted.
    const exact = Buffer.concat([
      samples.pdf(),
      Buffer.alloc(MAX_ATTACHMENT_BYTES - samples.pdf().length),
    ]);
    expect(expectStatus(await upload(w.association, exact, 'vua.pdf'), 201).sizeBytes).toBe(
      MAX_ATTACHMENT_BYTES,
    );
    const none = await w.t.http
      .post(`/feedback/${itemId}/attachments`)
      .set('Authorization', w.association.auth)
      .field('note', 'không có tệp');
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('file');
    const wrongField = await w.t.http
      .post(`/feedback/${itemId}/attachments`)
      .set('Authorization', w.association.auth)
      .attach('document', samples.pdf(), 'a.pdf');
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.errors[0].field).toBe('file');
  });

  it('lets only the author attach, and only to an item that exists and that they see', async () => {
    const other = await upload(w.association2, samples.pdf(), 'x.pdf');
    expect(other.status).toBe(404); // another association does not see the item
    const officer = await upload(w.officer, samples.pdf(), 'x.pdf');
    expect(officer.status).toBe(403); // the route is for commenters
    expect(
      (await upload(w.association, samples.pdf(), 'x.pdf', 'application/pdf', randomUUID())).status,
    ).toBe(404);
  });

  it('keeps the limit of attachments per item under parallel uploads', async () => {
    const id = expectStatus(
      await giveFeedback(w, w.association, c.associationRound, {
        content: 'Nhiều tệp đính kèm gửi cùng lúc.',
      }),
      201,
    ).id;
    const statuses = await Promise.all(
      Array.from({ length: MAX_ATTACHMENTS_PER_ITEM + 3 }, (_, i) =>
        upload(w.association, samples.pdf(), `tep-${i}.pdf`, 'application/pdf', id).then(
          (r) => r.status,
        ),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(MAX_ATTACHMENTS_PER_ITEM);
    expect(statuses.filter((s) => s === 409)).toHaveLength(3);
    const [{ n }] = await w.t.dataSource.query(
      `SELECT count(*)::int AS n FROM feedback_attachment WHERE feedback_id = $1`,
      [id],
    );
    expect(n).toBe(MAX_ATTACHMENTS_PER_ITEM);
  });

  it('shows downloads to those who may read the item, and to everyone once published', async () => {
    const item = expectStatus(
      await w.t.http.get(`/feedback/${itemId}`).set('Authorization', w.officer.auth),
      200,
    );
    const url = item.attachments[0].url;
    for (const who of [w.association, w.officer, w.lead, w.gov, w.admin]) {
      expect((await download(who, url)).status).toBe(200);
    }
    for (const who of [w.association2, w.expert, w.otherOfficer, null]) {
      expect((await download(who, url)).status).toBe(404);
    }
    expect(
      (await download(w.officer, `/feedback/${itemId}/attachments/${randomUUID()}`)).status,
    ).toBe(404);

    // The round closes: no more files. The answer is given and the cycle submitted: published.
    await closeRoundsByDeadline(w);
    const late = await upload(w.association, samples.pdf(), 'muon.pdf');
    expect(late.status).toBe(409);
    const items = expectStatus(
      await w.t.http
        .get(`/regulations/${c.regulationId}/feedback?unanswered=true&limit=500`)
        .set('Authorization', w.lead.auth),
      200,
    ).items;
    for (const i of items) {
      expectStatus(
        await respond(w, w.officer, i.id, { disposition: 'rejected', explanation: 'Đã xem xét.' }),
        200,
      );
    }
    await event(w, w.lead, c.regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    for (const who of [w.association2, w.expert, w.otherOfficer, null]) {
      expect((await download(who, url)).status).toBe(200);
    }
  });
});
