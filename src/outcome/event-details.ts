import { AMD_EVENTS, type AmdEventName, toAmdEventName } from "../events.js";
import { isArraySafe, isObjectLike, readProp } from "../internal/safe.js";
import { isAmount } from "../vocabulary.js";

// What the events of a reading say, gathered in one pass: which events are present (a
// bit each) and the details they carry. A hand-made reading may hold anything, so
// every value is read guarded and kept only when present and usable (below); where
// several events disagree, the choice depends on the set of values, never on order.

/** One bit per event; AMD_EVENTS has eight, so a byte describes any set of them. */
export const BIT: Readonly<Record<AmdEventName, number>> = AMD_EVENTS.reduce(
  (bits, name, index) => {
    bits[name] = 1 << index;
    return bits;
  },
  {} as Record<AmdEventName, number>,
);

const MACHINE_BITS = BIT.amd_machine_detected | BIT.amd_machine_stopped_speaking | BIT.amd_tone_detected;

/**
 * The one "present and usable" rule: text counts when it holds more than white space,
 * a number when it is finite and not negative. Anything else (null, a Symbol, an
 * object, NaN) counts as absent.
 */
const NOT_BLANK = /\S/;

export function usableText(value: unknown): string | undefined {
  // A test, not trim(): no new string per field on the hot path.
  return typeof value === "string" && NOT_BLANK.test(value) ? value : undefined;
}

/** See {@link usableText}. */
export function usableNumber(value: unknown): number | undefined {
  return isAmount(value) ? value : undefined;
}

/** The longest text, ties broken by code-unit order: the same set always gives the same value. */
function betterText(best: string | undefined, raw: unknown): string | undefined {
  const value = usableText(raw);
  if (value === undefined) return best;
  // Stryker disable next-line EqualityOperator: on a tie of equal text either one is the same value.
  if (best === undefined || value.length > best.length || (value.length === best.length && value < best)) return value;
  return best;
}

/** The lowest number, whatever the order. */
function lowerNumber(best: number | undefined, value: number | undefined): number | undefined {
  // Stryker disable next-line EqualityOperator: equal numbers are the same value.
  return value !== undefined && (best === undefined || value < best) ? value : best;
}

/** The details events carry, gathered in one pass; each field picked order-free. */
export interface Details {
  mask: number;
  machineReason?: string | undefined;
  machineGreeting?: string | undefined;
  hint?: string | undefined;
  humanReason?: string | undefined;
  humanGreeting?: string | undefined;
  language?: string | undefined;
  toneFrequency?: number | undefined;
  error?: string | undefined;
  /**
   * When tones and human verdicts happened, on the two clocks (`atMs`, ms from answer;
   * `timestamp`, epoch ms): the latest tone as minus its time, so that "lowest" keeps
   * the latest, and the earliest human verdict.
   */
  toneAtMs?: number | undefined;
  toneTimestamp?: number | undefined;
  humanAtMs?: number | undefined;
  humanTimestamp?: number | undefined;
}

/** The fields of an event entry that classification reads. */
interface Fields {
  readonly name?: unknown;
  readonly language?: unknown;
  readonly reason?: unknown;
  readonly greeting?: unknown;
  readonly hint?: unknown;
  readonly frequency?: unknown;
  readonly atMs?: unknown;
  readonly timestamp?: unknown;
  readonly error?: unknown;
}
const FIELD_KEYS = [
  "name",
  "language",
  "reason",
  "greeting",
  "hint",
  "frequency",
  "atMs",
  "timestamp",
  "error",
] as const;

/** The fields read one by one, each guarded: for entries whose getters or Proxy traps throw. */
function guardedCopy(entry: object): Fields {
  const copy: Record<string, unknown> = {};
  for (const key of FIELD_KEYS) copy[key] = readProp(entry, key);
  return copy;
}

/** Negated, so that keeping the lowest keeps the latest tone. */
const negated = (value: number | undefined): number | undefined => (value === undefined ? value : -value);

