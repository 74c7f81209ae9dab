/**
 * The rules of SCENARIO.md that need the whole file at once, checked on a scenario the schema has
 * accepted: vectors of D numbers, known constituency ids, unique ids (generated ones included),
 * a non-empty acceptable box, and at most 100000 stakeholders. Groups are never expanded here:
 * counts are summed, and generated ids are listed only once the total is known to be small.
 */
import { formatPath, type PathSegment } from './path.ts';
import { suggestName, type ScenarioError } from './errors.ts';
import { MAX_STAKEHOLDERS, type ScalarDistribution, type Scenario, type VectorDistribution } from './schema.ts';
import { countStakeholders, isGroup } from './stakeholder-entries.ts';

export interface RuleCheck {
  errors: ScenarioError[];
  /** Legal but probably not meant, as `path: message`. */
  warnings: string[];
}

/** The id of member `n` (1-based) of a generated group. */
export function generatedId(prefix: string, n: number): string {
  return `${prefix}-${n}`;
}

const SCALAR_FIELDS = ['power', 'resources', 'reservation', 'concession', 'openness', 'outside', 'absence', 'patience'] as const;

export function checkScenarioRules(scenario: Scenario): RuleCheck {
  const errors: ScenarioError[] = [];
  const warnings: string[] = [];
  const error = (path: PathSegment[], message: string) => errors.push({ path: formatPath(path), message });
  const warn = (path: PathSegment[], message: string) => warnings.push(`${formatPath(path)}: ${message}`);

  const issueIds = scenario.issues.map((i) => i.id);
  const D = issueIds.length;
  const perIssue = D <= 6 ? ` (${issueIds.join(', ')})` : '';

  /** A vector of D numbers; false when its length is wrong (so later checks skip it). */
  const vectorOk = (path: PathSegment[], v: readonly unknown[]): boolean => {
    if (v.length === D) return true;
    error(path, `must hold ${D} ${D === 1 ? 'number' : 'numbers'}, one per issue${perIssue}, got a list of ${v.length}`);
    return false;
  };

  // Unique ids
  uniqueIds(scenario.issues, ['issues'], error);
  uniqueIds(scenario.constituencies, ['constituencies'], error);

  // Stakeholders
  const constituencyIds = scenario.constituencies.map((c) => c.id);
  const knownConstituencies = new Set(constituencyIds);
  const members = new Map<string, number>();
  const total = countStakeholders(scenario.stakeholders);
  if (total > MAX_STAKEHOLDERS) {
    error(['stakeholders'], `too many stakeholders: the entries and groups make ${total} after expansion; at most ${MAX_STAKEHOLDERS}`);
  }

  scenario.stakeholders.forEach((entry, i) => {
    const at: PathSegment[] = ['stakeholders', i];
    if (!knownConstituencies.has(entry.constituency)) {
      error([...at, 'constituency'], `unknown constituency "${entry.constituency}"; ${suggestName(entry.constituency, constituencyIds)}`);
    } else {
      members.set(entry.constituency, (members.get(entry.constituency) ?? 0) + (isGroup(entry) ? entry.generate : 1));
    }
    if (isGroup(entry)) {
      checkVectorDistribution([...at, 'ideal'], entry.ideal, vectorOk, issueIds, error);
      if (entry.salience !== undefined) {
        const ok = checkVectorDistribution([...at, 'salience'], entry.salience, vectorOk, issueIds, error);
        if (ok && issueIds.every((_, k) => largestDraw(entry.salience as VectorDistribution, k) === 0)) {
          error([...at, 'salience'], 'every issue has weight 0 for every member; at least one issue must have a positive weight');
        }
      }
      for (const field of SCALAR_FIELDS) checkScalarDistribution([...at, field], entry[field], error);
    } else {
      vectorOk([...at, 'ideal'], entry.ideal);
      if (entry.salience !== undefined && vectorOk([...at, 'salience'], entry.salience) && entry.salience.every((w) => w === 0)) {
        error([...at, 'salience'], 'all weights are 0; at least one issue must have a positive weight');
      }
    }
  });
  checkStakeholderIds(scenario.stakeholders, total <= MAX_STAKEHOLDERS, error);

  // Convenor
  const convenor = scenario.convenor;
  const { min, max } = convenor.acceptable ?? {};
  const minOk = min === undefined || vectorOk(['convenor', 'acceptable', 'min'], min);
  const maxOk = max === undefined || vectorOk(['convenor', 'acceptable', 'max'], max);
  if (minOk && maxOk) {
    for (let k = 0; k < D; k++) {
      const lo = min?.[k] ?? 0;
      const hi = max?.[k] ?? 1;
      if (lo > hi) error(['convenor', 'acceptable'], `empty box: min ${lo} > max ${hi} on issue ${issueIds[k]}; expected min ≤ max on every issue`);
    }
  }
  if (convenor.inRoom && vectorOk(['convenor', 'inRoom', 'preferred'], convenor.inRoom.preferred) && minOk && maxOk) {
    const outside = convenor.inRoom.preferred.findIndex((x, k) => x < (min?.[k] ?? 0) || x > (max?.[k] ?? 1));
    if (outside >= 0) {
      warn(['convenor', 'inRoom', 'preferred'], `lies outside the acceptable box on issue ${issueIds[outside]}; drafting clamps every proposal into the box`);
    }
  }
  for (const id of Object.keys(convenor.subsidies)) {
    if (!knownConstituencies.has(id)) {
      error(['convenor', 'subsidies', id], `unknown constituency "${id}"; ${suggestName(id, constituencyIds)}`);
    }
  }

  // Warnings: legal, but rarely what was meant
  const rule = convenor.rule;
  if ((rule.type === 'rough-consensus' || rule.type === 'supermajority') && rule.threshold < scenario.analysis.roughConsensus) {
    warn(
      ['convenor', 'rule', 'threshold'],
      `${rule.threshold} is below analysis.roughConsensus ${scenario.analysis.roughConsensus}, so an adopted proposal may not count as rough consensus`,
    );
  }
  if (convenor.deadline !== null && convenor.deadline > scenario.horizon) {
    warn(['convenor', 'deadline'], `${convenor.deadline} is after the horizon (${scenario.horizon}), so the run ends before the deadline`);
  }
  scenario.constituencies.forEach((c, i) => {
    if (!members.has(c.id)) warn(['constituencies', i], `no stakeholder belongs to ${c.id}`);
  });
  const rolesOf = new Map(scenario.constituencies.map((c) => [c.id, c.roles]));
  const anyInvolved = scenario.stakeholders.some((s) => (s.roles ?? rolesOf.get(s.constituency) ?? []).includes('involved'));
  if (!anyInvolved && errors.length === 0) {
    warn(['stakeholders'], 'nobody holds the role involved, so nobody is ever in the room');
  }
  return { errors, warnings };
}

