import { createAgency, createRegulation, createUser, TestUser } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';
import { WORKED_BASELINE } from './costing-helpers';

/**
 * Issue 16, "no cost parameter set on a fresh start": a newcomer's first estimate works without
 * an admin, on the official yearly figure seeded with its source, which an admin may correct.
 */
describe('the official cost parameters of a fresh installation', () => {
  let t: TestApp;
  let admin: TestUser;
  let officer: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createUser(t, 'admin');
    officer = await createUser(t, 'ministry_officer', await createAgency(t, 'ministry'));
  });
  afterAll(() => t.close());

  it('lets the first estimate use the seeded GSO figure, with its source', async () => {
    const list = await t.http.get('/cost-parameter-sets').set('Authorization', officer.auth);
    expect(list.status).toBe(200);
    const seeded = list.body.items.find((s: { year: number }) => s.year === 2023);
    expect(seeded).toMatchObject({
      year: 2023,
      annualIncomePerCapita: '101900000',
      hourlyRate: '48248.11',
      hourlyRateExact: '3184375/66',
      rateSource: 'derived',
      version: 1,
    });
    expect(seeded.source).toMatch(/Tổng cục Thống kê.*2023.*101,9 triệu đồng/);
    expect(seeded.source).toMatch(/quản trị viên có thể sửa/);

    const reg = await createRegulation(t, officer.agencyId!);
    const estimate = await t.http
      .put(`/regulations/${reg.id}/cost-estimates/baseline`)
      .set('Authorization', officer.auth)
      .send({ ...WORKED_BASELINE, parameterSetId: seeded.id });
    expect(estimate.status).toBe(200);
    // 11 h × 3184375/66 VND/h + 1,600,000 VND, 12,000 times a year.
    expect(estimate.body).toMatchObject({ hourlyRate: '48248.11', annualCost: '25568750000' });

    const history = await t.http
      .get(`/cost-parameter-sets/${seeded.id}/history`)
      .set('Authorization', admin.auth);
    expect(history.body.items).toEqual([expect.objectContaining({ version: 1, changedBy: null })]);
  });

  it('is ordinary data: an admin corrects its source and its figure', async () => {
    const [set] = await t.dataSource.query(`SELECT id FROM cost_parameter_set WHERE year = 2023`);
    const patch = (body: object, user: TestUser = admin) =>
      t.http.patch(`/cost-parameter-sets/${set.id}`).set('Authorization', user.auth).send(body);
    expect((await patch({ source: 'x' }, officer)).status).toBe(403);

    const note = await patch({ source: '  Niên giám thống kê 2023, bảng 2.1  ' });
    expect(note.status).toBe(200);
    // Only the note changed: no estimate moves, no recalculation.
    expect(note.body).toMatchObject({
      version: 2,
      source: 'Niên giám thống kê 2023, bảng 2.1',
      recalculationJobId: null,
    });

    const figure = await patch({ annualIncomePerCapita: '102000000' });
    expect(figure.status).toBe(200);
    expect(figure.body).toMatchObject({
      version: 3,
      annualIncomePerCapita: '102000000',
      source: 'Niên giám thống kê 2023, bảng 2.1',
      recalculationJobId: expect.any(String),
    });
    expect((await patch({ source: 'x'.repeat(1001) })).status).toBe(400);
    await waitFor(async () => {
      const job = await t.http
        .get(`/jobs/${figure.body.recalculationJobId}`)
        .set('Authorization', admin.auth);
      return job.body.status === 'succeeded';
    });
  });
});
