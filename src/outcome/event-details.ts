import { toAmdEventName } from "../events.js";
import { isArraySafe, isObjectLike, readProp } from "../internal/safe.js";
import { addEvent, BIT, type Details, noDetails } from "../reading/details.js";
import { EVENT_GROUP, valuesOf } from "../reading/leaves.js";

// What the events of a reading say, gathered in one pass: which events are present (a
// bit each) and the details they carry. A hand-made reading may hold anything, so
// every value is read guarded and kept only when present and usable (`addEvent`); where
// several events disagree, the choice depends on the set of values, never on order.

function addEntry(details: Details, entry: unknown): void {
  // Readings made by hand (from JavaScript) may hold bare names or holes; read them as readAmd would.
  if (typeof entry === "string") {
    const name = toAmdEventName(entry);
    if (name !== undefined) details.mask |= BIT[name];
    return;
  }
  if (!isObjectLike(entry)) return;
  // A getter or a Proxy that throws reads as absent (valuesOf reads each field guarded then).
  const name = toAmdEventName(readProp(entry, "name"));
  if (name === undefined) return;
  const values = valuesOf(entry, EVENT_GROUP);
  addEvent(details, BIT[name], values);
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
  const details = noDetails();
  // A repeat of the same entry (the same text, the same object) adds nothing: skip it cheaply.
  let previous: unknown = details;
  if (isArraySafe(events)) {
    forEachEntry(events, (entry) => {
      if (entry !== previous) addEntry(details, entry);
      previous = entry;
    });
  }
  return details;
}
