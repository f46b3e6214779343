import type { AmdEventName } from "../events.js";
import { describeError, isObjectLike, isRecord, type Mutable, put, readProp, UNREADABLE } from "../internal/safe.js";
import { Collector } from "./collector.js";
import { MAX_UNKNOWN_KEPT, nameOfText, shownName } from "./event-name-text.js";
import { EVENT_FIELDS, INFO_FIELDS, INVALID, type LeafKind } from "./leaves.js";
import { type EntryReader, readList } from "./read-list.js";
import type { AmdEventData } from "./schemas.js";

export { MAX_EVENTS_READ } from "./read-list.js";

/**
 * One AMD event as read: its canonical name, where it came from and the data it carried,
 * including when it happened when the entry said so: `atMs` (ms from the answer) and
 * `timestamp` (epoch ms) are both kept, as given.
 *
 * @example
 * ```ts
 * import { readAmd, type AmdEvent } from "amd-flow";
 * const [tone]: readonly AmdEvent[] = readAmd({
 *   session: { UserSession: { amdInfo: { amdEvents: [{ type: "amd_tone_detected", frequency: "440" }] } } },
 * }).events;
 * tone?.frequency; // 440
 * ```
 */
export interface AmdEvent extends AmdEventData {
  /** The canonical event name. */
  readonly name: AmdEventName;
  /** `"amd"` for the `amd` value, `"amdEvents"` for an entry of `amdInfo.amdEvents`. */
  readonly source: "amd" | "amdEvents";
  /** The entry's position in its list, when it came from one. */
  readonly index?: number;
}

/**
 * What {@link readAmd} found in a bot context: the known events, the names it did not
 * know, the `amdInfo` values and every problem it met.
 *
 * @example
 * ```ts
 * import { readAmd, type AmdReading } from "amd-flow";
 * const reading: AmdReading = readAmd({ session: { UserSession: { amd: "amd_human_detected" } } });
 * reading.events.length; // 1
 * ```
 */
export interface AmdReading {
  /** Known AMD events, `amdInfo.amdEvents` first, then the `amd` value; duplicates kept. */
  readonly events: readonly AmdEvent[];
  /** Event names that are not AMD events, trimmed and shortened for display. */
  readonly unknownEvents: readonly string[];
  /** `amdInfo.amdGreeting`. */
  readonly greeting?: string;
  /** `amdInfo.amdReason`. */
  readonly reason?: string;
  /** `amdInfo.amdRingDurationInMs`. */
  readonly ringDurationMs?: number;
  /** `amdInfo.amdConnectDurationInMs`. */
  readonly connectDurationMs?: number;
  /** Problems met while reading, each naming where (`amdInfo.amdEvents[2]: …`). */
  readonly issues: readonly string[];
}

interface FieldReader extends LeafKind {
  readonly key: string;
}
const fieldReaders = (fields: Readonly<Record<string, LeafKind>>): readonly FieldReader[] =>
  Object.keys(fields).map((key) => {
    const { read, problem } = fields[key] as LeafKind;
    return { key, read, problem };
  });
const EVENT_READERS = fieldReaders(EVENT_FIELDS);
const INFO_READERS = fieldReaders(INFO_FIELDS);
const NOTIFY_READERS = EVENT_READERS.filter((field) => field.key !== "reason");

/** Reads one field: its coerced value, or `undefined` with the field's problem. */
function readField(source: object, field: FieldReader, where: string, into: Collector): unknown {
  const value = readProp(source, field.key);
  if (value === undefined || value === null) return undefined;
  if (value === UNREADABLE) {
    into.cannotRead(`${where}.${field.key}`);
    return undefined;
  }
  const read = field.read(value);
  if (read !== INVALID) return read;
  into.fieldIssue(where, field.key, field.problem);
  return undefined;
}

// machineDetection: a notify-URL body stored as an event names it there.
const NAME_KEYS = ["type", "event", "name", "machineDetection"] as const;

