/** Runs `close` once on SIGTERM/SIGINT, then exits 0 (1 if closing failed); a second signal exits at once. */
export function onShutdownSignal(
  close: () => Promise<unknown>,
  signals: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'],
): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) process.exit(1);
    closing = true;
    console.error(`regcut: ${signal} received, shutting down`);
    close().then(
      () => process.exit(0),
      (err) => {
        console.error('regcut: error while shutting down', err);
        process.exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, handler);
}
