import type { AmdEventName } from "../events.js";
import { parseJsonText, UNREADABLE } from "../internal/safe.js";
import { addEvent, BIT, type Details, noDetails } from "./details.js";
import { EVENT_KEYS, type FieldGroup, INVALID, type LeafKind, valuesOf } from "./leaves.js";
import type { AmdEvent } from "./read-amd.js";

/** At most this many problems are listed; the rest are counted in one last line. */
const MAX_ISSUES = 50;
/**
 * After this many values that could not be read (a getter or Proxy trap that throws costs
 * about 15 µs, most of it the error's stack), no further list entry is read: a list of
 * hostile entries must not hold a call for seconds.
 */
export const MAX_UNREADABLE = 100;
/**
 * At most this many characters of text are tried as JSON in one reading, in all: parsing
 * a megabyte takes milliseconds, and a list can hold the same megabyte a thousand times.
 */
export const MAX_JSON_READ = 2_000_000;

/** No `amdInfo` fields. */
export const NO_INFO: readonly unknown[] = [];
const GREETING = EVENT_KEYS.indexOf("greeting");
const TRANSCRIPT = EVENT_KEYS.indexOf("transcript");

/** What a reading gathers as it goes, and the budgets that keep it bounded. */
export class Collector {
  readonly events: AmdEvent[] = [];
  readonly unknownEvents: string[] = [];
  readonly issues: string[] = [];
  /** What the events read so far say: their names as bits, and their details. */
  readonly details: Details = noDetails();
  /** `amdInfo`'s scalar fields, coerced, in `INFO_KEYS` order (none when there is no `amdInfo`). */
  info: readonly unknown[] = NO_INFO;
  /** Where the session holding `amd` and `amdInfo` was found, when not at `context.session.UserSession`. */
  sessionPath: "context.UserSession" | undefined = undefined;
  /** Whether the entry whose name was read last named it in `machineDetection` (a notify-URL body). */
  notifyBody = false;
  private dropped = 0;
  private unreadable = 0;
  private jsonLeft = MAX_JSON_READ;
  private lastText: string | undefined;
  private lastParsed: unknown;

  /** @param keep - whether to keep each event read in {@link events} (routeCall needs only the details). */
  constructor(private readonly keep: boolean) {}

  /**
   * Lists `text` after the place it is about: `where`, or entry `index` of the list at
   * `where` (`amdInfo.amdEvents[2]`), the place written only when the problem is listed.
   */
  issue(where: string, text: string, index?: number): void {
    if (this.issues.length < MAX_ISSUES)
      this.issues.push(`${index === undefined ? where : `${where}[${index}]`}${text}`);
    else this.dropped++;
  }

  /** Reports a value that could not be read (at `where`, its entry `index`, its `key`), counting toward {@link MAX_UNREADABLE}. */
  cannotRead(where: string, index?: number, key = ""): void {
    this.unreadable++;
    this.issue(where, `${key}: could not be read`, index);
  }

  /** `true` once {@link MAX_UNREADABLE} values could not be read: no further entry is read. */
  get stopped(): boolean {
    return this.unreadable >= MAX_UNREADABLE;
  }

  /**
   * The fields of `group` in `source`, each as read and coerced: `undefined` when absent,
   * refused or unreadable (both reported), or at `skip` (read as {@link valuesOf} does).
   */
  fields(source: object, group: FieldGroup, where: string, index?: number, skip = -1): unknown[] | undefined {
    const values = valuesOf(source, group);
    let kept = 0;
    for (let field = 0; field < values.length; field++) {
      const value = values[field];
      values[field] = undefined;
      if (value === undefined || value === null || field === skip) continue;
      const kind = group.kinds[field] as LeafKind;
      const read = value === UNREADABLE ? value : kind.read(value);
      if (read === UNREADABLE) this.cannotRead(where, index, `.${group.keys[field]}`);
      else if (read === INVALID) this.issue(where, `.${group.keys[field]}: ${kind.problem}`, index);
      else {
        values[field] = read;
        kept++;
      }
    }
    // No field kept (a bare `{ type }` entry): nothing to add but the name.
    return kept === 0 ? undefined : values;
  }

  /** Adds an event read, with its fields' values in `EVENT_KEYS` order (none for a bare name). */
  add(name: AmdEventName, source: AmdEvent["source"], index: number | undefined, values?: unknown[]): void {
    if (this.keep) this.events.push(newEvent(name, source, index, values));
    // `transcript` is the jambonz name of the greeting: the greeting when there is no other.
    if (values !== undefined && values[GREETING] === undefined) values[GREETING] = values[TRANSCRIPT];
    addEvent(this.details, BIT[name], values);
  }

  /**
   * `text` parsed as JSON (see `parseJsonText`) while the reading's {@link MAX_JSON_READ}
   * lasts. Text that cannot start JSON (its first character is not `{`, `[`, a byte order
   * mark or JSON whitespace) costs nothing; other text costs its length, parsed or not,
   * except the same text again (a list repeating one entry), which is remembered.
   */
  json(text: string, where: string, index?: number): unknown {
    if (text === this.lastText) return this.lastParsed;
    if (!/^[\uFEFF \t\n\r{[]/.test(text)) return undefined;
    if (text.length > this.jsonLeft) {
      if (this.jsonLeft >= 0)
        this.issue(where, `: not read as JSON (over ${MAX_JSON_READ} characters of text in all)`, index);
      this.jsonLeft = -1;
      return undefined;
    }
    this.jsonLeft -= text.length;
    this.lastText = text;
    this.lastParsed = parseJsonText(text);
    return this.lastParsed;
  }

  finish(): void {
    if (this.dropped > 0) this.issues.push(`… and ${this.dropped} more problems`);
    if (this.stopped) this.issues.push(`reading stopped after ${MAX_UNREADABLE} values that could not be read`);
  }
}

/** An event as a reading shows it: its name, where it came from, and the fields it carried. */
function newEvent(
  name: AmdEventName,
  source: AmdEvent["source"],
  index: number | undefined,
  values: readonly unknown[] | undefined,
): AmdEvent {
  const event: Record<string, unknown> = { name, source };
  if (index !== undefined) event["index"] = index;
  if (values !== undefined) {
    for (let field = 0; field < EVENT_KEYS.length; field++) {
      const value = values[field];
      if (value !== undefined) event[EVENT_KEYS[field] as string] = value;
    }
    // Last, as the key was always written.
    if (event["greeting"] === undefined && event["transcript"] !== undefined) event["greeting"] = event["transcript"];
  }
  return event as unknown as AmdEvent;
}
