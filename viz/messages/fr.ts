/** The page's words in French: the same catalogue as en.ts, key for key (see en.ts). */
import type { Messages } from './en.ts';
import type { Flag, HeadlineFacts, Outcome, OutcomeWords } from '../../sim/index.ts';
import type { MapCell } from '../../analysis/index.ts';
import { agree, listWords, lower, pct, plural } from './fr-grammar.ts';
/** "de" before a noun phrase: "le collège X" → "du collège X". */
const de = (s: string) => (s.startsWith('le ') ? `du ${s.slice(3)}` : s.startsWith('les ') ? `des ${s.slice(4)}` : `de ${s}`);

const OUTCOMES: Readonly<Record<Outcome, OutcomeWords>> = {
  'rough-consensus': {
    label: 'consensus approximatif',
    title: 'Consensus approximatif',
    plain: 'Un texte que presque tout le monde pouvait accepter a été adopté, et personne n’a obtenu de faveur en le bloquant.',
  },
  'contested-decision': {
    label: 'décision contestée',
    title: 'Décision contestée',
    plain: 'Un texte a été adopté, mais une majorité l’a imposé : trop de parties prenantes s’y opposaient encore pour parler de consensus.',
  },
  'tyranny-of-the-minority': {
    label: 'tyrannie de la minorité',
    title: 'Tyrannie de la minorité',
    plain: 'Quelques-uns ont bloqué un texte que les autres acceptaient : soit rien n’a été adopté, soit le texte a été tiré de leur côté.',
  },
  collapse: {
    label: 'effondrement',
    title: 'Effondrement',
    plain: 'Trop peu de parties prenantes pouvaient (ou voulaient) continuer à venir : la salle est passée sous le quorum.',
  },
  'declared-failure': {
    label: 'échec déclaré',
    title: 'Échec déclaré',
    plain: 'Le soutien a cessé de progresser et l’organisateur, comme il l’avait annoncé, a mis fin au processus.',
  },
  'glacial-drift': {
    label: 'dérive glaciaire',
    title: 'Dérive glaciaire',
    plain: 'Rien n’a été décidé avant l’échéance ou la fin du temps prévu : le processus a continué sans jamais trancher.',
  },
};

const FLAGS: Readonly<Record<Flag, { label: string; plain: string }>> = {
  capture: { label: 'capture', plain: 'capture : le texte favorise l’organisateur ou un petit groupe qui a beaucoup de moyens' },
  exclusion: { label: 'exclusion', plain: 'exclusion : des personnes concernées n’étaient pas dans la salle' },
  'collateral-attack': {
    label: 'attaque collatérale',
    plain: 'attaque collatérale : une partie prenante qui a mieux à l’extérieur contourne le processus',
  },
};

const FLAG_CLAUSES: Readonly<Record<Flag, string>> = {
  capture: 'le texte favorise l’organisateur ou un petit groupe qui a beaucoup de moyens (capture)',
  exclusion: 'des personnes qu’il concerne n’étaient pas dans la salle (exclusion)',
  'collateral-attack': 'une partie prenante qui a mieux à l’extérieur le contourne (attaque collatérale)',
};

/** The French of sim/words.ts `headline`: the outcome as one sentence that agrees with the numbers beside it. */
function headline(r: HeadlineFacts): string {
  const title = OUTCOMES[r.outcome].title;
  const one = r.blockers.length === 1;
  const who =
    r.blockers.length === 0 ? 'quelques-uns' : r.blockers.length <= 2 ? r.blockers.join(' et ') : `${r.blockers[0]} et ${plural(r.blockers.length - 1, 'autre')}`;
  const held = `${who} ${one ? 'a' : 'ont'} résisté pendant ${plural(r.blockedRounds, 'tour')}`;
  const pulled = one ? 'l’a tiré de son côté' : 'l’ont tiré de leur côté';
  const clauses = r.flags.map((f) => FLAG_CLAUSES[f]).join(', et ');
  const but = r.flags.length === 0 ? '' : `, mais ${clauses}`;
  // After « mais seulement après… », a second « mais » would jar: the flags follow as « de plus ».
  const also = r.flags.length === 0 ? '' : ` ; de plus, ${clauses}`;
  switch (r.outcome) {
    case 'rough-consensus':
      return `${title} : un texte que presque tout le monde pouvait accepter a été adopté avec ${pct(r.adopted?.support ?? 0)} de soutien${but}.`;
    case 'contested-decision':
      return `${title} : une majorité a adopté le texte avec ${pct(r.adopted?.support ?? 0)} de soutien, alors que trop de parties prenantes s’y opposaient encore${but}.`;
    case 'tyranny-of-the-minority':
      return r.adopted
        ? `${title} : le texte a été adopté avec ${pct(r.adopted.support)} de soutien, mais seulement après que ${held} et ${pulled}${also}.`
        : `${title} : ${held} ; le soutien a atteint ${pct(r.bestSupport.support)}, et rien n’a été adopté.`;
    default:
      return `${title} : ${lower(OUTCOMES[r.outcome].plain)}`;
  }
}

