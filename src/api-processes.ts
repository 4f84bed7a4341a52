import cluster, { type Worker } from 'node:cluster';

/** A process that dies within this long of its start is failing to start, not crashing. */
const START_GRACE_MS = 10_000;

/**
 * The supervisor of `API_PROCESSES` HTTP processes: forks them, replaces one that dies (unless it
 * died while starting — a bad configuration would only loop), and on SIGTERM/SIGINT stops them
 * all and waits for each to finish its requests before exiting.
 */
export function superviseApiProcesses(count: number): void {
  let stopping = false;
  const started = new Map<number, number>();
  const fork = (): Worker => {
    const worker = cluster.fork();
    started.set(worker.id, Date.now());
    return worker;
  };
  for (let i = 0; i < count; i++) fork();
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === count) console.log(`regcut: all ${count} API processes are listening`);
  });
  cluster.on('exit', (worker, code, signal) => {
    const age = Date.now() - (started.get(worker.id) ?? 0);
    started.delete(worker.id);
    if (stopping) {
      if (started.size === 0) process.exit(0);
      return;
    }
    console.error(
      `regcut: API process ${worker.process.pid} exited (${signal ?? `code ${code}`})`,
    );
    if (age < START_GRACE_MS) {
      console.error('regcut: it failed while starting; stopping the others');
      stopping = true;
      process.exitCode = 1;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
      if (started.size === 0) process.exit(1);
      return;
    }
    fork();
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.error(`regcut: ${signal} received, stopping ${started.size} API processes`);
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
