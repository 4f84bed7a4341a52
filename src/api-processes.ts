import cluster, { type Worker } from 'node:cluster';

/** A process that crashes again this soon after its replacement started waits before the next. */
const CRASH_LOOP_MS = 5_000;

/**
 * The supervisor of `API_PROCESSES` HTTP processes: forks them, replaces one that dies after it
 * was listening (one that dies before is failing to start — a bad configuration or an unreachable
 * database would only loop — so the others are stopped and the supervisor exits 1), and on
 * SIGTERM/SIGINT stops them all and waits for each to finish its requests before exiting 0.
 */
export function superviseApiProcesses(count: number): void {
  let stopping = false;
  const listening = new Set<number>();
  const live = new Set<number>();
  let lastReplacement = 0;
  const fork = (): Worker => {
    const worker = cluster.fork();
    live.add(worker.id);
    return worker;
  };
  const stopAll = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
  };
  for (let i = 0; i < count; i++) fork();
  let announced = false;
  cluster.on('listening', (worker) => {
    listening.add(worker.id);
    if (!announced && listening.size === count) {
      announced = true;
      console.log(`regcut: all ${count} API processes are listening`);
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    live.delete(worker.id);
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (live.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    console.error(`regcut: API process ${worker.process.pid} exited (${signal ?? `code ${code}`})`);
    if (!wasListening) {
      console.error('regcut: it failed while starting; stopping the others');
      stopping = true;
      process.exitCode = 1;
      stopAll();
      if (live.size === 0) process.exit(1);
      return;
    }
    const wait = Date.now() - lastReplacement < CRASH_LOOP_MS ? 1_000 : 0;
    lastReplacement = Date.now();
    setTimeout(() => {
      if (!stopping) fork();
    }, wait);
  });
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.error(`regcut: ${signal} received, stopping ${live.size} API processes`);
    stopAll();
    if (live.size === 0) process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
