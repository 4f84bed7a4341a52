import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { Rational } from '../../src/costing/domain';
import { LedgerService } from '../../src/reporting/ledger/ledger.service';
import { stageOf, targetSavings } from '../../src/reporting/domain/ledger';
import { TOP_LEVEL_STATES } from '../../src/workflow/domain/regulation.machine';
import { FixtureState } from '../../src/workflow/domain/workflow.fixtures';
import { createRegulation } from '../support/factories';
import { waitFor } from '../support/wait-for';
import {
  check,
  createReportWorld,
  document,
  Ministry,
  NQ66_ID,
  NQ68_ID,
  report,
  ReportWorld,
  today,
  WORKED_BASELINE,
  WORKED_PROPOSED,
} from './reporting-support';

/**
 * The maintained aggregates must always equal a from-scratch recomputation: after a burst of
 * concurrent transitions, estimate and plan writes, a recalculation job, new and corrected
 * regulations, a corrected document date and a programme edit (register writes covered by
 * triggers); after compaction; and a tampered ledger is found and repaired.
 */
describe('the ledger equals a recomputation', () => {
  let w: ReportWorld;

  beforeAll(async () => {
    w = await createReportWorld();
  });
  afterAll(() => w.t.close());

  /** An estimate row written directly (states where the API refuses writes), exact as given. */
  async function sqlEstimate(
    regulationId: string,
    kind: 'baseline' | 'proposed',
    exact: string,
    subjectType = 'business',
  ) {
    await w.t.dataSource.query(
      `INSERT INTO cost_estimate (id, regulation_id, kind, parameter_set_id, subject_type, cost_kind,
         inputs, results, unit_cost, annual_cost, annual_cost_exact)
       VALUES ($1, $2, $3, $4, $5, 'recurring', '{}', '{}', 1, $6, $7)`,
      [
        randomUUID(),
        regulationId,
        kind,
        w.parameterSetId,
        subjectType,
        Rational.parse(exact).toFixed(0),
        exact,
      ],
    );
  }

  async function sqlPlan(regulationId: string, action: string, programmeId = NQ66_ID) {
    await w.t.dataSource.query(
      `INSERT INTO regulation_plan (regulation_id, action, description, programme_id)
       VALUES ($1, $2, 'Đơn giản hóa hồ sơ', $3)`,
      [regulationId, action, programmeId],
    );
  }

  /** A regulation placed in a state, with a baseline and (past drafting) a plan and proposal. */
  async function placed(m: Ministry, state: FixtureState, i: number, legalDocumentId?: string) {
    const { id } = await createRegulation(w.t, m.agency.id, { state, legalDocumentId });
    const withPlan = [
      'government_office_review',
      'awaiting_decision',
      'implementing',
      'implementing_overdue',
      'implemented',
    ].includes(state);
    if (state !== 'draft' || i % 2 === 0) {
      await sqlEstimate(
        id,
        'baseline',
        `${23231250000 + i * 1000}`,
        i % 5 === 0 ? 'citizen' : 'business',
      );
    }
    if (withPlan) {
      const action = ['simplify', 'abolish', 'amend'][i % 3];
      await sqlPlan(id, action, i % 4 === 0 ? NQ68_ID : NQ66_ID);
      if (action !== 'abolish') await sqlEstimate(id, 'proposed', `${8164800000000 + i}/2112`);
    }
    return id;
  }

  it('after a concurrent burst of every kind of change', async () => {
    const { a, b } = w;
    const docA = await document(w);
    const regs: Record<string, string[]> = {};
    const states: FixtureState[] = [
      'draft',
      'costing',
      'retained',
      'drafting_plan',
      'government_office_review',
      'awaiting_decision',
      'implementing',
      'implementing_overdue',
      'implemented',
    ];
    let i = 0;
    for (const state of states) {
      regs[state] = [];
      for (const m of [a, b]) {
        for (let k = 0; k < 3; k++) {
          regs[state].push(await placed(m, state, i++, m === a && k === 0 ? docA : undefined));
        }
      }
    }
    // The fixtures above were written directly: the admin rebuild brings the ledger up to date.
    const rebuilt = await w.t.http
      .post('/admin/reports/rebuild')
      .set('Authorization', w.admin.auth);
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body.regulations).toBe(states.length * 6);
    expect(await check(w)).toMatchObject({ consistent: true });
    const before = await report(w, w.gov, { programme: 'NQ66' });
    expect(before.baseline.count).toBe(states.length * 6);

    const ownerOf = new Map<string, Ministry>();
    for (const ids of Object.values(regs)) ids.forEach((id, k) => ownerOf.set(id, k < 3 ? a : b));
    const send = (who: { auth: string }, id: string, body: Record<string, unknown>) =>
      w.t.http.post(`/regulations/${id}/events`).set('Authorization', who.auth).send(body);
    const put = (id: string, kind: string, body: object) =>
      w.t.http
        .put(`/regulations/${id}/cost-estimates/${kind}`)
        .set('Authorization', ownerOf.get(id)!.officer.auth)
        .send({ parameterSetId: w.parameterSetId, ...body });

    const burst: Array<Promise<{ status: number }>> = [];
    // Baselines re-estimated (twice at once on some), in draft, costing and retained.
    for (const id of [...regs.draft, ...regs.costing, ...regs.retained]) {
      burst.push(put(id, 'baseline', WORKED_BASELINE));
      burst.push(put(id, 'baseline', { ...WORKED_BASELINE, subjectsPerYear: 6000 }));
    }
    // Plans and proposals drafted.
    regs.drafting_plan.forEach((id, k) => {
      burst.push(
        w.t.http
          .put(`/regulations/${id}/plan`)
          .set('Authorization', ownerOf.get(id)!.officer.auth)
          .send({ action: k % 2 ? 'abolish' : 'amend', description: 'Bãi bỏ', programme: 'NQ66' }),
      );
      burst.push(put(id, 'proposed', WORKED_PROPOSED));
    });
    // The Government Office forwards some and returns others.
    regs.government_office_review.forEach((id, k) =>
      burst.push(
        send(
          w.gov,
          id,
          k % 2
            ? { type: 'FORWARD_FOR_DECISION' }
            : { type: 'RETURN_FOR_REVISION', reasons: ['Thiếu số liệu'] },
        ),
      ),
    );
    // Decisions: one over ministry A's, one at a time for B's (approved and rejected).
    burst.push(
      w.t.http
        .post('/decisions')
        .set('Authorization', w.gov.auth)
        .send({
          decisionNumber: '1661/QĐ-TTg',
          decisionDate: today(w),
          outcome: 'approved',
          implementationDeadline: '2026-12-31',
          regulationIds: regs.awaiting_decision.slice(0, 3),
        }),
    );
    regs.awaiting_decision.slice(3).forEach((id, k) =>
      burst.push(
        send(w.gov, id, {
          type: 'RECORD_DECISION',
          outcome: k % 2 ? 'rejected' : 'approved',
          decisionNumber: `${1700 + k}/QĐ-TTg`,
          decisionDate: today(w),
          ...(k % 2 ? {} : { implementationDeadline: '2026-12-31' }),
        }),
      ),
    );
    // Implementations recorded, on time and overdue.
    for (const id of [...regs.implementing, ...regs.implementing_overdue.slice(0, 2)]) {
      burst.push(
        send(ownerOf.get(id)!.officer, id, {
          type: 'RECORD_IMPLEMENTATION',
          amendingDocumentNumber: '12/2026/NĐ-CP',
          effectiveDate: '2026-02-15',
        }),
      );
    }
    // New regulations, a category corrected in draft, a document's dates corrected (its
    // regulations leave NQ66's baseline), NQ68's baseline date moved.
    for (let k = 0; k < 4; k++) {
      burst.push(
        w.t.http
          .post('/regulations')
          .set('Authorization', a.officer.auth)
          .send({
            legalDocumentId: docA,
            provision: `Điều ${k + 10}`,
            title: `Quy định mới ${k}`,
            category: 'business_condition',
            sector: 'trade',
            agencyId: a.agency.id,
          }),
      );
    }
    const [draftToEdit] = await w.t.dataSource.query(
      `SELECT version FROM regulation WHERE id = $1`,
      [regs.draft[1]],
    );
    burst.push(
      w.t.http
        .patch(`/regulations/${regs.draft[1]}`)
        .set('Authorization', a.officer.auth)
        .set('If-Match', String(draftToEdit.version))
        .send({ category: 'reporting_regime' }),
    );
    burst.push(
      w.t.http
        .patch(`/legal-documents/${docA}`)
        .set('Authorization', w.admin.auth)
        .send({ effectiveOn: '2025-02-01' }),
    );
    burst.push(
      w.t.http
        .patch(`/programmes/${NQ68_ID}`)
        .set('Authorization', w.admin.auth)
        .send({ baselineDate: '2019-02-01' }),
    );

    const answers = await Promise.all(burst);
    // Every write was accepted (writers of one regulation serialise on its row; none is lost).
    const failed = answers.filter((r) => r.status >= 300);
    expect(failed.map((r) => [r.status, (r as { body?: unknown }).body])).toEqual([]);

    // A parameter-set edit recalculates every estimate that uses it (a job; estimate hooks run).
    const edit = await w.t.http
      .patch(`/cost-parameter-sets/${w.parameterSetId}`)
      .set('Authorization', w.admin.auth)
      .send({ annualIncomePerCapita: 70000000 });
    expect(edit.status).toBe(200);
    await waitFor(async () => {
      const job = await w.t.http
        .get(`/jobs/${edit.body.recalculationJobId}`)
        .set('Authorization', w.admin.auth);
      return job.body.status === 'succeeded';
    }, 20_000);

    const result = await check(w);
    expect(result).toMatchObject({ consistent: true, differences: [], staleLines: { count: 0 } });
    expect(result.regulations).toBe(states.length * 6 + 4);

    // The burst changed the figures (this is not a vacuous equality).
    const after = await report(w, w.gov, { programme: 'NQ66' });
    expect(after.baseline.count).not.toBe(before.baseline.count);
    expect(after.implemented.count).not.toBe(before.implemented.count);
    const nq68 = await report(w, w.gov, { programme: 'NQ68' });
    expect(nq68.baseline.count).toBe(0); // nothing was in force on 1 Feb 2019

    // Folding the deltas changes no figure.
    const ledger = w.t.app.get(LedgerService);
    const rowsBefore = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM progress_delta`);
    await ledger.compact();
    const rowsAfter = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM progress_delta`);
    expect(rowsAfter[0].n).toBeLessThan(rowsBefore[0].n);
    const compacted = await report(w, w.gov, { programme: 'NQ66' });
    expect({ ...compacted, asOf: null }).toEqual({ ...after, asOf: null });
    expect(await check(w)).toMatchObject({ consistent: true });
  }, 120_000);

  it('folds the deltas once they grow, whoever wrote them, without changing a figure', async () => {
    const ledger = w.t.app.get(LedgerService);
    const before = await report(w, w.gov, { programme: 'NQ66' });
    expect(await ledger.compactIfLarge()).toBeNull(); // small: left alone
    // 3,000 single-estimate writes' worth of deltas that cancel out (as a +/− pair each).
    await w.t.dataSource.query(
      `INSERT INTO progress_delta (programme_id, agency_id, bucket, in_baseline, month, n, costed, amount)
       SELECT $1, $2, 'baseline', true, 0, s, s, s * 1000 FROM generate_series(1, 3000), unnest(ARRAY[1, -1]) s`,
      [NQ66_ID, w.a.agency.id],
    );
    const kept = await ledger.compactIfLarge();
    expect(kept).toBeGreaterThan(0);
    const [{ n }] = await w.t.dataSource.query(`SELECT count(*)::int AS n FROM progress_delta`);
    expect(n).toBe(kept);
    const after = await report(w, w.gov, { programme: 'NQ66' });
    expect({ ...after, asOf: null }).toEqual({ ...before, asOf: null });
    expect(await check(w)).toMatchObject({ consistent: true });
  });

  it('finds a tampered ledger and repairs it by a rebuild', async () => {
    const [key] = await w.t.dataSource.query(
      `SELECT agency_id FROM progress_delta WHERE programme_id = $1 AND bucket = 'approved' LIMIT 1`,
      [NQ66_ID],
    );
    await w.t.dataSource.query(
      `INSERT INTO progress_delta (programme_id, agency_id, bucket, in_baseline, month, n, costed, amount)
       VALUES ($1, $2, 'approved', true, 202604, 1, 1, 1000)`,
      [NQ66_ID, key.agency_id],
    );
    // A regulation written behind the application's back: its line is stale.
    const [stale] = await w.t.dataSource.query(`SELECT regulation_id FROM progress_line LIMIT 1`);
    await w.t.dataSource.query(
      `UPDATE progress_line SET baseline_cost = 1 WHERE regulation_id = $1`,
      [stale.regulation_id],
    );
    const found = await check(w, 'NQ66');
    expect(found.consistent).toBe(false);
    expect(found.differences).toContainEqual(
      expect.objectContaining({
        programme: 'NQ66',
        agencyId: key.agency_id,
        bucket: 'approved',
        month: '2026-04',
      }),
    );
    expect(found.staleLines).toEqual({ count: 1, sample: [stale.regulation_id] });

    const repaired = await w.t.http
      .post('/admin/reports/rebuild')
      .set('Authorization', w.admin.auth);
    expect(repaired.status).toBe(200);
    expect(await check(w)).toMatchObject({ consistent: true });
    const [audit] = await w.t.dataSource.query(
      `SELECT actor_id FROM admin_audit_log WHERE action = 'reports.rebuild' ORDER BY at DESC LIMIT 1`,
    );
    expect(audit.actor_id).toBe(w.admin.id);
  });

  it('maps every workflow state to the same ledger stage in SQL as stageOf()', async () => {
    for (const state of [...TOP_LEVEL_STATES, 'not_a_state']) {
      const [row] = await w.t.dataSource.query(`SELECT progress_stage($1) AS stage`, [state]);
      expect({ state, stage: row.stage }).toEqual({ state, stage: stageOf(state) });
    }
    // The view reads the function: a regulation's fresh line has its state's stage.
    const lines: Array<{ state_name: string; stage: string }> = await w.t.dataSource.query(
      `SELECT r.state_name, f.stage FROM progress_line_fresh f JOIN regulation r ON r.id = f.regulation_id`,
    );
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.stage).toBe(stageOf(l.state_name));
  });

  it('rounds ties and negative savings in SQL as Rational.toFixed(0) does', async () => {
    const cases: Array<[string, string]> = [
      ['1/2', '0'],
      ['3/2', '0'],
      ['5/2', '0'],
      ['0', '1/2'],
      ['0', '5/2'],
      ['7/3', '1/3'],
      ['1000000000000001/2', '0'],
      ['10', '21/2'],
      ['999999/1000000', '0'],
      ['0', '0'],
    ];
    for (const [b, p] of cases) {
      const [row] = await w.t.dataSource.query(`SELECT progress_savings($1, $2)::text AS s`, [
        b,
        p,
      ]);
      expect({ b, p, s: row.s }).toEqual({
        b,
        p,
        s: Rational.parse(b).sub(Rational.parse(p)).toFixed(0),
      });
    }
  });

  it('rounds savings in SQL exactly as the costing domain does', async () => {
    const exact = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
      .map(([n, d]) => Rational.of(n, d).toString());
    await fc.assert(
      fc.asyncProperty(
        exact,
        exact,
        fc.constantFrom('simplify', 'abolish'),
        async (b, p, action) => {
          const [row] = await w.t.dataSource.query(
            `SELECT progress_savings($1, CASE WHEN $3 = 'abolish' THEN '0' ELSE $2 END)::text AS s`,
            [b, p, action],
          );
          const biz = (annualCostExact: string) => ({
            subjectType: 'business',
            costKind: 'recurring',
            annualCostExact,
          });
          expect(row.s).toBe(targetSavings(biz(b), biz(p), action));
        },
      ),
      { numRuns: 200 },
    );
  });
});