function addFields(details: Details, entry: Fields): void {
  const name = toAmdEventName(entry.name);
  if (name === undefined) return;
  const bit = BIT[name];
  details.mask |= bit;
  details.language = betterText(details.language, entry.language);
  if ((bit & MACHINE_BITS) !== 0) {
    details.machineReason = betterText(details.machineReason, entry.reason);
    details.machineGreeting = betterText(details.machineGreeting, entry.greeting);
    details.hint = betterText(details.hint, entry.hint);
    if (bit === BIT.amd_tone_detected) {
      details.toneFrequency = lowerNumber(details.toneFrequency, usableNumber(entry.frequency));
      details.toneAtMs = lowerNumber(details.toneAtMs, negated(usableNumber(entry.atMs)));
      details.toneTimestamp = lowerNumber(details.toneTimestamp, negated(usableNumber(entry.timestamp)));
    }
  } else if (bit === BIT.amd_human_detected) {
    details.humanReason = betterText(details.humanReason, entry.reason);
    details.humanGreeting = betterText(details.humanGreeting, entry.greeting);
    details.humanAtMs = lowerNumber(details.humanAtMs, usableNumber(entry.atMs));
    details.humanTimestamp = lowerNumber(details.humanTimestamp, usableNumber(entry.timestamp));
  } else if (bit === BIT.amd_error) {
    details.error = betterText(details.error, entry.error);
  }
}

function addEntry(details: Details, entry: unknown): void {
  // Readings made by hand (from JavaScript) may hold bare names or holes; read them as readAmd would.
  if (typeof entry === "string") {
    const name = toAmdEventName(entry);
    if (name !== undefined) details.mask |= BIT[name];
    return;
  }
  if (!isObjectLike(entry)) return;
  // One try per entry instead of one per field. Every step merges order-free, so when a
  // getter or a Proxy throws halfway, reading the entry again field by field is safe.
  try {
    addFields(details, entry);
  } catch {
    addFields(details, guardedCopy(entry));
  }
}

/** Lists up to this length are read index by index; longer ones by their own keys, so holes cost nothing. */
const INDEXED_UP_TO = 1 << 20;
const INDEX = /^(?:0|[1-9]\d*)$/;

/** Visits every entry of a list that may be sparse, huge, a Proxy or revoked, without throwing. */
function forEachEntry(list: readonly unknown[], visit: (entry: unknown) => void): void {
  let length: unknown;
  try {
    length = list.length;
  } catch {
    return;
  }
  if (typeof length !== "number" || !(length > 0)) return;
  if (length <= INDEXED_UP_TO) {
    // One try for the whole list; an entry whose read throws is skipped and the loop goes on.
    for (let index = 0; index < length; index++) {
      try {
        for (; index < length; index++) visit(list[index]);
      } catch {
        // list[index] could not be read: skip it.
      }
    }
    return;
  }
  let keys: string[];
  try {
    keys = Object.keys(list);
  } catch {
    return;
  }
  for (const key of keys) {
    if (!INDEX.test(key) || !(Number(key) < length)) continue;
    try {
      visit(list[Number(key)]);
    } catch {
      // list[key] could not be read: skip it.
    }
  }
}

/**
 * The details of every event in `events` (a reading's `events`, or anything a caller
 * put there): the set of names as a mask and each detail chosen order-free.
 */
export function gatherDetails(events: unknown): Details {
  // Every field from the start: one object shape, whatever the events hold.
  const details: Details = {
    mask: 0,
    machineReason: undefined,
    machineGreeting: undefined,
    hint: undefined,
    humanReason: undefined,
    humanGreeting: undefined,
    language: undefined,
    toneFrequency: undefined,
    error: undefined,
    toneAtMs: undefined,
    toneTimestamp: undefined,
    humanAtMs: undefined,
    humanTimestamp: undefined,
  };
  // A repeat of the same entry (the same text, the same object) adds nothing: skip it cheaply.
  let previous: unknown = details;
  if (isArraySafe(events)) {
    forEachEntry(events, (entry) => {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: skipping a repeat only saves time.
      if (entry !== previous) addEntry(details, entry);
      previous = entry;
    });
  }
  return details;
}
