import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { CostParameterSetsService } from '../src/costing/parameter-sets/cost-parameter-sets.service';
import { Principal } from '../src/identity/domain/principal';
import { appContext, BenchFigures, BenchOptions, freshDatabase, print, round } from './lib/context';

/**
 * B4: recalculation of every estimate using a parameter set after an admin edits it, through the
 * application (PATCH → job → EstimateWriter in batches: locks, exact fractions in JS, one upsert +
 * history round trip per batch, hooks), against ONE set-based SQL statement that recomputes the
 * same rows in numeric and writes the same history rows, in the same run, from the same state.
 * Target: the application within 3× the SQL time. The two results are compared row by row.
 */
export async function runB4(opts: BenchOptions): Promise<BenchFigures> {
  const estimates = opts.quick ? 20_000 : 200_000;
  const regulations = estimates / 2; // a baseline and a proposed estimate each
  const db = await freshDatabase('b4');
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const setId = randomUUID();
    await seed(c, setId, regulations);
    await c.query(`CREATE TABLE bench_start AS SELECT * FROM cost_estimate`);
    await c.query(`VACUUM ANALYZE cost_estimate`);

    // 1. The application: PATCH the set; the recalculation job runs in-process.
    const app = await appContext(db.url, {
      COST_RECALCULATION_BATCH_SIZE: process.env.COST_RECALCULATION_BATCH_SIZE ?? '1000',
    });
    const admin: Principal = {
      kind: 'user',
      id: 'bench',
      userId: null,
      role: 'admin',
      agencyId: randomUUID(),
      agencyKind: 'government_office',
      readOnly: false,
    };
    const appStarted = performance.now();
    const patched = await app
      .get(CostParameterSetsService)
      .update(admin, setId, { annualIncomePerCapita: 70_000_000 }, undefined);
    let job: { status: string; result: Record<string, unknown> | null; error: string | null };
    for (;;) {
      [job] = (
        await c.query(`SELECT status, result, error FROM job_run WHERE id = $1`, [
          patched.recalculationJobId,
        ])
      ).rows;
      if (job.status === 'succeeded' || job.status === 'failed') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const appMs = performance.now() - appStarted;
    await app.close();
    if (job.status !== 'succeeded' || job.result?.recalculated !== estimates) {
      throw new Error(`B4 recalculation job: ${JSON.stringify(job)}`);
    }
    await c.query(
      `CREATE TABLE bench_app AS SELECT id, unit_cost, annual_cost, annual_cost_low, annual_cost_high FROM cost_estimate`,
    );
    const [{ n: appHistory }] = (
      await c.query(
        `SELECT count(*)::int AS n FROM cost_estimate_history WHERE source = 'recalculation'`,
      )
    ).rows;

    // 2. Back to the same starting state (the set keeps its new values).
    await c.query(`DELETE FROM cost_estimate_history WHERE source = 'recalculation'`);
    await c.query(
      `UPDATE cost_estimate e SET results = s.results, unit_cost = s.unit_cost, annual_cost = s.annual_cost,
         annual_cost_low = s.annual_cost_low, annual_cost_high = s.annual_cost_high,
         annual_cost_exact = s.annual_cost_exact, version = s.version, reason = s.reason,
         updated_by = s.updated_by, updated_at = s.updated_at
       FROM bench_start s WHERE s.id = e.id`,
    );
    await c.query(`VACUUM ANALYZE cost_estimate`);
    await c.query(`VACUUM ANALYZE cost_estimate_history`);

    // 3. One set-based statement.
    const sqlStarted = performance.now();
    const sql = await c.query(SET_BASED_RECALCULATION, [setId, 'parameter set 2020 changed']);
    const sqlMs = performance.now() - sqlStarted;
    if (sql.rowCount !== estimates) throw new Error(`B4 SQL wrote ${sql.rowCount} history rows`);

    const [{ n: mismatches }] = (
      await c.query(
        `SELECT count(*)::int AS n FROM bench_app a JOIN cost_estimate e ON e.id = a.id
          WHERE a.annual_cost <> e.annual_cost OR a.unit_cost <> e.unit_cost
             OR a.annual_cost_low IS DISTINCT FROM e.annual_cost_low
             OR a.annual_cost_high IS DISTINCT FROM e.annual_cost_high`,
      )
    ).rows;
    const ratio = appMs / sqlMs;
    return {
      id: 'B4',
      figures: {
        estimates,
        app_ms: Math.round(appMs),
        app_estimates_per_s: Math.round(estimates / (appMs / 1000)),
        app_history_rows: appHistory,
        sql_ms: Math.round(sqlMs),
        sql_estimates_per_s: Math.round(estimates / (sqlMs / 1000)),
        ratio: round(ratio),
        mismatched_rows: mismatches,
      },
      target: {
        description: 'app <= 3 x one SQL statement, same figures',
        met: ratio <= 3 && mismatches === 0,
      },
    };
  } finally {
    await c.end();
    await db.drop();
  }
}

