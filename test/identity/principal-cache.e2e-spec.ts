import { JwtService } from '@nestjs/jwt';
import { PrincipalCache } from '../../src/identity/auth/principal-cache';
import { createUser, TEST_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

/**
 * Two API processes on one database (two apps, two pools, two listeners): what one process
 * revokes, the other refuses as soon as the notification is in, although it had the user's facts
 * cached. The notification leaves Postgres at commit; on a loaded machine it can take a few
 * milliseconds more than the writer's answer, so each step waits for B to have handled it.
 */
describe('the access guard cache across API processes', () => {
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    a = await createTestApp();
    b = await createTestApp({ database: a.database });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  const cacheOf = (t: TestApp) => t.app.get(PrincipalCache);
  /** Runs a write, then waits until B has handled the notification it caused. */
  const onA = async <T>(write: () => Promise<T>): Promise<T> => {
    const before = cacheOf(b).invalidations;
    const result = await write();
    await waitFor(() => cacheOf(b).invalidations > before, 2000, 1);
    return result;
  };

  it('listens on Postgres', () => {
    expect(cacheOf(a).enabled).toBe(true);
    expect(cacheOf(b).enabled).toBe(true);
  });

  it('refuses on B a user deactivated on A, and the old token after a password change', async () => {
    const admin = await createUser(a, 'admin');
    const u = await createUser(a, 'ministry_officer');
    const v = await createUser(a, 'expert');
    // B caches both users.
    await b.http.get('/me').set('Authorization', u.auth).expect(200);
    await b.http.get('/me').set('Authorization', v.auth).expect(200);

    await onA(() =>
      a.http
        .patch(`/users/${u.id}`)
        .set('Authorization', admin.auth)
        .send({ active: false })
        .expect(200),
    );
    await b.http.get('/me').set('Authorization', u.auth).expect(401);

    await onA(() =>
      a.http
        .post('/me/password')
        .set('Authorization', v.auth)
        .send({ currentPassword: TEST_PASSWORD, newPassword: 'a-new-password-1' })
        .expect(204),
    );
    await b.http.get('/me').set('Authorization', v.auth).expect(401);
    const relogin = await b.http
      .post('/auth/login')
      .send({ email: v.email, password: 'a-new-password-1' })
      .expect(200);
    await b.http.get('/me').set('Authorization', `Bearer ${relogin.body.accessToken}`).expect(200);
  });

  it('follows a role change and an agency deactivation, also when written by hand', async () => {
    const admin = await createUser(a, 'admin');
    const u = await createUser(a, 'gov_office');
    await b.http.get('/admin/audit-log').set('Authorization', u.auth).expect(403);
    // An UPDATE that bypasses the service (the CLI, an operator) is announced by the trigger.
    await onA(() => a.dataSource.query(`UPDATE app_user SET role = 'admin' WHERE id = $1`, [u.id]));
    await b.http.get('/admin/audit-log').set('Authorization', u.auth).expect(200);

    const w = await createUser(a, 'ministry_lead');
    await b.http.get('/me').set('Authorization', w.auth).expect(200);
    await onA(() =>
      a.http
        .patch(`/agencies/${w.agencyId}`)
        .set('Authorization', admin.auth)
        .send({ active: false })
        .expect(200),
    );
    await b.http.get('/me').set('Authorization', w.auth).expect(401);
  });

  it('reads the database while its listening connection is lost, and listens again', async () => {
    const u = await createUser(a, 'association');
    await b.http.get('/me').set('Authorization', u.auth).expect(200);
    await a.dataSource.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = 'regcut-identity-listener' AND datname = current_database()`,
    );
    await waitFor(() => !cacheOf(b).enabled);
    await a.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [u.id]);
    await b.http.get('/me').set('Authorization', u.auth).expect(401);
    await waitFor(() => cacheOf(a).enabled && cacheOf(b).enabled);
    await onA(() => a.dataSource.query(`UPDATE app_user SET active = true WHERE id = $1`, [u.id]));
    await b.http.get('/me').set('Authorization', u.auth).expect(200);
  });

  it('refuses signed tokens without exp, or living longer than JWT_TTL_SECONDS', async () => {
    const u = await createUser(a, 'expert');
    const jwt = a.app.get(JwtService);
    const noExp = await jwt.signAsync({ sub: u.id, ver: 1 });
    const long = await jwt.signAsync({ sub: u.id, ver: 1 }, { expiresIn: '30y' });
    const justRight = await jwt.signAsync(
      { sub: u.id, ver: 1 },
      { expiresIn: a.config.jwtTtlSeconds },
    );
    for (const token of [noExp, long]) {
      const res = await a.http.get('/me').set('Authorization', `Bearer ${token}`).expect(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
    await a.http.get('/me').set('Authorization', `Bearer ${justRight}`).expect(200);
  });
});
