import {
  createAgency,
  createLegalDocument,
  createRegulation,
  createUser,
  TestUser,
} from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('the register of regulations', () => {
  let t: TestApp;
  let officer: TestUser;
  let otherOfficer: TestUser;
  let gov: TestUser;
  let association: TestUser;
  let docId: string;
  beforeAll(async () => {
    t = await createTestApp();
    const ministry = await createAgency(t, 'ministry');
    officer = await createUser(t, 'ministry_officer', ministry);
    otherOfficer = await createUser(t, 'ministry_officer');
    gov = await createUser(t, 'gov_office');
    association = await createUser(t, 'association');
    docId = await createLegalDocument(t, {
      number: '15/2018/NĐ-CP',
      title: 'Nghị định quy định chi tiết một số điều của Luật An toàn thực phẩm',
      issuedOn: '2018-02-02',
      effectiveOn: '2018-02-02',
    });
  });
  afterAll(() => t.close());

  const body = (over: Record<string, unknown> = {}) => ({
    legalDocumentId: docId,
    provision: 'Điều 4 khoản 1',
    title: 'Thủ tục tự công bố sản phẩm',
    description: 'Tổ chức, cá nhân sản xuất, kinh doanh thực phẩm tự công bố sản phẩm',
    category: 'administrative_procedure',
    sector: 'food_safety',
    agencyId: officer.agencyId,
    procedureCode: '1.003348',
    subjectTypes: ['business'],
    ...over,
  });

  it('files a regulation of the caller’s own agency in draft', async () => {
    const res = await t.http
      .post('/regulations')
      .set('Authorization', officer.auth)
      .send(body())
      .expect(201);
    expect(res.body).toMatchObject({
      state: 'draft',
      stateName: 'draft',
      version: 1,
      agencyId: officer.agencyId,
      sector: 'food_safety',
      procedureCode: '1.003348',
    });
    expect(res.body.legalDocument.number).toBe('15/2018/NĐ-CP');
  });

  it('refuses a regulation for another agency (403) and names every bad field (400)', async () => {
    await t.http
      .post('/regulations')
      .set('Authorization', otherOfficer.auth)
      .send(body())
      .expect(403);
    const bad = await t.http
      .post('/regulations')
      .set('Authorization', officer.auth)
      .send(
        body({ category: 'tax_rule', sector: 'no_such_sector', procedureCode: 'abc', title: '' }),
      )
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'category',
      'procedureCode',
      'sector',
      'title',
    ]);
    const unknownDoc = await t.http
      .post('/regulations')
      .set('Authorization', officer.auth)
      .send(body({ legalDocumentId: '00000000-0000-4000-8000-000000000000' }))
      .expect(400);
    expect(unknownDoc.body.errors[0].field).toBe('legalDocumentId');
    await t.http
      .post('/regulations')
      .set('Authorization', officer.auth)
      .send({ ...body(), unknown: 1 })
      .expect(400);
  });

  it('keeps drafts to their agency and the Government Office; shows published ones to all', async () => {
    const draft = await createRegulation(t, officer.agencyId);
    const published = await createRegulation(t, officer.agencyId, { state: 'review' });
    await t.http.get(`/regulations/${draft.id}`).expect(404);
    await t.http
      .get(`/regulations/${draft.id}`)
      .set('Authorization', otherOfficer.auth)
      .expect(404);
    await t.http.get(`/regulations/${draft.id}`).set('Authorization', association.auth).expect(404);
    await t.http.get(`/regulations/${draft.id}`).set('Authorization', officer.auth).expect(200);
    await t.http.get(`/regulations/${draft.id}`).set('Authorization', gov.auth).expect(200);
    const pub = await t.http.get(`/regulations/${published.id}`).expect(200);
    expect(pub.body).toMatchObject({ stateName: 'review', state: 'review' });
    expect(pub.headers.etag).toBe(`"${pub.body.version}"`);

    const anonymous = await t.http
      .get('/regulations')
      .query({ agencyId: officer.agencyId, limit: 500 })
      .expect(200);
    const ids = anonymous.body.items.map((r: { id: string }) => r.id);
    expect(ids).toContain(published.id);
    expect(ids).not.toContain(draft.id);
    const own = await t.http
      .get('/regulations')
      .query({ agencyId: officer.agencyId, limit: 500 })
      .set('Authorization', officer.auth)
      .expect(200);
    expect(own.body.items.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining([draft.id, published.id]),
    );
  });

  it('edits only in draft, only with If-Match (428 without, 409 when stale)', async () => {
    const created = (
      await t.http
        .post('/regulations')
        .set('Authorization', officer.auth)
        .send(body({ title: 'Cấp giấy phép' }))
        .expect(201)
    ).body;
    const url = `/regulations/${created.id}`;
    await t.http
      .patch(url)
      .set('Authorization', officer.auth)
      .send({ title: 'Không có If-Match' })
      .expect(428);
    const ok = await t.http
      .patch(url)
      .set('Authorization', officer.auth)
      .set('If-Match', '1')
      .send({ title: 'Cấp giấy phép kinh doanh' })
      .expect(200);
    expect(ok.body).toMatchObject({ title: 'Cấp giấy phép kinh doanh', version: 2 });
    await t.http
      .patch(url)
      .set('Authorization', officer.auth)
      .set('If-Match', '1')
      .send({ title: 'Cũ' })
      .expect(409);
    await t.http
      .patch(url)
      .set('Authorization', otherOfficer.auth)
      .set('If-Match', '2')
      .send({ title: 'Khác' })
      .expect(404);
    await t.http
      .patch(url)
      .set('Authorization', officer.auth)
      .set('If-Match', 'abc')
      .send({ title: 'X' })
      .expect(400);
    const inReview = await createRegulation(t, officer.agencyId, { state: 'review' });
    const res = await t.http
      .patch(`/regulations/${inReview.id}`)
      .set('Authorization', officer.auth)
      .set('If-Match', '1')
      .send({ title: 'X' })
      .expect(409);
    expect(res.body.detail).toBe(
      'Chỉ sửa được quy định ở trạng thái "Dự thảo"; quy định đang ở trạng thái "Rà soát".',
    );
    await t.http
      .patch(`/regulations/${inReview.id}`)
      .set('Authorization', otherOfficer.auth)
      .set('If-Match', '1')
      .send({ title: 'X' })
      .expect(403);
  });

  it('finds regulations with or without diacritics, every word in any order', async () => {
    const agency = await createAgency(t, 'ministry');
    const doc = await createLegalDocument(t, {
      number: '77/2018/NĐ-CP',
      title: 'Nghị định về an toàn thực phẩm',
    });
    const target = await createRegulation(t, agency.id, {
      state: 'review',
      title: 'Thủ tục tự công bố sản phẩm thực phẩm chức năng',
      legalDocumentId: doc,
    });
    const decoy = await createRegulation(t, agency.id, {
      state: 'review',
      title: 'Thủ tục cấp phép nhập khẩu',
    });
    const find = async (search: string) =>
      (
        await t.http.get('/regulations').query({ search, agencyId: agency.id }).expect(200)
      ).body.items.map((r: { id: string }) => r.id);
    expect(await find('thu tuc cong bo')).toEqual([target.id]);
    expect(await find('CÔNG BỐ thủ tục')).toEqual([target.id]);
    expect(await find('nghi dinh 77')).toEqual([target.id]);
    expect(await find('thu tuc')).toEqual(expect.arrayContaining([target.id, decoy.id]));
    expect(await find('100%_')).toEqual([]);
    // The query is cleaned like the stored text: zero-width, bidi and no-break characters.
    expect(await find('cô\u200Bng\u00A0bố thủ\u202E tục')).toEqual([target.id]);
  });

  it('pages with a stable cursor while rows are inserted', async () => {
    const agency = await createAgency(t, 'ministry');
    const initial: string[] = [];
    for (let i = 0; i < 9; i++)
      initial.push((await createRegulation(t, agency.id, { state: 'review' })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let inserted = 0;
    do {
      const res: any = await t.http
        .get('/regulations')
        .query({ agencyId: agency.id, limit: 2, ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...res.body.items.map((r: { id: string }) => r.id));
      cursor = res.body.nextCursor;
      if (inserted++ < 3) await createRegulation(t, agency.id, { state: 'review' });
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(initial));
  });

  it('filters by category, sector, state, document and programme baseline', async () => {
    const agency = await createAgency(t, 'ministry');
    const before2020 = await createLegalDocument(t, {
      issuedOn: '2019-01-01',
      effectiveOn: '2019-02-01',
    });
    const after2020 = await createLegalDocument(t, {
      issuedOn: '2021-01-01',
      effectiveOn: '2021-02-01',
    });
    const expiredBefore = await createLegalDocument(t, {
      issuedOn: '2015-01-01',
      effectiveOn: '2015-02-01',
      expiredOn: '2020-01-01',
    });
    const inBaseline = await createRegulation(t, agency.id, {
      state: 'review',
      legalDocumentId: before2020,
      category: 'business_condition',
      sectorCode: 'trade',
    });
    const later = await createRegulation(t, agency.id, {
      state: 'review',
      legalDocumentId: after2020,
    });
    const expired = await createRegulation(t, agency.id, {
      state: 'review',
      legalDocumentId: expiredBefore,
    });
    const withdrawn = await createRegulation(t, agency.id, {
      state: 'withdrawn',
      legalDocumentId: before2020,
    });
    const retained = await createRegulation(t, agency.id, {
      state: 'retained',
      legalDocumentId: before2020,
    });
    const list = async (q: Record<string, string>) =>
      (
        await t.http
          .get('/regulations')
          .query({ agencyId: agency.id, limit: 100, ...q })
          .set('Authorization', gov.auth)
          .expect(200)
      ).body.items.map((r: { id: string }) => r.id);
    const nq68 = await list({ programme: 'NQ68' });
    expect(nq68).toContain(inBaseline.id);
    expect(nq68).not.toContain(later.id);
    expect(nq68).not.toContain(expired.id);
    // Withdrawn and retained regulations stay in the baseline.
    expect(nq68).toEqual(expect.arrayContaining([withdrawn.id, retained.id]));
    expect(await list({ programme: 'NQ66' })).toEqual(
      expect.arrayContaining([inBaseline.id, later.id]),
    );
    expect(await list({ category: 'business_condition' })).toEqual([inBaseline.id]);
    expect(await list({ state: 'withdrawn' })).toEqual([withdrawn.id]);
    expect(await list({ sector: 'trade' })).toEqual([inBaseline.id]);
    expect(await list({ legalDocumentId: after2020 })).toEqual([later.id]);
    expect(await list({ state: 'review' })).toEqual(
      expect.arrayContaining([inBaseline.id, later.id, expired.id]),
    );
    await t.http.get('/regulations').query({ programme: 'NQ99' }).expect(400);
    await t.http.get('/regulations').query({ state: 'nowhere' }).expect(400);
  });
});
