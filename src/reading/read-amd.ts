import type { AmdEventName } from "../events.js";
import { describeError, guarded, isRecord, type Mutable, put, UNREADABLE } from "../internal/safe.js";
import { Collector, NO_INFO } from "./collector.js";
import { INFO_GROUP } from "./leaves.js";
import { readList } from "./read-list.js";
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
  /**
   * Where the values were found when not at `context.session.UserSession` (a bot's
   * place): `"context.UserSession"`, in an experience flow of Kore's Contact Center AI,
   * where the session's variables sit under `context` itself. Absent otherwise.
   */
  readonly sessionPath?: SessionPath;
}

/**
 * Where {@link readAmd} found the session holding `amd` and `amdInfo`, when it was not
 * the bot's usual `context.session.UserSession`.
 *
 * @example
 * ```ts
 * import type { SessionPath } from "amd-flow";
 * const path: SessionPath = "context.UserSession";
 * ```
 */
export type SessionPath = "context.UserSession";

function readInfo(info: unknown, into: Collector): readonly unknown[] {
  if (info === undefined || info === null) return NO_INFO;
  if (typeof info === "string") {
    const parsed = into.json(info, "amdInfo");
    if (parsed !== undefined) return readInfo(parsed, into);
  }
  if (!isRecord(info)) {
    if (info === UNREADABLE) into.cannotRead("amdInfo");
    else into.issue("amdInfo", ": expected an object");
    return NO_INFO;
  }
  const events = guarded(info as Info, AMD_EVENTS_OF);
  if (events === UNREADABLE) into.cannotRead("amdInfo", undefined, ".amdEvents");
  else readList(events, "amdEvents", "amdInfo.amdEvents", into);
  return into.fields(info, INFO_GROUP, "amdInfo") ?? NO_INFO;
}

/** What is read of `UserSession` and `amdInfo`. */
interface Session {
  readonly UserSession?: unknown;
}
interface UserSession {
  readonly amdInfo?: unknown;
  readonly amd?: unknown;
}
interface Info {
  readonly amdEvents?: unknown;
}

interface Path {
  readonly session?: unknown;
}

/**
 * The value `read` finds in `value` (at `where`), or `undefined` with an issue saying
 * where the path broke: `value` is not an object, or the read threw.
 */
function step(value: unknown, where: string, key: string, read: (value: never) => unknown, into: Collector): unknown {
  if (value === undefined || value === null) return undefined;
  // A list has no named fields of a context: reported, as a number or a string is.
  if (!isRecord(value)) {
    into.issue(where, ": expected an object");
    return undefined;
  }
  const found = guarded(value as never, read);
  if (found !== UNREADABLE) return found;
  into.cannotRead(where, undefined, key);
  return undefined;
}

// Each read by name at its own place, made once (not a new function per call).
const SESSION_OF = (value: Path): unknown => value.session;
const USER_SESSION_OF = (value: Session): unknown => value.UserSession;
const AMD_INFO_OF = (value: UserSession): unknown => value.amdInfo;
const AMD_OF = (value: UserSession): unknown => value.amd;
const AMD_EVENTS_OF = (value: Info): unknown => value.amdEvents;

/**
 * `context.session.UserSession`, or in an experience flow (no session there)
 * `context.UserSession`, or an issue saying where the path broke.
 */
function sessionOf(context: unknown, into: Collector): unknown {
  const session = step(context, "context", ".session", SESSION_OF, into);
  const found = step(session, "context.session", ".UserSession", USER_SESSION_OF, into);
  if ((found === undefined || found === null) && isRecord(context)) {
    const moved = step(context, "context", ".UserSession", USER_SESSION_OF, into);
    if (moved !== undefined && moved !== null) into.sessionPath = "context.UserSession";
    return moved;
  }
  return found;
}

/**
 * Reads `context` into a collector: what {@link readAmd} does, and what routeCall uses
 * without building a reading. With `keep` false the events are not kept, only what they say.
 */
export function readInto(context: unknown, keep: boolean): Collector {
  const into = new Collector(keep);
  try {
    const session = sessionOf(context, into);
    if (isRecord(session)) {
      into.info = readInfo(guarded(session as UserSession, AMD_INFO_OF), into);
      const amd = guarded(session as UserSession, AMD_OF);
      if (amd === UNREADABLE) into.cannotRead("amd");
      else readList(amd, "amd", "amd", into);
    } else if (session !== undefined && session !== null) {
      into.issue("context.session.UserSession", ": expected an object");
    }
  } catch (error) {
    // Every read above is guarded: this is for a future mistake, which then degrades to an issue, never a dropped call.
    into.issue("context", `: reading stopped (${describeError(error)})`);
  }
  into.finish();
  return into;
}

/**
 * Reads the AMD values from a Kore.ai bot context: `context.session.UserSession.amd`
 * and `context.session.UserSession.amdInfo` (in an experience flow, where there is no
 * `context.session`, `context.UserSession.amd` and `.amdInfo`, and `sessionPath` says
 * so). Never throws, whatever `context` is.
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
  const into = readInto(context, true);
  const { info } = into;
  const reading: Mutable<AmdReading> = { events: into.events, unknownEvents: into.unknownEvents, issues: into.issues };
  put(reading, "greeting", info[0] as string | undefined);
  put(reading, "reason", info[1] as string | undefined);
  put(reading, "ringDurationMs", info[2] as number | undefined);
  put(reading, "connectDurationMs", info[3] as number | undefined);
  put(reading, "sessionPath", into.sessionPath);
  return reading;
}
