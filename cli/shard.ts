/**
 * `--shard I/N`: shard I of N (I from 0, like Kubernetes' JOB_COMPLETION_INDEX) takes the I-th of
 * N contiguous, nearly equal blocks of a list (the seeds of a batch, the points of a sweep), so
 * the shards' files, put in order, are exactly the one machine's file (`convene merge`).
 */
import { InvalidInput } from '../analysis/index.ts';

export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || count > 1_000_000 || index >= count) {
    throw new InvalidInput(`--shard ${text}: expected I/N with 0 ≤ I < N, e.g. --shard 0/4`);
  }
  return { index, count };
}

/** The block [start, end) of `length` items that shard `index` of `count` takes. */
export function shardRange(length: number, shard: Shard | undefined): [number, number] {
  if (!shard) return [0, length];
  return [Math.floor((shard.index * length) / shard.count), Math.floor(((shard.index + 1) * length) / shard.count)];
}
