import ExcelJS from 'exceljs';
import { createAgency, createRegulation, createUser, TestUser } from '../support/factories';
import { createTestApp, FixedClock, TestApp } from '../support/test-app';

const binary = (r: any, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c: Buffer) => chunks.push(c));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('legal documents, programmes, sectors and exports', () => {
  let t: TestApp;
  let officer: TestUser;
  let colleague: TestUser;
  let otherOfficer: TestUser;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date('2026-11-26T03:00:00Z')) });
    const ministry = await createAgency(t, 'ministry');
    officer = await createUser(t, 'ministry_officer', ministry);
    colleague = await createUser(t, 'ministry_lead', ministry);
    otherOfficer = await createUser(t, 'ministry_officer');
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());

  const doc = (over: Record<string, unknown> = {}) => ({
    number: '23/2021/qđ-ttg',
    type: 'pm_decision',
    issuer: 'Thủ tướng Chính phủ',
    title: 'Quyết định về thí điểm',
    issuedOn: '2021-07-19',
    effectiveOn: '2021-09-01',
    ...over,
  });

  it('adds a document with a normalised number; refuses bad numbers and duplicates', async () => {
    const created = await t.http
      .post('/legal-documents')
      .set('Authorization', officer.auth)
      .send(doc())
      .expect(201);
    expect(created.body).toMatchObject({
      number: '23/2021/QĐ-TTg',
      type: 'pm_decision',
      typeLabel: expect.stringContaining('Quyết định'),
    });
    const dup = await t.http
      .post('/legal-documents')
      .set('Authorization', otherOfficer.auth)
      .send(doc({ number: '23/2021/QĐ-TTg' }))
      .expect(409);
    expect(dup.body.existingId).toBe(created.body.id);
    // The same number from another issuer or another date is another document.
    await t.http
      .post('/legal-documents')
      .set('Authorization', otherOfficer.auth)
      .send(doc({ issuer: 'Bộ Công Thương', number: '23/2021/QĐ-TTg' }))
      .expect(201);
    const bad = await t.http
      .post('/legal-documents')
      .set('Authorization', officer.auth)
      .send(doc({ number: '15/NĐ', type: 'decree', effectiveOn: '2020-01-01' }))
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['number', 'effectiveOn']),
    );
    await t.http.post('/legal-documents').set('Authorization', admin.auth).send(doc()).expect(403);
    await t.http.get(`/legal-documents/${created.body.id}`).expect(200);
  });

  it('lets the creating agency or an admin correct a document, and re-indexes its regulations', async () => {
    const created = (
      await t.http
        .post('/legal-documents')
        .set('Authorization', officer.auth)
        .send(doc({ number: '8/2022/QĐ-TTg', issuedOn: '2022-03-01', effectiveOn: '2022-03-01' }))
        .expect(201)
    ).body;
    const reg = await createRegulation(t, officer.agencyId, {
      state: 'review',
      legalDocumentId: created.id,
      title: 'Quy định thí điểm',
    });
    await t.http
      .patch(`/legal-documents/${created.id}`)
      .set('Authorization', otherOfficer.auth)
      .send({ title: 'x' })
      .expect(403);
    await t.http
      .patch(`/legal-documents/${created.id}`)
      .set('Authorization', colleague.auth)
      .send({ number: '9/2022/QĐ-TTg' })
      .expect(200);
    const found = await t.http
      .get('/regulations')
      .query({ search: 'quyet dinh 9/2022', agencyId: officer.agencyId })
      .expect(200);
    expect(found.body.items.map((r: { id: string }) => r.id)).toEqual([reg.id]);
    const byAdmin = await t.http
      .patch(`/legal-documents/${created.id}`)
      .set('Authorization', admin.auth)
      .send({ expiredOn: '2030-01-01' })
      .expect(200);
    expect(byAdmin.body.expiredOn).toBe('2030-01-01');
  });

  it('seeds NQ68 and NQ66 with their dates and targets; admins add and edit programmes', async () => {
    const list = await t.http.get('/programmes').set('Authorization', officer.auth).expect(200);
    const byCode = Object.fromEntries(list.body.items.map((p: { code: string }) => [p.code, p]));
    expect(byCode.NQ68).toMatchObject({
      startDate: '2020-05-12',
      endDate: '2025-12-31',
      baselineDate: '2020-05-31',
      targetCountPct: 20,
      targetCostPct: 20,
      minConsultationDays: 30,
    });
    expect(byCode.NQ66).toMatchObject({
      startDate: '2025-03-26',
      endDate: '2026-12-31',
      baselineDate: '2024-12-31',
      targetCountPct: 30,
      targetCostPct: 30,
    });
    expect(byCode.NQ68.categories).toHaveLength(6);
    const created = await t.http
      .post('/programmes')
      .set('Authorization', admin.auth)
      .send({
        code: 'NQ-TEST',
        name: 'Chương trình thử',
        startDate: '2027-01-01',
        endDate: '2027-12-31',
        baselineDate: '2026-12-31',
        targetCountPct: 10,
        targetCostPct: 15.5,
        minConsultationDays: 0,
        categories: ['business_condition'],
      })
      .expect(201);
    expect(created.body).toMatchObject({ minConsultationDays: 0, targetCostPct: 15.5 });
    const patched = await t.http
      .patch(`/programmes/${created.body.id}`)
      .set('Authorization', admin.auth)
      .send({ targetCountPct: 12 })
      .expect(200);
    expect(patched.body).toMatchObject({ targetCountPct: 12, minConsultationDays: 0 });
    const bad = await t.http
      .patch(`/programmes/${created.body.id}`)
      .set('Authorization', admin.auth)
      .send({ minConsultationDays: -1, endDate: '2026-01-01' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('minConsultationDays');
    await t.http.post('/programmes').set('Authorization', officer.auth).send({}).expect(403);
  });

  it('lists the seeded sectors; admins add one', async () => {
    const list = await t.http.get('/sectors').set('Authorization', officer.auth).expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([{ code: 'food_safety', name: 'An toàn thực phẩm', active: true }]),
    );
    await t.http
      .post('/sectors')
      .set('Authorization', admin.auth)
      .send({ code: 'logistics', name: 'Dịch vụ logistics' })
      .expect(201);
    await t.http
      .post('/sectors')
      .set('Authorization', admin.auth)
      .send({ code: 'Bad Code', name: 'x y' })
      .expect(400);
  });

  it('exports a filtered list as CSV and XLSX, with only what the caller may see', async () => {
    const agency = await createAgency(t, 'ministry');
    const published = await createRegulation(t, agency.id, {
      state: 'review',
      title: 'Điều kiện kinh doanh xăng dầu',
    });
    const draft = await createRegulation(t, agency.id, { title: 'Bản nháp' });
    const csv = await t.http
      .get('/regulations/export.csv')
      .query({ agencyId: agency.id })
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.trim().split(/\r\n/);
    expect(lines[0]).toContain('Số hiệu văn bản');
    expect(lines).toHaveLength(2);
    expect(csv.text).toContain(published.id);
    expect(csv.text).not.toContain(draft.id);

    const gov = await createUser(t, 'gov_office');
    const xlsx = await t.http
      .get('/regulations/export.xlsx')
      .query({ agencyId: agency.id })
      .set('Authorization', gov.auth)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const sheet = wb.worksheets[0];
    expect(sheet.actualRowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Số hiệu văn bản');
  });

  // Found by the OpenAPI fuzzer: the filters were checked after the 200 was sent, so the
  // problem could not follow and the download never ended.
  it('answers an export with an unknown programme as a 400 problem naming it, not a cut stream', async () => {
    for (const path of ['/regulations/export.csv', '/regulations/export.xlsx']) {
      const res = await t.http
        .get(path)
        .query({ programme: 'NO-SUCH' })
        .timeout(10_000)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([
        { field: 'programme', message: 'không có chương trình "NO-SUCH"' },
      ]);
    }
  });
});