/** The entry's event name field and its key, or {@link UNREADABLE} when the entry cannot be read. */
function nameOf(entry: object): { raw: unknown; key?: (typeof NAME_KEYS)[number] } {
  for (const key of NAME_KEYS) {
    const value = readProp(entry, key);
    if (value !== undefined && value !== null) return { raw: value, key };
  }
  return { raw: undefined };
}

function newEvent(name: AmdEventName, source: AmdEvent["source"], index: number | undefined): Record<string, unknown> {
  const event: Record<string, unknown> = { name, source };
  if (index !== undefined) event["index"] = index;
  return event;
}

function unknownName(raw: string, where: string, into: Collector): void {
  const shown = shownName(raw);
  if (shown === "") {
    into.issue(`${where}: empty event name`);
    return;
  }
  if (into.unknownEvents.length < MAX_UNKNOWN_KEPT) into.unknownEvents.push(shown);
  into.issue(`${where}: unknown AMD event "${shown}"`);
}

function readEntry(
  entry: unknown,
  source: AmdEvent["source"],
  index: number | undefined,
  where: string,
  into: Collector,
): void {
  if (typeof entry === "string") {
    const name = nameOfText(entry);
    if (name !== undefined) {
      into.add(newEvent(name, source, index) as unknown as AmdEvent);
      return;
    }
    const parsed = into.json(entry, where);
    if (isRecord(parsed)) readEntry(parsed, source, index, where, into);
    else unknownName(entry, where, into);
    return;
  }
  if (!isRecord(entry)) {
    if (entry === UNREADABLE) into.cannotRead(where);
    else if (entry !== undefined && entry !== null) into.issue(`${where}: expected an event name or an event object`);
    return;
  }
  const { raw, key } = nameOf(entry);
  if (raw === UNREADABLE) {
    into.cannotRead(where);
    return;
  }
  if (typeof raw !== "string") {
    into.issue(`${where}: no event name (expected "type", "event", "name" or "machineDetection" to hold one)`);
    return;
  }
  const name = nameOfText(raw);
  if (name === undefined) {
    unknownName(raw, where, into);
    return;
  }
  const event = newEvent(name, source, index);
  // A notify body's reason is the call's SIP reason ("486 Busy Here"), not AMD's.
  const readers = key === "machineDetection" ? NOTIFY_READERS : EVENT_READERS;
  for (const field of readers) {
    const value = readField(entry, field, where, into);
    if (value !== undefined) event[field.key] = value;
  }
  if (event["greeting"] === undefined && event["transcript"] !== undefined) event["greeting"] = event["transcript"];
  into.add(event as unknown as AmdEvent);
}

/**
 * The AMD event an entry names, without reading its data: how entries past the whole-read
 * cap are looked at. It must find the same name {@link readEntry} would.
 */
function eventNameOf(entry: unknown, where: () => string, into: Collector): AmdEventName | undefined {
  const record = typeof entry === "string" ? (nameOfText(entry) ?? into.json(entry, where())) : entry;
  if (typeof record === "string") return record as AmdEventName;
  if (record === UNREADABLE) into.cannotRead(where());
  if (!isRecord(record)) return undefined;
  const { raw } = nameOf(record);
  if (raw === UNREADABLE) into.cannotRead(where());
  return nameOfText(raw);
}

function entriesOf(into: Collector): EntryReader {
  return {
    read: (entry, source, index, where) => readEntry(entry, source, index, where, into),
    name: (entry, where) => eventNameOf(entry, where, into),
  };
}

