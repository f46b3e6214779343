// Event names as text: matched and shown at a bounded cost, whatever the text's length.
import { type AmdEventName, toAmdEventName } from "../events.js";
import { clip } from "../internal/safe.js";

/**
 * Longest text that can be an event name (the longest is 28 characters; the rest is room
 * for white space). Longer text is no name, so no entry costs more than this to match.
 */
export const MAX_NAME_TEXT = 256;
/** Unknown names kept for display: as many as entries read whole. */
export const MAX_UNKNOWN_KEPT = 1000;

/** The AMD event `raw` names, matched after trimming, ignoring case; never for long text. */
export function nameOfText(raw: unknown): AmdEventName | undefined {
  return typeof raw === "string" && raw.length <= MAX_NAME_TEXT ? toAmdEventName(raw) : undefined;
}

/** `raw` for display; of long text only the start is trimmed, so the cost stays bounded. */
export function shownName(raw: string): string {
  return raw.length <= MAX_NAME_TEXT ? clip(raw.trim(), 60) : clip(`${raw.slice(0, MAX_NAME_TEXT).trim()}…`, 60);
}
