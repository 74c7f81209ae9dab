/**
 * The sentences the worker makes itself, in English: the explanation of a run (the core's own
 * words), the fork's refusals, and the bundled scenarios' texts (English is the files' own). Another
 * language is a file of this shape (worker-fr.ts), loaded on demand; the page's catalogue
 * (en.ts) stays out of the worker.
 */
import { ENGLISH_EXPLANATION, type ExplainWords } from '../../sim/index.ts';
import type { ScenarioWords } from '../scenario-words.ts';

export interface WorkerWords {
  explanation: ExplainWords;
  /** A change the fork cannot make mid-meeting, and why (the core's reason). */
  forkMidway(why: string): string;
  /** The run ended after round `last`, before the fork's round `at`. */
  forkTooLate(last: number, at: number): string;
  /** The bundled scenarios' texts in this language, by scenario id (viz/scenario-words.ts). */
  scenarios: Readonly<Record<string, ScenarioWords>>;
}

export const englishWorkerWords: WorkerWords = {
  explanation: ENGLISH_EXPLANATION,
  forkMidway: (why) => `this change cannot be made in the middle of a meeting: ${why}`,
  forkTooLate: (last, at) => `the meeting ended after round ${last}, before round ${at}: fork at an earlier round`,
  scenarios: {},
};