function uniqueIds(list: readonly { id: string }[], at: PathSegment[], error: (path: PathSegment[], message: string) => void) {
  const first = new Map<string, number>();
  list.forEach((item, i) => {
    const before = first.get(item.id);
    if (before !== undefined) error([...at, i, 'id'], `duplicate id "${item.id}"; ${formatPath([...at, before])} has it already`);
    else first.set(item.id, i);
  });
}

/** Explicit and generated ids together; the later of two clashing entries is the one reported. */
function checkStakeholderIds(
  entries: Scenario['stakeholders'],
  listGenerated: boolean,
  error: (path: PathSegment[], message: string) => void,
) {
  const owner = new Map<string, number>();
  const describe = (j: number) => {
    const e = entries[j];
    return isGroup(e) ? `the group at stakeholders[${j}] (idPrefix ${e.idPrefix}) makes it already` : `stakeholders[${j}] has it already`;
  };
  entries.forEach((entry, i) => {
    if (!isGroup(entry)) {
      const before = owner.get(entry.id);
      if (before !== undefined) error(['stakeholders', i, 'id'], `duplicate id "${entry.id}"; ${describe(before)}`);
      else owner.set(entry.id, i);
      return;
    }
    const longest = generatedId(entry.idPrefix, entry.generate);
    if (longest.length > 64) {
      const room = 64 - 1 - String(entry.generate).length;
      error(
        ['stakeholders', i, 'idPrefix'],
        `generated ids such as ${longest.slice(0, 20)}… would be ${longest.length} characters; ids have at most 64, so use a prefix of at most ${room}`,
      );
    }
    if (!listGenerated) return;
    let clash: { id: string; before: number } | undefined;
    for (let n = 1; n <= entry.generate; n++) {
      const id = generatedId(entry.idPrefix, n);
      const before = owner.get(id);
      if (before !== undefined) clash ??= { id, before };
      else owner.set(id, i);
    }
    if (clash) {
      const hint = isGroup(entries[clash.before]) ? '; give each group its own idPrefix' : '';
      error(['stakeholders', i, 'idPrefix'], `makes duplicate id "${clash.id}"; ${describe(clash.before)}${hint}`);
    }
  });
}