/** 2 estimates per regulation; a quarter with ranges, some with fractional frequencies. */
async function seed(c: Client, setId: string, regulations: number): Promise<void> {
  const agencyId = randomUUID();
  const docId = randomUUID();
  await c.query(
    `INSERT INTO agency (id, code, name, kind) VALUES ($1, 'BENCH', 'Bộ Thử nghiệm', 'ministry')`,
    [agencyId],
  );
  await c.query(
    `INSERT INTO legal_document (id, number, type, issuer, title, issued_on, effective_on)
     VALUES ($1, '15/2018/NĐ-CP', 'decree', 'Chính phủ', 'Nghị định thử nghiệm', '2018-02-02', '2018-02-02')`,
    [docId],
  );
  await c.query(
    `INSERT INTO cost_parameter_set (id, year, annual_income_per_capita, hourly_rate_exact)
     VALUES ($1, 2020, 64500000, '671875/22')`,
    [setId],
  );
  await c.query(
    `INSERT INTO regulation (id, legal_document_id, provision, title, category, sector_code, agency_id,
       workflow_snapshot, machine_version, state, state_name, published)
     SELECT gen_random_uuid(), $1, 'Điều ' || g, 'Quy định ' || g, 'administrative_procedure', 'trade',
       $2, '{}'::jsonb, 1, '"costing"'::jsonb, 'costing', true
     FROM generate_series(1, $3) g`,
    [docId, agencyId, regulations],
  );
  await c.query(
    `INSERT INTO cost_estimate (id, regulation_id, kind, parameter_set_id, subject_type, cost_kind, inputs,
       results, unit_cost, annual_cost, annual_cost_exact, version)
     SELECT gen_random_uuid(), r.id, k.kind, $1, 'business', 'recurring',
       jsonb_build_object(
         'activities', jsonb_build_array(
           jsonb_build_object('name', 'Chuẩn bị hồ sơ', 'hours', ((n % 10) + 1)::text,
             'hoursLow', CASE WHEN n % 4 = 0 THEN ((n % 10) + 1)::text END,
             'hoursHigh', CASE WHEN n % 4 = 0 THEN ((n % 10) + 3)::text END),
           jsonb_build_object('name', 'Nộp hồ sơ', 'hours', '0.5', 'hoursLow', null, 'hoursHigh', null)),
         'hiredServices', ((n % 7) * 150000)::text,
         'feesAndCharges', CASE WHEN k.kind = 'baseline' THEN '500000' ELSE '200000' END,
         'otherCosts', '35000.50',
         'frequencyPerYear', CASE WHEN n % 3 = 0 THEN '0.2' ELSE ((n % 12) + 1)::text END,
         'frequencyLow', null,
         'frequencyHigh', CASE WHEN n % 4 = 0 THEN '13' END,
         'subjectsPerYear', ((n % 5000) + 1)::text,
         'subjectsLow', CASE WHEN n % 4 = 0 THEN '1' END,
         'subjectsHigh', null),
       '{"hourlyRateExact": "671875/22"}'::jsonb, 0, 0, '0', 1
     FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM regulation) r
     CROSS JOIN (VALUES ('baseline'), ('proposed')) AS k(kind)`,
    [setId],
  );
}

/**
 * The whole recalculation as one statement: the rate as numerator/denominator from the set, every
 * figure as an exact numeric fraction over that denominator, rounded once (half away from zero,
 * as the application rounds non-negative figures), version + 1 and one history row per estimate.
 */
