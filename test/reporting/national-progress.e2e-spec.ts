import {
  createReportWorld,
  draft,
  report,
  ReportWorld,
  toDraftingPlan,
  WORKED_BASELINE,
} from './reporting-support';

/**
 * Issue 12, the portal's national progress figures: the programme's national figures are public
 * (GET /reports/national-progress, no sign-in); the full report, an agency's figures and the
 * drill-downs stay with the Government Office and the ministries (GET /reports/progress).
 */
describe('the published national figures: who sees what', () => {
  let w: ReportWorld;
  beforeAll(async () => {
    w = await createReportWorld();
    // Three regulations in NQ66's baseline, one costed: the coverage is low.
    await toDraftingPlan(w, w.a, await draft(w, w.a), WORKED_BASELINE);
    await draft(w, w.a);
    await draft(w, w.b);
  });
  afterAll(() => w.t.close());

  const national = (query: Record<string, string> = {}, auth?: string) => {
    const req = w.t.http.get('/reports/national-progress').query(query);
    return auth ? req.set('Authorization', auth) : req;
  };

  it('gives anyone, signed in or not, the same national figures as the Government Office', async () => {
    const anonymous = await national({ programme: 'nq66' });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body.items).toHaveLength(1);
    const pub = anonymous.body.items[0];
    const gov = await report(w, w.gov, { programme: 'NQ66' });
    expect(pub).toEqual({
      programme: {
        code: 'NQ66',
        name: gov.programme.name,
        startDate: gov.programme.startDate,
        endDate: gov.programme.endDate,
        baselineDate: gov.programme.baselineDate,
      },
      asOf: gov.asOf,
      baseline: {
        count: 3,
        annualCost: '23231250000',
        costedCount: 1,
        coveragePct: gov.baseline.coveragePct,
        lowCoverage: true,
        minCoveragePct: gov.baseline.minCoveragePct,
      },
      pipeline: expect.objectContaining({ count: gov.pipeline.count, lowCoverage: true }),
      approved: expect.objectContaining({ count: 0, savings: '0', countPct: 0 }),
      implemented: expect.objectContaining({ count: 0 }),
      overdue: { count: gov.overdue.count },
      target: gov.target,
    });
    expect(pub.target.approvedReached.costStatus).toBe('low_coverage');
    // Nothing that names an agency or leads to the regulations behind a figure.
    const text = JSON.stringify(pub);
    expect(text).not.toContain('/reports/progress/items');
    expect(text).not.toContain(w.a.agency.id);
    expect(pub).not.toHaveProperty('agency');
    expect(pub).not.toHaveProperty('series');
    // A ministry reads the same published figures.
    expect((await national({ programme: 'NQ66' }, w.a.officer.auth)).body.items[0]).toEqual(pub);
  });

  it('lists every programme without a programme, and names the field of an unknown one', async () => {
    const all = await national();
    expect(all.status).toBe(200);
    expect(all.body.items.map((p: { programme: { code: string } }) => p.programme.code)).toEqual(
      expect.arrayContaining(['NQ66', 'NQ68']),
    );
    const unknown = await national({ programme: 'NQ00' });
    expect(unknown.status).toBe(400);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'programme' })]);
  });

  it('never gives an agency’s figures publicly; the full report keeps its access rules', async () => {
    const byAgency = await national({ programme: 'NQ66', agencyId: w.a.agency.id });
    expect(byAgency.status).toBe(400);
    expect((await w.t.http.get('/reports/progress').query({ programme: 'NQ66' })).status).toBe(401);
    await report(w, w.a.officer, { programme: 'NQ66' }, 403);
    await report(w, w.a.officer, { programme: 'NQ66', agencyId: w.b.agency.id }, 403);
    await report(w, w.a.officer, { programme: 'NQ66', agencyId: w.a.agency.id });
  });
});
