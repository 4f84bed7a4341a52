/**
 * What the workflow lets people read: the history and its verification, the consultation rounds,
 * the statechart, `availableEvents` in the regulation view; and old snapshots staying usable.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRegulation } from '../support/factories';
import { machinesByVersion, regulationMachine } from '../../src/workflow/domain';
import {
  createWorld,
  draftRegulation,
  historyOf,
  ok,
  openConsultationBody,
  regulationRow,
  send,
  sweep,
  toDraftingPlan,
  World,
} from './workflow-support';

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as {
    machineVersion: number;
    snapshot: { value: unknown };
  };

describe('workflow records over HTTP', () => {
  let w: World;

  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.t.close());

  const get = (path: string, who?: { auth: string }) => {
    const req = w.t.http.get(path);
    return who ? req.set('Authorization', who.auth) : req;
  };

  describe('GET /regulations/:id/history', () => {
    let id: string;
    beforeAll(async () => {
      id = await draftRegulation(w);
      await toDraftingPlan(w, id);
    });

    it('is ordered and complete for the owning agency and those who read everything', async () => {
      for (const who of [w.officer, w.lead, w.gov, w.admin]) {
        const res = await get(`/regulations/${id}/history`, who);
        expect(res.status).toBe(200);
        expect(res.body.nextCursor).toBeNull();
        expect(
          res.body.items.map((e: { seq: number; event: string; actorRole: string }) => [
            e.seq,
            e.event,
            e.actorRole,
          ]),
        ).toEqual([
          [1, 'SUBMIT_FOR_REVIEW', 'ministry_officer'],
          [2, 'COMPLETE_REVIEW', 'ministry_officer'],
          [3, 'CONFIRM_BASELINE', 'ministry_officer'],
        ]);
        expect(Object.keys(res.body.items[0])).toEqual(
          expect.arrayContaining([
            'seq',
            'at',
            'actorId',
            'actorRole',
            'event',
            'fromState',
            'toState',
            'payload',
          ]),
        );
      }
    });

    it('pages with a cursor', async () => {
      const first = await get(`/regulations/${id}/history?limit=2`, w.officer);
      expect(first.body.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2]);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await get(
        `/regulations/${id}/history?limit=2&cursor=${first.body.nextCursor}`,
        w.officer,
      );
      expect(second.body).toMatchObject({ items: [{ seq: 3 }], nextCursor: null });
      const bad = await get(`/regulations/${id}/history?cursor=nonsense`, w.officer);
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('cursor');
    });

    it('is internal: other agencies, experts, associations and the public may not read it', async () => {
      expect((await get(`/regulations/${id}/history`, w.otherOfficer)).status).toBe(403);
      expect((await get(`/regulations/${id}/history`, w.expert)).status).toBe(403);
      expect((await get(`/regulations/${id}/history`, w.association)).status).toBe(403);
      expect((await get(`/regulations/${id}/history`)).status).toBe(401);
      const draft = await draftRegulation(w);
      expect((await get(`/regulations/${draft}/history`, w.otherOfficer)).status).toBe(404);
      expect((await get(`/regulations/${randomUUID()}/history`, w.gov)).status).toBe(404);
    });
  });

  describe('GET /regulations/:id/history/verify', () => {
    it('confirms an intact chain and finds the first tampered entry', async () => {
      const id = await draftRegulation(w);
      await toDraftingPlan(w, id);
      await ok(w, w.officer, id, openConsultationBody(w));
      const intact = await get(`/regulations/${id}/history/verify`, w.gov);
      expect(intact.status).toBe(200);
      expect(intact.body).toEqual({ valid: true, entries: 4, brokenAt: null });

      // Someone with database access rewrites the review's outcome.
      await w.t.dataSource.query(
        `UPDATE workflow_history SET payload = jsonb_set(payload, '{reasonable}', 'true')
          WHERE regulation_id = $1 AND seq = 2`,
        [id],
      );
      const tampered = await get(`/regulations/${id}/history/verify`, w.admin);
      expect(tampered.body).toEqual({ valid: false, entries: 4, brokenAt: 2 });
    });

    it('detects a deleted entry and a back-dated one', async () => {
      const deleted = await draftRegulation(w);
      await toDraftingPlan(w, deleted);
      await w.t.dataSource.query(
        `DELETE FROM workflow_history WHERE regulation_id = $1 AND seq = 1`,
        [deleted],
      );
      expect((await get(`/regulations/${deleted}/history/verify`, w.gov)).body).toEqual({
        valid: false,
        entries: 2,
        brokenAt: 2,
      });

      const backdated = await draftRegulation(w);
      await toDraftingPlan(w, backdated);
      await w.t.dataSource.query(
        `UPDATE workflow_history SET at = at - interval '1 day' WHERE regulation_id = $1 AND seq = 3`,
        [backdated],
      );
      expect((await get(`/regulations/${backdated}/history/verify`, w.gov)).body.brokenAt).toBe(3);
    });

    it('is for the Government Office and administrators', async () => {
      const id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      expect((await get(`/regulations/${id}/history/verify`, w.officer)).status).toBe(403);
      expect((await get(`/regulations/${id}/history/verify`, w.expert)).status).toBe(403);
      expect((await get(`/regulations/${id}/history/verify`)).status).toBe(401);
      const empty = await draftRegulation(w);
      expect((await get(`/regulations/${empty}/history/verify`, w.gov)).body).toEqual({
        valid: true,
        entries: 0,
        brokenAt: null,
      });
    });
  });

  describe('GET /consultations', () => {
    let open: string;
    let withdrawn: string;
    beforeAll(async () => {
      open = await draftRegulation(w);
      await toDraftingPlan(w, open);
      await ok(
        w,
        w.officer,
        open,
        openConsultationBody(w, { expertDays: 33, associationDays: 34 }),
      );
      withdrawn = await draftRegulation(w);
      await toDraftingPlan(w, withdrawn);
      await ok(w, w.officer, withdrawn, openConsultationBody(w));
      await ok(w, w.lead, withdrawn, { type: 'WITHDRAW', reason: 'đã có văn bản thay thế' });
    });

    it('lists the open rounds for everyone, with their deadlines and invited experts', async () => {
      const res = await get(`/consultations?status=open&limit=500`);
      expect(res.status).toBe(200);
      const mine = res.body.items.filter((r: { regulationId: string }) => r.regulationId === open);
      expect(mine).toEqual([
        {
          id: expect.any(String),
          regulationId: open,
          cycle: 1,
          round: 'expert',
          opensAt: w.clock.now().toISOString(),
          closesAt: new Date(w.clock.now().getTime() + 33 * 86_400_000).toISOString(),
          status: 'open',
          invitedExpertIds: [w.expert.id],
          closedAt: null,
          closeReason: null,
          regulation: expect.any(Object),
          plan: expect.any(Object),
          closingDates: expect.any(Object),
        },
        expect.objectContaining({ round: 'association', status: 'open', invitedExpertIds: [] }),
      ]);
      // What an association needs to choose what to answer, without opening the regulation.
      const closingDates = {
        expertRound: new Date(w.clock.now().getTime() + 33 * 86_400_000).toISOString(),
        associationRound: new Date(w.clock.now().getTime() + 34 * 86_400_000).toISOString(),
      };
      for (const round of mine) {
        expect(round).toMatchObject({
          regulation: {
            id: open,
            title: 'Thủ tục cấp giấy chứng nhận đủ điều kiện kinh doanh',
            provision: expect.any(String),
            agency: { id: w.ministry.id, code: expect.any(String), name: expect.any(String) },
            legalDocument: { id: expect.any(String), number: expect.any(String) },
          },
          plan: {
            action: 'simplify',
            description: 'Bỏ yêu cầu nộp bản sao chứng thực',
            targetDocument: null,
            programme: 'NQ66',
          },
          closingDates,
        });
      }
      const doc = (await get('/openapi.json')).body;
      expect(doc.components.schemas.ConsultationListingDto.properties).toHaveProperty('plan');
      expect(doc.components.schemas.ConsultationRegulationDto.properties).toHaveProperty('agency');
      expect(
        res.body.items.some((r: { regulationId: string }) => r.regulationId === withdrawn),
      ).toBe(false);
      for (const who of [w.expert, w.association, w.otherOfficer]) {
        const as = await get(`/consultations?status=open&limit=500`, who);
        expect(
          as.body.items.filter((r: { regulationId: string }) => r.regulationId === open),
        ).toHaveLength(2);
      }
    });

    it('closes the rounds of a withdrawn regulation and cancels their timers', async () => {
      const res = await get(`/consultations?status=closed&regulationId=${withdrawn}`);
      expect(
        res.body.items
          .map((r: { round: string; closeReason: string }) => [r.round, r.closeReason])
          .sort(),
      ).toEqual([
        ['association', 'withdrawn'],
        ['expert', 'withdrawn'],
      ]);
      const timers = await w.t.dataSource.query(
        `SELECT status FROM scheduled_timer WHERE subject_key = $1`,
        [withdrawn],
      );
      expect(timers.map((t: { status: string }) => t.status)).toEqual(['cancelled', 'cancelled']);
    });

    it('pages by deadline with a cursor and validates its filters', async () => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await get(`/consultations?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        all.push(...page.body.items.map((r: { closesAt: string }) => r.closesAt));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all.length).toBeGreaterThanOrEqual(4);
      expect([...all].sort()).toEqual(all);
      for (const q of [
        'status=pending',
        'round=public',
        'regulationId=x',
        'limit=0',
        'cursor=abc',
      ]) {
        const bad = await get(`/consultations?${q}`);
        expect(bad.status).toBe(400);
        expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    });

    it('shows rounds of unpublished regulations only to those who may see them', async () => {
      const draft = await draftRegulation(w);
      await w.t.dataSource.query(
        `INSERT INTO consultation_round (id, regulation_id, cycle, round, opens_at, closes_at)
         VALUES ($1, $2, 1, 'association', now(), now() + interval '40 days')`,
        [randomUUID(), draft],
      );
      const seen = async (who?: { auth: string }) =>
        (await get(`/consultations?regulationId=${draft}`, who)).body.items.length;
      expect(await seen()).toBe(0);
      expect(await seen(w.otherOfficer)).toBe(0);
      expect(await seen(w.association)).toBe(0);
      expect(await seen(w.officer)).toBe(1);
      expect(await seen(w.gov)).toBe(1);
    });
  });

  describe('GET /regulations/:id/workflow', () => {
    it('serves the statechart as JSON and Mermaid to anyone', async () => {
      const id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      const res = await get(`/regulations/${id}/workflow`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ machineId: 'regulation', machineVersion: 1 });
      expect(res.body.statechart.states.map((s: { key: string }) => s.key)).toEqual([
        'draft',
        'review',
        'costing',
        'drafting_plan',
        'consultation',
        'responding',
        'government_office_review',
        'awaiting_decision',
        'implementing',
        'retained',
        'withdrawn',
        'rejected',
        'implemented',
      ]);
      const consultation = res.body.statechart.states.find(
        (s: { key: string }) => s.key === 'consultation',
      );
      expect(consultation.type).toBe('parallel');
      expect(res.body.mermaid).toMatch(/^stateDiagram-v2\n/);
      expect(res.body.mermaid).toContain('draft --> review : SUBMIT_FOR_REVIEW');
      expect(res.body.current).toEqual({
        state: 'review',
        stateName: 'review',
        version: 2,
        availableEvents: [],
      });
      const officer = await get(`/regulations/${id}/workflow`, w.officer);
      expect(officer.body.current.availableEvents).toEqual(['COMPLETE_REVIEW']);

      const mermaid = await get(`/regulations/${id}/workflow?format=mermaid`);
      expect(mermaid.status).toBe(200);
      expect(mermaid.headers['content-type']).toMatch(/^text\/plain/);
      expect(mermaid.text).toBe(res.body.mermaid);
      expect((await get(`/regulations/${id}/workflow?format=svg`)).status).toBe(400);
    });

    it('hides a draft from those who may not see it, as if it did not exist', async () => {
      const draft = await draftRegulation(w);
      const res = await get(`/regulations/${draft}/workflow`);
      expect(res.status).toBe(404);
      expect((await get(`/regulations/${draft}/workflow`, w.lead)).body.current).toMatchObject({
        stateName: 'draft',
        availableEvents: ['SUBMIT_FOR_REVIEW', 'WITHDRAW'],
      });
      expect((await get(`/regulations/${randomUUID()}/workflow`)).status).toBe(404);
    });
  });

  describe('availableEvents in GET /regulations/:id', () => {
    it('lists what the caller may send now, and nothing for the public', async () => {
      const id = await draftRegulation(w);
      await ok(w, w.officer, id, { type: 'SUBMIT_FOR_REVIEW' });
      const events = async (who?: { auth: string }) => {
        const res = await get(`/regulations/${id}`, who);
        expect(res.status).toBe(200);
        return res.body.availableEvents;
      };
      expect(await events(w.officer)).toEqual(['COMPLETE_REVIEW']);
      expect(await events(w.lead)).toEqual(['COMPLETE_REVIEW', 'WITHDRAW']);
      expect(await events(w.otherLead)).toEqual([]);
      expect(await events(w.gov)).toEqual([]);
      expect(await events(w.expert)).toEqual([]);
      expect(await events()).toEqual([]);
      const gov = (await createRegulation(w.t, w.ministry.id, { state: 'awaiting_decision' })).id;
      expect((await get(`/regulations/${gov}`, w.gov)).body.availableEvents).toEqual([
        'RECORD_DECISION',
      ]);
    });
  });

  describe('machine versions', () => {
    /** A snapshot exactly as machine version 1 stored it, frozen in a file, never regenerated. */
    async function insertStored(file: string) {
      const stored = fixture(file);
      const { id } = await createRegulation(w.t, w.ministry.id, { state: 'review' });
      await w.t.dataSource.query(
        `UPDATE regulation SET workflow_snapshot = $2, machine_version = $3, state = $4,
                state_name = $5, published = true, plan_public = true WHERE id = $1`,
        [
          id,
          JSON.stringify(stored),
          stored.machineVersion,
          JSON.stringify(stored.snapshot.value),
          typeof stored.snapshot.value === 'string'
            ? stored.snapshot.value
            : Object.keys(stored.snapshot.value as object)[0],
        ],
      );
      return id;
    }

    it('keeps every stored version loadable through the registry', () => {
      expect(machinesByVersion[1]).toBe(regulationMachine);
      for (const file of [
        'regulation-machine-v1-costing.json',
        'regulation-machine-v1-consultation.json',
      ]) {
        expect(machinesByVersion[fixture(file).machineVersion]).toBeDefined();
      }
    });

    it('a version-1 snapshot stored earlier still takes events', async () => {
      const id = await insertStored('regulation-machine-v1-costing.json');
      await w.t.dataSource.query(
        `INSERT INTO cost_estimate (id, regulation_id, kind, parameter_set_id, subject_type, cost_kind, inputs, results, unit_cost, annual_cost, annual_cost_exact)
         SELECT $1, $2, 'baseline', id, 'business', 'recurring', '{}', '{}', 1, 1, '1' FROM cost_parameter_set LIMIT 1`,
        [randomUUID(), id],
      );
      const res = await send(w, w.officer, id, { type: 'CONFIRM_BASELINE' });
      expect(res.status).toBe(200);
      expect(res.body.stateName).toBe('drafting_plan');
      expect((await regulationRow(w.t, id)).version).toBe(2);
      expect((await get(`/regulations/${id}/workflow`)).body.machineVersion).toBe(1);
    });

    it('a version-1 consultation snapshot and its pending timer still close the round', async () => {
      const id = await insertStored('regulation-machine-v1-consultation.json');
      // The timer row as version 1 scheduled it (association deadline 2026-04-15T02:00Z).
      await w.t.dataSource.query(
        `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at)
         VALUES ($1, 'association-round-deadline', $2, $3, '2026-04-15T02:00:00Z')`,
        [
          randomUUID(),
          id,
          JSON.stringify({ event: { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 } }),
        ],
      );
      if (w.clock.now() < new Date('2026-04-15T02:00:00Z')) w.clock.set('2026-04-16T00:00:00Z');
      await sweep(w);
      expect((await regulationRow(w.t, id)).state_name).toBe('responding');
      const [entry] = await historyOf(w, id);
      expect(entry).toMatchObject({ event: 'ASSOCIATION_ROUND_DEADLINE', actorRole: 'system' });
    });
  });
});
