import { AMD_EVENTS, type AmdEventName } from "../events.js";
import { isAmount } from "../vocabulary.js";
import { EVENT_KEYS } from "./leaves.js";

// What the events say, gathered as they are met: which events are present (a bit each)
// and the details they carry, each chosen order-free. The reader gathers them while it
// reads (so routeCall walks the events once), and classifyAmd gathers them again from a
// reading's events (which a caller may have made by hand): both go through addEvent.

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
  if (typeof value !== "string") return undefined;
  // Text that starts with a printable ASCII character (most of it) holds more than white
  // space; other text is tested, not trimmed: no new string per field on the hot path.
  const first = value.charCodeAt(0);
  return (first > 0x20 && first < 0x7f) || NOT_BLANK.test(value) ? value : undefined;
}

/** See {@link usableText}. */
export function usableNumber(value: unknown): number | undefined {
  return isAmount(value) ? value : undefined;
}

/** The longest text, ties broken by code-unit order: the same set always gives the same value. */
function betterText(best: string | undefined, raw: unknown): string | undefined {
  const value = usableText(raw);
  if (value === undefined) return best;
  if (best === undefined || value.length > best.length || (value.length === best.length && value < best)) return value;
  return best;
}

/** The lowest number, whatever the order. */
function lowerNumber(best: number | undefined, value: number | undefined): number | undefined {
  return value !== undefined && (best === undefined || value < best) ? value : best;
}

/** The details events carry; each field picked order-free. */
export interface Details {
  /** The events present, a bit each (see {@link BIT}). */
  mask: number;
  machineReason?: string | undefined;
  machineGreeting?: string | undefined;
  hint?: string | undefined;
  humanReason?: string | undefined;
  humanGreeting?: string | undefined;
  /** A human verdict carried a greeting that was empty or white space: the engine's reading of an empty transcript. */
  humanBlank: boolean;
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

/** No event yet. Every field is there from the start: one object shape, whatever the events hold. */
export function noDetails(): Details {
  return {
    mask: 0,
    machineReason: undefined,
    machineGreeting: undefined,
    hint: undefined,
    humanReason: undefined,
    humanGreeting: undefined,
    humanBlank: false,
    language: undefined,
    toneFrequency: undefined,
    error: undefined,
    toneAtMs: undefined,
    toneTimestamp: undefined,
    humanAtMs: undefined,
    humanTimestamp: undefined,
  };
}

// Where each field sits in an event's values (EVENT_KEYS order).
const REASON = EVENT_KEYS.indexOf("reason");
const GREETING = EVENT_KEYS.indexOf("greeting");
const HINT = EVENT_KEYS.indexOf("hint");
const LANGUAGE = EVENT_KEYS.indexOf("language");
const FREQUENCY = EVENT_KEYS.indexOf("frequency");
const ERROR = EVENT_KEYS.indexOf("error");
const AT_MS = EVENT_KEYS.indexOf("atMs");
const TIMESTAMP = EVENT_KEYS.indexOf("timestamp");

/** Negated, so that keeping the lowest keeps the latest tone. */
const negated = (value: number | undefined): number | undefined => (value === undefined ? value : -value);

/**
 * Adds one event to `details`: its bit, and the details its `values` carry (its fields
 * in {@link EVENT_KEYS} order; none for a bare name). Merging is order-free and
 * idempotent: adding the same event twice changes nothing.
 */
export function addEvent(details: Details, bit: number, values: readonly unknown[] | undefined): void {
  details.mask |= bit;
  if (values === undefined) return;
  details.language = betterText(details.language, values[LANGUAGE]);
  if ((bit & MACHINE_BITS) !== 0) {
    details.machineReason = betterText(details.machineReason, values[REASON]);
    details.machineGreeting = betterText(details.machineGreeting, values[GREETING]);
    details.hint = betterText(details.hint, values[HINT]);
    if (bit === BIT.amd_tone_detected) {
      details.toneFrequency = lowerNumber(details.toneFrequency, usableNumber(values[FREQUENCY]));
      details.toneAtMs = lowerNumber(details.toneAtMs, negated(usableNumber(values[AT_MS])));
      details.toneTimestamp = lowerNumber(details.toneTimestamp, negated(usableNumber(values[TIMESTAMP])));
    }
  } else if (bit === BIT.amd_human_detected) {
    details.humanReason = betterText(details.humanReason, values[REASON]);
    const greeting = values[GREETING];
    details.humanGreeting = betterText(details.humanGreeting, greeting);
    if (typeof greeting === "string" && usableText(greeting) === undefined) details.humanBlank = true;
    details.humanAtMs = lowerNumber(details.humanAtMs, usableNumber(values[AT_MS]));
    details.humanTimestamp = lowerNumber(details.humanTimestamp, usableNumber(values[TIMESTAMP]));
  } else if (bit === BIT.amd_error) {
    details.error = betterText(details.error, values[ERROR]);
  }
}
