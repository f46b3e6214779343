import type { AmdEventName } from "../events.js";
import { parseJsonText } from "../internal/safe.js";
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

/** What a reading gathers as it goes, and the budgets that keep it bounded. */
export class Collector {
  readonly events: AmdEvent[] = [];
  /** The names in `events`, for the order-free look past the whole-read cap. */
  readonly names = new Set<AmdEventName>();
  readonly unknownEvents: string[] = [];
  readonly issues: string[] = [];
  private dropped = 0;
  private unreadable = 0;
  private jsonLeft = MAX_JSON_READ;
  private lastText: string | undefined;
  private lastParsed: unknown;

  issue(text: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(text);
    else this.dropped++;
  }

  /** `where.key: problem`, with the text built only when it will be listed (a million bad fields cost no strings). */
  fieldIssue(where: string, key: string, problem: string): void {
    if (this.issues.length < MAX_ISSUES) this.issues.push(`${where}.${key}: ${problem}`);
    else this.dropped++;
  }

  add(event: AmdEvent): void {
    this.events.push(event);
    this.names.add(event.name);
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
