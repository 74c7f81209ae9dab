/**
 * A lesson step's answer, read from a finished run: the page reveals it after the bet and
 * `npm test` checks it against the step's `expect`, so both read it the same way.
 */
import type { RunResult } from '../sim/index.ts';
import type { LessonStep } from './lesson.ts';

/** Who was in the room: what "nearer which constituency?" needs. */
export interface Room {
  n: number;
  d: number;
  /** Ideal points, n × d. */
  ideal: ArrayLike<number>;
  /** Each stakeholder's constituency, an index into `constituencies`. */
  constituency: ArrayLike<number>;
  constituencies: readonly { id: string }[];
}

/** A constituency's ideal: the mean of its members' ideals, or null when it has none. */
export function meanIdeal(room: Room, id: string): number[] | null {
  const c = room.constituencies.findIndex((k) => k.id === id);
  const sum = new Array<number>(room.d).fill(0);
  let count = 0;
  for (let i = 0; i < room.n; i++) {
    if (room.constituency[i] !== c) continue;
    for (let k = 0; k < room.d; k++) sum[k] += room.ideal[i * room.d + k];
    count++;
  }
  return count === 0 ? null : sum.map((v) => v / count);
}

/**
 * The step's answer for this run: its outcome class; `yes` or `no` for a flag; the constituency
 * whose mean ideal the adopted text is nearer (null when nothing was adopted or they tie); the
 * choice that blocked most often (`blockers` lists the most frequent first; null if none did).
 */
export function answerOf(step: LessonStep, result: RunResult, room: Room): string | null {
  switch (step.ask) {
    case 'outcome':
      return result.outcome;
    case 'flag':
      return step.flag !== null && result.flags.includes(step.flag) ? 'yes' : 'no';
    case 'nearer': {
      if (!result.adopted) return null;
      const text = result.adopted.position;
      const far = step.choices.map((id) => {
        const ideal = meanIdeal(room, id);
        return ideal ? Math.hypot(...ideal.map((v, k) => v - text[k])) : Infinity;
      });
      if (far[0] === far[1]) return null;
      return far[0] < far[1] ? step.choices[0] : step.choices[1];
    }
    case 'blocker':
      return result.blockers.find((b) => step.choices.includes(b)) ?? null;
  }
}

/** The round a reveal links to: where what it asks about happened. */
export function roundOf(step: LessonStep, result: RunResult, firstBlocked: number | null): number {
  if (step.ask === 'blocker' && firstBlocked !== null) return firstBlocked;
  return result.adopted?.round ?? result.rounds - 1;
}
