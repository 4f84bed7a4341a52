import { randomUUID } from 'node:crypto';
import { ROLES, Role } from '../../src/identity/domain/roles';
import { createAgency, createApiKey, createRegulation, createUser } from '../support/factories';
import { discoverRoutes, mountedRoutes, RouteInfo } from '../support/routes';
import { createTestApp, TestApp } from '../support/test-app';

type Caller = 'anonymous' | Role | 'api_key_read' | 'api_key_write';
const CALLERS: Caller[] = ['anonymous', ...ROLES, 'api_key_read', 'api_key_write'];
const READS = new Set(['GET', 'HEAD']);

/**
 * Where a handler itself refuses a caller the guard let through (a record-level rule), the
 * expected status per caller. Everything else follows the route's declared policy.
 */
const HANDLER_RULES: Record<string, Partial<Record<Caller, number>>> = {};

/** What the route-level policy says this caller gets: 'pass' (the handler decides), 401 or 403. */
function expected(route: RouteInfo, caller: Caller): 'pass' | 401 | 403 {
  const rule = HANDLER_RULES[`${route.method} ${route.path}`]?.[caller];
  if (rule === 401 || rule === 403) return rule;
  if (route.policy === 'public') return 'pass';
  if (caller === 'anonymous') return 401;
  const role: Role =
    caller === 'api_key_read' || caller === 'api_key_write' ? 'ministry_officer' : caller;
  // '*' is any role of the programme; a public commenter only where the route names 'public'.
  const anyRole = route.policy!.includes('*') && role !== 'public';
  if (!anyRole && !route.policy!.includes(role)) return 403;
  const isKey = caller === 'api_key_read' || caller === 'api_key_write';
  if (isKey && route.usersOnly) return 403;
  if (caller === 'api_key_read' && !READS.has(route.method)) return 403;
  return 'pass';
}

describe('authorization matrix: every route × every caller', () => {
  let t: TestApp;
  let routes: RouteInfo[];
  const headers = new Map<Caller, Record<string, string>>();

  beforeAll(async () => {
    t = await createTestApp({
      env: { LOGIN_LIMIT_PER_ACCOUNT: '10000', LOGIN_LIMIT_PER_ADDRESS: '10000' },
    });
    routes = discoverRoutes(t.app);
    const ministry = await createAgency(t, 'ministry');
    headers.set('anonymous', {});
    for (const role of ROLES) {
      const agency = role === 'ministry_officer' || role === 'ministry_lead' ? ministry : undefined;
      headers.set(role, { Authorization: (await createUser(t, role, agency)).auth });
    }
    headers.set('api_key_read', { 'X-Api-Key': await createApiKey(t, ministry.id, 'read') });
    headers.set('api_key_write', { 'X-Api-Key': await createApiKey(t, ministry.id, 'write') });
  });
  afterAll(() => t.close());

  it('finds every mounted route and each declares an access policy', () => {
    const discovered = new Set(routes.map((r) => `${r.method} ${r.path}`));
    const mounted = mountedRoutes(t.app).filter((r) => !/ \/(docs|openapi\.json)/.test(r));
    expect(mounted.length).toBeGreaterThan(10);
    for (const r of mounted) expect(discovered).toContain(r);
    const undeclared = routes
      .filter((r) => r.policy === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(undeclared).toEqual([]);
  });

  // Every route × every caller: well over 30 s when the machine is shared.
  it('allows and refuses each caller as the declared policy says', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/:[A-Za-z]+/g, () => randomUUID());
      for (const caller of CALLERS) {
        const want = expected(route, caller);
        let req = (t.http as any)[route.method.toLowerCase()](path);
        for (const [k, v] of Object.entries(headers.get(caller)!)) req = req.set(k, v);
        if (!READS.has(route.method)) req = req.send({});
        const res = await req;
        const ok =
          want === 'pass'
            ? res.status !== 401 && res.status !== 403 && res.status < 500
            : res.status === want;
        if (!ok)
          failures.push(
            `${route.method} ${route.path} as ${caller}: expected ${want}, got ${res.status} ${res.body?.detail ?? ''}`,
          );
        if (res.status >= 400)
          expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('never shows or changes another agency’s records: every /regulations/:id route × own/foreign agency', async () => {
    // Fresh callers: a ministry with its officer and lead, and another ministry's regulations.
    const own = await createAgency(t, 'ministry');
    const foreign = await createAgency(t, 'ministry');
    const ownOfficer = await createUser(t, 'ministry_officer', own);
    const ownLead = await createUser(t, 'ministry_lead', own);
    const outsiders: Array<[string, Record<string, string>]> = [
      ['anonymous', {}],
      ['officer of another ministry', { Authorization: ownOfficer.auth }],
      ['lead of another ministry', { Authorization: ownLead.auth }],
      ['association', headers.get('association')!],
      ['expert', headers.get('expert')!],
      ['public commenter', headers.get('public')!],
      ['read-only key of another ministry', { 'X-Api-Key': await createApiKey(t, own.id, 'read') }],
      [
        'read-write key of another ministry',
        { 'X-Api-Key': await createApiKey(t, own.id, 'write') },
      ],
    ];
    const foreignDraft = await createRegulation(t, foreign.id);
    const foreignPublished = await createRegulation(t, foreign.id, { state: 'drafting_plan' });
    const recordRoutes = routes.filter((r) => r.path.startsWith('/regulations/:id'));
    expect(recordRoutes.length).toBeGreaterThan(8);
    const failures: string[] = [];
    const call = async (route: RouteInfo, id: string, h: Record<string, string>) => {
      let req = (t.http as any)[route.method.toLowerCase()](
        route.path.replace(':id', id).replace(/:[A-Za-z]+/g, () => randomUUID()),
      );
      for (const [k, v] of Object.entries(h)) req = req.set(k, v);
      if (!READS.has(route.method)) req = req.send({});
      return req;
    };
    for (const route of recordRoutes) {
      for (const [who, h] of outsiders) {
        // A draft of another agency does not exist for them: the very answer an unknown id gets,
        // never a success (and for public reads, 404).
        const draft = await call(route, foreignDraft.id, h);
        const unknown = await call(route, randomUUID(), h);
        if (
          draft.status !== unknown.status ||
          draft.status < 400 ||
          (route.policy === 'public' && draft.status !== 404)
        ) {
          failures.push(
            `${route.method} ${route.path} on another agency's draft as ${who}: ${draft.status} (unknown id: ${unknown.status})`,
          );
        }
        // A published regulation of another agency can be read where allowed, never changed.
        if (!READS.has(route.method)) {
          const published = await call(route, foreignPublished.id, h);
          if (
            published.status < 400 ||
            ([409, 422].includes(published.status) && who.includes('ministry'))
          ) {
            failures.push(
              `${route.method} ${route.path} on another agency's published regulation as ${who}: ${published.status}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
