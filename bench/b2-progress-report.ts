import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { configureHttpApp, createHttpAdapter } from '../src/http-app';
import { LedgerService } from '../src/reporting/ledger/ledger.service';
import { stateOf } from '../src/workflow/domain';
import { FixtureState, reach } from '../src/workflow/domain/workflow.fixtures';
import { BenchFigures, BenchOptions, freshDatabase, round } from './lib/context';

const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
const NQ66_ID = '6a000000-0000-4000-8000-000000000066';
const AGENCIES = 60;
const DOCUMENTS = 4000;
const CLIENTS = 8;

/** Twenty slots: the share of each workflow state among the generated regulations. */
const STATE_SLOTS: FixtureState[] = [
  'draft',
  'draft',
  'draft',
  'draft',
  'review',
  'costing',
  'costing',
  'retained',
  'withdrawn',
  'drafting_plan',
  'drafting_plan',
  'government_office_review',
  'awaiting_decision',
  'implementing',
  'implementing',
  'implementing_overdue',
  'implemented',
  'implemented',
  'implemented',
  'rejected',
];

/**
 * B2: the national progress report (`GET /reports/progress?programme=NQ66`, no agency) over HTTP
 * at 200,000 regulations and 400,000 estimates, beside the raw SQL that computes the same
 * figures from scratch (the definition the admin check uses), in the same run. The data is
 * generated in bulk SQL; the ledger is then produced by the application's own rebuild path
 * (LedgerService.rebuild, the same functions the hooks and triggers call). Target: p95 < 50 ms.
 */
export async function runB2(opts: BenchOptions): Promise<BenchFigures> {
  const regulations = opts.quick ? 20_000 : 200_000;
  const requests = opts.quick ? 200 : 600;
  const db = await freshDatabase('b2');
  const c = new Client({ connectionString: db.url });
  await c.connect();
  let app: INestApplication | undefined;
  try {
    const generateStarted = performance.now();
    const { userId } = await generate(c, regulations);
    const generateMs = performance.now() - generateStarted;
    const [{ estimates }] = (await c.query(`SELECT count(*)::int AS estimates FROM cost_estimate`))
      .rows;

    app = await serve(db.url);
    // Nothing folds the deltas in the background while they are measured.
    app.get(LedgerService).onApplicationShutdown();
    const rebuildStarted = performance.now();
    await app.get(LedgerService).rebuild();
    const rebuildMs = performance.now() - rebuildStarted;
    await c.query('VACUUM ANALYZE');
    const [{ compacted }] = (await c.query(`SELECT count(*)::int AS compacted FROM progress_delta`))
      .rows;
    const port = (app.getHttpServer().address() as { port: number }).port;
    const token = new JwtService({ secret: JWT_SECRET }).sign(
      { sub: userId, ver: 1 },
      { expiresIn: 3600 },
    );

    const path = '/reports/progress?programme=NQ66';
    const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
    const first = await get(agent, port, path, token);
    if (first.status !== 200) throw new Error(`B2: ${path} → ${first.status} ${first.body}`);
    for (let i = 0; i < 30; i++) await get(agent, port, path, token); // warm-up

    // One client after another: the latency of one report.
    const serial: number[] = [];
    for (let i = 0; i < requests; i++) {
      const t0 = performance.now();
      const res = await get(agent, port, path, token);
      serial.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`B2: ${path} → ${res.status}`);
    }
    // Several dashboards at once.
    const concurrent: number[] = [];
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        for (let i = 0; i < requests / CLIENTS; i++) {
          const t0 = performance.now();
          await get(agent, port, path, token);
          concurrent.push(performance.now() - t0);
        }
      }),
    );

    // Writes since the last fold: single-estimate changes (one statement each, as PUTs are),
    // each leaving its deltas; the report then sums them too until the next compaction.
    const writes = opts.quick ? 500 : 2500;
    await c.query(
      `DO $$ DECLARE e record; BEGIN
         FOR e IN SELECT id FROM cost_estimate WHERE kind = 'baseline' ORDER BY id LIMIT ${writes} LOOP
           UPDATE cost_estimate SET annual_cost = annual_cost + 1,
             annual_cost_exact = (annual_cost + 1)::text WHERE id = e.id;
         END LOOP; END $$`,
    );
    const [{ pending }] = (await c.query(`SELECT count(*)::int AS pending FROM progress_delta`))
      .rows;
    const uncompacted: number[] = [];
    for (let i = 0; i < requests / 2; i++) {
      const t0 = performance.now();
      await get(agent, port, path, token);
      uncompacted.push(performance.now() - t0);
    }
    agent.destroy();

    // The same figures from scratch: every line recomputed from the base tables and summed
    // (Postgres defaults, and once more without JIT compilation).
    const rawTimes: number[] = [];
    let raw: Array<Record<string, string>> = [];
    for (let i = 0; i < 3; i++) {
      const t0 = performance.now();
      raw = (await c.query(FROM_SCRATCH, [NQ66_ID])).rows;
      rawTimes.push(performance.now() - t0);
    }
    await c.query('SET jit = off');
    const rawNoJit = performance.now();
    await c.query(FROM_SCRATCH, [NQ66_ID]);
    const rawNoJitMs = performance.now() - rawNoJit;
    await c.query('RESET jit');
    const report = JSON.parse(first.body);
    const rawBaseline = raw
      .filter((r) => r.bucket === 'baseline')
      .reduce((n, r) => n + Number(r.n), 0);
    const rawApproved = raw
      .filter((r) => r.bucket === 'approved' && r.in_baseline)
      .reduce((n, r) => n + Number(r.n), 0);
    if (rawBaseline !== report.baseline.count || rawApproved !== report.approved.count) {
      throw new Error(
        `B2: the report (${report.baseline.count}, ${report.approved.count}) differs from the recomputation (${rawBaseline}, ${rawApproved})`,
      );
    }

    const p95 = percentile(serial, 95);
    return {
      id: 'B2',
      figures: {
        regulations,
        estimates,
        aggregate_rows: compacted,
        generate_s: round(generateMs / 1000, 1),
        rebuild_s: round(rebuildMs / 1000, 1),
        p50_ms: round(percentile(serial, 50)),
        p95_ms: round(p95),
        p95_ms_8_clients: round(percentile(concurrent, 95)),
        p95_ms_with_pending_deltas: round(percentile(uncompacted, 95)),
        pending_delta_rows: pending,
        raw_sql_ms: round(median(rawTimes)),
        raw_sql_ms_no_jit: round(rawNoJitMs),
        speedup: round(median(rawTimes) / percentile(serial, 50), 1),
        baseline_count: report.baseline.count,
        approved_count_pct: report.approved.countPct,
        approved_cost_pct: report.approved.costPct,
      },
      target: { description: 'national report p95 < 50 ms', met: p95 < 50 },
    };
  } finally {
    await app?.close();
    await c.end();
    await db.drop();
  }
}

