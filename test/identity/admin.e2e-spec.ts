import { createAgency, createUser, TestUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

describe('administration of agencies and users, with an audit log', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    // Asserts the English texts of refusals (Vietnamese is the default).
    t = await createTestApp({ acceptLanguage: 'en' });
    admin = await createUser(t, 'admin');
  });
  afterAll(() => t.close());
  const as = (u: TestUser) => ({ Authorization: u.auth });

  it('creates, lists, reads and edits agencies; codes are unique', async () => {
    const created = await t.http
      .post('/agencies')
      .set(as(admin))
      .send({ code: 'BTC-T1', name: 'Bộ Tài chính', kind: 'ministry' })
      .expect(201);
    expect(created.body).toMatchObject({
      code: 'BTC-T1',
      name: 'Bộ Tài chính',
      kind: 'ministry',
      active: true,
    });
    const dup = await t.http
      .post('/agencies')
      .set(as(admin))
      .send({ code: 'btc-t1', name: 'Bộ trùng mã', kind: 'ministry' })
      .expect(409);
    expect(dup.body.errors).toEqual([{ field: 'code', message: 'already in use' }]);
    const bad = await t.http
      .post('/agencies')
      .set(as(admin))
      .send({ code: 'X', name: 'Y', kind: 'bank' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('kind');

    const officer = await createUser(t, 'ministry_officer');
    await t.http.get(`/agencies/${created.body.id}`).set(as(officer)).expect(200);
    await t.http
      .patch(`/agencies/${created.body.id}`)
      .set(as(officer))
      .send({ name: 'Z' })
      .expect(403);
    const edited = await t.http
      .patch(`/agencies/${created.body.id}`)
      .set(as(admin))
      .send({ name: 'Bộ Tài chính (sửa)' })
      .expect(200);
    expect(edited.body.name).toBe('Bộ Tài chính (sửa)');
    await t.http.get('/agencies/not-a-uuid').set(as(admin)).expect(400);
    await t.http.get('/agencies/00000000-0000-4000-8000-000000000000').set(as(admin)).expect(404);
  });

  it('pages through agencies with a cursor and no duplicates', async () => {
    for (let i = 0; i < 7; i++) await createAgency(t, 'province');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: any = await t.http
        .get('/agencies')
        .query({ limit: 3, ...(cursor ? { cursor } : {}) })
        .set(as(admin))
        .expect(200);
      seen.push(...res.body.items.map((a: { id: string }) => a.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(8);
    await t.http.get('/agencies').query({ cursor: 'garbage' }).set(as(admin)).expect(400);
    await t.http.get('/agencies').query({ limit: 501 }).set(as(admin)).expect(400);
  });

  it('creates users whose role fits their agency', async () => {
    const association = await createAgency(t, 'association');
    const ministry = await createAgency(t, 'ministry');
    const misfit = await t.http
      .post('/users')
      .set(as(admin))
      .send({
        email: 'x1@test.regcut.vn',
        password: 'long-enough-pw',
        fullName: 'Lê Văn A',
        role: 'ministry_officer',
        agencyId: association.id,
      })
      .expect(400);
    expect(misfit.body.errors[0].field).toBe('role');
    const common = await t.http
      .post('/users')
      .set(as(admin))
      .send({
        email: 'x3@test.regcut.vn',
        password: 'password1234',
        fullName: 'Lê Văn C',
        role: 'ministry_officer',
        agencyId: ministry.id,
      })
      .expect(400);
    expect(common.body.errors).toEqual([
      { field: 'password', message: expect.stringContaining('common or breached password') },
    ]);
    const ok = await t.http
      .post('/users')
      .set(as(admin))
      .send({
        email: 'x2@test.regcut.vn',
        password: 'long-enough-pw',
        fullName: 'Lê Văn B',
        role: 'ministry_officer',
        agencyId: ministry.id,
      })
      .expect(201);
    expect(ok.body).toMatchObject({
      email: 'x2@test.regcut.vn',
      role: 'ministry_officer',
      active: true,
    });
    expect(ok.body.password).toBeUndefined();
    expect(ok.body.passwordHash).toBeUndefined();
    await t.http
      .post('/users')
      .set(as(admin))
      .send({
        email: 'X2@test.regcut.vn',
        password: 'long-enough-pw',
        fullName: 'Dup',
        role: 'ministry_officer',
        agencyId: ministry.id,
      })
      .expect(409);
    const short = await t.http
      .post('/users')
      .set(as(admin))
      .send({
        email: 'x3@test.regcut.vn',
        password: 'short',
        fullName: 'Lê',
        role: 'expert',
        agencyId: ministry.id,
      })
      .expect(400);
    expect(short.body.errors.map((e: { field: string }) => e.field)).toEqual(['password']);
    await t.http
      .patch(`/users/${ok.body.id}`)
      .set(as(admin))
      .send({ role: 'association' })
      .expect(400);
  });

  it('keeps every admin action in the audit log, without secrets', async () => {
    const agency = await t.http
      .post('/agencies')
      .set(as(admin))
      .send({ code: 'AUD-1', name: 'Tỉnh Audit', kind: 'province' })
      .expect(201);
    const user = await t.http
      .post('/users')
      .set(as(admin))
      .send({
        email: 'audit@test.regcut.vn',
        password: 'long-enough-pw',
        fullName: 'Audit',
        role: 'ministry_lead',
        agencyId: agency.body.id,
      })
      .expect(201);
    await t.http
      .patch(`/users/${user.body.id}`)
      .set(as(admin))
      .send({ active: false, password: 'another-secret-1' })
      .expect(200);
    const log = await t.http
      .get('/admin/audit-log')
      .query({ entityId: user.body.id })
      .set(as(admin))
      .expect(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual([
      'user.update',
      'user.create',
    ]);
    expect(log.body.items[0]).toMatchObject({
      actorId: admin.id,
      actorRole: 'admin',
      changes: { active: { from: true, to: false }, password: 'changed' },
    });
    expect(JSON.stringify(log.body)).not.toContain('another-secret-1');
    expect(JSON.stringify(log.body)).not.toContain('long-enough-pw');
    const agencyLog = await t.http
      .get('/admin/audit-log')
      .query({ entityType: 'agency', entityId: agency.body.id })
      .set(as(admin))
      .expect(200);
    expect(agencyLog.body.items[0].action).toBe('agency.create');
  });

  it('does not let an admin lock themselves out', async () => {
    await t.http.patch(`/users/${admin.id}`).set(as(admin)).send({ active: false }).expect(409);
  });
});
