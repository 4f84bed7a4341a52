/**
 * POST /regulations/:id/events and what it leaves behind, through HTTP on the real database:
 * every 403/404/409/422/400 rule of domain.md §5, If-Match, Idempotency-Key, concurrency,
 * the published/plan-public flags, the outbox, transition hooks and facts contributors.
 */
import { randomUUID } from 'node:crypto';
import { TransactionRunner } from '../../src/database/transaction-runner';
import { WorkflowService } from '../../src/workflow/workflow.service';
import { createApiKey, createRegulation } from '../support/factories';
import {
  createWorld,
  days,
  draftRegulation,
  extensionsState,
  giveEstimate,
  givePlan,
  historyOf,
  ok,
  openConsultationBody,
  regulationRow,
  send,
  sweep,
  toDraftingPlan,
  World,
} from './workflow-support';

const PROBLEM = /application\/problem\+json/;

describe('workflow events over HTTP', () => {
  let w: World;

  beforeAll(async () => {
    // These cases assert the English texts of the guards and validators (Vietnamese is the default).
    w = await createWorld({ acceptLanguage: 'en' });
    await w.t.dataSource.query(
      `CREATE TABLE test_transition_effect (regulation_id uuid NOT NULL, seq integer NOT NULL, event text NOT NULL)`,
    );
  });
  afterAll(() => w.t.close());

  /** Nothing changed: same version, no new history entry. */
  async function expectUnchanged(id: string, version: number, historyLength: number) {
    expect((await regulationRow(w.t, id)).version).toBe(version);
    expect(await historyOf(w, id)).toHaveLength(historyLength);
  }

  describe('an accepted event', () => {
    it('answers the new state, version and the events this caller may send next', async () => {
      const id = await draftRegulation(w);
      const res = await send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        state: 'review',
        stateName: 'review',
        version: 2,
        availableEvents: ['COMPLETE_REVIEW'], // WITHDRAW is the lead's
      });
      expect(res.headers.etag).toBe('"2"');
      const lead = await send(w, w.lead, id, {
        type: 'COMPLETE_REVIEW',
        necessary: true,
        legal: false,
        reasonable: true,
      });
      expect(lead.body).toMatchObject({ stateName: 'costing', version: 3 });
      expect(lead.body.availableEvents).toEqual(['CONFIRM_BASELINE', 'WITHDRAW']);
    });

    it('records who did what in the history, in order, with the normalised payload', async () => {
      const id = await draftRegulation(w);
      await toDraftingPlan(w, id);
      await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 40, associationDays: 45 }));
      const history = await historyOf(w, id, w.officer);
      expect(history.map((h) => [h.seq, h.event, h.fromState, h.toState])).toEqual([
        [1, 'SUBMIT_FOR_REVIEW', 'draft', 'review'],
        [2, 'COMPLETE_REVIEW', 'review', 'costing'],
        [3, 'CONFIRM_BASELINE', 'costing', 'drafting_plan'],
        [
          4,
          'OPEN_CONSULTATION',
          'drafting_plan',
          { consultation: { experts: 'open', associations: 'open' } },
        ],
      ]);
      expect(history[0]).toMatchObject({
        actorId: w.officer.id,
        actorRole: 'ministry_officer',
        at: w.clock.now().toISOString(),
        payload: {},
      });
      expect(history[1].payload).toEqual({
        necessary: true,
        legal: true,
        reasonable: false,
        notes: 'chi phí tuân thủ quá cao',
      });
      expect(history[3].payload).toEqual({
        expertDeadline: days(w.clock, 40),
        associationDeadline: days(w.clock, 45),
        expertIds: [w.expert.id],
      });
    });

    it('publishes the regulation once it leaves draft, and its plan once consultation opens', async () => {
      const id = await draftRegulation(w);
      expect(await regulationRow(w.t, id)).toMatchObject({ published: false, plan_public: false });
      await toDraftingPlan(w, id);
      expect(await regulationRow(w.t, id)).toMatchObject({ published: true, plan_public: false });
      await ok(w, w.officer, id, openConsultationBody(w));
      expect(await regulationRow(w.t, id)).toMatchObject({ published: true, plan_public: true });
      // Withdrawing a draft does not publish it; withdrawing later keeps it published.
      const draft = await draftRegulation(w);
      await ok(w, w.lead, draft, { type: 'WITHDRAW', reason: 'trùng lặp' });
      expect(await regulationRow(w.t, draft)).toMatchObject({
        state_name: 'withdrawn',
        published: false,
      });
      await ok(w, w.lead, id, { type: 'WITHDRAW', reason: 'văn bản đã hết hiệu lực' });
      expect(await regulationRow(w.t, id)).toMatchObject({ published: true, plan_public: true });
    });

    it('writes one outbox row per transition in the same transaction', async () => {
      const id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      await send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' }); // refused: no row
      const rows = await w.t.dataSource.query(
        `SELECT topic, seq, payload FROM workflow_outbox WHERE regulation_id = $1`,
        [id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        topic: 'regulation.transitioned',
        seq: 1,
        payload: {
          event: 'SUBMIT_FOR_REVIEW',
          fromStateName: 'draft',
          toStateName: 'review',
          version: 2,
          agencyId: w.ministry.id,
          actor: { kind: 'user', id: w.officer.id, role: 'ministry_officer' },
        },
      });
    });

    it('lets an integration client with a write API key act as an officer of its agency', async () => {
      const id = await draftRegulation(w);
      const key = await createApiKey(w.t, w.ministry.id, 'write');
      const res = await w.t.http
        .post(`/regulations/${id}/events`)
        .set('X-Api-Key', key)
        .send({ type: 'SUBMIT_FOR_REVIEW' });
      expect(res.status).toBe(200);
      const [entry] = await historyOf(w, id);
      expect(entry.actorRole).toBe('ministry_officer');
      expect(entry.actorId).not.toBeNull();
      const readOnly = await createApiKey(w.t, w.ministry.id, 'read');
      const refused = await w.t.http
        .post(`/regulations/${id}/events`)
        .set('X-Api-Key', readOnly)
        .send({ type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: true });
      expect(refused.status).toBe(403);
    });
  });

  describe('who may send what (403) and who may see it (404)', () => {
    it('refuses roles that never send events, and anonymous callers', async () => {
      const id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      for (const who of [w.expert, w.association, w.admin]) {
        const res = await send(w, who, id, { type: 'WITHDRAW', reason: 'x' });
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      expect((await send(w, undefined, id, { type: 'WITHDRAW', reason: 'x' })).status).toBe(401);
      await expectUnchanged(id, 2, 1);
    });

    it('names the roles an event needs', async () => {
      const id = await draftRegulation(w);
      const gov = await send(w, w.gov, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(gov.status).toBe(403);
      expect(gov.body.detail).toBe(
        'SUBMIT_FOR_REVIEW may be sent only by ministry_officer or ministry_lead, not by gov_office',
      );
      const withdraw = await send(w, w.officer, id, { type: 'WITHDRAW', reason: 'x' });
      expect(withdraw.status).toBe(403);
      expect(withdraw.body.detail).toMatch(/only by ministry_lead, not by ministry_officer/);
      const timer = await send(w, w.lead, id, { type: 'EXPERT_ROUND_DEADLINE' });
      expect(timer.status).toBe(403);
      expect(timer.body.detail).toMatch(/only by system/);
      await expectUnchanged(id, 1, 0);
    });

    it('lets only the owning agency drive its regulations', async () => {
      const id = await draftRegulation(w);
      // A draft of another agency is invisible: 404.
      const hidden = await send(w, w.otherOfficer, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(hidden.status).toBe(404);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      // Published now: visible, but not theirs to change.
      const other = await send(w, w.otherLead, id, { type: 'WITHDRAW', reason: 'x' });
      expect(other.status).toBe(403);
      expect(other.body.detail).toBe(
        'WITHDRAW may be sent only by the agency that owns the regulation',
      );
      await expectUnchanged(id, 2, 1);
    });

    it('sends the Government Office events of any agency', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'government_office_review' }))
        .id;
      const res = await send(w, w.gov, id, { type: 'FORWARD_FOR_DECISION', note: 'đủ điều kiện' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stateName: 'awaiting_decision' });
      expect(res.body.availableEvents).toEqual(['RECORD_DECISION']);
      const officer = await send(w, w.officer, id, {
        type: 'RECORD_DECISION',
        outcome: 'approved',
        decisionNumber: '1661/QĐ-TTg',
        decisionDate: '2026-04-20',
        implementationDeadline: '2026-12-31',
      });
      expect(officer.status).toBe(403);
    });

    it('lets only the lead submit to the Government Office', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'responding' })).id;
      const officer = await send(w, w.officer, id, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
      expect(officer.status).toBe(403);
      const lead = await send(w, w.lead, id, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
      expect(lead.status).toBe(200);
      expect(lead.body.stateName).toBe('government_office_review');
    });

    it('answers 404 for an unknown id and 400 for a malformed one', async () => {
      expect((await send(w, w.officer, randomUUID(), { type: 'SUBMIT_FOR_REVIEW' })).status).toBe(
        404,
      );
      const bad = await send(w, w.officer, 'not-a-uuid', { type: 'SUBMIT_FOR_REVIEW' });
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toEqual([{ field: 'id', message: 'id must be a UUID' }]);
    });
  });

  describe('an event the state does not accept (409)', () => {
    it('lists the events the state accepts and changes nothing', async () => {
      const id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      const res = await send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        status: 409,
        stateName: 'review',
        eventType: 'SUBMIT_FOR_REVIEW',
        acceptedEvents: ['COMPLETE_REVIEW', 'WITHDRAW'],
        availableEvents: ['COMPLETE_REVIEW'],
      });
      expect(res.body.detail).toMatch(/SUBMIT_FOR_REVIEW is not accepted in state review/);
      await expectUnchanged(id, 2, 1);
    });

    it('accepts nothing in a final state', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'retained' })).id;
      const res = await send(w, w.lead, id, { type: 'WITHDRAW', reason: 'x' });
      expect(res.status).toBe(409);
      expect(res.body.acceptedEvents).toEqual([]);
    });

    it('checks the state before the payload', async () => {
      const id = await draftRegulation(w);
      const res = await send(w, w.officer, id, { type: 'COMPLETE_REVIEW', necessary: 'yes' });
      expect(res.status).toBe(409);
    });
  });

  describe('an invalid payload (400) names the fields', () => {
    let id: string;
    beforeAll(async () => {
      id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
    });

    it.each([
      [{}, 'type', 'is required'],
      [{ type: 'PUBLISH' }, 'type', 'must be one of SUBMIT_FOR_REVIEW'],
      [{ type: 42 }, 'type', 'must be one of'],
    ])('%j → %s', async (body, field, message) => {
      const res = await send(w, w.officer, id, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors[0].field).toBe(field);
      expect(res.body.errors[0].message).toContain(message);
    });

    it('a body that is not an object', async () => {
      const res = await send(w, w.officer, id, [{ type: 'SUBMIT_FOR_REVIEW' }]);
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('type');
    });

    it('fields of the event', async () => {
      const res = await send(w, w.officer, id, {
        type: 'COMPLETE_REVIEW',
        necessary: 'yes',
        legal: true,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'necessary', message: 'must be true or false' },
        { field: 'reasonable', message: 'must be true or false' },
      ]);
      const withdraw = await send(w, w.lead, id, { type: 'WITHDRAW' });
      expect(withdraw.status).toBe(400);
      expect(withdraw.body.errors).toEqual([{ field: 'reason', message: 'is required' }]);
      await expectUnchanged(id, 2, 1);
    });

    it('deadlines and expert ids of OPEN_CONSULTATION', async () => {
      const plan = await draftRegulation(w);
      await toDraftingPlan(w, plan);
      const res = await send(w, w.officer, plan, {
        type: 'OPEN_CONSULTATION',
        expertDeadline: '31/12/2026',
        associationDeadline: '2026-12-31T10:00:00',
        expertIds: [w.expert.id],
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'expertDeadline',
        'associationDeadline',
      ]);
      expect(res.body.errors[1].message).toMatch(/no time zone offset/);
      const ids = await send(w, w.officer, plan, {
        ...openConsultationBody(w),
        expertIds: [w.expert.id, 'chuyen-gia-1'],
      });
      expect(ids.status).toBe(400);
      expect(ids.body.errors).toEqual([
        { field: 'expertIds[1]', message: 'must be the id (UUID) of an expert user' },
      ]);
    });

    it('malformed If-Match and Idempotency-Key headers', async () => {
      const res = await send(
        w,
        w.officer,
        id,
        { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: true },
        { 'If-Match': 'latest', 'Idempotency-Key': 'two words' },
      );
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'If-Match',
        'Idempotency-Key',
      ]);
    });
  });

  describe('a failed guard (422) names the condition', () => {
    it('CONFIRM_BASELINE without a baseline estimate', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'costing' })).id;
      const res = await send(w, w.officer, id, { type: 'CONFIRM_BASELINE' });
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body).toMatchObject({
        guard: 'baselineComplete',
        detail: 'a complete baseline estimate is required',
      });
      // The same refusal in Vietnamese, the default (issue 16): the guard's code stays as it is.
      const vi = await send(
        w,
        w.officer,
        id,
        { type: 'CONFIRM_BASELINE' },
        { 'Accept-Language': 'vi' },
      );
      expect(vi.headers['content-language']).toBe('vi');
      expect(vi.body).toMatchObject({
        type: res.body.type,
        guard: 'baselineComplete',
        title: 'Không thể xử lý',
        detail: 'cần có ước tính chi phí hiện hành đầy đủ',
      });
      await giveEstimate(w.t, id, 'baseline');
      expect((await send(w, w.officer, id, { type: 'CONFIRM_BASELINE' })).status).toBe(200);
    });

    it('OPEN_CONSULTATION without a plan, then without a proposed estimate', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'drafting_plan' })).id;
      const noPlan = await send(w, w.officer, id, openConsultationBody(w));
      expect(noPlan.status).toBe(422);
      expect(noPlan.body.guard).toBe('planHasAction');
      await givePlan(w.t, id, 'simplify');
      const noProposed = await send(w, w.officer, id, openConsultationBody(w));
      expect(noProposed.body).toMatchObject({
        status: 422,
        guard: 'proposedEstimateUnlessAbolish',
      });
      // Abolishing brings the cost to zero: no proposed estimate needed.
      await givePlan(w.t, id, 'abolish');
      expect((await send(w, w.officer, id, openConsultationBody(w))).status).toBe(200);
    });

    it('OPEN_CONSULTATION without experts, with deadlines too soon, or with non-experts', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'drafting_plan' })).id;
      await givePlan(w.t, id, 'amend');
      await giveEstimate(w.t, id, 'proposed');
      const none = await send(w, w.officer, id, openConsultationBody(w, { expertIds: [] }));
      expect(none.status).toBe(422);
      expect(none.body).toMatchObject({
        guard: 'atLeastOneExpert',
        errors: [{ field: 'expertIds', message: 'at least one expert must be invited' }],
      });
      // NQ66's minimum is 30 days: "N days" means at least N × 24 hours after now.
      const soon = await send(w, w.officer, id, openConsultationBody(w, { expertDays: 29.99 }));
      expect(soon.status).toBe(422);
      expect(soon.body.guard).toBe('expertDeadlineFarEnough');
      expect(soon.body.errors[0].field).toBe('expertDeadline');
      const assoc = await send(w, w.officer, id, openConsultationBody(w, { associationDays: 3 }));
      expect(assoc.body.guard).toBe('associationDeadlineFarEnough');
      const notExperts = await send(
        w,
        w.officer,
        id,
        openConsultationBody(w, { expertIds: [w.expert.id, w.association.id, randomUUID()] }),
      );
      expect(notExperts.status).toBe(422);
      expect(notExperts.body.guard).toBe('invitedUsersAreExperts');
      expect(notExperts.body.errors[0].field).toBe('expertIds');
      expect(notExperts.body.detail).toContain(w.association.id);
      expect(await historyOf(w, id)).toHaveLength(0);
      // Exactly 30 days is enough; a date alone means 23:59:59 that day in Hanoi.
      const exact = await send(w, w.officer, id, {
        type: 'OPEN_CONSULTATION',
        expertDeadline: days(w.clock, 30),
        associationDeadline: '2026-04-30',
        expertIds: [w.expert.id, w.expert2.id],
      });
      expect(exact.status).toBe(200);
      const rounds = await w.t.dataSource.query(
        `SELECT round, closes_at FROM consultation_round WHERE regulation_id = $1 ORDER BY round`,
        [id],
      );
      expect(rounds.map((r: { closes_at: Date }) => r.closes_at.toISOString())).toEqual([
        '2026-04-30T16:59:59.000Z',
        days(w.clock, 30),
      ]);
    });

    it('a programme with no minimum consultation period allows a deadline of now', async () => {
      const programme = randomUUID();
      await w.t.dataSource.query(
        `INSERT INTO programme (id, code, name, start_date, end_date, baseline_date, target_count_pct, target_cost_pct, min_consultation_days, categories)
         VALUES ($1, $2, 'Thí điểm', '2026-01-01', '2026-12-31', '2025-12-31', 10, 10, 0, ARRAY['other'])`,
        [programme, `T${programme.slice(0, 6)}`],
      );
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'drafting_plan' })).id;
      await givePlan(w.t, id, 'abolish', programme);
      const res = await send(w, w.officer, id, openConsultationBody(w, { expertDays: 0 }));
      expect(res.status).toBe(200);
    });

    it('CLOSE_EXPERT_ROUND before every invited expert gave feedback', async () => {
      const id = await draftRegulation(w);
      await toDraftingPlan(w, id);
      await ok(
        w,
        w.officer,
        id,
        openConsultationBody(w, { expertIds: [w.expert.id, w.expert2.id] }),
      );
      // Without the consultation module no feedback exists: both experts still owe it.
      const res = await send(w, w.officer, id, { type: 'CLOSE_EXPERT_ROUND' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ guard: 'allExpertsGaveFeedback' });
      expect(res.body.detail).toMatch(/\(2 have not\)/);
      // A facts contributor (as the consultation module will register) says they all answered.
      extensionsState.expertsAnswered.add(id);
      const closed = await send(w, w.officer, id, { type: 'CLOSE_EXPERT_ROUND' });
      expect(closed.status).toBe(200);
      expect(closed.body.state).toEqual({
        consultation: { experts: 'closed', associations: 'open' },
      });
      const rounds = await w.t.dataSource.query(
        `SELECT round, status, close_reason FROM consultation_round WHERE regulation_id = $1 ORDER BY round`,
        [id],
      );
      expect(rounds).toEqual([
        { round: 'association', status: 'open', close_reason: null },
        { round: 'expert', status: 'closed', close_reason: 'early' },
      ]);
      // Its deadline timer is cancelled; the association round's is still pending.
      const timers = await w.t.dataSource.query(
        `SELECT kind, status FROM scheduled_timer WHERE subject_key = $1 ORDER BY kind`,
        [id],
      );
      expect(timers).toEqual([
        { kind: 'association-round-deadline', status: 'pending' },
        { kind: 'expert-round-deadline', status: 'cancelled' },
      ]);
    });

    it('SUBMIT_TO_GOVERNMENT_OFFICE with unanswered feedback', async () => {
      const id = (await createRegulation(w.t, w.ministry.id, { state: 'responding' })).id;
      extensionsState.unanswered.set(id, 3);
      const res = await send(w, w.lead, id, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ guard: 'allFeedbackAnswered' });
      expect(res.body.detail).toMatch(/3 unanswered/);
      extensionsState.unanswered.set(id, 0);
      expect((await send(w, w.lead, id, { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' })).status).toBe(200);
    });
  });

  describe('If-Match', () => {
    it('applies the event when the version matches, 409 at once when stale', async () => {
      const id = await draftRegulation(w);
      const stale = await send(
        w,
        w.officer,
        id,
        { type: 'SUBMIT_FOR_REVIEW' },
        { 'If-Match': '7' },
      );
      expect(stale.status).toBe(409);
      expect(stale.headers['content-type']).toMatch(PROBLEM);
      expect(stale.body).toMatchObject({
        type: 'urn:regcut:problem:version-conflict',
        currentVersion: 1,
      });
      await expectUnchanged(id, 1, 0);
      const fresh = await send(
        w,
        w.officer,
        id,
        { type: 'SUBMIT_FOR_REVIEW' },
        { 'If-Match': '1' },
      );
      expect(fresh.status).toBe(200);
      const etag = await send(
        w,
        w.officer,
        id,
        { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: true },
        { 'If-Match': fresh.headers.etag },
      );
      expect(etag.status).toBe(200);
      expect(etag.body).toMatchObject({ stateName: 'retained', version: 3, availableEvents: [] });
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first answer to the same caller and changes nothing', async () => {
      const id = await draftRegulation(w);
      const key = randomUUID();
      const first = await send(
        w,
        w.officer,
        id,
        { type: 'SUBMIT_FOR_REVIEW' },
        { 'Idempotency-Key': key },
      );
      expect(first.status).toBe(200);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const again = await send(
        w,
        w.officer,
        id,
        { type: 'SUBMIT_FOR_REVIEW' },
        { 'Idempotency-Key': key },
      );
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(again.headers['idempotent-replayed']).toBe('true');
      // Even with an If-Match that is stale by now: it is the same request.
      const withIfMatch = await send(
        w,
        w.officer,
        id,
        { type: 'SUBMIT_FOR_REVIEW' },
        { 'Idempotency-Key': key, 'If-Match': '1' },
      );
      expect(withIfMatch.status).toBe(200);
      expect(withIfMatch.body).toEqual(first.body);
      await expectUnchanged(id, 2, 1);
      // Without the key it is a new request, which the state refuses.
      expect((await send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' })).status).toBe(409);
    });

    it('refuses the same key for a different request with 422', async () => {
      const id = await draftRegulation(w);
      const key = randomUUID();
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      const body = { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false };
      expect((await send(w, w.officer, id, body, { 'Idempotency-Key': key })).status).toBe(200);
      const other = await send(
        w,
        w.officer,
        id,
        { ...body, notes: 'thêm ghi chú' },
        { 'Idempotency-Key': key },
      );
      expect(other.status).toBe(422);
      expect(other.headers['content-type']).toMatch(PROBLEM);
      expect(other.body.type).toBe('urn:regcut:problem:idempotency-key-reused');
      const elsewhere = await draftRegulation(w);
      const otherRegulation = await send(w, w.officer, elsewhere, body, { 'Idempotency-Key': key });
      expect(otherRegulation.status).toBe(422);
      await expectUnchanged(id, 3, 2);
    });

    it('keeps keys per caller', async () => {
      const id = await draftRegulation(w);
      const key = randomUUID();
      await send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' }, { 'Idempotency-Key': key });
      const lead = await send(
        w,
        w.lead,
        id,
        { type: 'SUBMIT_FOR_REVIEW' },
        { 'Idempotency-Key': key },
      );
      expect(lead.status).toBe(409); // a new request from the lead, refused by the state
    });

    it('concurrent requests with one key: one transition, every caller gets its answer', async () => {
      const id = await draftRegulation(w);
      const key = randomUUID();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () =>
          send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' }, { 'Idempotency-Key': key }),
        ),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(10).fill(200));
      for (const a of answers) expect(a.body).toEqual({ ...answers[0].body, version: 2 });
      await expectUnchanged(id, 2, 1);
    });
  });

  describe('concurrency', () => {
    it('30 identical concurrent events: exactly one accepted, 29 × 409, one history entry', async () => {
      const id = await draftRegulation(w);
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' })),
      );
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(29);
      for (const a of answers.filter((x) => x.status === 409)) {
        expect(a.body.acceptedEvents).toEqual(['COMPLETE_REVIEW', 'WITHDRAW']);
      }
      await expectUnchanged(id, 2, 1);
      const verify = await w.t.http
        .get(`/regulations/${id}/history/verify`)
        .set('Authorization', w.gov.auth);
      expect(verify.body).toEqual({ valid: true, entries: 1, brokenAt: null });
    });

    it('30 concurrent events with the same If-Match: one accepted, the rest stale', async () => {
      const id = await draftRegulation(w);
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          send(
            w,
            i % 2 ? w.officer : w.lead,
            id,
            { type: 'SUBMIT_FOR_REVIEW' },
            { 'If-Match': '1' },
          ),
        ),
      );
      expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
      const conflicts = answers.filter((a) => a.status === 409);
      expect(conflicts).toHaveLength(29);
      for (const c of conflicts) expect(c.body.currentVersion).toBe(2);
      await expectUnchanged(id, 2, 1);
    });

    it('without If-Match, concurrent distinct events that are both valid are both applied', async () => {
      const id = await draftRegulation(w);
      await toDraftingPlan(w, id);
      await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 40, associationDays: 31 }));
      extensionsState.expertsAnswered.add(id);
      // The association deadline passes while the officer closes the expert round early.
      w.clock.advance(31 * 86_400_000);
      const [closed] = await Promise.all([
        send(w, w.officer, id, { type: 'CLOSE_EXPERT_ROUND' }),
        sweep(w),
      ]);
      expect(closed.status).toBe(200);
      const row = await regulationRow(w.t, id);
      expect(row.state_name).toBe('responding');
      const history = await historyOf(w, id);
      expect(
        history
          .slice(4)
          .map((h) => h.event)
          .sort(),
      ).toEqual(['ASSOCIATION_ROUND_DEADLINE', 'CLOSE_EXPERT_ROUND']);
      expect(row.version).toBe(7);
    });

    it('an event that waited for another transition chains its history after it', async () => {
      const id = await draftRegulation(w);
      await toDraftingPlan(w, id);
      await ok(w, w.officer, id, openConsultationBody(w, { expertDays: 40, associationDays: 31 }));
      extensionsState.expertsAnswered.add(id);
      w.clock.advance(31 * 86_400_000);
      // The association deadline fires in a transaction that stays open…
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let locked!: () => void;
      const timerHoldsLock = new Promise<void>((r) => (locked = r));
      const timer = w.t.app.get(TransactionRunner).run(async (tx) => {
        await w.t.app.get(WorkflowService).deliverTimer(tx, {
          id: randomUUID(),
          kind: 'association-round-deadline',
          subjectKey: id,
          payload: { event: { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 } },
          dueAt: w.clock.now(),
        });
        locked();
        await gate;
      });
      // …while the officer's request arrives and waits for the regulation's lock (sent only once
      // the timer holds it: the request's path is short enough now to overtake it otherwise).
      await timerHoldsLock;
      const request = send(w, w.officer, id, { type: 'CLOSE_EXPERT_ROUND' }).then((r) => r);
      for (let i = 0; i < 200; i++) {
        const [{ n }] = await w.t.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        if (n > 0) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      release();
      await timer;
      const res = await request;
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ stateName: 'responding', version: 7 });
      const history = await historyOf(w, id);
      expect(history.slice(4).map((h) => [h.seq, h.event])).toEqual([
        [5, 'ASSOCIATION_ROUND_DEADLINE'],
        [6, 'CLOSE_EXPERT_ROUND'],
      ]);
      const verify = await w.t.http
        .get(`/regulations/${id}/history/verify`)
        .set('Authorization', w.gov.auth);
      expect(verify.body).toEqual({ valid: true, entries: 6, brokenAt: null });
    });

    it('many regulations in parallel keep independent versions and chains', async () => {
      const ids = await Promise.all(Array.from({ length: 12 }, () => draftRegulation(w)));
      await Promise.all(ids.map((id) => ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' })));
      await Promise.all(
        ids.map((id) =>
          ok(w, w.lead, id, {
            type: 'COMPLETE_REVIEW',
            necessary: false,
            legal: true,
            reasonable: true,
          }),
        ),
      );
      for (const id of ids) {
        expect(await regulationRow(w.t, id)).toMatchObject({ state_name: 'costing', version: 3 });
        const v = await w.t.http
          .get(`/regulations/${id}/history/verify`)
          .set('Authorization', w.admin.auth);
        expect(v.body).toEqual({ valid: true, entries: 2, brokenAt: null });
      }
    });
  });

  describe('the short path (one read, one statement, no transaction)', () => {
    it('takes events with nothing else to write, and leaves the same row, chain and outbox', async () => {
      const [id, hooked, keyed] = [
        await draftRegulation(w),
        await draftRegulation(w),
        await draftRegulation(w),
      ];
      // The workflow's transactional path (the webhook relay runs transactions of its own meanwhile).
      const runs = jest.spyOn(w.t.app.get(WorkflowService) as any, 'sendInTx');
      try {
        await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
        await ok(w, w.officer, id, {
          type: 'COMPLETE_REVIEW',
          necessary: true,
          legal: true,
          reasonable: false,
        });
        expect(runs).not.toHaveBeenCalled();
        expect(await regulationRow(w.t, id)).toMatchObject({
          state_name: 'costing',
          version: 3,
          published: true,
        });
        const [{ n }] = await w.t.dataSource.query(
          `SELECT count(*)::int AS n FROM workflow_outbox WHERE regulation_id = $1`,
          [id],
        );
        expect(n).toBe(2);
        const v = await w.t.http
          .get(`/regulations/${id}/history/verify`)
          .set('Authorization', w.admin.auth);
        expect(v.body).toEqual({ valid: true, entries: 2, brokenAt: null });

        // A hook that applies, an Idempotency-Key, or facts to read: the transactional path.
        extensionsState.recordFor.add(hooked);
        await ok(w, w.officer, hooked, { type: 'SUBMIT_FOR_REVIEW' });
        expect(runs).toHaveBeenCalledTimes(1);
        const res = await send(
          w,
          w.officer,
          keyed,
          { type: 'SUBMIT_FOR_REVIEW' },
          { 'Idempotency-Key': randomUUID() },
        );
        expect(res.status).toBe(200);
        expect(runs).toHaveBeenCalledTimes(2);
      } finally {
        runs.mockRestore();
      }
    });

    it('refuses from its read as the locked path does: 404, 403, 409 state (If-Match: above)', async () => {
      const id = await draftRegulation(w);
      expect((await send(w, w.otherOfficer, id, { type: 'SUBMIT_FOR_REVIEW' })).status).toBe(404);
      const forbidden = await send(w, w.gov, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(forbidden.status).toBe(403);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      const again = await send(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(again.status).toBe(409);
      expect(again.body.acceptedEvents).toEqual(['COMPLETE_REVIEW', 'WITHDRAW']);
      await expectUnchanged(id, 2, 1);
    });
  });

  describe('transition hooks', () => {
    it('run inside the transition transaction; a failing hook rolls the transition back', async () => {
      const id = await draftRegulation(w);
      extensionsState.recordFor.add(id);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect(
        await w.t.dataSource.query(
          `SELECT seq, event FROM test_transition_effect WHERE regulation_id = $1`,
          [id],
        ),
      ).toEqual([{ seq: 1, event: 'SUBMIT_FOR_REVIEW' }]);
      const call = extensionsState.calls.find((c) => c.regulation.id === id)!;
      expect(call).toMatchObject({
        before: { stateName: 'draft', version: 1 },
        after: { stateName: 'review', version: 2 },
        event: { type: 'SUBMIT_FOR_REVIEW' },
        actor: { kind: 'user', id: w.officer.id, role: 'ministry_officer' },
        regulation: { agencyId: w.ministry.id, published: true },
      });

      extensionsState.failFor.add(id);
      const res = await send(w, w.lead, id, { type: 'WITHDRAW', reason: 'x' });
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(PROBLEM);
      await expectUnchanged(id, 2, 1);
      expect(
        await w.t.dataSource.query(`SELECT 1 FROM workflow_outbox WHERE regulation_id = $1`, [id]),
      ).toHaveLength(1);
      extensionsState.failFor.delete(id);
    });
  });
});
