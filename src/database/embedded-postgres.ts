import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * The embedded default: PostgreSQL 18 compiled to WASM (PGlite), persisted under DATA_DIR and
 * served on a loopback port through pglite-socket, so the rest of the service talks to it with
 * the same `pg` driver, pool and migrations as to a real server. pglite-socket's query queue keeps
 * each transaction on one connection at a time, which gives real transaction semantics to
 * concurrent requests.
 */
export interface EmbeddedPostgres {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(dataDirOption: string): Promise<EmbeddedPostgres> {
  const dataDir = resolve(dataDirOption);
  mkdirSync(dataDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  try {
    const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
    const { unaccent } = require('@electric-sql/pglite/contrib/unaccent');
    const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm');
    const { PGLiteSocketServer } =
      require('@electric-sql/pglite-socket') as typeof import('@electric-sql/pglite-socket');

    const db = await PGlite.create(join(dataDir, 'pgdata'), { extensions: { unaccent, pg_trgm } });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 64 });
    await server.start();
    const port = server.getServerConn().split(':').pop();
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      dataDir,
      async stop() {
        await server.stop();
        await db.close();
        releaseLock();
      },
    };
  } catch (err) {
    releaseLock();
    throw err;
  }
}

/** PGlite's files must never be opened by two processes: refuse a second one clearly. */
function acquireLock(dataDir: string): () => void {
  const lockFile = join(dataDir, 'regcut.pid');
  try {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database in ${dataDir} is in use by process ${pid}. ` +
          'Stop that process, or set DATABASE_URL to share a Postgres server between processes.',
      );
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  writeFileSync(lockFile, String(process.pid));
  return () => rmSync(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
