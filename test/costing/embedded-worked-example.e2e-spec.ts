import { EMBEDDED_ADMIN, useEmbeddedService } from '../support/embedded-service';
import { buildRegulationWorld } from '../support/http-world';
import { waitFor } from '../support/wait-for';
import { WORKED_BASELINE, WORKED_PROPOSED } from './costing-helpers';

/**
 * The worked example of domain.md §4 on the embedded default (PGlite, in-process jobs), through
 * the whole API as a ministry would use it: register, workflow, estimates, plan, recalculation.
 */
describe('compliance costs on the embedded default', () => {
  const embedded = useEmbeddedService('costing');
  const { call, expectOk, login } = embedded;

  it('reproduces the worked example and recalculates after a parameter edit', async () => {
    await embedded.start();
    const admin = await login(EMBEDDED_ADMIN.email, EMBEDDED_ADMIN.password);
    const { agency, user } = embedded.people(admin, {
      password: 'officer-password-1',
      fullName: 'Nguyễn Thị Lan',
    });
    const byt = await agency('BYT', 'Bộ Y tế', 'ministry');
    await user('officer@byt.example.vn', 'ministry_officer', byt);
    await user('lead@byt.example.vn', 'ministry_lead', byt);
    const officer = await login('officer@byt.example.vn', 'officer-password-1');
    const lead = await login('lead@byt.example.vn', 'officer-password-1');

    const { parameterSet: set, regulation: reg } = await buildRegulationWorld(embedded.create, {
      admin,
      officer,
      agencyId: byt,
      parameterSet: { year: 2020, annualIncomePerCapita: 64500000 },
      decree: 'foodSafety',
      provision: 'Điều 4 khoản 1',
      title: 'Thủ tục tự công bố sản phẩm',
    });
    expect(set.hourlyRate).toBe('30539.77');

    // Stocktaking: the baseline is entered while the regulation is still a draft.
    const baseline = expectOk(
      await call('PUT', `/regulations/${reg.id}/cost-estimates/baseline`, officer, {
        parameterSetId: set.id,
        ...WORKED_BASELINE,
      }),
    );
    expect(baseline).toMatchObject({ unitCost: '1935937.50', annualCost: '23231250000' });

    for (const event of [
      { type: 'SUBMIT_FOR_REVIEW' },
      { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false, notes: 'x' },
      { type: 'CONFIRM_BASELINE' },
    ]) {
      expectOk(await call('POST', `/regulations/${reg.id}/events`, lead, event));
    }
    expectOk(
      await call('PUT', `/regulations/${reg.id}/plan`, officer, {
        action: 'simplify',
        description: 'Tiếp nhận hồ sơ trực tuyến',
        programme: 'NQ68',
      }),
    );
    const proposed = expectOk(
      await call('PUT', `/regulations/${reg.id}/cost-estimates/proposed`, officer, {
        parameterSetId: set.id,
        ...WORKED_PROPOSED,
      }),
    );
    expect(proposed).toMatchObject({ unitCost: '322159.09', annualCost: '3865909091' });
    const overview = expectOk(await call('GET', `/regulations/${reg.id}/cost-estimates`, officer));
    expect(overview).toMatchObject({
      baselineCost: '23231250000',
      proposedCost: '3865909091',
      savings: '19365340909',
      reductionPct: 83.36,
    });
    const detail = expectOk(await call('GET', `/regulations/${reg.id}`, officer));
    expect(detail).toMatchObject({ stateName: 'drafting_plan', savings: '19365340909' });

    const patch = expectOk(
      await call('PATCH', `/cost-parameter-sets/${set.id}`, admin, {
        annualIncomePerCapita: 70000000,
      }),
    );
    let job: any;
    await waitFor(
      async () => {
        job = expectOk(await call('GET', `/jobs/${patch.recalculationJobId}`, admin));
        return job.status === 'succeeded' || job.status === 'failed';
      },
      30_000,
      100,
    );
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 2, total: 2 } });
    const history = expectOk(
      await call('GET', `/regulations/${reg.id}/cost-estimates/history?kind=baseline`, officer),
    );
    expect(history.items.map((i: { source: string }) => i.source)).toEqual([
      'manual',
      'recalculation',
    ]);
    expect(history.items[1]).toMatchObject({ annualCost: '23575000000', hourlyRate: '33143.94' });
  }, 120_000);
});
