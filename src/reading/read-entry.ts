import type { AmdEventName } from "../events.js";
import { isRecord, MAX_PROTOTYPES, UNREADABLE } from "../internal/safe.js";
import type { Collector } from "./collector.js";
import { MAX_UNKNOWN_KEPT, nameOfText, shownName } from "./event-name-text.js";
import { EVENT_GROUP, EVENT_KEYS } from "./leaves.js";
import type { AmdEvent } from "./read-amd.js";

// One entry of a list (or the `amd` value itself): a bare event name, an object naming
// the event, or JSON text of either. `where` names the list and `index` the entry's
// place in it; the text of a place is built only for a problem.

const REASON = EVENT_KEYS.indexOf("reason");

interface NamedEntry {
  readonly type?: unknown;
  readonly event?: unknown;
  readonly name?: unknown;
  readonly machineDetection?: unknown;
}

/**
 * What names the event: `type`, else `event`, else `name`, else `machineDetection` (a
 * notify-URL body's field, noted in `into.notifyBody`); {@link UNREADABLE} when a read
 * throws, and for an entry that inherits through more than `MAX_PROTOTYPES` prototypes:
 * each read of a field it lacks would walk its whole chain, and an engine sets up each
 * object of a chain it walks (one object 10⁶ times, inheriting through 5 × 10⁴
 * prototypes, took 0.3–0.8 s; real entries have one to three).
 */
function nameOf(entry: NamedEntry, into: Collector): unknown {
  into.notifyBody = false;
  try {
    for (let up: object | null = entry, depth = 0; up !== null; depth++) {
      if (depth > MAX_PROTOTYPES) return UNREADABLE;
      up = Object.getPrototypeOf(up) as object | null;
    }
    const { type } = entry;
    if (type !== undefined && type !== null) return type;
    const { event } = entry;
    if (event !== undefined && event !== null) return event;
    const { name } = entry;
    if (name !== undefined && name !== null) return name;
    into.notifyBody = true;
    return entry.machineDetection;
  } catch {
    return UNREADABLE;
  }
}

function unknownName(raw: string, where: string, index: number | undefined, into: Collector): void {
  const shown = shownName(raw);
  if (shown === "") {
    into.issue(where, ": empty event name", index);
    return;
  }
  if (into.unknownEvents.length < MAX_UNKNOWN_KEPT) into.unknownEvents.push(shown);
  into.issue(where, `: unknown AMD event "${shown}"`, index);
}

function readRecord(
  entry: object,
  source: AmdEvent["source"],
  index: number | undefined,
  where: string,
  into: Collector,
): void {
  const raw = nameOf(entry, into);
  if (raw === UNREADABLE) into.cannotRead(where, index);
  else if (typeof raw !== "string")
    into.issue(where, ': no event name (expected "type", "event", "name" or "machineDetection" to hold one)', index);
  else {
    const name = nameOfText(raw);
    if (name === undefined) unknownName(raw, where, index, into);
    // A notify body's reason is the call's SIP reason ("486 Busy Here"), not AMD's.
    else into.add(name, source, index, into.fields(entry, EVENT_GROUP, where, index, into.notifyBody ? REASON : -1));
  }
}

/** Reads one entry whole: its event, its data and its problems. */
export function readEntry(
  entry: unknown,
  source: AmdEvent["source"],
  index: number | undefined,
  where: string,
  into: Collector,
): void {
  if (typeof entry === "string") {
    const name = nameOfText(entry);
    if (name !== undefined) into.add(name, source, index);
    else {
      const parsed = into.json(entry, where, index);
      if (isRecord(parsed)) readRecord(parsed, source, index, where, into);
      else unknownName(entry, where, index, into);
    }
  } else if (isRecord(entry)) readRecord(entry, source, index, where, into);
  else if (entry === UNREADABLE) into.cannotRead(where, index);
  // A hole in a list is nothing; a null entry, like an empty name, is reported (a lone null `amd` is not).
  else if (entry !== undefined && (entry !== null || index !== undefined))
    into.issue(where, ": expected an event name or an event object", index);
}

/**
 * The AMD event an entry names, without reading its data: how entries past the whole-read
 * cap are looked at. It must find the same name {@link readEntry} would.
 */
export function eventNameOf(entry: unknown, where: string, index: number, into: Collector): AmdEventName | undefined {
  const record = typeof entry === "string" ? (nameOfText(entry) ?? into.json(entry, where, index)) : entry;
  if (typeof record === "string") return record as AmdEventName;
  const raw = isRecord(record) ? nameOf(record, into) : record;
  if (raw === UNREADABLE) into.cannotRead(where, index);
  return nameOfText(raw);
}