type PerIssueForm = Extract<VectorDistribution, readonly unknown[]>[number];

/** The lengths of every vector in a generated group's vector field, and lo ≤ hi; true when all lengths are right. */
function checkVectorDistribution(
  path: PathSegment[],
  dist: VectorDistribution,
  vectorOk: (path: PathSegment[], v: readonly unknown[]) => boolean,
  issueIds: readonly string[],
  error: (path: PathSegment[], message: string) => void,
): boolean {
  if (typeof dist === 'number') return true;
  if (Array.isArray(dist)) {
    const ok = vectorOk(path, dist);
    dist.forEach((form: PerIssueForm, k) => {
      if (typeof form === 'object' && 'uniform' in form) checkOrder([...path, k, 'uniform'], form.uniform[0], form.uniform[1], '', error);
    });
    return ok;
  }
  if ('uniform' in dist) {
    const [lo, hi] = dist.uniform;
    const loOk = typeof lo === 'number' || vectorOk([...path, 'uniform', 0], lo);
    const hiOk = typeof hi === 'number' || vectorOk([...path, 'uniform', 1], hi);
    if (!loOk || !hiOk) return false;
    if (typeof lo === 'number' && typeof hi === 'number') {
      checkOrder([...path, 'uniform'], lo, hi, '', error);
    } else {
      for (let k = 0; k < issueIds.length; k++) {
        const l = typeof lo === 'number' ? lo : lo[k];
        const h = typeof hi === 'number' ? hi : hi[k];
        checkOrder([...path, 'uniform'], l, h, ` on issue ${issueIds[k]}`, error);
      }
    }
    return true;
  }
  const { mean, sd } = dist.normal;
  const meanOk = typeof mean === 'number' || vectorOk([...path, 'normal', 'mean'], mean);
  const sdOk = typeof sd === 'number' || vectorOk([...path, 'normal', 'sd'], sd);
  return meanOk && sdOk;
}

function checkScalarDistribution(path: PathSegment[], dist: ScalarDistribution, error: (path: PathSegment[], message: string) => void) {
  if (typeof dist === 'object' && 'uniform' in dist) checkOrder([...path, 'uniform'], dist.uniform[0], dist.uniform[1], '', error);
}

function checkOrder(path: PathSegment[], lo: number, hi: number, where: string, error: (path: PathSegment[], message: string) => void) {
  if (lo > hi) error(path, `lo ${lo} > hi ${hi}${where}; expected [lo, hi] with lo ≤ hi`);
}

/** The largest value a member can draw for issue k (normal draws are clipped at 0 from below). */
function largestDraw(dist: VectorDistribution, k: number): number {
  const at = (v: number | readonly number[]) => (typeof v === 'number' ? v : v[k]);
  const ofForm = (form: PerIssueForm): number => {
    if (typeof form === 'number') return form;
    if ('uniform' in form) return Math.max(form.uniform[0], form.uniform[1]);
    return form.normal.sd > 0 ? Infinity : form.normal.mean;
  };
  if (typeof dist === 'number') return dist;
  if (Array.isArray(dist)) return ofForm(dist[k]);
  if ('uniform' in dist) return Math.max(at(dist.uniform[0]), at(dist.uniform[1]));
  return at(dist.normal.sd) > 0 ? Infinity : at(dist.normal.mean);
}
