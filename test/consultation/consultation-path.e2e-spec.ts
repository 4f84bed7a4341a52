/**
 * The whole consultation path through the API, from OPEN_CONSULTATION to
 * government_office_review, on the real database with a fixed clock: feedback, the "closing in 3
 * days" reminders and the rounds closed by the durable timers (as `system`), the answers, the
 * submission guard, publication, the outbox and the report. Nothing sleeps until a deadline.
 */
import { testRedisUrl } from '../support/test-app';
import {
  Consultation,
  createWorld,
  DAY_MS,
  event,
  expectStatus,
  giveFeedback,
  openConsultation,
  outbox,
  planReady,
  respond,
  send,
  stateName,
  sweep,
  World,
} from './consultation-support';

const drivers = [
  ['in-process', false],
  ['bull (Redis)', true],
] as const;

async function reminders(w: World, roundIds: string[]) {
  return (await w.t.dataSource.query(
    `SELECT subject_key, status, due_at FROM scheduled_timer
      WHERE kind = 'consultation.round-closing-soon' AND subject_key = ANY($1::text[])
      ORDER BY due_at`,
    [roundIds.map((id) => `consultation_round:${id}`)],
  )) as Array<{ subject_key: string; status: string; due_at: Date }>;
}

describe.each(drivers)('the consultation path with the %s queue driver', (_name, redis) => {
  const maybe = redis && !testRedisUrl() ? it.skip : it;
  let w: World;

  beforeAll(async () => {
    if (redis && !testRedisUrl()) return;
    w = await createWorld({ redis });
  });
  afterAll(() => w?.t.close());

  maybe('runs from OPEN_CONSULTATION to government_office_review', async () => {
    const regulationId = await planReady(w);
    const opened = w.clock.now().getTime();
    const c: Consultation = await openConsultation(w, regulationId, {
      expertDays: 31,
      associationDays: 35,
    });
    const at = (days: number, ms = 0) => new Date(opened + days * DAY_MS + ms);

    // A durable reminder per round, three days before its deadline.
    expect(
      (await reminders(w, [c.expertRound, c.associationRound])).map((r) => [
        r.subject_key,
        r.status,
        r.due_at.getTime(),
      ]),
    ).toEqual([
      [`consultation_round:${c.expertRound}`, 'pending', at(28).getTime()],
      [`consultation_round:${c.associationRound}`, 'pending', at(32).getTime()],
    ]);

    w.clock.set(at(2));
    const fees = expectStatus(
      await giveFeedback(w, w.association, c.associationRound, {
        content:
          'Lệ phí đề xuất 200.000 đồng chưa tính phí dịch vụ bưu chính, thực tế 250.000 đồng.',
        target: { kind: 'cost_field', estimate: 'proposed', field: 'feesAndCharges' },
        evidence: { subjects: 3200, amount: '250000' },
      }),
      201,
    );
    w.clock.set(at(5));
    const plan = expectStatus(
      await giveFeedback(w, w.expert, c.expertRound, {
        content: 'Phương án hợp lý; đề nghị bổ sung lộ trình.',
        target: { kind: 'plan' },
      }),
      201,
    );

    // Three days before the expert deadline: expert2 has said nothing yet.
    w.clock.set(at(28, -60_000));
    await sweep(w);
    expect((await outbox(w, regulationId)).map((e) => e.topic)).not.toContain(
      'consultation.round_closing_soon',
    );
    w.clock.set(at(28));
    await sweep(w);
    let events = await outbox(w, regulationId);
    const soon = events.filter((e) => e.topic === 'consultation.round_closing_soon');
    expect(soon).toHaveLength(1);
    expect(soon[0]).toMatchObject({
      round_id: c.expertRound,
      payload: {
        consultationId: c.expertRound,
        agencyId: w.ministry.id,
        round: 'expert',
        daysLeft: 3,
        items: 1,
        invitedExpertsWithoutFeedback: [w.expert2.id],
        closesAt: at(31).toISOString(),
      },
    });

    // The expert deadline: the timer closes the round as the system.
    w.clock.set(at(31));
    await sweep(w);
    const rounds = expectStatus(
      await w.t.http.get(`/consultations?regulationId=${regulationId}`),
      200,
    ).items;
    expect(rounds.map((r: any) => [r.round, r.status, r.closeReason])).toEqual([
      ['expert', 'closed', 'deadline'],
      ['association', 'open', null],
    ]);
    expect((await giveFeedback(w, w.expert2, c.expertRound, { content: 'Muộn' })).status).toBe(409);

    w.clock.set(at(32));
    await sweep(w);
    w.clock.set(at(35));
    await sweep(w);
    expect(await stateName(w, regulationId)).toBe('responding');

    // Every item needs an answer before the submission.
    const refused = await send(w, w.lead, regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    expect(refused.status).toBe(422);
    const open = expectStatus(
      await w.t.http
        .get(`/regulations/${regulationId}/feedback?unanswered=true`)
        .set('Authorization', w.lead.auth),
      200,
    );
    expect(open.items.map((i: { id: string }) => i.id)).toEqual([fees.id, plan.id]);

    w.clock.set(at(40));
    const accepted = expectStatus(
      await respond(w, w.officer, fees.id, {
        disposition: 'accepted',
        explanation: 'Tiếp thu: tính cả phí dịch vụ bưu chính.',
        reEstimate: { value: '250000' },
      }),
      200,
    );
    expect(accepted.answer.costEffect).toMatchObject({
      annualCostBefore: '3865909091',
      annualCostAfter: '4465909091',
      savingsBefore: '19365340909',
      savingsAfter: '18765340909',
      savingsChange: '-600000000',
    });
    expectStatus(
      await respond(w, w.lead, plan.id, {
        disposition: 'partially_accepted',
        explanation: 'Lộ trình sẽ nêu trong dự thảo Nghị định.',
      }),
      200,
    );
    await event(w, w.lead, regulationId, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
    expect(await stateName(w, regulationId)).toBe('government_office_review');

    const regulation = expectStatus(await w.t.http.get(`/regulations/${regulationId}`), 200);
    expect(regulation).toMatchObject({
      stateName: 'government_office_review',
      proposedCost: '4465909091',
      savings: '18765340909',
      evidenceSummary: { items: 2, answered: 2, unanswered: 0 },
    });
    const history = expectStatus(
      await w.t.http
        .get(`/regulations/${regulationId}/history?limit=500`)
        .set('Authorization', w.gov.auth),
      200,
    ).items;
    expect(history.map((h: any) => [h.event, h.actorRole])).toEqual([
      ['CONFIRM_BASELINE', 'ministry_officer'],
      ['OPEN_CONSULTATION', 'ministry_officer'],
      ['EXPERT_ROUND_DEADLINE', 'system'],
      ['ASSOCIATION_ROUND_DEADLINE', 'system'],
      ['SUBMIT_TO_GOVERNMENT_OFFICE', 'ministry_lead'],
    ]);
    // Published with the plan: anyone reads the items and answers now.
    const published = expectStatus(
      await w.t.http.get(`/regulations/${regulationId}/feedback`),
      200,
    );
    expect(published.items.map((i: any) => [i.id, i.answer.disposition])).toEqual([
      [fees.id, 'accepted'],
      [plan.id, 'partially_accepted'],
    ]);

    events = await outbox(w, regulationId);
    expect(events.map((e) => [e.topic, e.payload.round ?? null])).toEqual([
      ['consultation.feedback_received', 'association'],
      ['consultation.feedback_received', 'expert'],
      ['consultation.round_closing_soon', 'expert'],
      ['consultation.round_closed', 'expert'],
      ['consultation.round_closing_soon', 'association'],
      ['consultation.round_closed', 'association'],
      ['consultation.answer_given', null],
      ['consultation.answer_given', null],
    ]);
    expect(events[5].payload).toMatchObject({
      consultationId: c.associationRound,
      closeReason: 'deadline',
      event: 'ASSOCIATION_ROUND_DEADLINE',
      items: 1,
      unanswered: 1,
    });
    // Each reminder fired once, even though the sweeper ran many times.
    expect((await reminders(w, [c.expertRound, c.associationRound])).map((r) => r.status)).toEqual([
      'fired',
      'fired',
    ]);

    const report = expectStatus(
      await w.t.http
        .get(`/consultations/${c.associationRound}/report`)
        .set('Authorization', w.gov.auth),
      200,
    );
    expect(report).toMatchObject({
      summary: { items: 2, answered: 2, accepted: 1, partiallyAccepted: 1, reEstimates: 1 },
      costEffect: { savingsChange: '-600000000' },
      publishedAt: at(40).toISOString(),
    });
  });

  maybe(
    'writes no reminder when less than 3 days remain, and cancels a pending one when its round closes first',
    async () => {
      const pilot = expectStatus(
        await w.t.http
          .post('/programmes')
          .set('Authorization', w.admin.auth)
          .send({
            code: `PILOT${redis ? 'R' : 'P'}`,
            name: 'Thí điểm tham vấn rút gọn',
            startDate: '2020-01-01',
            endDate: '2030-12-31',
            baselineDate: '2019-12-31',
            targetCountPct: 10,
            targetCostPct: 10,
            minConsultationDays: 0,
            categories: ['administrative_procedure'],
          }),
        201,
      );
      const regulationId = await planReady(w, 'Thủ tục thí điểm');
      expectStatus(
        await w.t.http
          .put(`/regulations/${regulationId}/plan`)
          .set('Authorization', w.officer.auth)
          .send({ action: 'simplify', description: 'Rút gọn', programme: pilot.code }),
        200,
      );
      const c = await openConsultation(w, regulationId, {
        expertDays: 2,
        associationDays: 10,
        expertIds: [w.expert.id],
      });
      const pending = await reminders(w, [c.expertRound, c.associationRound]);
      expect(pending.map((r) => r.subject_key)).toEqual([
        `consultation_round:${c.associationRound}`,
      ]);

      // Every invited expert has spoken: the round closes early; then a withdrawal closes the other.
      expectStatus(await giveFeedback(w, w.expert, c.expertRound, { content: 'Đồng ý.' }), 201);
      await event(w, w.lead, regulationId, { type: 'CLOSE_EXPERT_ROUND' });
      await event(w, w.lead, regulationId, { type: 'WITHDRAW', reason: 'Gộp vào quy định khác' });
      expect(
        (await reminders(w, [c.expertRound, c.associationRound])).map((r) => r.status),
      ).toEqual(['cancelled']);
      w.clock.advance(20 * DAY_MS);
      await sweep(w);
      const topics = (await outbox(w, regulationId)).map((e) => e.topic);
      expect(topics).not.toContain('consultation.round_closing_soon');
      expect(topics.filter((t) => t === 'consultation.round_closed')).toHaveLength(2);
    },
  );
});
