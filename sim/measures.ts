/**
 * The measures of MODEL.md section 8, taken by name at the end of every round: the timeline, the
 * CSV columns and the tests all read these names.
 */
import { STANCE, type RunState } from './run-state.ts';

export function participation(s: RunState): number {
  return s.invitedWeight > 0 ? s.presentWeight / s.invitedWeight : 0;
}

/** Share of affected stakeholders, by head count, invited or not, who are present. */
export function inclusion(s: RunState): number {
  return s.affectedCount > 0 ? s.presentAffected / s.affectedCount : 1;
}

/**
 * Legitimacy of an adopted outcome: inclusion × support among the affected × transparency, where
 * absent and uninvited affected stakeholders count as not supporting (head counts throughout).
 */
export function legitimacy(s: RunState): number {
  let affected = 0;
  let supporting = 0;
  for (let i = 0; i < s.pop.n; i++) {
    if (!s.affected[i]) continue;
    affected++;
    if (s.stance[i] === STANCE.supports || s.stance[i] === STANCE.addressed) supporting++;
  }
  const supportAmongAffected = affected > 0 ? supporting / affected : 1;
  return inclusion(s) * supportAmongAffected * (s.cond.openRecords ? 1 : 0.7);
}

/** Adds this round's measures to the series, when the run keeps them (MODEL.md section 8). */
export function takeMeasures(s: RunState): void {
  if (!s.keepSeries) return;
  const series = s.series;
  series.support.push(s.support);
  series.headSupport.push(s.headSupport);
  series.dispersion.push(s.dispersion);
  series.participation.push(participation(s));
  series.openItems.push(s.openItems);
  series.inclusion.push(inclusion(s));
}
