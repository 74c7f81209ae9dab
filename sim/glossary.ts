/**
 * The glossary: each of the model's terms (MODEL.md's words, which the docs and the command line
 * use) with the plain words a student reads on the page instead, and what it means. The page
 * takes its words from here; docs/glossary.md lists the same entries (a test keeps them alike),
 * and a test scans the page's visible text for the model's terms marked `insider`.
 */

export interface GlossaryEntry {
  /** The model's term, as MODEL.md and the docs use it. */
  term: string;
  /** What the page says instead. */
  plain: string;
  /** One sentence for a student. */
  meaning: string;
  /** A word of the model's that a student should not have to read on the page. */
  insider: boolean;
}

export const GLOSSARY = [
  { term: 'ideal', plain: 'what it wants', meaning: 'The point of the policy space a stakeholder would choose if it were alone.', insider: false },
  { term: 'stated position', plain: 'what it says now', meaning: 'Where a stakeholder stands in the room this round; it moves from what it wants as it concedes.', insider: false },
  { term: 'utility', plain: 'what a text is worth to it', meaning: 'How close a text comes to what a stakeholder wants, weighted by how much each issue matters to it: 1 is everything it wants, 0 nothing.', insider: true },
  { term: 'reservation', plain: 'the least it accepts', meaning: 'The worth below which a stakeholder objects to a text rather than let it pass.', insider: true },
  { term: 'outside option', plain: 'what it gets by going around the process', meaning: 'What a stakeholder can get elsewhere (a regulator, a court, the market); below it, it walks out.', insider: false },
  { term: 'aspiration', plain: 'what it still holds out for', meaning: 'The worth a stakeholder asks of a text this round; it falls toward the least it accepts as the deadline nears.', insider: true },
  { term: 'power', plain: 'power', meaning: 'How much a stakeholder weighs in drafting and in counting support: drawn as the size of its dot.', insider: false },
  { term: 'resources', plain: 'resources', meaning: 'What a stakeholder can spend to attend; a stakeholder that runs out cannot come.', insider: false },
  { term: 'proposal', plain: 'the text on the table', meaning: 'The draft the room is asked to support this round.', insider: false },
  { term: 'acceptable box', plain: 'what the convenor allows', meaning: 'The range of texts the convenor will let the process adopt.', insider: false },
  { term: 'caucus', plain: 'a constituency meeting on its own', meaning: 'A constituency that has organized: it elects a chair and speaks with one voice.', insider: false },
  { term: 'principal axis', plain: 'where they differ most', meaning: 'With three issues or more, the direction in which what the stakeholders want differs most, found by principal component analysis.', insider: true },
  { term: 'override', plain: 'a changed condition', meaning: 'A condition of the scenario set to another value for this run (the command line’s --set).', insider: true },
] as const satisfies readonly GlossaryEntry[];

/** The plain words for a term of the glossary. */
export function plainWords(term: (typeof GLOSSARY)[number]['term']): string {
  return GLOSSARY.find((g) => g.term === term)!.plain;
}

/** What must not appear in the page's visible text: the insider terms, and the command line's syntax. */
export const NOT_ON_THE_PAGE: readonly string[] = [...GLOSSARY.filter((g) => g.insider).map((g) => g.term), '--set'];
