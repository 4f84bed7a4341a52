import { randomUUID } from 'node:crypto';
import { createRegulation } from '../support/factories';
import {
  closeRoundsByDeadline,
  Consultation,
  createWorld,
  DAY_MS,
  event,
  expectStatus,
  giveFeedback,
  openConsultation,
  outbox,
  planReady,
  send,
  sweep,
  World,
} from './consultation-support';

describe('feedback on consultation rounds (domain.md §6)', () => {
  let w: World;
  let c: Consultation;

  beforeAll(async () => {
    // These cases assert the English texts of the guards and validators (Vietnamese is the default).
    w = await createWorld({ acceptLanguage: 'en' });
    c = await openConsultation(w, await planReady(w));
  });
  afterAll(() => w.t.close());

  const simple = { content: 'Đề nghị cho phép nộp hồ sơ trực tuyến toàn trình.' };

  describe('who may comment in which round', () => {
    it('follows the role × round matrix: associations in association rounds, invited experts in expert rounds', async () => {
      const cases: Array<[string, keyof World, 'expertRound' | 'associationRound', number]> = [
        ['an association in the association round', 'association', 'associationRound', 201],
        ['another association in the association round', 'association2', 'associationRound', 201],
        ['an association in the expert round', 'association', 'expertRound', 403],
        ['an invited expert in the expert round', 'expert', 'expertRound', 201],
        ['an expert who was not invited', 'outsider', 'expertRound', 403],
        ['an invited expert in the association round', 'expert', 'associationRound', 403],
        ['the owning officer', 'officer', 'associationRound', 403],
        ['the owning lead', 'lead', 'expertRound', 403],
        ['another ministry', 'otherOfficer', 'associationRound', 403],
        ['the Government Office', 'gov', 'associationRound', 403],
        ['an admin', 'admin', 'expertRound', 403],
      ];
      const got: string[] = [];
      for (const [label, who, round, want] of cases) {
        const res = await giveFeedback(w, w[who] as any, c[round], simple);
        if (res.status >= 400) expect(res.headers['content-type']).toMatch(/problem\+json/);
        got.push(`${label}: ${res.status}`);
        expect(`${label}: ${res.status}`).toBe(`${label}: ${want}`);
      }
      expect(got).toHaveLength(cases.length);
      const anonymous = await giveFeedback(w, null, c.associationRound, simple);
      expect(anonymous.status).toBe(401);
    });

    it('answers 404 for a round that does not exist and 400 for an id that is not a UUID', async () => {
      expect((await giveFeedback(w, w.association, randomUUID(), simple)).status).toBe(404);
      const bad = await giveFeedback(w, w.association, 'round-1', simple);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('id');
    });

    it('returns the stored item with its author, and records a feedback_received event', async () => {
      const res = await giveFeedback(w, w.association, c.associationRound, {
        content: '  Doanh nghiệp mất 8 giờ chuẩn bị hồ sơ.  ',
        target: { kind: 'cost_field', estimate: 'baseline', field: 'activities[0].hours' },
        evidence: {
          subjects: 3200,
          frequencyPerYear: 2,
          hours: '8',
          note: 'Khảo sát 120 hội viên',
        },
      });
      const item = expectStatus(res, 201);
      expect(res.headers.location).toBe(`/feedback/${item.id}`);
      expect(item).toMatchObject({
        consultationId: c.associationRound,
        regulationId: c.regulationId,
        cycle: 1,
        round: 'association',
        author: { id: w.association.id, role: 'association', agencyId: w.association.agencyId },
        content: 'Doanh nghiệp mất 8 giờ chuẩn bị hồ sơ.',
        target: {
          kind: 'cost_field',
          estimate: 'baseline',
          field: 'activities[0].hours',
          valueAtFeedback: '8',
          estimateVersionAtFeedback: 1,
        },
        evidence: {
          subjects: '3200',
          frequencyPerYear: '2',
          hours: '8',
          amount: null,
          note: 'Khảo sát 120 hội viên',
        },
        attachments: [],
        publishedAt: null,
        answer: null,
      });
      const events = (await outbox(w, c.regulationId)).filter(
        (e) => e.topic === 'consultation.feedback_received' && e.feedback_id === item.id,
      );
      expect(events).toHaveLength(1);
      expect(events[0].payload).toMatchObject({
        feedbackId: item.id,
        consultationId: c.associationRound,
        agencyId: w.ministry.id,
        authorId: w.association.id,
        round: 'association',
        hasEvidence: true,
      });
    });
  });

  describe('what an item may say', () => {
    it('names every invalid field in one 400', async () => {
      const res = await giveFeedback(w, w.association, c.associationRound, {
        content: '',
        target: { kind: 'cost_field', estimate: 'current' },
        evidence: { subjects: 12.5, hours: 'tám', amount: 1.234, frequencyPerYear: -2 },
      });
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
        [
          'content',
          'target.estimate',
          'target.field',
          'evidence.subjects',
          'evidence.frequencyPerYear',
          'evidence.hours',
          'evidence.amount',
        ].sort(),
      );
    });

    it('refuses unknown properties, over-long text and control characters', async () => {
      const unknown = await giveFeedback(w, w.association, c.associationRound, {
        ...simple,
        rating: 5,
      });
      expect(unknown.status).toBe(400);
      const long = await giveFeedback(w, w.association, c.associationRound, {
        content: 'a'.repeat(10_001),
      });
      expect(long.body.errors).toEqual([
        { field: 'content', message: 'must be at most 10000 characters (it has 10001)' },
      ]);
      const control = await giveFeedback(w, w.association, c.associationRound, {
        content: 'xin chào\u0007',
      });
      expect(control.body.errors[0].field).toBe('content');
      const nested = await giveFeedback(w, w.association, c.associationRound, {
        ...simple,
        evidence: { members: 3 },
      });
      expect(nested.status).toBe(400);
    });

    it('accepts only a real field of an existing estimate as a cost-field target', async () => {
      const target = (estimate: string, field: string) =>
        giveFeedback(w, w.association, c.associationRound, {
          ...simple,
          target: { kind: 'cost_field', estimate, field },
        });
      expect((await target('proposed', 'feesAndCharges')).body.target).toMatchObject({
        valueAtFeedback: '200000',
      });
      expect((await target('proposed', 'subjectsPerYear')).status).toBe(201);
      expect((await target('baseline', 'activities[2].hours')).status).toBe(201);
      const missing = await target('proposed', 'activities[2].hours');
      expect(missing.status).toBe(400);
      expect(missing.body.errors).toEqual([
        {
          field: 'target.field',
          message: 'the estimate has 2 activities (activities[0]…activities[1])',
        },
      ]);
      const noRange = await target('baseline', 'subjectsLow');
      expect(noRange.body.errors).toEqual([
        { field: 'target.field', message: 'the estimate gives no subjectsLow' },
      ]);
      expect((await target('baseline', 'annualCost')).body.errors[0].field).toBe('target.field');
      const plan = await giveFeedback(w, w.expert2, c.expertRound, {
        content: 'Phương án nên bãi bỏ hẳn thủ tục.',
        target: { kind: 'plan' },
      });
      expect(plan.body.target).toEqual({ kind: 'plan' });
    });

    it('replays a request sent again with the same Idempotency-Key, and refuses the key for another body', async () => {
      const key = randomUUID();
      const first = await giveFeedback(w, w.association2, c.associationRound, simple).set(
        'Idempotency-Key',
        key,
      );
      expect(first.status).toBe(201);
      const again = await giveFeedback(w, w.association2, c.associationRound, simple).set(
        'Idempotency-Key',
        key,
      );
      expect(again.status).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body.id).toBe(first.body.id);
      const [{ n }] = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM consultation_feedback WHERE id = $1`,
        [first.body.id],
      );
      expect(n).toBe(1);
      const other = await giveFeedback(w, w.association2, c.associationRound, {
        content: 'khác',
      }).set('Idempotency-Key', key);
      expect(other.status).toBe(422);
    });
  });

  describe('reading feedback before the answers are published', () => {
    let itemId: string;
    beforeAll(async () => {
      w.clock.advance(60_000); // the newest item
      itemId = expectStatus(
        await giveFeedback(w, w.association, c.associationRound, { content: 'Ý kiến riêng' }),
        201,
      ).id;
    });

    it('shows an item to its author, the owning agency and the Government Office only', async () => {
      const get = (who: { auth: string } | null) => {
        const req = w.t.http.get(`/feedback/${itemId}`);
        return who ? req.set('Authorization', who.auth) : req;
      };
      for (const who of [w.association, w.officer, w.lead, w.gov, w.admin]) {
        expect((await get(who)).status).toBe(200);
      }
      for (const who of [w.association2, w.expert, w.otherOfficer, null]) {
        expect((await get(who)).status).toBe(404);
      }
    });

    it("lists a regulation's items for the owning agency, and for others only their own", async () => {
      const list = async (who: { auth: string } | null, query = '') => {
        const req = w.t.http.get(`/regulations/${c.regulationId}/feedback${query}`);
        return expectStatus(await (who ? req.set('Authorization', who.auth) : req), 200);
      };
      const all = await list(w.officer);
      expect(all.items.length).toBeGreaterThan(5);
      expect(all.items.map((i: { id: string }) => i.id)).toContain(itemId);
      const mine = await list(w.association);
      expect(mine.items.length).toBeGreaterThan(0);
      expect(mine.items.every((i: any) => i.author.id === w.association.id)).toBe(true);
      expect((await list(null)).items).toEqual([]);
      expect((await list(w.otherOfficer)).items).toEqual([]);
      const experts = await list(w.gov, '?round=expert');
      expect(experts.items.every((i: any) => i.round === 'expert')).toBe(true);
      const unanswered = await list(w.lead, '?unanswered=true');
      expect(unanswered.items).toHaveLength(all.items.length);
    });

    it("pages the author's own items, newest first, with their answers", async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: any = expectStatus(
          await w.t.http
            .get(`/feedback?mine=true&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
            .set('Authorization', w.association.auth),
          200,
        );
        seen.push(...res.items.map((i: any) => i.id));
        expect(
          res.items.every((i: any) => i.author.id === w.association.id && i.answer === null),
        ).toBe(true);
        cursor = res.nextCursor;
      } while (cursor);
      const [{ n }] = await w.t.dataSource.query(
        `SELECT count(*)::int AS n FROM consultation_feedback WHERE author_id = $1`,
        [w.association.id],
      );
      expect(seen).toHaveLength(n);
      expect(new Set(seen).size).toBe(n);
      expect(seen[0]).toBe(itemId);
      const bad = await w.t.http
        .get('/feedback?mine=false')
        .set('Authorization', w.association.auth);
      expect(bad.status).toBe(400);
      const cursorBad = await w.t.http
        .get('/feedback?cursor=abc')
        .set('Authorization', w.association.auth);
      expect(cursorBad.status).toBe(400);
      const ministry = await w.t.http
        .get('/feedback?mine=true')
        .set('Authorization', w.officer.auth);
      expect(ministry.status).toBe(403);
    });
  });

  describe('closed rounds', () => {
    it('refuses feedback once the deadline has passed, even before the timer closed the round', async () => {
      const regulationId = await planReady(w, 'Thủ tục cấp phép quảng cáo thực phẩm');
      const c2 = await openConsultation(w, regulationId, { expertDays: 31, associationDays: 40 });
      const clock = w.clock.now().getTime();
      // The expert deadline has passed but the sweeper has not run: the round is closed by time.
      w.clock.set(new Date(clock + 31 * DAY_MS + 1000));
      const late = await giveFeedback(w, w.expert, c2.expertRound, simple);
      expect(late.status).toBe(409);
      expect(late.body.detail).toMatch(/closed at its deadline/);
      await sweep(w);
      const closed = await giveFeedback(w, w.expert, c2.expertRound, simple);
      expect(closed.status).toBe(409);
      expect(closed.body).toMatchObject({ consultationId: c2.expertRound, roundStatus: 'closed' });
      // The association round is still open.
      expect((await giveFeedback(w, w.association, c2.associationRound, simple)).status).toBe(201);
      // Role refusals come before the state: an uninvited expert is still a 403.
      expect((await giveFeedback(w, w.outsider, c2.expertRound, simple)).status).toBe(403);
      await closeRoundsByDeadline(w, 10);
      expect((await giveFeedback(w, w.association, c2.associationRound, simple)).status).toBe(409);
      w.clock.set(new Date(clock));
    });

    it('closes the expert round early only when every invited expert has given feedback', async () => {
      const regulationId = await planReady(w, 'Thủ tục đăng ký lưu hành');
      const c3 = await openConsultation(w, regulationId);
      const close = () => send(w, w.officer, regulationId, { type: 'CLOSE_EXPERT_ROUND' });
      let res = await close();
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(/\(2 have not\)/);
      expectStatus(await giveFeedback(w, w.expert, c3.expertRound, simple), 201);
      // Association items and a second item by the same expert do not count for expert2.
      expectStatus(await giveFeedback(w, w.association, c3.associationRound, simple), 201);
      expectStatus(await giveFeedback(w, w.expert, c3.expertRound, simple), 201);
      res = await close();
      expect(res.status).toBe(422);
      expect(res.body.detail).toMatch(/\(1 has not\)/);
      expectStatus(await giveFeedback(w, w.expert2, c3.expertRound, simple), 201);
      await event(w, w.officer, regulationId, { type: 'CLOSE_EXPERT_ROUND' });
      const after = await giveFeedback(w, w.expert2, c3.expertRound, simple);
      expect(after.status).toBe(409);
      const closedEvents = (await outbox(w, regulationId)).filter(
        (e) => e.topic === 'consultation.round_closed',
      );
      expect(closedEvents).toHaveLength(1);
      expect(closedEvents[0].payload).toMatchObject({
        consultationId: c3.expertRound,
        round: 'expert',
        closeReason: 'early',
        items: 3,
        unanswered: 3,
        invitedExpertsWithoutFeedback: [],
      });
    });

    it('refuses feedback on the rounds of a withdrawn regulation', async () => {
      const regulationId = await planReady(w, 'Thủ tục kiểm tra nhà nước');
      const c4 = await openConsultation(w, regulationId);
      await event(w, w.lead, regulationId, { type: 'WITHDRAW', reason: 'Đã bãi bỏ theo luật mới' });
      expect((await giveFeedback(w, w.association, c4.associationRound, simple)).status).toBe(409);
      const closed = (await outbox(w, regulationId)).filter(
        (e) => e.topic === 'consultation.round_closed',
      );
      expect(closed.map((e) => e.payload.closeReason).sort()).toEqual(['withdrawn', 'withdrawn']);
    });

    it('hides the rounds of a draft nobody outside the agency may see', async () => {
      // A round whose regulation is not visible: made by hand, as no workflow path leads there.
      const draft = await createRegulation(w.t, w.ministry.id);
      const id = randomUUID();
      await w.t.dataSource.query(
        `INSERT INTO consultation_round (id, regulation_id, cycle, round, opens_at, closes_at, status)
         VALUES ($1, $2, 1, 'association', now(), now() + interval '30 days', 'open')`,
        [id, draft.id],
      );
      expect((await giveFeedback(w, w.association, id, simple)).status).toBe(404);
    });
  });
});
