/**
 * Phase 1, attendance (MODEL.md 5.1): "those with money and time can show up". Every involved
 * stakeholder still in the process receives its constituency's subsidy, then attends if it can pay
 * the cost of the round and is not absent by chance. Three rounds in a row unable to pay and it
 * drops out for good. Constituencies organize at their round; each caucus chair is its present
 * member of highest power (lowest index on ties), chosen again every round.
 *
 * The pass over the stakeholders is kernel/attendance-pass.ts, which after the opening round also
 * sums what drafting needs (phase 3) into `s.scratch` and `s.voiceTotal`, issue by issue (and the
 * voices alone into `s.voices`, which drafting no longer divides by since model 2; the tests still
 * hold both passes to it): one pass instead of two.
 * This phase forms the caucuses before it and seats the chairs after it.
 */
import { ATTENDANCE_TOTALS as TOTAL, attendancePass } from '../kernel/attendance-pass.ts';
import type { RunState } from '../run-state.ts';
import { declineInvitations, walkOuts } from './leaving.ts';

export function attend(s: RunState): void {
  // Model 2: who stays out for good before anyone pays (phases/leaving.ts).
  if (s.t === 0) declineInvitations(s);
  else walkOuts(s);
  formCaucuses(s);
  const presentCount = s.presentCount;
  const chair = s.nextChair;
  // Loops rather than fill(): these arrays are a few entries long, and fill() is a call.
  for (let c = 0; c < chair.length; c++) chair[c] = -1;
  for (let c = 0; c < presentCount.length; c++) presentCount[c] = 0;
  // Drafting's voice-weighted sum of stated positions (the opening round drafts from ideals instead).
  const summing = s.t > 0;
  const totals = attendancePass(s, summing);
  s.presentWeight = totals[TOTAL.presentWeight];
  s.presentAffected = totals[TOTAL.presentAffected];
  s.voices = totals[TOTAL.voices];
  electChairs(s);
}

/** A constituency that is not organized becomes organized at its round (MODEL.md 5.1). */
function formCaucuses(s: RunState): void {
  const { cond, record, t, organized } = s;
  const ids = s.scenario.constituencies;
  for (let c = 0; c < ids.length; c++) {
    if (!organized[c] && (cond.organizedAtStart[c] || t >= cond.organizeRounds[c])) {
      organized[c] = 1;
      record.add({ round: t, type: 'caucus-formed', constituency: ids[c].id });
    }
  }
}

function electChairs(s: RunState): void {
  const ids = s.scenario.constituencies;
  const chosen = s.nextChair;
  for (let c = 0; c < ids.length; c++) {
    if (chosen[c] !== s.chair[c] && chosen[c] >= 0) {
      s.record.add({ round: s.t, type: 'chair-elected', constituency: ids[c].id, stakeholder: s.pop.id(chosen[c]) });
    }
    s.chair[c] = chosen[c];
  }
}