/** The national figures of one programme recomputed from the base tables (as the admin check). */
const FROM_SCRATCH = `
  SELECT c_bucket AS bucket, c_in_baseline AS in_baseline, c_month AS month,
         sum(c_n)::text AS n, sum(c_costed)::text AS costed, sum(c_amount)::text AS amount
    FROM progress_line_fresh f, LATERAL progress_contributions(
      f.agency_id, f.stage, f.overdue, f.baseline_programme_ids, f.costed, f.baseline_cost,
      f.plan_programme_id, f.savings, f.approved_on, f.implemented_on) c
   WHERE c_programme_id = $1
   GROUP BY 1, 2, 3`;

async function serve(url: string): Promise<INestApplication> {
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET,
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    DB_POOL_SIZE: String(CLIENTS + 4),
  });
  const app = await NestFactory.create(
    AppModule.register({ config, databaseUrl: url }),
    createHttpAdapter(),
    { logger: ['error', 'warn'] },
  );
  configureHttpApp(app, config);
  await app.listen(0, '127.0.0.1');
  return app;
}

/**
 * Agencies, documents (most in force on both baseline dates, some only since 2022, some since
 * 2025), regulations in every workflow state with decision and effective dates spread over five
 * years, a baseline and a proposed estimate each (some citizen-borne), and plans under NQ66 or
 * NQ68 for the regulations past drafting.
 */
