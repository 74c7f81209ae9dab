/**
 * Other processes and this one's end. Cleanups that must run when Ctrl-C or a kill ends the command (a lock to remove, a temporary
 * file to delete): one SIGINT/SIGTERM handler runs every registered cleanup, synchronously, and
 * exits with the conventional status (130, 143), as the default handler would have.
 */
const cleanups = new Set<() => void>();

function onSignal(signal: NodeJS.Signals): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // The others still run.
    }
  }
  process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
}

/** Registers `cleanup`; returns the function that unregisters it. */
export function onSignalExit(cleanup: () => void): () => void {
  if (cleanups.size === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  cleanups.add(cleanup);
  return () => {
    if (!cleanups.delete(cleanup) || cleanups.size > 0) return;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
}

/** Whether process `pid` of this machine still runs. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
