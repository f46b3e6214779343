import type { AmdEventName } from "../events.js";
import { isArraySafe, UNREADABLE } from "../internal/safe.js";
import type { Collector } from "./collector.js";
import { BIT } from "./details.js";
import { nameOfText } from "./event-name-text.js";
import type { AmdEvent } from "./read-amd.js";
import { eventNameOf, readEntry } from "./read-entry.js";

/**
 * At most this many entries of any one list (`amdEvents`, or `amd` as a list) are read
 * whole, data and all; a longer list is reported in `issues`. Past them, each further
 * entry's event name is still looked at (up to 5,000 entries in all), and an entry
 * naming an event not read yet is read whole: the set of events, and so the outcome,
 * never depends on where in the list an event sits. Real calls post fewer than 20.
 *
 * @example
 * ```ts
 * import { MAX_EVENTS_READ, readAmd } from "amd-flow";
 * const amdEvents = [...Array.from({ length: MAX_EVENTS_READ }, () => "amd_stopped"), "amd_tone_detected"];
 * const reading = readAmd({ session: { UserSession: { amdInfo: { amdEvents } } } });
 * reading.events.length; // 1001: the tone, past the cap, is read too
 * reading.issues; // ["amdInfo.amdEvents: 1001 entries; read the first 1000 whole and the names of the first 1001"]
 * ```
 */
export const MAX_EVENTS_READ = 1000;
/** Entries of one list whose names are looked at, the first {@link MAX_EVENTS_READ} included. */
export const MAX_NAMES_READ = 5000;

function entryAt(list: readonly unknown[], index: number): unknown {
  try {
    return list[index];
  } catch {
    return UNREADABLE;
  }
}

/** Events whose data, not only their name, can change the outcome: every copy past the cap is read whole. */
const DATA_DECIDES: ReadonlySet<AmdEventName> = new Set<AmdEventName>([
  "amd_tone_detected",
  "amd_human_detected",
  "amd_machine_detected",
  "amd_machine_stopped_speaking",
]);

/**
 * Reads a list of entries (or one entry, or JSON text of either): the first
 * {@link MAX_EVENTS_READ} whole, then up to {@link MAX_NAMES_READ} by name, adding in
 * whole an entry that names an event not read yet, or a tone, a human or a machine
 * verdict or a greeting's end, whose data (a fax's frequency, the times of a tone and of
 * the verdict, the greeting's words) can change the outcome.
 */
export function readList(list: unknown, source: AmdEvent["source"], where: string, into: Collector): void {
  if (typeof list === "string") {
    // A bare event name (the usual `amd` value) is no JSON: read it as it is.
    const name = nameOfText(list);
    if (name !== undefined) {
      into.add(name, source, undefined);
      return;
    }
    const parsed = into.json(list, where);
    if (parsed !== undefined) readList(parsed, source, where, into);
    else if (list.trim() !== "") readEntry(list, source, undefined, where, into);
    return;
  }
  if (!isArraySafe(list)) {
    readEntry(list, source, undefined, where, into);
    return;
  }
  let total: unknown;
  try {
    total = list.length;
  } catch {
    // Reported below, as a length that is not a number.
  }
  if (typeof total !== "number" || !(total >= 0)) {
    into.issue(where, ": could not read its length");
    return;
  }
  const length = Math.min(total, MAX_NAMES_READ);
  if (total > MAX_EVENTS_READ)
    into.issue(
      where,
      `: ${total} entries; read the first ${MAX_EVENTS_READ} whole and the names of the first ${length}`,
    );
  for (let index = 0; index < length && !into.stopped; index++) {
    const entry = entryAt(list, index);
    if (index < MAX_EVENTS_READ) {
      readEntry(entry, source, index, where, into);
      continue;
    }
    const name = eventNameOf(entry, where, index, into);
    if (name !== undefined && ((into.details.mask & BIT[name]) === 0 || DATA_DECIDES.has(name)))
      readEntry(entry, source, index, where, into);
  }
}
