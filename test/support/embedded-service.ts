import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, ChildService, startChild } from './child-service';

/** The administrator the embedded default creates at its first start. */
export const EMBEDDED_ADMIN = { email: 'root@regcut.local', password: 'first-start-password' };

export interface HttpResponse {
  status: number;
  /** Parsed JSON for JSON responses (null when empty), the raw bytes otherwise. */
  body: any;
  headers: Headers;
}

export interface EmbeddedService {
  /** The running child; throws before `start`. */
  readonly service: ChildService;
  start(): Promise<ChildService>;
  /** Stops the child (SIGTERM), runs `whileStopped`, and starts it again on the same data. */
  restart(whileStopped?: () => Promise<unknown>): Promise<ChildService>;
  call(
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<HttpResponse>;
  /** The body of a response with the expected status; fails with the problem body otherwise. */
  expectOk(res: { status: number; body: unknown }, status?: number): any;
  login(email: string, password: string): Promise<string>;
  /** POSTs and returns the created (201) body. */
  create(path: string, token: string | undefined, body: unknown): Promise<any>;
  /** Agencies and users the admin creates (every user with the same password and name); ids. */
  people(admin: string, users: { password: string; fullName: string }): People;
}

export interface People {
  agency(code: string, name: string, kind: string): Promise<string>;
  user(email: string, role: string, agencyId: string): Promise<string>;
}

/**
 * The built service on the embedded default (PGlite in a fresh DATA_DIR, in-process jobs, no
 * demo data) for one describe block: builds dist/ and creates the data dir before all tests,
 * kills the child and removes the data dir after them. Requests go one at a time: concurrent
 * queries outside a transaction interleave in pglite-socket.
 */
export function useEmbeddedService(name: string): EmbeddedService {
  let dataDir: string | undefined;
  let child: ChildService | undefined;

  beforeAll(() => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), `regcut-${name}-`));
  }, 180_000);
  afterAll(async () => {
    await child?.stop('SIGKILL');
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    child = await startChild({
      DATA_DIR: dataDir,
      DEMO_DATA: 'false',
      ADMIN_EMAIL: EMBEDDED_ADMIN.email,
      ADMIN_PASSWORD: EMBEDDED_ADMIN.password,
    });
    return child;
  };
  const embedded: EmbeddedService = {
    get service() {
      if (!child) throw new Error('the embedded service is not started');
      return child;
    },
    start,
    async restart(whileStopped) {
      await embedded.service.stop('SIGTERM');
      await whileStopped?.();
      return start();
    },
    async call(method, path, token, body, headers = {}) {
      const res = await fetch(`${embedded.service.url}${path}`, {
        method,
        headers: {
          'Content-Type': 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const bytes = Buffer.from(await res.arrayBuffer());
      const json = res.headers.get('content-type')?.includes('json');
      return {
        status: res.status,
        body: json ? (bytes.length ? JSON.parse(bytes.toString('utf8')) : null) : bytes,
        headers: res.headers,
      };
    },
    expectOk(res, status = 200) {
      if (res.status !== status) throw new Error(`${res.status}: ${JSON.stringify(res.body)}`);
      return res.body as any;
    },
    async login(email, password) {
      return embedded.expectOk(
        await embedded.call('POST', '/auth/login', undefined, { email, password }),
      ).accessToken as string;
    },
    async create(path, token, body) {
      return embedded.expectOk(await embedded.call('POST', path, token, body), 201);
    },
    people(admin, users) {
      return {
        agency: async (code, name, kind) =>
          (await embedded.create('/agencies', admin, { code, name, kind })).id as string,
        user: async (email, role, agencyId) =>
          (await embedded.create('/users', admin, { email, ...users, role, agencyId }))
            .id as string,
      };
    },
  };
  return embedded;
}
