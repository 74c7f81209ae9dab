/**
 * The record of a run ("records must be kept"), the minutes the page shows: an ordered list of
 * events. It can be switched
 * off for batches of large populations; nothing in a run reads it back, so results are the same
 * with or without it.
 */
import type { RunEvent } from './result.ts';

export interface EventLog {
  readonly enabled: boolean;
  readonly events: RunEvent[];
  add(event: RunEvent): void;
}

export function createEventLog(enabled: boolean): EventLog {
  const events: RunEvent[] = [];
  return {
    enabled,
    events,
    add: enabled ? (event) => void events.push(event) : () => {},
  };
}
