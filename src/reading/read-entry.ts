import type { AmdEventName } from "../events.js";
import { isRecord, readProp, UNREADABLE } from "../internal/safe.js";
import { type Collector, placeOf } from "./collector.js";
import { MAX_UNKNOWN_KEPT, nameOfText, shownName } from "./event-name-text.js";
import { EVENT_FIELDS, EVENT_KEYS, eventValues, INVALID, type LeafKind } from "./leaves.js";
import type { AmdEvent } from "./read-amd.js";

// One entry of a list (or the `amd` value itself): a bare event name, an object naming
// the event, or JSON text of either. `where` names the list and `index` the entry's
// place in it; the text of a place is built only for a problem.

const EVENT_KINDS: readonly LeafKind[] = EVENT_KEYS.map((key) => EVENT_FIELDS[key]);
const REASON = EVENT_KEYS.indexOf("reason");

interface NamedEntry {
  readonly type?: unknown;
  readonly event?: unknown;
  readonly name?: unknown;
  readonly machineDetection?: unknown;
}

/**
 * What names the event: `type`, else `event`, else `name`, else `machineDetection` (a
 * notify-URL body's field, noted in `into.notifyBody`); {@link UNREADABLE} when a read throws.
 */
function nameOf(entry: NamedEntry, into: Collector): unknown {
  into.notifyBody = false;
  try {
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

/**
 * The entry's fields in `EVENT_KEYS` order, each as read and coerced: `undefined` when
 * absent, refused (reported) or unreadable (reported). All are read by name in one go;
 * when any read throws, each is read again alone, so one bad field costs only itself.
 */
function fieldValues(entry: object, notify: boolean, where: string, index: number | undefined, into: Collector) {
  let values: unknown[];
  try {
    values = eventValues(entry);
  } catch {
    values = EVENT_KEYS.map((key) => readProp(entry, key));
  }
  // A notify body's reason is the call's SIP reason ("486 Busy Here"), not AMD's.
  if (notify) values[REASON] = undefined;
  for (let field = 0; field < values.length; field++) {
    const value = values[field];
    if (value === undefined || value === null) {
      values[field] = undefined;
      continue;
    }
    const key = EVENT_KEYS[field] as string;
    if (value === UNREADABLE) {
      into.cannotRead(`${placeOf(where, index)}.${key}`);
      values[field] = undefined;
      continue;
    }
    const kind = EVENT_KINDS[field] as LeafKind;
    const read = kind.read(value);
    if (read === INVALID) {
      into.fieldIssue(where, index, key, kind.problem);
      values[field] = undefined;
    } else {
      values[field] = read;
    }
  }
  return values;
}

function unknownName(raw: string, where: string, index: number | undefined, into: Collector): void {
  const shown = shownName(raw);
  if (shown === "") {
    into.issue(`${placeOf(where, index)}: empty event name`);
    return;
  }
  if (into.unknownEvents.length < MAX_UNKNOWN_KEPT) into.unknownEvents.push(shown);
  into.issue(`${placeOf(where, index)}: unknown AMD event "${shown}"`);
}

function readRecord(
  entry: object,
  source: AmdEvent["source"],
  index: number | undefined,
  where: string,
  into: Collector,
): void {
  const raw = nameOf(entry, into);
  if (raw === UNREADABLE) {
    into.cannotRead(placeOf(where, index));
    return;
  }
  if (typeof raw !== "string") {
    into.issue(
      `${placeOf(where, index)}: no event name (expected "type", "event", "name" or "machineDetection" to hold one)`,
    );
    return;
  }
  const name = nameOfText(raw);
  if (name === undefined) unknownName(raw, where, index, into);
  else into.add(name, source, index, fieldValues(entry, into.notifyBody, where, index, into));
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
    if (name !== undefined) {
      into.add(name, source, index);
      return;
    }
    const parsed = into.json(entry, placeOf(where, index));
    if (isRecord(parsed)) readRecord(parsed, source, index, where, into);
    else unknownName(entry, where, index, into);
    return;
  }
  if (isRecord(entry)) {
    readRecord(entry, source, index, where, into);
    return;
  }
  if (entry === UNREADABLE) into.cannotRead(placeOf(where, index));
  else if (entry !== undefined && entry !== null)
    into.issue(`${placeOf(where, index)}: expected an event name or an event object`);
}

/**
 * The AMD event an entry names, without reading its data: how entries past the whole-read
 * cap are looked at. It must find the same name {@link readEntry} would.
 */
export function eventNameOf(entry: unknown, where: string, index: number, into: Collector): AmdEventName | undefined {
  const record = typeof entry === "string" ? (nameOfText(entry) ?? into.json(entry, placeOf(where, index))) : entry;
  if (typeof record === "string") return record as AmdEventName;
  if (record === UNREADABLE) into.cannotRead(placeOf(where, index));
  if (!isRecord(record)) return undefined;
  const raw = nameOf(record, into);
  if (raw === UNREADABLE) into.cannotRead(placeOf(where, index));
  return nameOfText(raw);
}
