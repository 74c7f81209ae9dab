/**
 * The words of the scenario format that are lists of choices: a constituency's roles, the decision
 * rules, mandates and weightings. The schema is built from them, and a front end that offers the
 * choices (the page's conditions form) reads them here without loading the validator.
 */
export const ROLES = ['defines', 'affected', 'involved', 'decides', 'implements'] as const;
export const RULE_TYPES = ['unanimity', 'rough-consensus', 'supermajority', 'majority'] as const;
export const MANDATES = ['decision', 'recommendation', 'consultation'] as const;
export const WEIGHTINGS = ['power', 'head'] as const;
