/**
 * What a valid scenario cannot do that it seems meant to (issue of the analysts: semantic
 * warnings). Each check reads the initial state the core would build with the scenario's own
 * seed, so generated groups are judged on the stakeholders a run would have:
 *
 * - a box whose best point gives a major power (5% of the invited power or more) less than its
 *   bottom line: it will decline the invitation (MODEL.md 5.1);
 * - unanimity with a deciding stakeholder that no point of the box satisfies;
 * - a deadline at or before a deciding constituency's organizing round: it never caucuses;
 * - a quorum that the invited stakeholders' money cannot pay for up to the deadline;
 * - a subsidy to a constituency that is not involved: nobody ever receives it.
 *
 * Each is `{ path, message }`, the path a field of the file, the message in the product's words.
 * Pure and O(N·D): the page and `convene validate` call it alike.
 */
import { createRng } from './rng.ts';
import { createRunState, releaseRunState } from './run-state.ts';
import { FLOOR_TOLERANCE } from './conditions.ts';
import { bestInBox } from './phases/leaving.ts';
import type { Scenario } from './scenario/schema.ts';
import { isGroup } from './scenario/stakeholder-entries.ts';

export interface Foreseen {
  /** The field the warning is about, as `convene validate` prints paths. */
  path: string;
  message: string;
}

/** A stakeholder holding at least this share of the invited power is a major power. */
export const MAJOR_POWER = 0.05;

const fixed = (x: number) => x.toFixed(3);
const percent = (x: number) => `${Math.round(x * 100)}%`;

/** With `seed` (default: the scenario's own) the generated groups are those a run of that seed has. */
export function foreseeProblems(scenario: Scenario, seed: number = scenario.seed): Foreseen[] {
  const out: Foreseen[] = [];
  const s = createRunState(scenario, { record: false, rng: createRng(seed), kernel: false });
  try {
    const { pop, cond, involved, decides, floor } = s;
    const { n, power } = pop;
    // Which entry of the file each stakeholder comes from.
    const entryOf = new Int32Array(n);
    let next = 0;
    scenario.stakeholders.forEach((entry, e) => {
      const count = isGroup(entry) ? entry.generate : 1;
      entryOf.fill(e, next, next + count);
      next += count;
    });
    let invitedPower = 0;
    for (let i = 0; i < n; i++) if (involved[i]) invitedPower += power[i];

    // The box against each invited stakeholder's bottom line.
    const unsatisfiable = new Map<number, { count: number; members: number; first: number; best: number; major: boolean }>();
    for (let i = 0; i < n; i++) {
      if (!involved[i]) continue;
      const best = bestInBox(s, i);
      if (!(floor[i] > best + FLOOR_TOLERANCE)) continue;
      const e = entryOf[i];
      const seen = unsatisfiable.get(e);
      const major = invitedPower > 0 && power[i] / invitedPower >= MAJOR_POWER;
      if (seen) {
        seen.count++;
        seen.major ||= major;
      } else unsatisfiable.set(e, { count: 1, members: 0, first: i, best, major });
    }
    for (let i = 0; i < n; i++) {
      const seen = unsatisfiable.get(entryOf[i]);
      if (seen) seen.members++;
    }
    for (const [e, u] of unsatisfiable) {
      const who =
        u.members === 1
          ? pop.id(u.first)
          : u.count === u.members
            ? `all ${u.members} of this group (${pop.id(u.first)} among them)`
            : `${u.count} of this group's ${u.members} (${pop.id(u.first)} among them)`;
      const why = `the best text inside convenor.acceptable gives ${pop.id(u.first)} ${fixed(u.best)}, below its bottom line ${fixed(floor[u.first])}`;
      if (u.major) {
        out.push({
          path: `stakeholders[${e}]`,
          message: `${who}, with ${percent(power[u.first] / invitedPower)} of the invited power, will decline the invitation: ${why}. Widen the box to bring it in, or lower its reservation`,
        });
      }
      if (cond.rule === 'unanimity' && decides[u.first]) {
        out.push({
          path: 'convenor.rule',
          message: `unanimity, but no text inside the box satisfies ${who} (stakeholders[${e}]): ${why}; it will decline, and any text is adopted without it`,
        });
      }
    }

    // A deciding constituency that organizes only at or after the deadline.
    scenario.constituencies.forEach((c, i) => {
      if (c.organized || cond.deadline === null || !c.roles.includes('decides') || !c.roles.includes('involved')) return;
      if (c.organizeRounds >= cond.deadline) {
        out.push({
          path: `constituencies[${i}].organizeRounds`,
          message: `${c.id} organizes at round ${c.organizeRounds}, not before the deadline (${cond.deadline}): its members never caucus, speak at half voice and hold to their ideals to the end`,
        });
      }
    });

    // The quorum against the money: who can pay to attend every round up to the deadline.
    const rounds = cond.deadline ?? scenario.horizon;
    let invitedWeight = 0;
    let payingWeight = 0;
    for (let i = 0; i < n; i++) {
      if (!involved[i]) continue;
      invitedWeight += s.weight[i];
      const subsidy = cond.subsidy[pop.constituency[i]];
      if (pop.resources[i] + rounds * subsidy >= rounds * pop.cost[i]) payingWeight += s.weight[i];
    }
    if (invitedWeight > 0 && payingWeight < cond.quorum * invitedWeight) {
      out.push({
        path: 'convenor.quorum',
        message: `only ${percent(payingWeight / invitedWeight)} of the invited weight can pay to attend all ${rounds} rounds (resources and subsidies against attendanceCost), below the quorum of ${percent(cond.quorum)}: expect the room to empty and the process to collapse`,
      });
    }

    // Subsidies nobody receives.
    for (const [id, amount] of Object.entries(scenario.convenor.subsidies)) {
      const c = scenario.constituencies.find((x) => x.id === id);
      if (c && amount > 0 && !c.roles.includes('involved')) {
        out.push({ path: `convenor.subsidies.${id}`, message: `${id} is not involved: its members are never invited, so nobody receives this subsidy` });
      }
    }
  } finally {
    releaseRunState(s);
  }
  return out;
}
