import fc from 'fast-check';
import { buildOnce, ChildService } from '../support/child-service';
import { OwnPostgres, OwnRedis, serviceEnv, startChild } from './harness';
import { seedRegulations } from './seed';

type Schema = Record<string, any>;

const HOSTILE_STRINGS = [
  '',
  ' ',
  "'; DROP TABLE regulation; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '\u0000',
  '\uD800',
  'Đ'.repeat(5000),
  '9'.repeat(400),
  '1e400',
  'NaN',
  '-0',
  '{"__proto__":{"x":1}}',
  'null',
];
const HOSTILE_NUMBERS = [
  Number.MAX_SAFE_INTEGER,
  1e308,
  -1e308,
  -1,
  0,
  0.1 + 0.2,
  2 ** 63,
  -(2 ** 31),
];

function deepJson(depth: number): unknown {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) v = i % 2 ? { nested: v } : [v];
  return v;
}

/** Values for a JSON schema: mostly conforming, often hostile or of the wrong type. */
function arbitraryFor(schema: Schema | undefined, doc: Schema, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return fc.anything();
  if (schema.$ref) return arbitraryFor(resolve(schema.$ref, doc), doc, depth + 1);
  const options = schema.oneOf ?? schema.anyOf ?? schema.allOf;
  if (options) return fc.oneof(...options.map((s: Schema) => arbitraryFor(s, doc, depth + 1)));
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.constantFrom(...HOSTILE_NUMBERS),
    fc.constant(null),
    fc.boolean(),
    fc.constant([]),
    fc.constant({}),
  );
  let good: fc.Arbitrary<unknown>;
  if (schema.enum) good = fc.constantFrom(...schema.enum);
  else if (schema.type === 'string') {
    good =
      schema.format === 'uuid'
        ? fc.uuid()
        : schema.format === 'date'
          ? fc.constantFrom('2026-01-01', '2020-05-31', '2026-02-30')
          : fc.string({ maxLength: 40 });
  } else if (schema.type === 'integer') good = fc.integer({ min: -10, max: 10_000 });
  else if (schema.type === 'number')
    good = fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.double({ noNaN: true }));
  else if (schema.type === 'boolean') good = fc.boolean();
  else if (schema.type === 'array')
    good = fc.array(arbitraryFor(schema.items, doc, depth + 1), { maxLength: 4 });
  else if (schema.type === 'object' || schema.properties) {
    const props = Object.entries(schema.properties ?? {}).map(
      ([k, s]) => [k, arbitraryFor(s as Schema, doc, depth + 1)] as const,
    );
    good = fc.record(Object.fromEntries(props), { requiredKeys: [] });
  } else good = fc.anything({ maxDepth: 2 });
  return fc.oneof({ arbitrary: good, weight: 3 }, { arbitrary: hostile, weight: 1 });
}

function resolve(ref: string, doc: Schema): Schema {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((o, k) => o?.[k], doc) as Schema;
}

describe('fault: requests generated from /openapi.json', () => {
  const pg = new OwnPostgres();
  const redis = new OwnRedis();
  let api: ChildService;
  beforeAll(async () => {
    buildOnce();
    await pg.init();
    await redis.start();
    api = await startChild(
      serviceEnv(pg, redis, {
        LOGIN_LIMIT_PER_ACCOUNT: '10000',
        LOGIN_LIMIT_PER_ADDRESS: '100000',
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await api?.stop('SIGKILL');
    await redis.stop();
    await pg.destroy();
  });

  it('answers 10,000 generated and hostile requests with 0 × 5xx, every error as problem+json', async () => {
    const seeded = await seedRegulations(pg.url, serviceEnv(pg, redis).JWT_SECRET, 20);
    const doc = (await (await fetch(`${api.url}/openapi.json`)).json()) as Schema;
    const operations = Object.entries(doc.paths as Record<string, Record<string, Schema>>).flatMap(
      ([path, ops]) =>
        Object.entries(ops)
          .filter(([m]) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
          .map(([method, op]) => ({ path, method, op })),
    );
    const requestArb = fc.record({
      operation: fc.constantFrom(...operations),
      params: fc.dictionary(
        fc.string(),
        fc.oneof(
          fc.uuid(),
          fc.constantFrom(...seeded.regulationIds),
          fc.constantFrom(...HOSTILE_STRINGS),
        ),
      ),
      auth: fc.constantFrom(undefined, seeded.auth, 'Bearer not.a.token'),
      bodySeed: fc.integer(),
      kind: fc.constantFrom('schema', 'schema', 'schema', 'deep', 'wrongtype', 'garbage'),
    });
    const total = Number(process.env.FUZZ_REQUESTS ?? 10_000);
    const samples = fc.sample(requestArb, { numRuns: total, seed: 6820 });
    const until = Date.now() + 150_000;
    let sent = 0;
    let fiveXx = 0;
    let notProblem = 0;
    const failures: string[] = [];
    const send = async (s: (typeof samples)[number]) => {
      const { path, method, op } = s.operation;
      const url = path.replace(/\{([^}]+)\}/g, (_m, name) =>
        encodeURIComponent(String(s.params[name] ?? fc.sample(fc.uuid(), 1)[0])),
      );
      const query = new URLSearchParams();
      for (const p of (op.parameters ?? []) as Schema[]) {
        if (p.in !== 'query') continue;
        const [v] = fc.sample(arbitraryFor(p.schema, doc), { numRuns: 1, seed: s.bodySeed });
        if (v !== undefined && typeof v !== 'object') query.set(p.name, String(v));
      }
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      let body: string | undefined;
      if (method !== 'get' && method !== 'delete') {
        if (s.kind === 'deep') body = JSON.stringify(deepJson(2000));
        else if (s.kind === 'wrongtype') body = JSON.stringify([1, 'two', null]);
        else if (s.kind === 'garbage') body = '{"a":';
        else
          body = JSON.stringify(
            fc.sample(arbitraryFor(bodySchema, doc), { numRuns: 1, seed: s.bodySeed })[0] ?? {},
          );
      }
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (s.auth) headers.Authorization = s.auth;
      const res = await fetch(`${api.url}${url}${query.size ? `?${query}` : ''}`, {
        method: method.toUpperCase(),
        headers,
        body,
        signal: AbortSignal.timeout(20_000),
      });
      await res.arrayBuffer();
      sent++;
      if (res.status >= 500) {
        fiveXx++;
        if (failures.length < 20) failures.push(`${method.toUpperCase()} ${url} → ${res.status}`);
      }
      if (
        res.status >= 400 &&
        !(res.headers.get('content-type') ?? '').includes('application/problem+json')
      ) {
        notProblem++;
        if (failures.length < 20)
          failures.push(
            `${method.toUpperCase()} ${url} → ${res.status} ${res.headers.get('content-type')}`,
          );
      }
    };
    let i = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (i < samples.length && Date.now() < until) await send(samples[i++]);
      }),
    );
    console.log(
      `FAULT openapi_fuzz operations=${operations.length} requests=${sent} 5xx=${fiveXx} not_problem_json=${notProblem}`,
    );
    if (failures.length)
      console.log(
        api
          .output()
          .split('\n')
          .filter((l) => l.includes('"level":50'))
          .slice(0, 5)
          .join('\n')
          .slice(0, 4000),
      );
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(Math.min(total, 2000));
  }, 240_000);
});