/** The outcomes in the core's order (sim/result.ts OUTCOMES). */
const OUTCOME_ORDER: readonly Outcome[] = ['rough-consensus', 'contested-decision', 'tyranny-of-the-minority', 'collapse', 'declared-failure', 'glacial-drift'];

/** The French of analysis/analysis-report.ts `cellWords`: an outcome map's cell in words. */
function cellWords(cell: MapCell, x: string, y: string): string {
  const d = cell.shares[cell.dominant];
  const second = OUTCOME_ORDER.filter((o) => o !== cell.dominant).sort((a, b) => cell.shares[b].value - cell.shares[a].value)[0];
  const also = cell.shares[second].value > 0 ? ` ; ensuite, ${OUTCOMES[second].label} dans ${pct(cell.shares[second].value)}` : '';
  const sure = d.low > 0.5 ? 'une nette majorité' : d.high < 0.5 ? 'le plus fréquent, sans être majoritaire' : 'peut-être pas une majorité';
  const runs = cell.runs < 2 ? `de ${plural(cell.runs, 'simulation')}` : `des ${cell.runs} simulations`;
  const n = (v: number) => String(v).replace('.', ',');
  return `Avec ${x} à ${n(cell.x)} et ${y} à ${n(cell.y)} : ${OUTCOMES[cell.dominant].label} dans ${pct(d.value)} ${runs} (intervalle à 95\u202f% ${pct(d.low)}–${pct(d.high)}, ${sure})${also}.`;
}

/** A stakeholder's state beside its name, in the plural when it names several. */
const PLURAL_STATE: Readonly<Record<string, string>> = {
  'a claqué la porte': 'ont claqué la porte',
  'a décliné': 'ont décliné',
  'n’avait plus les moyens de rester': 'n’avaient plus les moyens de rester',
  'fait objection': 'font objection',
};

