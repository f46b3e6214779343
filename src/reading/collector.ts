import type { AmdEventName } from "../events.js";
import { parseJsonText } from "../internal/safe.js";
import { addEvent, BIT, type Details, noDetails } from "./details.js";
import { EVENT_KEYS } from "./leaves.js";
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

const GREETING = EVENT_KEYS.indexOf("greeting");
const TRANSCRIPT = EVENT_KEYS.indexOf("transcript");

/** `where` for an entry of a list (`amdInfo.amdEvents[2]`), or the value itself: built only for a problem. */
export function placeOf(where: string, index: number | undefined): string {
  return index === undefined ? where : `${where}[${index}]`;
}

/** What a reading gathers as it goes, and the budgets that keep it bounded. */
export class Collector {
  readonly events: AmdEvent[] = [];
  readonly unknownEvents: string[] = [];
  readonly issues: string[] = [];
  /** What the events read so far say: their names as bits, and their details. */
  readonly details: Details = noDetails();
  /** Whether the entry whose name was read last named it in `machineDetection` (a notify-URL body). */
  notifyBody = false;
  private dropped = 0;
  private unreadable = 0;
  private jsonLeft = MAX_JSON_READ;
  private lastText: string | undefined;
  private lastParsed: unknown;

  /** @param keep - whether to keep each event read in {@link events} (routeCall needs only the details). */
  constructor(private readonly keep: boolean) {}

  issue(text: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(text);
    else this.dropped++;
  }

  /** `place.key: problem`, with the text built only when it will be listed (a million bad fields cost no strings). */
  fieldIssue(where: string, index: number | undefined, key: string, problem: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(`${placeOf(where, index)}.${key}: ${problem}`);
    else this.dropped++;
  }

  /** Adds an event read, with its fields' values in `EVENT_KEYS` order (none for a bare name). */
  add(name: AmdEventName, source: AmdEvent["source"], index: number | undefined, values?: unknown[]): void {
    if (this.keep) this.events.push(newEvent(name, source, index, values));
    // `transcript` is the jambonz name of the greeting: the greeting when there is no other.
    if (values !== undefined && values[GREETING] === undefined) values[GREETING] = values[TRANSCRIPT];
    addEvent(this.details, BIT[name], values);
  }

  /** `true` when an event of this name was read. */
  has(name: AmdEventName): boolean {
    return (this.details.mask & BIT[name]) !== 0;
  }

  /** Reports `where` as unreadable and counts it toward {@link MAX_UNREADABLE}. */
  cannotRead(where: string): void {
    this.unreadable++;
    this.issue(`${where}: could not be read`);
  }

  /** `true` once {@link MAX_UNREADABLE} values could not be read: no further entry is read. */
  get stopped(): boolean {
    return this.unreadable >= MAX_UNREADABLE;
  }

  /**
   * `text` parsed as JSON (see `parseJsonText`) while the reading's {@link MAX_JSON_READ}
   * lasts. Text that cannot start JSON (its first character is not `{`, `[`, a byte order
   * mark or JSON whitespace) costs nothing; other text costs its length, parsed or not,
   * except the same text again (a list repeating one entry), which is remembered.
   */
  json(text: string, where: string): unknown {
    if (text === this.lastText) return this.lastParsed;
    if (!/^[\uFEFF \t\n\r{[]/.test(text)) return undefined;
    if (text.length > this.jsonLeft) {
      if (this.jsonLeft >= 0)
        this.issue(`${where}: not read as JSON (over ${MAX_JSON_READ} characters of text in all)`);
      this.jsonLeft = -1;
      return undefined;
    }
    this.jsonLeft -= text.length;
    this.lastText = text;
    this.lastParsed = parseJsonText(text);
    return this.lastParsed;
  }

  finish(): string[] {
    if (this.dropped > 0) this.issues.push(`… and ${this.dropped} more problems`);
    if (this.stopped) this.issues.push(`reading stopped after ${MAX_UNREADABLE} values that could not be read`);
    return this.issues;
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
