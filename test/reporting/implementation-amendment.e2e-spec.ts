import { createLegalDocument, createRegulation } from '../support/factories';
import { createReportWorld, DAY_MS, ReportWorld, sweep, today } from './reporting-support';

/**
 * Issue 16, RECORD_IMPLEMENTATION: the amending document's number follows the register's own
 * rule, the document is linked to (or added to) the legal-document catalogue, and an amendment
 * that takes effect later counts as implemented from its effective date, by a durable timer.
 */
describe('recording the implementation of a plan', () => {
  let w: ReportWorld;
  let serial = 500;
  beforeAll(async () => {
    w = await createReportWorld();
  });
  afterAll(() => w.t.close());

  async function implementing(): Promise<string> {
    const id = (await createRegulation(w.t, w.a.agency.id, { state: 'awaiting_decision' })).id;
    const decided = await w.t.http
      .post('/decisions')
      .set('Authorization', w.gov.auth)
      .send({
        decisionNumber: `${serial++}/QĐ-TTg`,
        decisionDate: today(w),
        outcome: 'approved',
        implementationDeadline: new Date(w.clock.now().getTime() + 90 * DAY_MS).toISOString(),
        regulationIds: [id],
      });
    expect(decided.status).toBe(201);
    return id;
  }
  const record = (id: string, body: Record<string, unknown>) =>
    w.t.http
      .post(`/regulations/${id}/events`)
      .set('Authorization', w.a.officer.auth)
      .send({ type: 'RECORD_IMPLEMENTATION', ...body });
  const detail = async (id: string) =>
    (await w.t.http.get(`/regulations/${id}`).set('Authorization', w.a.officer.auth)).body;
  const vnDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

  it('refuses a number the register refuses, naming the field', async () => {
    const id = await implementing();
    const res = await record(id, { amendingDocumentNumber: '05/TT-BYT', effectiveDate: today(w) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      {
        field: 'amendingDocumentNumber',
        // In Vietnamese by default (issue 16), the register's rule worded for a circular.
        message: expect.stringMatching(/^số hiệu thông tư phải có năm ban hành/),
      },
    ]);
    const wrongType = await record(id, {
      amendingDocumentNumber: '05/2026/TT-BYT',
      amendingDocumentType: 'decree',
      effectiveDate: today(w),
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].field).toBe('amendingDocumentNumber');
    expect((await detail(id)).stateName).toBe('implementing');
  });

  it('adds the amending document to the catalogue and counts it implemented from its effective date', async () => {
    const id = await implementing();
    const effectiveDate = vnDate(w.clock.now().getTime() + 20 * DAY_MS);
    const res = await record(id, {
      amendingDocumentNumber: '05/2026/TT-BYT',
      effectiveDate,
      amendingDocument: {
        issuer: 'Bộ Y tế',
        title: 'Thông tư sửa đổi thủ tục tự công bố sản phẩm',
        issuedOn: today(w),
      },
    });
    expect(res.status).toBe(200);
    // Recorded, not yet in force: still implementing, and the ledger does not count it yet.
    expect(res.body.state).toEqual({ implementing: 'on_track' });
    const before = await detail(id);
    expect(before.amendment).toMatchObject({
      number: '05/2026/TT-BYT',
      effectiveDate,
      inForce: false,
      legalDocumentId: expect.any(String),
    });
    const doc = await w.t.http.get(`/legal-documents/${before.amendment.legalDocumentId}`);
    expect(doc.body).toMatchObject({
      number: '05/2026/TT-BYT',
      type: 'circular',
      issuer: 'Bộ Y tế',
      effectiveOn: effectiveDate,
    });
    const [line] = await w.t.dataSource.query(
      `SELECT stage, implemented_on FROM progress_line WHERE regulation_id = $1`,
      [id],
    );
    expect(line?.stage ?? 'approved').toBe('approved');
    const [timer] = await w.t.dataSource.query(
      `SELECT due_at, status FROM scheduled_timer WHERE subject_key = $1 AND kind = 'amendment-in-force'`,
      [id],
    );
    expect(timer.status).toBe('pending');
    expect(new Date(timer.due_at).toISOString()).toBe(
      new Date(`${effectiveDate}T00:00:00+07:00`).toISOString(),
    );

    // The day before: nothing. On the effective date: implemented, by the system.
    w.clock.advance(19 * DAY_MS);
    await sweep(w);
    expect((await detail(id)).stateName).toBe('implementing');
    w.clock.advance(1 * DAY_MS);
    await sweep(w);
    const after = await detail(id);
    expect(after.stateName).toBe('implemented');
    expect(after.amendment).toMatchObject({ inForce: true, effectiveDate });
    const history = await w.t.http
      .get(`/regulations/${id}/history`)
      .set('Authorization', w.gov.auth);
    expect(history.body.items.at(-1)).toMatchObject({
      event: 'AMENDMENT_IN_FORCE',
      actorRole: 'system',
      toStateName: 'implemented',
    });
    const [counted] = await w.t.dataSource.query(
      `SELECT stage, to_char(implemented_on, 'YYYY-MM-DD') AS implemented_on
         FROM progress_line WHERE regulation_id = $1`,
      [id],
    );
    if (counted) expect(counted).toEqual({ stage: 'implemented', implemented_on: effectiveDate });
  });

  it('links a catalogue entry by id or by its unique number, and implements at once when in force', async () => {
    const docId = await createLegalDocument(w.t, {
      number: '31/2026/NĐ-CP',
      issuedOn: '2026-02-01',
      effectiveOn: '2026-02-15',
    });
    const byId = await implementing();
    const res = await record(byId, {
      amendingDocumentNumber: '31/2026/NĐ-CP',
      amendingDocumentId: docId,
      effectiveDate: '2026-02-15',
    });
    expect(res.status).toBe(200);
    expect(res.body.stateName).toBe('implemented');
    expect((await detail(byId)).amendment).toMatchObject({ legalDocumentId: docId, inForce: true });

    const byNumber = await implementing();
    expect(
      (
        await record(byNumber, {
          amendingDocumentNumber: '31/2026/NĐ-CP',
          effectiveDate: '2026-02-15',
        })
      ).status,
    ).toBe(200);
    expect((await detail(byNumber)).amendment.legalDocumentId).toBe(docId);

    // Unknown to the catalogue and no details: recorded, not linked.
    const unknown = await implementing();
    await record(unknown, { amendingDocumentNumber: '32/2026/NĐ-CP', effectiveDate: '2026-02-15' });
    expect((await detail(unknown)).amendment).toMatchObject({ legalDocumentId: null });
  });

  it('refuses an unknown or mismatched catalogue id and a bad description (400), changing nothing', async () => {
    const id = await implementing();
    const docId = await createLegalDocument(w.t, { number: '33/2026/NĐ-CP' });
    const unknown = await record(id, {
      amendingDocumentNumber: '33/2026/NĐ-CP',
      amendingDocumentId: '00000000-0000-4000-8000-000000000000',
      effectiveDate: today(w),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('amendingDocumentId');
    const mismatch = await record(id, {
      amendingDocumentNumber: '34/2026/NĐ-CP',
      amendingDocumentId: docId,
      effectiveDate: today(w),
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.errors[0].field).toBe('amendingDocumentNumber');
    const bad = await record(id, {
      amendingDocumentNumber: '35/2026/NĐ-CP',
      effectiveDate: today(w),
      amendingDocument: { issuer: '', title: 'x', issuedOn: '2099-01-01' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'amendingDocument.issuedOn',
      'amendingDocument.issuer',
    ]);
    expect((await detail(id)).stateName).toBe('implementing');
  });
});
