import { createAgency, createRegulation, createUser } from '../support/factories';
import { createTestApp, TestApp, testRedisUrl } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { WORKED_BASELINE } from './costing-helpers';

/** The recalculation job on the Bull/Redis queue, as it runs with REDIS_URL in production. */
describe('recalculation on the Bull queue', () => {
  const maybe = testRedisUrl() ? it : it.skip;
  let t: TestApp;

  beforeAll(async () => {
    if (testRedisUrl()) t = await createTestApp({ redis: true });
  });
  afterAll(async () => {
    await t?.close();
  });

  maybe('recalculates every estimate of an edited set through a queued job', async () => {
    const admin = await createUser(t, 'admin');
    const agency = await createAgency(t, 'ministry');
    const officer = await createUser(t, 'ministry_officer', agency);
    const set = (
      await t.http
        .post('/cost-parameter-sets')
        .set('Authorization', admin.auth)
        .send({ year: 2022, annualIncomePerCapita: 64500000 })
    ).body;
    for (let i = 0; i < 3; i++) {
      const reg = await createRegulation(t, agency.id, { state: 'costing' });
      await t.http
        .put(`/regulations/${reg.id}/cost-estimates/baseline`)
        .set('Authorization', officer.auth)
        .send({ parameterSetId: set.id, ...WORKED_BASELINE })
        .expect(200);
    }
    const patch = await t.http
      .patch(`/cost-parameter-sets/${set.id}`)
      .set('Authorization', admin.auth)
      .send({ annualIncomePerCapita: 70000000 })
      .expect(200);
    let job: any;
    await waitFor(async () => {
      job = (
        await t.http.get(`/jobs/${patch.body.recalculationJobId}`).set('Authorization', admin.auth)
      ).body;
      return job.status === 'succeeded' || job.status === 'failed';
    }, 15_000);
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { done: 3, total: 3 },
      result: { recalculated: 3 },
    });
    const rows = await t.dataSource.query(
      `SELECT DISTINCT annual_cost::text AS cost FROM cost_estimate WHERE parameter_set_id = $1`,
      [set.id],
    );
    expect(rows).toEqual([{ cost: '23575000000' }]);
  });
});