export const fr: Messages = {
  tag: 'fr',
  name: 'Français',
  pct,
  midSentence: (name: string): string => (/^(Le|La|Les|Un|Une|Des) \S|^L’\S/.test(name) ? lower(name) : name),
  num: (v: number, digits = 2): string => v.toFixed(digits).replace('.', ','),
  // "0,5" and « 50 % » on the axes, a narrow no-break space before the sign as in the text.
  axisNumbers: { decimal: ',', thousands: '\u202f', grouping: [3], currency: ['', '\u00a0€'], percent: '\u202f%' },
  outcomes: OUTCOMES,
  flags: FLAGS,
  headline,
  rules: { unanimity: 'Unanimité', 'rough-consensus': 'Consensus approximatif', supermajority: 'Majorité qualifiée', majority: 'Vote à la majorité' },

  static: {
    title: 'Convene — négociation entre de multiples parties prenantes',
    scenario: 'Scénario',
    scenarioPicker: 'Scénario inclus',
    openFile: 'Ouvrir un fichier…',
    copyLink: 'Copier le lien',
    language: 'Langue',
    runControls: 'Commandes de la simulation',
    play: 'Lecture',
    step: 'Tour suivant',
    reset: 'Recommencer',
    speed: 'Vitesse',
    speed1: '1 tour/s',
    speed3: '3 tours/s',
    speed8: '8 tours/s',
    speed20: '20 tours/s',
    speedMax: 'aussi vite que possible',
    seed: 'Graine',
    newSeed: 'Nouvelle graine',
    goToRound: 'Aller au tour',
    currentRound: 'Tour actuel',
    spaceTitle: 'Espace des positions',
    across: 'Horizontal',
    up: 'Vertical',
    issueAcross: 'Enjeu à l’horizontale',
    issueUp: 'Enjeu à la verticale',
    legend: 'Légende',
    spaceKeys:
      'Clavier : Tab pour aller dans l’espace des positions, puis les flèches passent d’une partie prenante à l’autre (Début, Fin : la plus à gauche, la plus à droite), Entrée n’affiche que le procès-verbal de celle choisie, Échap annule le choix.',
    outcome: 'Résultat',
    lessons: 'Leçons',
    conditions: 'Les conditions de l’organisateur',
    conditionsNote:
      'Changez-en une et la réunion recommence au tour 0, ou, si la case ci-dessous est cochée, repart du tour affiché, avec le changement (une bifurcation).',
    forkMode: 'Et si : changer à partir du tour affiché, en gardant la réunion jusque-là',
    how: 'comment',
    timeline: 'Frise chronologique',
    minutes: 'Procès-verbal',
    constituency: 'Collège',
    stakeholder: 'Partie prenante',
    minutesList: 'Procès-verbal de la réunion',
    forkTitle: 'Et si : la réunion telle qu’elle était, et la bifurcation',
    forkHow: 'Comment fonctionne une bifurcation',
    forkHelp: './what-if.fr.html#une-bifurcation--changer-une-condition-à-partir-dun-tour-donné',
    mapTitle: 'Carte des régimes',
    mapNote:
      'Deux des conditions de l’organisateur, chacune sur une plage de valeurs : à quel résultat mène chaque combinaison, avec les mêmes graines, les autres conditions restant telles qu’elles sont réglées. Calculé ici, case par case.',
    conditionAcross: 'Condition à l’horizontale',
    conditionUp: 'Condition à la verticale',
    from: 'de',
    to: 'à',
    in: 'en',
    steps: 'étapes',
    seedsPerCell: 'Graines par case',
    colourBy: 'Couleur selon',
    drawMap: 'Tracer la carte',
    mapHow: 'Comment fonctionne la carte des régimes',
    mapHelp: './what-if.fr.html#la-carte-des-régimes',
    compareTitle: 'Comparer',
    changeOne: 'Changer une condition',
    compareRun: 'Comparer, même graine',
    seedsTitle: 'De nombreuses graines',
    seedsRun: 'Lancer 200 graines',
    seedsNote: 'Les mêmes conditions avec 200 graines différentes : la probabilité de chaque résultat, avec son intervalle à 95\u202f%.',
    about: 'À propos',
    aboutText:
      'Convene est un modèle pour apprendre et explorer, tiré d’un rapport de 2017 sur les processus à multiples parties prenantes ; ce n’est pas une prévision. Espace lance la lecture ou la met en pause ; la flèche droite avance d’un tour et la flèche gauche recule d’un tour, sauf dans l’espace des positions, où les flèches passent d’une partie prenante à l’autre. Faites glisser « Aller au tour » pour avancer ou reculer dans la réunion ; les boutons sous la frise chronologique mènent à ses moments clés. Déposez un fichier de scénario n’importe où sur la page pour l’ouvrir.',
  },

  page: {
    classMode: 'Mode classe',
    fullControls: 'Toutes les commandes',
    openedFile: 'un fichier ouvert',
    sharedScenario: 'scénario partagé',
    round: (run: number) => (run === 0 ? 'Avant le tour 0' : `Tour ${run - 1} · ${plural(run, 'tour joué', 'tours joués')}`),
    roundOf: (words: string, furthest: number, atEnd: boolean) => `${words} sur ${furthest}${atEnd ? ', fin de la réunion' : ''}`,
    momentSentence: (round: number, text: string) => `Tour ${round} : ${text}.`,
    projection: 'Projection de tous les enjeux',
    foreseen: 'Avant de lancer : ce scénario ne peut pas faire tout ce qu’il semble promettre',
    cannotOpen: 'Impossible d’ouvrir ce scénario :',
    pause: 'Mettre en pause',
    play: 'Lecture',
    forkRunning: (at: number) => `Les deux versions continuent à partir du tour ${at}…`,
    forkCannot: 'Impossible de faire cette bifurcation :',
    asItWas: (seed: number) => `Telle qu’elle était (graine ${seed})`,
    changedFrom: (at: number, words: string) => `Changé à partir du tour ${at} : ${words}`,
    tooLarge: (name: string, size: number, limit: string) =>
      `${name} : le fichier est trop gros : ${size} octets ; un fichier de scénario peut faire au plus ${limit}`,
    unreadable: (name: string, why: string) => `${name} : le fichier n’a pas pu être lu (${why})`,
    linkCopied: 'Lien copié.',
    copyByHand: 'Copiez la barre d’adresse : elle contient cette simulation.',
    addressTooLarge: 'Le scénario contenu dans l’adresse est trop gros pour être ouvert :',
    addressTooLargeText: (limit: string, opened: string) =>
      `une fois décompressé, il dépasse ${limit}, le maximum pour un fichier de scénario ; ouvert à la place : ${opened}`,
    addressUnknown: 'L’adresse désigne un scénario que cette page ne connaît pas :',
    addressUnknownText: (wanted: string, opened: string) =>
      `le scénario « ${wanted} » n’est ni un scénario inclus, ni un scénario contenu dans l’adresse ; ouvert à la place : ${opened}`,
    addressChanges: 'Les changements indiqués dans l’adresse n’ont pas été appliqués :',
  },

  hook: {
    predictions: {
      others: 'Les autres obtiennent leur texte',
      registry: 'Le registre bloque le texte, ou obtient ce qu’il veut',
      nobody: 'Personne n’obtient rien : ça traîne ou ça s’effondre',
    },
    yourPrediction: 'Votre prédiction',
    predicted: (words: string) => `Vous avez prédit : ${lower(words)}. Observez la salle…`,
    question: 'Un seul registre peut mettre son veto au texte. Les autres obtiendront-ils ce qu’ils veulent ?',
    room: 'Voici la salle. Chaque point est une partie prenante : sa couleur montre son groupe, sa taille montre son pouvoir. Le point orange, loin des autres, est le registre en place : il gère la plupart des noms de domaine, donc aucun texte ne passe sans lui. Les autres veulent qu’il change ; lui ne le veut pas. Faites votre prédiction, puis regardez la réunion.',
    answer: (right: boolean, headline: string) =>
      `${right ? 'Vous aviez raison.' : 'Ce n’est pas ce que vous aviez prédit.'} ${headline} Changez maintenant une condition et relancez, ou choisissez une leçon.`,
  },

  outcome: {
    ends: {
      adopted: 'un texte adopté',
      deadline: 'l’échéance atteinte',
      horizon: 'le temps prévu écoulé',
      'declared-failure': 'l’échec déclaré par l’organisateur',
      collapse: 'trop peu de participants pour se réunir',
    },
    rewound: (round: number, rounds: number) => `Retour dans le temps : la salle après ${plural(round, 'tour')} sur ${rounds}.`,
    itEnds: (title: string) => `Fin de la réunion : ${lower(title)}. Continuez la lecture, ou faites glisser jusqu’à la fin.`,
    pressPlay: 'Appuyez sur Lecture pour commencer la réunion.',
    underWay: 'La réunion est en cours…',
    ended: 'Fin',
    endedAfter: (end: string, rounds: number) => `${end}, après ${plural(rounds, 'tour')}`,
    legitimacy: 'Légitimité du texte',
    noneAdopted: 'aucune (rien n’a été adopté)',
    inclusion: 'Inclusion à la fin',
    inclusionValue: (share: string) => `${share} des parties prenantes concernées étaient à la table`,
    support: 'Soutien',
    supportPeaked: (end: string, peak: string, round: number) => `${end} à la fin ; il a culminé à ${peak} au tour ${round}`,
    supportHighest: (end: string) => `${end} à la fin, son plus haut niveau`,
    flags: 'alertes',
    noFlags: 'Aucune alerte.',
    whatItMeans: (title: string) => `Ce que veut dire « ${lower(title)} »`,
    classPage: './outcomes.fr.html',
  },

  narrator: {
    ended: (round: number, title: string, explanation: string) => `Tour ${round} : la réunion est terminée. ${title}. ${explanation}`,
    ready: (name: string, n: number) => `${name} : ${plural(n, 'partie prenante', 'parties prenantes')}, ${agree(n, 'prête', 'prêtes')} à commencer.`,
    caucus: (label: string) => `caucus ${label} formé`,
    dropped: (n: number) => `${n} ${agree(n, 'a', 'ont')} abandonné`,
    declined: (n: number) => `${n} ${agree(n, 'a', 'ont')} décliné l’invitation`,
    walkedOut: (n: number) => `${n} ${agree(n, 'a', 'ont')} claqué la porte`,
    objections: (n: number) => plural(n, 'objection'),
    blocked: 'texte bloqué',
    settled: 'un point réglé',
    opened: (n: number) => plural(n, 'nouveau point', 'nouveaux points'),
    support: (share: string) => `soutien ${share}`,
    round: (round: number, parts: string[]) => `Tour ${round} : ${parts.join(' ; ')}`,
  },

  legend: {
    keys: [
      'contour plein : soutient',
      'contour en tirets : fait objection',
      'pointillés : ne participe pas, ou absente',
      'taille : pouvoir',
      'anneau pâle : ce qu’elle veut ; trait fin : jusqu’où elle s’en est éloignée',
      'nom affiché : qui fait objection, a décliné l’invitation ou a claqué la porte',
      'pâli : ressources dépensées',
      '◇ le texte et son parcours',
      '✚ centre du caucus, anneau : qui le préside',
      'cadre en tirets : ce que l’organisateur accepte',
    ],
    convenor: '★ l’organisateur dans la salle',
    atTheEnd: '□ à la fin : ce que veut chaque collège en moyenne, et un trait en tirets vers le texte obtenu',
  },

  moments: {
    firstBlocked: (support: string, by: string) => `premier blocage : soutien ${support}, arrêté par ${by}`,
    objections: (n: number) => plural(n, 'objection'),
    caucus: (label: string) => `le caucus ${label} s’est organisé`,
    walkedOut: (who: string) => `${who} a claqué la porte`,
    manyWalkedOut: (n: number) => `${n} ${agree(n, 'a', 'ont')} claqué la porte`,
    adopted: (support: string) => `le texte adopté avec ${support} de soutien`,
    failure: 'l’organisateur a déclaré l’échec',
    collapse: 'trop peu sont venus : le processus s’est effondré',
    one: 'une partie prenante',
    goTo: 'Aller à :',
    button: (round: number, text: string) => `Tour ${round} : ${text}`,
  },

  minutes: {
    round: (round: number) => `Tour ${round}`,
    entry: {
      joined: (who: string) => `${who} a rejoint la table.`,
      absent: (who: string, resources: string) => `${who} n’avait pas les moyens de venir (ressources ${resources}).`,
      droppedOut: (who: string) => `${who} a abandonné pour de bon.`,
      declined: (who: string, utility: string, floor: string) =>
        `${who} a décliné l’invitation : le meilleur texte que l’organisateur autorise lui vaut ${utility}, moins que ${floor}, le minimum qu’il lui faut.`,
      walkedOut: (who: string, utility: string, floor: string) =>
        `${who} a claqué la porte : le texte lui vaut ${utility}, moins que ${floor}, ce que lui rapporte le fait de contourner le processus.`,
      caucusFormed: (label: string) => `Le caucus ${label} s’est organisé.`,
      chairElected: (who: string, label: string) => `${who} préside le caucus ${label}.`,
      proposal: (point: string) => `Un texte a été mis sur la table au point ${point}.`,
      objection: (who: string, short: string) => `${who} a fait objection (il lui manquait ${short}).`,
      blocked: (support: string, names: readonly string[], more: number) =>
        `Bloqué : le soutien a atteint ${support}, mais ${names.length + more === 1 ? 'l’objection' : 'les objections'} de ${more > 0 ? `${names.join(', ')} et de ${plural(more, 'autre')}` : listWords(names)} ${names.length + more === 1 ? 'a' : 'ont'} arrêté le texte.`,
      itemSettled: (open: number) => `Un point a été réglé ; il en reste ${open} en suspens.`,
      itemOpened: (label: string, open: number) => `Le caucus ${label} a soulevé un nouveau problème ; ${plural(open, 'point')} en suspens.`,
      failureDeclared: (support: string) => `L’organisateur a déclaré l’échec : le soutien stagnait à ${support}.`,
      collapse: (participation: string) => `Trop peu sont venus : participation ${participation}, sous le quorum. Le processus s’est effondré.`,
      adopted: (point: string, support: string) => `Le texte au point ${point} a été adopté avec ${support} de soutien.`,
      collateralAttack: (who: string, outside: string) =>
        `${who} contourne le processus (ce qu’elle obtient en contournant le processus : ${outside}).`,
    },
    counted: {
      'dropped-out': 'ont abandonné pour de bon',
      'walked-out': 'ont claqué la porte',
      declined: 'ont décliné l’invitation',
      'chair-elected': 'élus à la présidence d’un caucus',
      'caucus-formed': 'caucus organisés',
    },
    countedLine: (count: number, verb: string, names: string) => `${count} ${verb} : ${names}.`,
    listed: (names: readonly string[], total: number) =>
      total > names.length ? `${names.join(', ')} et ${plural(total - names.length, 'autre')}` : listWords(names),
    noOne: 'Personne n’a fait objection',
    fewObjected: (n: number, names: readonly string[]) => `${n} ${agree(n, 'a', 'ont')} fait objection : ${listWords(names)}`,
    manyObjected: (n: number, first: string) => `${n} ont fait objection, dont ${first}`,
    supportLine: (objected: string, support: string) => `${objected} ; soutien ${support}.`,
    allEntries: (n: number) => `toutes les entrées (${n})`,
    fewer: 'moins',
    firstOf: (shown: number, total: number) =>
      `Les ${shown} premières des ${total} entrées du tour ; filtrez par partie prenante ou par collège pour voir les autres.`,
    latestOf: (shown: number, total: number) => `Les ${shown} dernières des ${total} entrées.`,
    entries: (n: number) => plural(n, 'entrée'),
  },

  lesson: {
    flagQuestions: {
      capture: 'Le texte sera-t-il capturé : favorisera-t-il l’organisateur ou un petit groupe qui a beaucoup de moyens ?',
      exclusion: 'Des personnes concernées par le texte seront-elles laissées hors de la salle ?',
      'collateral-attack': 'Quelqu’un va-t-il contourner le processus ?',
    },
    howWillItEnd: 'Votre pari : comment cela va-t-il finir ?',
    nearerWhich: (names: readonly string[]) => `Le texte finira-t-il plus près ${names.map(de).join(' ou ')} ?`,
    whoBlocks: 'Qui bloquera le texte le plus souvent ?',
    the: (label: string) => `le collège ${label}`,
    yes: 'Oui',
    no: 'Non',
    nearer: (name: string) => `Plus près ${de(name)}`,
    noneBlocked: 'aucune n’a bloqué le texte',
    neither: 'ni l’un ni l’autre : rien n’a été adopté',
    itEnded: (title: string) => `le résultat : ${lower(title)}`,
    flagYes: (plain: string) => `oui : ${plain}`,
    flagNo: (label: string) => `non : la simulation n’a déclenché aucune alerte « ${label} »`,
    landedNearer: (name: string) => `le texte a fini plus près ${de(name)}`,
    blockedMost: (name: string) => `${name} a bloqué le plus souvent`,
    lesson: 'Leçon',
    choose: '— choisissez une leçon —',
    opening: 'Ouverture de l’étape…',
    reveal: 'Révéler',
    playing: 'Lecture en cours…',
    nextStep: 'Étape suivante',
    startAgain: 'Recommencer',
    stepOf: (k: number, n: number) => `Étape ${k} sur ${n}`,
    notOpened: 'Le scénario de cette étape n’a pas pu être ouvert : voir le message au-dessus de la salle.',
    seeIt: (round: number) => `Voir au tour ${round}`,
    verdict: (right: boolean, chosen: string, answer: string) =>
      `${right ? 'Bien vu !' : 'Pas cette fois.'} Vous avez parié « ${chosen} » ; ${answer}.`,
    quote: (text: string) => `« ${text} »`,
    showMap: 'Afficher la carte : là où cela commence',
  },

  conditions: {
    fields: {
      power: 'pouvoir',
      resources: 'ressources',
      reservation: 'le minimum qu’elle accepte',
      outside: 'ce qu’elle obtient en contournant le processus',
      concession: 'disposition à faire des concessions',
      ideal: 'ce qu’elle veut',
      salience: 'l’importance de chaque enjeu pour elle',
      generate: 'leur nombre',
    },
    none: 'aucune',
    constituencyN: (k: number) => `collège ${k}`,
    mustImplement: (label: string) => `${label} doit appliquer le résultat (son objection bloque toujours)`,
    noLongerImplements: (label: string) => `${label} ne doit plus appliquer le résultat (pas de veto)`,
    entryOf: (k: number, label: string, field: string, value: string) =>
      `entrée ${k} de la liste des parties prenantes${label ? ` (${label})` : ''} : ${field} à ${value}`,
    other: (words: readonly string[], value: string) => `${words.join(', ')} : ${value}`,
    subsidies: 'Subventions par tour',
    accepts: 'Ce que l’organisateur accepte, enjeu par enjeu (de 0 à 1)',
    boundFrom: (issue: string) => `${issue} : de`,
    boundTo: (issue: string) => `${issue} : à`,
    from: 'de ',
    to: ' à ',
    implementers: 'Ceux qui doivent appliquer le résultat (leur objection bloque toujours)',
    rule: 'Règle de décision',
    threshold: 'Seuil',
    thresholdHint: 'consensus approximatif, majorité qualifiée',
    goodEnough: 'Suffisamment bon',
    goodEnoughHint: 'une objection plus faible que cette valeur est considérée comme satisfaite',
    deadline: 'Échéance (tours)',
    deadlineHint: 'vide : aucune',
    declareFailure: 'L’organisateur peut déclarer l’échec',
    stallRounds: 'Tours sans progrès',
    exitRounds: 'Claquer la porte après (tours)',
    exitRoundsHint: 'nombre de tours où rester rapporte moins que partir ; vide : personne ne peut partir',
    sideChannel: 'Canal parallèle pour une attaque collatérale',
    inRoom: 'L’État reste dans la salle',
    agendaGrowth: 'Croissance de l’ordre du jour',
    agendaGrowthHint: 'nouveaux points par caucus et par tour',
    attendanceCost: 'Coût de participation',
    alsoChanged: (changes: readonly string[]) => `Également changé pour cette simulation : ${changes.join(' ; ')}.`,
    notApplied: 'Non appliqué :',
  },

  timeline: {
    measures: { support: 'soutien', participation: 'participation', dispersion: 'dispersion' },
    openItems: 'points en suspens',
    deadline: 'échéance',
    keyRule: '— le seuil de la règle',
    keyRough: '— consensus approximatif',
    keyDeadline: '| échéance',
    keyBlocked: '▮ tour bloqué',
    rule: (rule: string, threshold: string) => `règle : ${lower(rule)} ${threshold}`,
    ruleIsRough: (rule: string, threshold: string) => `règle : ${lower(rule)} ${threshold} (la ligne du consensus approximatif)`,
    rough: (threshold: string) => `consensus approximatif ${threshold}`,
    mark: (round: number, text: string) => `Tour ${round} : ${text}`,
    label: (rounds: number, support: string) => `Frise chronologique : ${plural(rounds, 'tour')} ; soutien ${support} au dernier tour`,
  },

  compare: {
    unanimity: 'Plutôt l’unanimité',
    roughConsensus: 'Plutôt le consensus approximatif (80\u202f%)',
    majority: 'Plutôt le vote à la majorité',
    stopPaying: 'Ne plus payer les collèges pour venir',
    pay: 'Payer 2 par tour à chaque collège pour venir',
    closeSideChannel: 'Fermer le canal parallèle',
    openSideChannel: 'Ouvrir un canal parallèle pour contourner le processus',
    setDeadline: 'Fixer une échéance à 60 tours',
    removeDeadline: (rounds: number) => `Supprimer l’échéance (${plural(rounds, 'tour')})`,
    stateLeaves: 'L’État quitte la salle',
    mayNotFail: 'L’organisateur ne peut pas déclarer l’échec',
    mayFail: 'L’organisateur peut déclarer l’échec',
    noWalkOut: 'Personne ne peut claquer la porte',
    noVeto: (labels: readonly string[]) => `Pas de veto pour ceux qui doivent appliquer le résultat (${labels.join(', ')})`,
    facts: (rounds: number, legitimacy: string, flags: string) => `${plural(rounds, 'tour')} · légitimité du texte adopté ${legitimacy} · alertes : ${flags}`,
    none: 'aucune',
    sparkLabel: (rounds: number, threshold: string) => `soutien, tour par tour, sur ${plural(rounds, 'tour')} ; le seuil de la règle à ${threshold}`,
    threshold: (threshold: string) => `le seuil de la règle : ${threshold}`,
    fork: (round: number) => `bifurcation, tour ${round}`,
    round: 'tour',
    support: 'soutien',
    running: 'Les deux versions tournent…',
    asSet: (seed: number) => `Tel que réglé (graine ${seed})`,
    changed: (label: string, seed: number) => `${label} (graine ${seed})`,
  },

  seeds: {
    caption: (total: number, from: number, to: number) => `${plural(total, 'simulation')}, graines ${from} à ${to}`,
    outcome: 'Résultat',
    runs: 'Simulations',
    share: 'Part (intervalle à 95\u202f%)',
    flagsCaption: (total: number) =>
      `Alertes déclenchées dans ces mêmes ${total} simulations (une simulation peut en avoir plusieurs, ou aucune, quel que soit son résultat)`,
    flag: 'Alerte',
    interval: (lo: string, hi: string) => `${lo}–${hi}`,
  },

  map: {
    conditions: {
      threshold: 'le seuil de la règle',
      goodEnough: '« suffisamment bon »',
      attendanceCost: 'le coût de participation',
      deadline: 'l’échéance (tours)',
      agendaGrowth: 'la croissance de l’ordre du jour',
      exitRounds: 'les tours avant de claquer la porte',
      pull: 'l’influence de l’État sur la rédaction du texte',
      subsidy: (label: string) => `la subvention pour ${label}`,
      least: 'le minimum que l’organisateur accepte',
      most: 'le maximum que l’organisateur accepte',
    },
    byOutcome: 'comment les réunions se terminent',
    byFlag: (label: string) => `à quelle fréquence : ${label}`,
    cannotDraw: 'Impossible de tracer la carte :',
    across: 'Horizontal',
    up: 'Vertical',
    notANumber: (axis: string, end: string) => `${axis}, ${end} : un nombre est attendu`,
    fromWord: '« de »',
    toWord: '« à »',
    badSteps: (axis: string, max: number) => `${axis}, étapes : un nombre entier de 2 à ${max} est attendu`,
    sameAxis: 'Vertical : choisissez une autre condition que celle à l’horizontale',
    badSeeds: (max: number) => `Graines par case : un nombre entier de 1 à ${max} est attendu`,
    badAddress: (x: string, y: string) => `la carte de l’adresse n’est pas de la forme PATH=LO:HI:STEPS sur les deux axes (${x} ; ${y})`,
    surelyMost: 'la plupart des simulations, c’est sûr',
    surelyFew: 'une minorité des simulations, c’est sûr',
    unsure: 'environ la moitié, ou incertain',
    flagCell: (x: string, xv: string, y: string, yv: string, flag: string, share: string, runs: number, lo: string, hi: string, sure: string) =>
      `Avec ${x} à ${xv} et ${y} à ${yv} : ${flag} dans ${share} ${runs < 2 ? `de ${plural(runs, 'simulation')}` : `des ${runs} simulations`} (intervalle à 95\u202f% ${lo}–${hi}, ${sure}).`,
    flagLegend: (flag: string) => `${flag} dans la plupart des simulations (plus pâle : dans moins) ; traits foncés : là où cela commence`,
    flagged: (label: string) => `à quelle fréquence l’alerte ${label} se déclenche`,
    label: (what: string, x: string, y: string) => `Carte des régimes (${what}) : ${x} à l’horizontale, ${y} à la verticale`,
    outcomeCell: cellWords,
    readout: 'Survolez une case, ou allez-y avec Tab, pour lire ce qui s’y passe ; cliquez dessus pour l’ouvrir dans la salle.',
  },

  bars: {
    title: 'Enjeu par enjeu : ce que veut chaque camp, et où en est le texte',
    key: 'point : ce que veut un collège en moyenne ; barre pâle : de son minimum à son maximum ; zone grisée : ce que l’organisateur accepte ; ◆ et ligne pointillée : le texte (en noir une fois adopté)',
    label: (issue: string, wants: readonly string[]) => `${issue} : en moyenne, ${wants.join(', ')}`,
    wants: (label: string, value: string) => `${label} ${value}`,
    reading: (adopted: boolean, value: string) => `(${adopted ? 'texte adopté' : 'texte sur la table'} : ${value})`,
  },

  space: {
    stances: ['absente', 'soutient', 'objection prise en compte', 'fait objection', 'ne participe pas'],
    roleDescription: 'espace des positions',
    acrossAll: 'Horizontalement : là où leurs souhaits diffèrent le plus (tous les enjeux ensemble)',
    upNext: 'Verticalement : là où ils diffèrent ensuite le plus',
    oneRow: 'une ligne par collège',
    why: {
      'walked out': 'a claqué la porte',
      declined: 'a décliné',
      'could not afford to stay': 'n’avait plus les moyens de rester',
      objects: 'fait objection',
    },
    walkedOut: 'a claqué la porte',
    named: (name: string, why: string) => `${name} : ${why}`,
    crowd: (group: string, count: number, why: string) => `${group} : ${count} ${PLURAL_STATE[why] ?? why}`,
    noneSelected: 'Aucune partie prenante sélectionnée.',
    label: (name: string, n: number, d: number) =>
      `Espace des positions de ${name} : ${plural(n, 'partie prenante', 'parties prenantes')} sur ${plural(d, 'enjeu', 'enjeux')}`,
    declinedInvitation: 'a décliné l’invitation',
    droppedOut: 'a abandonné',
    powerResources: (power: string, now: string, start: string) => `pouvoir ${power} · ressources ${now} sur ${start}`,
    wants: (point: string) => `veut ${point}`,
    says: (point: string) => `dit maintenant ${point}`,
    least: (value: string, state: string) => `le minimum qu’elle accepte : ${value} · ${state}`,
  },
};
