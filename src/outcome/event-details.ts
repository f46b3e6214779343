import { AMD_EVENTS, type AmdEventName, toAmdEventName } from "../events.js";
import { isArraySafe, isObjectLike, readProp } from "../internal/safe.js";

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
export function usableText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

/** See {@link usableText}. */
export function usableNumber(value: unknown): number | undefined {
  return typeof value === "number" && value >= 0 && value < Infinity ? value : undefined;
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

const NO_FIELDS = (): undefined => undefined;

function addEntry(details: Details, entry: unknown): void {
  // Readings made by hand (from JavaScript) may hold bare names or holes; read them as readAmd would.
  const isText = typeof entry === "string";
  if (!isText && !isObjectLike(entry)) return;
  const name = toAmdEventName(isText ? entry : readProp(entry, "name"));
  if (name === undefined) return;
  const bit = BIT[name];
  details.mask |= bit;
  const field = isText ? NO_FIELDS : (key: string): unknown => readProp(entry, key);
  const time = (key: string): number | undefined => usableNumber(field(key));
  details.language = betterText(details.language, field("language"));
  if ((bit & MACHINE_BITS) !== 0) {
    details.machineReason = betterText(details.machineReason, field("reason"));
    details.machineGreeting = betterText(details.machineGreeting, field("greeting"));
    details.hint = betterText(details.hint, field("hint"));
    if (bit === BIT.amd_tone_detected) {
      details.toneFrequency = lowerNumber(details.toneFrequency, time("frequency"));
      const at = time("atMs");
      const stamp = time("timestamp");
      details.toneAtMs = lowerNumber(details.toneAtMs, at === undefined ? at : -at);
      details.toneTimestamp = lowerNumber(details.toneTimestamp, stamp === undefined ? stamp : -stamp);
    }
  } else if (bit === BIT.amd_human_detected) {
    details.humanReason = betterText(details.humanReason, field("reason"));
    details.humanGreeting = betterText(details.humanGreeting, field("greeting"));
    details.humanAtMs = lowerNumber(details.humanAtMs, time("atMs"));
    details.humanTimestamp = lowerNumber(details.humanTimestamp, time("timestamp"));
  } else if (bit === BIT.amd_error) {
    details.error = betterText(details.error, field("error"));
  }
}

/** Lists up to this length are read index by index; longer ones by their own keys, so holes cost nothing. */
const INDEXED_UP_TO = 1 << 20;
const INDEX = /^(?:0|[1-9]\d*)$/;

function entryAt(list: readonly unknown[], index: number): unknown {
  try {
    return list[index];
  } catch {
    return undefined;
  }
}

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
    for (let index = 0; index < length; index++) visit(entryAt(list, index));
    return;
  }
  let keys: string[];
  try {
    keys = Object.keys(list);
  } catch {
    return;
  }
  for (const key of keys) {
    if (INDEX.test(key) && Number(key) < length) visit(entryAt(list, Number(key)));
  }
}

/**
 * The details of every event in `events` (a reading's `events`, or anything a caller
 * put there): the set of names as a mask and each detail chosen order-free.
 */
export function gatherDetails(events: unknown): Details {
  const details: Details = { mask: 0 };
  if (isArraySafe(events)) forEachEntry(events, (entry) => addEntry(details, entry));
  return details;
}
