import {
  createWorld,
  draftRegulation,
  openConsultationBody,
  send,
  toDraftingPlan,
  World,
} from '../workflow/workflow-support';

/**
 * Issue 16, "OPEN_CONSULTATION needs expert ids, but an officer cannot list experts": the expert
 * directory, read by the ministries and the Government Office, with an e-mail only where the
 * expert agreed to show it.
 */
describe('the expert directory', () => {
  let w: World;
  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.t.close());

  const directory = (who?: { auth: string }, query: Record<string, string | number> = {}) => {
    const req = w.t.http.get('/experts').query(query);
    return who ? req.set('Authorization', who.auth) : req;
  };

  it('lets an officer find experts and invite them to a consultation', async () => {
    // The experts fill in their own entries; only the first agrees to show an e-mail.
    const mine = await w.t.http
      .patch('/experts/me')
      .set('Authorization', w.expert.auth)
      .send({ field: '  An toàn thực phẩm  ', shareEmail: true });
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      id: w.expert.id,
      field: 'An toàn thực phẩm',
      shareEmail: true,
    });
    await w.t.http
      .patch('/experts/me')
      .set('Authorization', w.expert2.auth)
      .send({ field: 'Xuất nhập khẩu' });

    const res = await directory(w.officer, { limit: 500 });
    expect(res.status).toBe(200);
    const byId = new Map(res.body.items.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(w.expert.id)).toEqual({
      id: w.expert.id,
      fullName: expect.any(String),
      organisation: { id: w.expert.agencyId, code: expect.any(String), name: expect.any(String) },
      field: 'An toàn thực phẩm',
      email: w.expert.email,
    });
    expect(byId.get(w.expert2.id)).toMatchObject({ field: 'Xuất nhập khẩu', email: null });
    // Only experts are listed.
    expect(byId.has(w.officer.id)).toBe(false);
    expect(byId.has(w.association.id)).toBe(false);

    // Search ignores diacritics and case.
    const found = await directory(w.lead, { search: 'AN TOAN thuc pham' });
    expect(found.body.items.map((e: { id: string }) => e.id)).toEqual([w.expert.id]);

    // The id from the directory is what OPEN_CONSULTATION takes.
    const id = await draftRegulation(w);
    await toDraftingPlan(w, id);
    const opened = await send(
      w,
      w.officer,
      id,
      openConsultationBody(w, { expertIds: [w.expert.id, w.expert2.id] }),
    );
    expect(opened.status).toBe(200);
  });

  it('pages by name with a cursor and validates it', async () => {
    const first = await directory(w.gov, { limit: 1 });
    expect(first.body.items).toHaveLength(1);
    const next = await directory(w.gov, { limit: 1, cursor: first.body.nextCursor });
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items[0].id).not.toBe(first.body.items[0].id);
    const bad = await directory(w.gov, { cursor: 'nope' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('cursor');
  });

  it('is for the ministries and the Government Office; an expert edits only their own entry', async () => {
    for (const who of [w.officer, w.lead, w.gov, w.admin]) {
      expect((await directory(who)).status).toBe(200);
    }
    for (const who of [w.expert, w.association]) expect((await directory(who)).status).toBe(403);
    expect((await directory()).status).toBe(401);
    const officerEdit = await w.t.http
      .patch('/experts/me')
      .set('Authorization', w.officer.auth)
      .send({ field: 'x' });
    expect(officerEdit.status).toBe(403);
    const bad = await w.t.http
      .patch('/experts/me')
      .set('Authorization', w.expert.auth)
      .send({ shareEmail: 'yes', field: 'x'.repeat(201) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'field',
      'shareEmail',
    ]);
    // Withdrawing consent hides the e-mail again.
    await w.t.http
      .patch('/experts/me')
      .set('Authorization', w.expert.auth)
      .send({ shareEmail: false });
    const res = await directory(w.officer, { search: 'an toan' });
    expect(res.body.items[0]).toMatchObject({
      id: w.expert.id,
      email: null,
      field: 'An toàn thực phẩm',
    });
  });
});
