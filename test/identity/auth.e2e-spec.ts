import { createApiKey, createUser, TEST_PASSWORD, TestUser } from '../support/factories';
import { createTestApp, FixedClock, TestApp } from '../support/test-app';

describe('login, tokens and API keys', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    t = await createTestApp({
      redis: true,
      clock,
      env: { LOGIN_LIMIT_PER_ACCOUNT: '3', JWT_TTL_SECONDS: '3600' },
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http.post('/auth/login').send({ email, password });

  it('logs in with email and password and answers /me', async () => {
    const u = await createUser(t, 'ministry_officer');
    const res = await login(u.email.toUpperCase(), TEST_PASSWORD).expect(200);
    expect(res.body).toMatchObject({
      expiresIn: 3600,
      user: { id: u.id, email: u.email, role: 'ministry_officer', agencyId: u.agencyId },
    });
    const me = await t.http
      .get('/me')
      .set('Authorization', `Bearer ${res.body.accessToken}`)
      .expect(200);
    expect(me.body).toEqual({
      id: u.id,
      email: u.email,
      fullName: expect.any(String),
      role: 'ministry_officer',
      agencyId: u.agencyId,
    });
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const u = await createUser(t, 'expert');
    const wrong = await login(u.email, 'not-the-password').expect(401);
    const unknown = await login('nobody@test.regcut.vn', 'not-the-password').expect(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['content-type']).toMatch(/problem\+json/);
  });

  it('refuses a missing, malformed, tampered or expired token with 401', async () => {
    const u = await createUser(t, 'gov_office');
    await t.http.get('/me').expect(401);
    await t.http.get('/me').set('Authorization', 'Token abc').expect(401);
    const [h, p, s] = u.token.split('.');
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const forged = Buffer.from(
      JSON.stringify({ ...payload, sub: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    await t.http.get('/me').set('Authorization', `Bearer ${h}.${forged}.${s}`).expect(401);
    await t.http.get('/me').set('Authorization', u.auth).expect(200);
    // Tokens from the factory are signed at real time: move the service's clock past their expiry.
    clock.set(new Date(Date.now() + 3601 * 1000));
    try {
      await t.http.get('/me').set('Authorization', u.auth).expect(401);
    } finally {
      clock.set(new Date());
    }
  });

  it('refuses a common or breached new password, naming newPassword', async () => {
    const u = await createUser(t, 'association');
    for (const newPassword of ['1234567890', 'Password1234']) {
      const res = await t.http
        .post('/me/password')
        .set('Authorization', u.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword })
        .expect(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors).toEqual([
        { field: 'newPassword', message: expect.stringContaining('common or breached password') },
      ]);
    }
  });

  it('revokes earlier tokens when the password changes', async () => {
    const u = await createUser(t, 'association');
    const first = (await login(u.email, TEST_PASSWORD).expect(200)).body.accessToken;
    await t.http
      .post('/me/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: 'wrong-password', newPassword: 'a-new-password-1' })
      .expect(400);
    await t.http
      .post('/me/password')
      .set('Authorization', `Bearer ${first}`)
      .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' })
      .expect(204);
    await t.http.get('/me').set('Authorization', `Bearer ${first}`).expect(401);
    await login(u.email, TEST_PASSWORD).expect(401);
    await login(u.email, 'a-new-password-1').expect(200);
  });

  it('refuses the tokens of a deactivated user and of a password set by an admin', async () => {
    const admin = await createUser(t, 'admin');
    const u = await createUser(t, 'ministry_lead');
    const v = await createUser(t, 'ministry_lead', u.agencyId);
    await t.http
      .patch(`/users/${u.id}`)
      .set('Authorization', admin.auth)
      .send({ active: false })
      .expect(200);
    await t.http.get('/me').set('Authorization', u.auth).expect(401);
    await login(u.email, TEST_PASSWORD).expect(401);
    await t.http
      .patch(`/users/${v.id}`)
      .set('Authorization', admin.auth)
      .send({ password: 'set-by-admin-42' })
      .expect(200);
    await t.http.get('/me').set('Authorization', v.auth).expect(401);
    await login(v.email, 'set-by-admin-42').expect(200);
  });

  it('accepts API keys, refuses writes with a read-only key, and refuses revoked keys', async () => {
    const admin = await createUser(t, 'admin');
    const officer: TestUser = await createUser(t, 'ministry_officer');
    const readKey = await createApiKey(t, officer.agencyId, 'read');
    const me = await t.http.get('/me').set('X-Api-Key', readKey).expect(200);
    expect(me.body).toMatchObject({
      kind: 'api_key',
      role: 'ministry_officer',
      agencyId: officer.agencyId,
      access: 'read',
    });
    await t.http
      .post('/me/password')
      .set('X-Api-Key', readKey)
      .send({ currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' })
      .expect(403);

    const created = await t.http
      .post('/api-keys')
      .set('Authorization', admin.auth)
      .send({ name: 'LGSP', agencyId: officer.agencyId, access: 'write' })
      .expect(201);
    expect(created.body.key).toMatch(/^rck_/);
    await t.http.get('/me').set('X-Api-Key', created.body.key).expect(200);
    const listed = await t.http.get('/api-keys').set('Authorization', admin.auth).expect(200);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key);
    await t.http
      .post(`/api-keys/${created.body.id}/revoke`)
      .set('Authorization', admin.auth)
      .expect(200);
    await t.http.get('/me').set('X-Api-Key', created.body.key).expect(401);
    await t.http.get('/me').set('X-Api-Key', 'rck_nonsense').expect(401);
  });

  const loginFrom = (address: string, email: string, password: string) =>
    t.http.post('/auth/login').set('X-Forwarded-For', address).send({ email, password });

  it('slows failed logins per account with a growing delay, never locking the user out', async () => {
    const u = await createUser(t, 'expert');
    // The user's usual address: a successful login from it.
    await loginFrom('10.0.0.1', u.email, TEST_PASSWORD).expect(200);
    // Three failures (the allowance here) from elsewhere…
    for (let i = 0; i < 3; i++) await loginFrom('10.9.9.9', u.email, 'wrong-password').expect(401);
    // …and the next attempt from an unknown address waits: 1 s, then 2 s, 4 s …
    const slowed = await loginFrom('10.9.9.9', u.email, TEST_PASSWORD).expect(429);
    expect(slowed.headers['retry-after']).toBe('1');
    expect(slowed.headers['content-type']).toMatch(/problem\+json/);
    // Failing on: each failure doubles the wait for unknown addresses.
    for (const wait of [1, 2, 4]) {
      clock.advance(wait * 1000);
      await loginFrom('10.9.9.9', u.email, 'wrong-password').expect(401);
    }
    const later = await loginFrom('10.9.9.9', u.email, 'wrong-password').expect(429);
    expect(later.headers['retry-after']).toBe('8');
    // The right password from the usual address is never refused, and a success resets the count.
    await loginFrom('10.0.0.1', u.email, TEST_PASSWORD).expect(200);
    await loginFrom('10.7.7.7', u.email, 'wrong-password').expect(401);
    await loginFrom('10.7.7.7', u.email, TEST_PASSWORD).expect(200);
    // Another account from the same address is not slowed by this one.
    const other = await createUser(t, 'expert');
    await loginFrom('10.9.9.9', other.email, TEST_PASSWORD).expect(200);
  });
});
