import { EMBEDDED_ADMIN, useEmbeddedService } from '../support/embedded-service';
import { buildRegulationWorld, programmeBody, recurringEstimate } from '../support/http-world';
import { waitFor } from '../support/wait-for';

/**
 * The workflow on the embedded default (PGlite, in-process jobs), as the built service runs:
 * events and their refusals, idempotency, history verification, consultation rounds,
 * and a consultation deadline that passes while the service is stopped firing once at the next
 * start. The child runs on the real clock, so the deadline here is seconds away (a programme with
 * no minimum consultation period), not days.
 */
describe('the workflow on the embedded default', () => {
  const embedded = useEmbeddedService('workflow');
  const { call, expectOk, login } = embedded;

  it('runs a regulation through its workflow, durably', async () => {
    await embedded.start();
    const admin = await login(EMBEDDED_ADMIN.email, EMBEDDED_ADMIN.password);
    const { agency, user } = embedded.people(admin, {
      password: 'workflow-password-1',
      fullName: 'Trần Văn Minh',
    });
    const bct = await agency('BCT', 'Bộ Công Thương', 'ministry');
    const experts = await agency('HDTV', 'Hội đồng tư vấn', 'other');
    await user('officer@bct.example.vn', 'ministry_officer', bct);
    await user('lead@bct.example.vn', 'ministry_lead', bct);
    const expertId = await user('expert@hdtv.example.vn', 'expert', experts);
    const officer = await login('officer@bct.example.vn', 'workflow-password-1');
    const lead = await login('lead@bct.example.vn', 'workflow-password-1');
    const { parameterSet: set, regulation: reg } = await buildRegulationWorld(embedded.create, {
      admin,
      officer,
      agencyId: bct,
      programme: programmeBody('PILOT', 'Thí điểm tham vấn rút gọn', 10),
      parameterSet: { year: 2021, hourlyRate: 30000 },
      decree: 'trade',
      provision: 'Điều 5',
      title: 'Cấp giấy phép kinh doanh',
    });
    const events = (body: unknown, token = officer, headers: Record<string, string> = {}) =>
      call('POST', `/regulations/${reg.id}/events`, token, body, headers);

    // Requests are sent one at a time: concurrent queries outside a transaction interleave in
    // pglite-socket 0.2 (electric-sql/pglite#1046), which the embedded database layer must fix.
    expect((await events({ type: 'SUBMIT_FOR_REVIEW' })).status).toBe(200);
    const again = await events({ type: 'SUBMIT_FOR_REVIEW' });
    expect(again.status).toBe(409);
    expect(again.body.acceptedEvents).toEqual(['COMPLETE_REVIEW', 'WITHDRAW']);
    const key = 'b7c1e0f2-review-1';
    const review = { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false };
    const first = expectOk(await events(review, officer, { 'Idempotency-Key': key }));
    const replay = await events(review, officer, { 'Idempotency-Key': key });
    expect(replay.status).toBe(200);
    expect(replay.body).toEqual(first);
    expect(
      (await events({ ...review, notes: 'khác' }, officer, { 'Idempotency-Key': key })).status,
    ).toBe(422);
    expect((await events({ type: 'CONFIRM_BASELINE' })).body.guard).toBe('baselineComplete');
    expectOk(
      await call(
        'PUT',
        `/regulations/${reg.id}/cost-estimates/baseline`,
        officer,
        recurringEstimate(set.id, [{ name: 'Chuẩn bị hồ sơ', hours: 8 }], 500000, 1000),
      ),
    );
    expectOk(await events({ type: 'CONFIRM_BASELINE' }, lead));
    expectOk(
      await call('PUT', `/regulations/${reg.id}/plan`, officer, {
        action: 'abolish',
        description: 'Bãi bỏ giấy phép',
        programme: 'PILOT',
      }),
    );
    const soon = new Date(Date.now() + 3000).toISOString();
    const opened = expectOk(
      await events({
        type: 'OPEN_CONSULTATION',
        expertDeadline: soon,
        associationDeadline: soon,
        expertIds: [expertId],
      }),
    );
    expect(opened.state).toEqual({ consultation: { experts: 'open', associations: 'open' } });
    const open = expectOk(await call('GET', `/consultations?status=open`));
    expect(open.items.filter((r: any) => r.regulationId === reg.id)).toHaveLength(2);

    // Stopped before the deadlines; they pass while nothing runs.
    await embedded.restart(() =>
      waitFor(async () => Date.now() > Date.parse(soon) + 500, 10_000, 100),
    );
    const admin2 = await login(EMBEDDED_ADMIN.email, EMBEDDED_ADMIN.password);
    const after = expectOk(await call('GET', `/regulations/${reg.id}/workflow`, admin2));
    expect(after.current).toMatchObject({ stateName: 'responding', version: 7 });
    const history = expectOk(await call('GET', `/regulations/${reg.id}/history`, admin2));
    expect(history.items.map((e: any) => [e.event, e.actorRole])).toEqual([
      ['SUBMIT_FOR_REVIEW', 'ministry_officer'],
      ['COMPLETE_REVIEW', 'ministry_officer'],
      ['CONFIRM_BASELINE', 'ministry_lead'],
      ['OPEN_CONSULTATION', 'ministry_officer'],
      [expect.stringMatching(/_ROUND_DEADLINE$/), 'system'],
      [expect.stringMatching(/_ROUND_DEADLINE$/), 'system'],
    ]);
    expect(expectOk(await call('GET', `/regulations/${reg.id}/history/verify`, admin2))).toEqual({
      valid: true,
      entries: 6,
      brokenAt: null,
    });
    const closed = expectOk(await call('GET', `/consultations?status=closed`));
    expect(closed.items.filter((r: any) => r.regulationId === reg.id)).toHaveLength(2);
  }, 180_000);
});