function readInfo(info: unknown, into: Collector): Partial<Record<keyof typeof INFO_FIELDS, unknown>> {
  const values: Record<string, unknown> = {};
  if (info === undefined || info === null) return values;
  if (typeof info === "string") {
    const parsed = into.json(info, "amdInfo");
    if (parsed !== undefined) return readInfo(parsed, into);
  }
  if (!isRecord(info)) {
    if (info === UNREADABLE) into.cannotRead("amdInfo");
    else into.issue("amdInfo: expected an object");
    return values;
  }
  const events = readProp(info, "amdEvents");
  if (events === UNREADABLE) into.cannotRead("amdInfo.amdEvents");
  else readList(events, "amdEvents", "amdInfo.amdEvents", into, entriesOf(into));
  for (const field of INFO_READERS) {
    const value = readField(info, field, "amdInfo", into);
    if (value !== undefined) values[field.key] = value;
  }
  return values;
}

/** `context.session.UserSession`, or an issue saying where the path broke. */
function sessionOf(context: unknown, into: Collector): unknown {
  let node: unknown = context;
  let where = "context";
  for (const key of ["session", "UserSession"]) {
    if (node === undefined || node === null) return undefined;
    if (!isObjectLike(node)) {
      into.issue(`${where}: expected an object`);
      return undefined;
    }
    node = readProp(node, key);
    where = `${where}.${key}`;
    if (node === UNREADABLE) {
      into.cannotRead(where);
      return undefined;
    }
  }
  return node;
}

/**
 * Reads the AMD values from a Kore.ai bot context: `context.session.UserSession.amd`
 * and `context.session.UserSession.amdInfo`. Never throws, whatever `context` is.
 *
 * - Event names are matched after trimming, ignoring case; unknown names are kept in
 *   `unknownEvents` and reported in `issues`, never fatal.
 * - Entries may be bare names or objects naming the event in `type`, `event` or `name`;
 *   their data (`reason`, `greeting` or `transcript`, `hint`, `language`, `frequency`,
 *   `variance`, `error`, and the times `atMs` and `timestamp`) is kept, numbers written
 *   as text are converted. An entry shaped like a notify-URL body (`machineDetection`
 *   holding the event name, beside `status` and the like) is read as that event; its
 *   `reason` is the call's, not AMD's, and is left out.
 * - Values stored as JSON text are parsed. Lists are read up to
 *   {@link MAX_EVENTS_READ} entries, and a longer list is reported.
 * - Nothing is mutated: the input is only read.
 *
 * @param context - the bot's `context` object (anything is accepted).
 * @returns the events, the `amdInfo` values and the problems met.
 * @example
 * ```ts
 * import { readAmd } from "amd-flow";
 * const reading = readAmd({
 *   session: { UserSession: { amdInfo: { amdEvents: [" AMD_Machine_Detected ", "amd_beep"] } } },
 * });
 * reading.events.map((event) => event.name); // ["amd_machine_detected"]
 * reading.unknownEvents; // ["amd_beep"]
 * ```
 */
export function readAmd(context: unknown): AmdReading {
  const into = new Collector();
  let info: Partial<Record<keyof typeof INFO_FIELDS, unknown>> = {};
  try {
    const session = sessionOf(context, into);
    if (isObjectLike(session)) {
      info = readInfo(readProp(session, "amdInfo"), into);
      const amd = readProp(session, "amd");
      if (amd === UNREADABLE) into.cannotRead("amd");
      else readList(amd, "amd", "amd", into, entriesOf(into));
    } else if (session !== undefined && session !== null) {
      into.issue("context.session.UserSession: expected an object");
    }
    // Stryker disable all: unreachable by design (every read above is guarded); kept so
    // that a future mistake degrades to an issue instead of a dropped call.
  } catch (error) {
    into.issue(`context: reading stopped (${describeError(error)})`);
  }
  // Stryker restore all
  const reading: Mutable<AmdReading> = {
    events: into.events,
    unknownEvents: into.unknownEvents,
    issues: into.finish(),
  };
  put(reading, "greeting", info["amdGreeting"] as string | undefined);
  put(reading, "reason", info["amdReason"] as string | undefined);
  put(reading, "ringDurationMs", info["amdRingDurationInMs"] as number | undefined);
  put(reading, "connectDurationMs", info["amdConnectDurationInMs"] as number | undefined);
  return reading;
}