const SET_BASED_RECALCULATION = `
WITH s AS (
  SELECT id, year, version, hourly_rate_exact,
         coalesce(hourly_rate, annual_income_per_capita) AS num,
         CASE WHEN hourly_rate IS NULL THEN months_per_year * working_days_per_month * hours_per_day ELSE 1 END AS den
    FROM cost_parameter_set WHERE id = $1
), q AS (
  SELECT e.id, s.num, s.den, s.year, s.version AS set_version, s.hourly_rate_exact,
         h.hours, h.hours_low, h.hours_high,
         (e.inputs->>'hiredServices')::numeric + (e.inputs->>'feesAndCharges')::numeric
           + (e.inputs->>'otherCosts')::numeric AS money,
         (e.inputs->>'frequencyPerYear')::numeric AS f,
         coalesce((e.inputs->>'frequencyLow')::numeric, (e.inputs->>'frequencyPerYear')::numeric) AS f_low,
         coalesce((e.inputs->>'frequencyHigh')::numeric, (e.inputs->>'frequencyPerYear')::numeric) AS f_high,
         (e.inputs->>'subjectsPerYear')::numeric AS n,
         coalesce((e.inputs->>'subjectsLow')::numeric, (e.inputs->>'subjectsPerYear')::numeric) AS n_low,
         coalesce((e.inputs->>'subjectsHigh')::numeric, (e.inputs->>'subjectsPerYear')::numeric) AS n_high,
         h.activity_range OR e.inputs->>'frequencyLow' IS NOT NULL OR e.inputs->>'frequencyHigh' IS NOT NULL
           OR e.inputs->>'subjectsLow' IS NOT NULL OR e.inputs->>'subjectsHigh' IS NOT NULL AS has_range
    FROM cost_estimate e
    JOIN s ON e.parameter_set_id = s.id
    CROSS JOIN LATERAL (
      SELECT coalesce(sum((a->>'hours')::numeric), 0) AS hours,
             coalesce(sum(coalesce((a->>'hoursLow')::numeric, (a->>'hours')::numeric)), 0) AS hours_low,
             coalesce(sum(coalesce((a->>'hoursHigh')::numeric, (a->>'hours')::numeric)), 0) AS hours_high,
             coalesce(bool_or(a->>'hoursLow' IS NOT NULL OR a->>'hoursHigh' IS NOT NULL), false) AS activity_range
        FROM jsonb_array_elements(e.inputs->'activities') a
    ) h
), v AS (
  SELECT q.*,
         q.hours * q.num + q.money * q.den AS unit_num,
         q.hours_low * q.num + q.money * q.den AS unit_low_num,
         q.hours_high * q.num + q.money * q.den AS unit_high_num
    FROM q
), up AS (
  UPDATE cost_estimate e SET
    unit_cost = round(v.unit_num / v.den, 2),
    annual_cost = round(v.unit_num * v.f * v.n / v.den, 0),
    annual_cost_low = CASE WHEN v.has_range THEN round(v.unit_low_num * v.f_low * v.n_low / v.den, 0) END,
    annual_cost_high = CASE WHEN v.has_range THEN round(v.unit_high_num * v.f_high * v.n_high / v.den, 0) END,
    annual_cost_exact = (v.unit_num * v.f * v.n)::text || '/' || v.den::text,
    results = e.results || jsonb_build_object(
      'hourlyRate', round(v.num / v.den, 2)::text,
      'hourlyRateExact', v.hourly_rate_exact,
      'totalHours', v.hours::text,
      'timeCost', round(v.hours * v.num / v.den, 2)::text,
      'unitCost', round(v.unit_num / v.den, 2)::text,
      'annualCost', round(v.unit_num * v.f * v.n / v.den, 0)::text,
      'hasRange', v.has_range,
      'parameterSetYear', v.year,
      'parameterSetVersion', v.set_version),
    version = e.version + 1,
    reason = $2,
    updated_by = NULL,
    updated_at = now()
  FROM v WHERE e.id = v.id
  RETURNING e.*
)
INSERT INTO cost_estimate_history (estimate_id, regulation_id, kind, version, parameter_set_id, inputs,
  results, annual_cost, source, reason, changed_by, changed_at)
SELECT id, regulation_id, kind, version, parameter_set_id, inputs, results, annual_cost,
       'recalculation', reason, NULL, now()
  FROM up`;

// `npx ts-node --transpile-only bench/b4-recalculation.ts [--quick]` runs B4 alone.
if (require.main === module) {
  runB4({ quick: process.argv.includes('--quick') })
    .then((r) => {
      print(r);
      process.exit(0);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
