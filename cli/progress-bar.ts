/**
 * The batch's progress on a terminal: runs done, runs per second and time left. Nothing at all
 * when standard error is not a terminal (pipes, CI logs, tests).
 */
import { SingleBar } from 'cli-progress';
import type { OutputStream } from './io.ts';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const QUIET: Progress = { update() {}, stop() {} };

export function createProgress(stream: OutputStream, total: number): Progress {
  if (!stream.isTTY) return QUIET;
  const started = Date.now();
  const bar = new SingleBar({
    stream: stream as NodeJS.WritableStream,
    format: '{bar} {value}/{total} runs | {rate} runs/s | {eta_formatted} left',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50,
  });
  bar.start(total, 0, { rate: '0' });
  return {
    update(done) {
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? (done / seconds).toFixed(0) : '0' });
    },
    stop: () => bar.stop(),
  };
}
