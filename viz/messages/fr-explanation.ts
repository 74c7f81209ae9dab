/**
 * The explanation of a run in French: the core's ExplainWords (sim/explain.ts), the same facts.
 * Loaded by the worker alone, which makes the explanation (worker-fr.ts).
 */
import type { ExplainWords } from '../../sim/index.ts';
import { agree, capitalize, listWords, pct, plural } from './fr-grammar.ts';

/** The rule, as it stands after « règle : ». */
const RULE_WORDS: Readonly<Record<string, string>> = { unanimity: 'unanimité', majority: 'vote à la majorité' };
const deadlineNote = (deadline: number | null) => (deadline === null ? 'sans échéance fixée' : `avant l’échéance fixée au tour ${deadline}`);

export const explanation: ExplainWords = {
  pct,
  rule: ({ rule, threshold }) =>
    rule === 'rough-consensus'
      ? `consensus approximatif à ${pct(threshold)}`
      : rule === 'supermajority'
        ? `majorité qualifiée de ${pct(threshold)}`
        : (RULE_WORDS[rule] ?? rule),
  blockers: (b) =>
    `${plural(b.count, 'partie prenante', 'parties prenantes')} sur ${b.involved}, ${agree(b.count, 'qui détient', 'qui détiennent')} ${pct(b.powerShare)} du pouvoir, ${agree(b.count, 'a', 'ont')} fait objection pendant ${plural(b.blockedRounds, 'tour')} (règle : ${explanation.rule(b.rule)})`,
  undecided: (f) => {
    switch (f.end) {
      case 'deadline':
        return `avant l’échéance fixée au tour ${f.rounds}`;
      case 'horizon':
        return f.deadline === null ? `en ${plural(f.rounds, 'tour')}, sans échéance fixée` : `en ${plural(f.rounds, 'tour')}, tout le temps prévu, ${deadlineNote(f.deadline)}`;
      case 'declared-failure':
        return `avant que l’organisateur déclare l’échec au tour ${f.rounds - 1}`;
      case 'collapse':
        return `avant que la salle se vide au tour ${f.rounds - 1}`;
      case 'adopted':
        return '';
    }
  },
  list: (names) => (names.length <= 3 ? listWords(names) : `${names.slice(0, 3).join(', ')} et ${plural(names.length - 3, 'autre')}`),
  crowd: (f) => `${f.count} du collège ${f.group}`,
  boughtOff: (f) =>
    `Bloqué, puis débloqué en cédant aux bloqueurs : ${f.blockers} ; le texte adopté au tour ${f.adoptedRound} a coûté à ceux qui avaient donné leur accord au tour ${f.firstBlockRound} ${pct(f.price)} de ce que le texte leur valait.`,
  blocked: (f) => `Bloqué : ${f.blockers} ; rien n’a été adopté ${f.undecided}.`,
  roughConsensus: (f) =>
    `Consensus approximatif au tour ${f.round} : les partisans du texte représentaient ${pct(f.support)} ${f.byHead ? 'des votants' : 'du pouvoir des votants'} (règle : ${f.rule})${f.blockedRounds > 0 ? `, après ${plural(f.blockedRounds, 'tour bloqué', 'tours bloqués')}` : ''}.`,
  contested: (f) =>
    `Décision contestée au tour ${f.round} : le texte a été adopté avec ${pct(f.support)} de soutien (règle : ${f.rule}), sans atteindre les ${pct(f.roughConsensus)} qu’il faut pour un consensus approximatif.`,
  collapse: (f) =>
    `Effondrement au tour ${f.round} : la salle a réuni moins de ${pct(f.quorum)} ${f.byHead ? 'des parties prenantes invitées' : 'du pouvoir des parties prenantes invitées'} trois tours de suite${f.dropped > 0 ? ` ; ${plural(f.dropped, 'partie prenante', 'parties prenantes')} ${agree(f.dropped, 'avait', 'avaient')} abandonné, faute de moyens pour venir` : ''}.`,
  declaredFailure: (f) =>
    `Échec déclaré au tour ${f.round} : le soutien a culminé à ${pct(f.bestSupport)} au tour ${f.bestRound} et a progressé de moins de ${pct(f.minGain)} ${f.stallRounds < 2 ? 'au cours du dernier tour' : `au cours des ${f.stallRounds} derniers tours`}.`,
  glacialDrift: (f) =>
    `Dérive glaciaire : rien n’a été décidé ${f.undecided} ; le soutien a culminé à ${pct(f.bestSupport)} au tour ${f.bestRound}, et ${plural(f.openItems, 'point')} ${agree(f.openItems, 'est resté', 'sont restés')} en suspens.`,
  unorganized: (f) =>
    f.constituencies.length === 1
      ? `Le collège ${f.constituencies[0]} ne s’est jamais organisé : sa voix n’a donc compté qu’à ${pct(f.voice)}.`
      : `Les collèges ${listWords(f.constituencies)} ne se sont jamais organisés : leur voix n’a donc compté qu’à ${pct(f.voice)}.`,
  declined: (f) =>
    `${capitalize(f.who)} ${agree(f.count, 'a', 'ont')} décliné l’invitation : aucun texte permis par l’organisateur ne ${agree(f.count, 'lui', 'leur')} rapportait autant que de rester en dehors.`,
  walkedOut: (f) =>
    `${capitalize(f.who)} ${agree(f.count, 'a', 'ont')} claqué la porte : pendant ${f.rounds < 2 ? plural(f.rounds, 'tour') : `${f.rounds} tours de suite`}, aucun texte ne ${agree(f.count, 'lui', 'leur')} a rapporté autant que de contourner le processus.`,
  captureByConvenor:
    'Alerte capture : le texte adopté est plus proche de la position préférée de l’organisateur que des intérêts moyens des parties prenantes.',
  captureByFew: 'Alerte capture : un collège qui détient moins de la moitié du pouvoir a gagné bien plus que tous les autres.',
  exclusion: (f) => `Alerte exclusion : seulement ${pct(f.inclusion)} des parties prenantes concernées étaient dans la salle au moment de l’adoption.`,
  collateralAttack: (f) =>
    `Alerte attaque collatérale : ${explanation.list(f.who)} ${agree(f.who.length, 'peut', 'peuvent')} obtenir mieux hors du processus et ${agree(f.who.length, 'dispose', 'disposent')} d’un canal parallèle pour le contourner.`,
};