async function generate(c: Client, n: number): Promise<{ userId: string }> {
  const govAgency = randomUUID();
  const userId = randomUUID();
  await c.query(
    `INSERT INTO agency (id, code, name, kind) VALUES ($1, 'VPCP', 'Văn phòng Chính phủ', 'government_office')`,
    [govAgency],
  );
  await c.query(
    `INSERT INTO app_user (id, email, full_name, role, agency_id, password_hash)
     VALUES ($1, 'gov@bench.regcut.vn', 'Chuyên viên VPCP', 'gov_office', $2, 'x')`,
    [userId, govAgency],
  );
  await c.query(
    `INSERT INTO agency (id, code, name, kind)
     SELECT gen_random_uuid(), 'B' || g, 'Bộ số ' || g, 'ministry' FROM generate_series(1, $1) g`,
    [AGENCIES],
  );
  await c.query(
    `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on)
     SELECT gen_random_uuid(), g || '/2019/NĐ-CP', 'decree', 'Chính phủ', 'Nghị định số ' || g,
            '2019-01-15',
            CASE WHEN g % 20 = 0 THEN date '2025-06-01' WHEN g % 10 = 0 THEN date '2022-06-01'
                 ELSE date '2019-03-01' END
       FROM generate_series(1, $1) g`,
    [DOCUMENTS],
  );
  const [{ set_id }] = (
    await c.query(
      `INSERT INTO cost_parameter_set (id, year, annual_income_per_capita, hourly_rate_exact)
       VALUES (gen_random_uuid(), 2020, 64500000, '64500000/2112') RETURNING id AS set_id`,
    )
  ).rows;
  await c.query(`CREATE TEMP TABLE b2_agency AS
    SELECT id, (row_number() OVER (ORDER BY code) - 1)::int AS k FROM agency WHERE kind = 'ministry'`);
  await c.query(`CREATE TEMP TABLE b2_document AS
    SELECT id, (row_number() OVER (ORDER BY number) - 1)::int AS k FROM legal_document`);
  await c.query(`CREATE TEMP TABLE b2_state (k int, snapshot jsonb, state jsonb, state_name text)`);
  for (const [k, fixture] of STATE_SLOTS.entries()) {
    const snapshot = reach(fixture);
    const { state, stateName } = stateOf(snapshot);
    await c.query(`INSERT INTO b2_state VALUES ($1, $2, $3, $4)`, [
      k,
      JSON.stringify(snapshot),
      JSON.stringify(state),
      stateName,
    ]);
  }
  const categories = `(ARRAY['administrative_procedure','business_condition','reporting_regime','technical_standard','specialized_inspection','other'])`;
  const chunk = 25_000;
  for (let from = 1; from <= n; from += chunk) {
    const to = Math.min(n, from + chunk - 1);
    // Decision dates over 2021–2026 (before the fixed 2026 fixtures' "today"); effect 60 days on.
    await c.query(
      `INSERT INTO regulation (id, legal_document_id, provision, title, category, sector_code,
         agency_id, workflow_snapshot, machine_version, state, state_name, published, plan_public)
       SELECT gen_random_uuid(), d.id, 'Điều ' || (g % 90 + 1), 'Thủ tục số ' || g,
              ${categories}[g % 6 + 1], 'trade', a.id,
              CASE WHEN s.snapshot #> '{snapshot,context,implementation}' <> 'null'::jsonb
                   THEN jsonb_set(jsonb_set(s.snapshot, '{snapshot,context,decision,decisionDate}',
                          to_jsonb(to_char(date '2021-01-04' + (g % 1880), 'YYYY-MM-DD'))),
                          '{snapshot,context,implementation,effectiveDate}',
                          to_jsonb(to_char(date '2021-03-05' + (g % 1880), 'YYYY-MM-DD')))
                   WHEN s.snapshot #> '{snapshot,context,decision}' <> 'null'::jsonb
                   THEN jsonb_set(s.snapshot, '{snapshot,context,decision,decisionDate}',
                          to_jsonb(to_char(date '2021-01-04' + (g % 1880), 'YYYY-MM-DD')))
                   ELSE s.snapshot END,
              1, s.state, s.state_name, s.state_name <> 'draft', s.k >= 9
         FROM generate_series($1::int, $2::int) g
         JOIN b2_state s ON s.k = g % 20
         JOIN b2_agency a ON a.k = g % ${AGENCIES}
         JOIN b2_document d ON d.k = (g * 7) % ${DOCUMENTS}`,
      [from, to],
    );
  }
  // A baseline and a proposed estimate for every regulation; one in ten borne by citizens.
  for (const [kind, exact] of [
    ['baseline', `((1000000 + (g * 7919) % 50000000) * 100)::text`],
    ['proposed', `((1000000 + (g * 7919) % 50000000) * 2112 * 40 + g % 2112)::text || '/2112'`],
  ]) {
    await c.query(
      `INSERT INTO cost_estimate (id, regulation_id, kind, parameter_set_id, subject_type, cost_kind,
         inputs, results, unit_cost, annual_cost, annual_cost_exact)
       SELECT gen_random_uuid(), r.id, $1, $2,
              CASE WHEN g % 10 = 0 THEN 'citizen' ELSE 'business' END, 'recurring', '{}', '{}', 1,
              round(split_part(x.exact, '/', 1)::numeric
                    / COALESCE(NULLIF(split_part(x.exact, '/', 2), ''), '1')::numeric), x.exact
         FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM regulation) r,
              LATERAL (SELECT ${exact} AS exact) x`,
      [kind, set_id],
    );
  }
  await c.query(
    `INSERT INTO regulation_plan (regulation_id, action, description, programme_id)
     SELECT r.id, (ARRAY['abolish','simplify','amend'])[r.g % 3 + 1], 'Phương án',
            CASE WHEN r.g % 10 < 7 THEN $1::uuid ELSE '6a000000-0000-4000-8000-000000000068'::uuid END
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS g FROM regulation
              WHERE state_name NOT IN ('draft', 'review', 'costing', 'retained', 'withdrawn')) r`,
    [NQ66_ID],
  );
  await c.query('ANALYZE');
  return { userId };
}

function get(
  agent: Agent,
  port: number,
  path: string,
  token: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const median = (values: number[]) => percentile(values, 50);
