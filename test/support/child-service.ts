import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { waitFor } from './wait-for';

export const ROOT = join(__dirname, '..', '..');

/** Builds dist/ if sources changed (the same step `npm start` takes). */
export function buildOnce(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-if-needed.js')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface ChildService {
  proc: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts the built service (`node dist/src/<entry>.js`) as a real child process. */
export async function startChild(
  env: Record<string, string | undefined>,
  entry: 'main' | 'worker' = 'main',
  readyTimeoutMs = 60_000,
): Promise<ChildService> {
  const port = Number(env.PORT ?? (await freePort()));
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.REDIS_URL;
  delete clean.JWT_SECRET;
  const proc = spawn(process.execPath, [join(ROOT, 'dist', 'src', `${entry}.js`)], {
    cwd: ROOT,
    env: { ...clean, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  const service: ChildService = {
    proc,
    port,
    url: `http://127.0.0.1:${port}`,
    output: () => out,
    async stop(signal = 'SIGTERM') {
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      proc.kill(signal);
      return exited;
    },
  };
  if (entry === 'main') {
    try {
      await waitFor(
        async () => {
          if (proc.exitCode !== null)
            throw new Error(`service exited with ${proc.exitCode}:\n${out}`);
          try {
            const res = await fetch(`${service.url}/health/ready`);
            return res.status === 200;
          } catch {
            return false;
          }
        },
        readyTimeoutMs,
        200,
      );
    } catch (err) {
      await service.stop('SIGKILL');
      throw new Error(`${String(err)}\n--- output ---\n${out}`);
    }
  }
  return service;
}
