/** The worker's sentences in French (see worker-words.ts): loaded by the worker alone. */
import { explanation } from './fr-explanation.ts';
import type { WorkerWords } from './worker-words.ts';
import scenarios from '../../scenarios/translations/fr.json';

export const frenchWorkerWords: WorkerWords = {
  explanation,
  forkMidway: (why) => `ce changement ne peut pas se faire au milieu d’une réunion : ${why}`,
  forkTooLate: (last, at) => `la réunion s’est terminée après le tour ${last}, avant le tour ${at} : faites la bifurcation à un tour plus tôt`,
  // The bundled scenarios' names, descriptions and labels: data a teacher can edit.
  scenarios,
};
