import { Injectable, Module, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { FixedClock } from '../../src/common/clock';
import { WorkerLifecycle } from '../../src/jobs/worker-lifecycle';
import { TransitionContext, TransitionHooks } from '../../src/workflow/transition-hooks';
import { WorkflowFactsContributors } from '../../src/workflow/workflow-facts';
import { WorkflowModule } from '../../src/workflow/workflow.module';
import {
  createAgency,
  createRegulation,
  createUser,
  reissueTokensWhenClockMoves,
  TestUser,
} from '../support/factories';
import { TestApp, TestAppOptions } from '../support/test-app';
import { appAtStart, DAY_MS, NQ66_ID, PeopleWorld, START, usersOf } from '../support/world-clock';

export { DAY_MS, NQ66_ID, START };

/**
 * Stand-ins for the modules that will plug into the workflow (per test file: jest isolates
 * modules): feedback facts as the consultation module will supply them, and a transition hook
 * that writes in the transition's transaction, as the targets report will.
 */
export const extensionsState = {
  /** Regulations whose invited experts have all given feedback. */
  expertsAnswered: new Set<string>(),
  /** Unanswered feedback items per regulation. */
  unanswered: new Map<string, number>(),
  /** Regulations whose transitions the hook records in test_transition_effect. */
  recordFor: new Set<string>(),
  /** Regulations for which the hook throws. */
  failFor: new Set<string>(),
  calls: [] as TransitionContext[],
};

@Injectable()
class TestWorkflowExtensions implements OnModuleInit {
  constructor(
    private readonly facts: WorkflowFactsContributors,
    private readonly hooks: TransitionHooks,
  ) {}

  onModuleInit() {
    this.facts.register({
      facts: ['invitedExpertsWithoutFeedback', 'unansweredFeedbackCount'],
      load: async (_manager, ctx) => ({
        ...(extensionsState.expertsAnswered.has(ctx.regulationId) && {
          invitedExpertsWithoutFeedback: 0,
        }),
        ...(extensionsState.unanswered.has(ctx.regulationId) && {
          unansweredFeedbackCount: extensionsState.unanswered.get(ctx.regulationId),
        }),
      }),
    });
    this.hooks.register(
      async (tx, ctx) => {
        if (extensionsState.failFor.has(ctx.regulation.id)) throw new Error('hook refused');
        if (extensionsState.recordFor.has(ctx.regulation.id)) {
          await tx.manager.query(
            `INSERT INTO test_transition_effect (regulation_id, seq, event) VALUES ($1, $2, $3)`,
            [ctx.regulation.id, ctx.historySeq, ctx.event.type],
          );
          extensionsState.calls.push(ctx);
        }
      },
      // Only where a test asked for it: every other transition may take the short path.
      (ctx) =>
        extensionsState.failFor.has(ctx.regulation.id) ||
        extensionsState.recordFor.has(ctx.regulation.id),
    );
  }
}

@Module({ imports: [WorkflowModule], providers: [TestWorkflowExtensions] })
export class WorkflowTestExtensionsModule {}

export interface World extends PeopleWorld {
  otherLead: TestUser;
}

/** The real app on a FixedClock with the people a regulation's workflow involves. */
export async function createWorld(options: TestAppOptions = {}): Promise<World> {
  const { t, clock } = await appAtStart({
    ...options,
    imports: [WorkflowModule, WorkflowTestExtensionsModule, ...(options.imports ?? [])],
  });
  return populate(t, clock);
}

export async function populate(t: TestApp, clock: FixedClock): Promise<World> {
  const ministry = await createAgency(t, 'ministry');
  const other = await createAgency(t, 'ministry');
  const world: World = {
    t,
    clock,
    ministry,
    officer: await createUser(t, 'ministry_officer', ministry),
    lead: await createUser(t, 'ministry_lead', ministry),
    otherOfficer: await createUser(t, 'ministry_officer', other),
    otherLead: await createUser(t, 'ministry_lead', other),
    gov: await createUser(t, 'gov_office'),
    admin: await createUser(t, 'admin'),
    expert: await createUser(t, 'expert'),
    expert2: await createUser(t, 'expert'),
    association: await createUser(t, 'association'),
  };
  reissueTokensWhenClockMoves(t, clock, usersOf(world));
  return world;
}

export async function draftRegulation(w: World): Promise<string> {
  return (await createRegulation(w.t, w.ministry.id)).id;
}

const parameterSets = new WeakMap<TestApp, Promise<string>>();

async function parameterSet(t: TestApp): Promise<string> {
  let id = parameterSets.get(t);
  if (!id) {
    id = (async () => {
      const [row] = await t.dataSource.query(
        `INSERT INTO cost_parameter_set (id, year, annual_income_per_capita, hourly_rate_exact)
         VALUES ($1, 2020, 64500000, '64500000/2112')
         ON CONFLICT (year) DO UPDATE SET year = EXCLUDED.year RETURNING id`,
        [randomUUID()],
      );
      return row.id as string;
    })();
    parameterSets.set(t, id);
  }
  return id;
}

/** A cost estimate row as the costing module would store it (figures of domain.md §4). */
export async function giveEstimate(
  t: TestApp,
  regulationId: string,
  kind: 'baseline' | 'proposed',
) {
  const annual = kind === 'baseline' ? '23231250000' : '3865909091';
  await t.dataSource.query(
    `INSERT INTO cost_estimate (id, regulation_id, kind, parameter_set_id, subject_type, cost_kind,
       inputs, results, unit_cost, annual_cost, annual_cost_exact)
     VALUES ($1, $2, $3, $4, 'business', 'recurring', '{}', '{}', 1, $5::numeric, $5::text)
     ON CONFLICT (regulation_id, kind) DO NOTHING`,
    [randomUUID(), regulationId, kind, await parameterSet(t), annual],
  );
}

/** Phương án: the regulation's plan under a programme (NQ66, 30 days' consultation, by default). */
export async function givePlan(
  t: TestApp,
  regulationId: string,
  action: 'abolish' | 'simplify' | 'amend' = 'simplify',
  programmeId = NQ66_ID,
) {
  await t.dataSource.query(
    `INSERT INTO regulation_plan (regulation_id, action, description, programme_id)
     VALUES ($1, $2, 'Bỏ yêu cầu nộp bản sao chứng thực', $3)
     ON CONFLICT (regulation_id) DO UPDATE SET action = EXCLUDED.action, programme_id = EXCLUDED.programme_id`,
    [regulationId, action, programmeId],
  );
}

/** Everything the guards up to OPEN_CONSULTATION need. */
export async function giveAllFacts(t: TestApp, regulationId: string) {
  await giveEstimate(t, regulationId, 'baseline');
  await giveEstimate(t, regulationId, 'proposed');
  await givePlan(t, regulationId);
}

export const days = (clock: FixedClock, n: number) =>
  new Date(clock.now().getTime() + n * DAY_MS).toISOString();

export function send(
  w: World,
  who: TestUser | undefined,
  regulationId: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  let req = w.t.http.post(`/regulations/${regulationId}/events`);
  if (who) req = req.set('Authorization', who.auth);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  return req.send(body as object);
}

/** Sends an event that must be accepted; fails with the problem body otherwise. */
export async function ok(
  w: World,
  who: TestUser,
  regulationId: string,
  body: Record<string, unknown>,
) {
  const res = await send(w, who, regulationId, body);
  if (res.status !== 200) {
    throw new Error(`${String(body.type)} → ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body as {
    state: unknown;
    stateName: string;
    version: number;
    availableEvents: string[];
  };
}

export function openConsultationBody(
  w: World,
  over: Partial<{ expertDays: number; associationDays: number; expertIds: string[] }> = {},
) {
  return {
    type: 'OPEN_CONSULTATION',
    expertDeadline: days(w.clock, over.expertDays ?? 31),
    associationDeadline: days(w.clock, over.associationDays ?? 35),
    expertIds: over.expertIds ?? [w.expert.id],
  };
}

/** Walks a draft to drafting_plan through the API, with every fact in place. */
export async function toDraftingPlan(w: World, regulationId: string) {
  await giveAllFacts(w.t, regulationId);
  await ok(w, w.officer, regulationId, { type: 'SUBMIT_FOR_REVIEW' });
  await ok(w, w.officer, regulationId, {
    type: 'COMPLETE_REVIEW',
    necessary: true,
    legal: true,
    reasonable: false,
    notes: 'chi phí tuân thủ quá cao',
  });
  return ok(w, w.officer, regulationId, { type: 'CONFIRM_BASELINE' });
}

/** Runs the timer sweeper after the clock moved (twice: an interval sweep may be mid-flight). */
export async function sweep(w: World) {
  const lifecycle = w.t.app.get(WorkerLifecycle);
  await lifecycle.sweep();
  await lifecycle.sweep();
}

export async function regulationRow(t: TestApp, id: string) {
  const [row] = await t.dataSource.query(
    `SELECT state, state_name, version, published, plan_public FROM regulation WHERE id = $1`,
    [id],
  );
  return row;
}

export async function historyOf(w: World, id: string, who: TestUser = w.gov) {
  const res = await w.t.http
    .get(`/regulations/${id}/history?limit=500`)
    .set('Authorization', who.auth);
  expect(res.status).toBe(200);
  return res.body.items as Array<{
    seq: number;
    at: string;
    actorId: string | null;
    actorRole: string;
    event: string;
    fromState: unknown;
    toState: unknown;
    payload: Record<string, unknown>;
  }>;
}
