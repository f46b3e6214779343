// One simulated call as `simulate` prints it: the callee, AMD's events and the bot's steps
// on one time axis, then one line saying whether the bot's move was right.
import type { TimedScenario } from "../fixtures/index.js";
import type { SimulatedCall } from "../simulator/index.js";
import { personAbandoned } from "../simulator/simulate-campaign.js";
import type { Clock, Time } from "./clock.js";
import { wrapBeside } from "./wrap.js";

/** Something that happened at `atMs`, written with the output's times. */
interface Line {
  readonly atMs: number;
  readonly text: (time: Time) => string;
}

/** One call, ready to print once the output's clock is known. */
export interface Timeline {
  /** `name: title`. */
  readonly title: string;
  /** In time order: at the same moment the callee, then AMD, then the bot. */
  readonly lines: readonly Line[];
  /** The call's outcome in one line. */
  readonly summary: (time: Time) => string;
}

function calleeLines(call: TimedScenario): Line[] {
  const who = call.answeredBy;
  const lines: Line[] = [];
  for (const { startMs, endMs, text } of call.speech ?? [])
    lines.push({ atMs: startMs, text: (time) => `${who}: "${text}" (until ${time(endMs)})` });
  const { beep, tones, sttError, hangUpAtMs } = call;
  for (const tone of [...(tones ?? []), ...(beep === undefined ? [] : [beep])]) {
    const frequency = tone.frequency === undefined ? "" : ` ${tone.frequency} Hz`;
    const missed = tone.detected === false ? " (missed by the detector)" : "";
    lines.push({ atMs: tone.atMs, text: () => `${who}: tone${frequency}${missed}` });
  }
  if (sttError !== undefined) lines.push({ atMs: sttError.atMs, text: () => "speech recognizer fails" });
  if (hangUpAtMs !== undefined) lines.push({ atMs: hangUpAtMs, text: () => `${who} hangs up` });
  return lines;
}

function eventLines(result: SimulatedCall): Line[] {
  return result.events.map(({ atMs, name, data }) => {
    const details: string[] = [];
    if (data?.reason !== undefined) details.push(data.reason);
    if (data?.greeting !== undefined) details.push(`"${data.greeting}"`);
    if (data?.hint !== undefined) details.push(`hint "${data.hint}"`);
    if (data?.frequency !== undefined) details.push(`${data.frequency} Hz`);
    const text = details.length === 0 ? name : `${name} (${details.join(", ")})`;
    return { atMs, text: () => text };
  });
}

/** The bot's steps; a run of waits for the same reason is one line. */
function stepLines(result: SimulatedCall): Line[] {
  const lines: Line[] = [];
  const { steps } = result;
  for (let index = 0; index < steps.length; ) {
    const step = steps[index] as SimulatedCall["steps"][number];
    const { action, reason } = step.decision;
    let last = index;
    while (
      action === "wait" &&
      steps[last + 1]?.decision.action === "wait" &&
      steps[last + 1]?.decision.reason === reason
    )
      last++;
    const runs = last - index + 1;
    const untilMs = (steps[last] as typeof step).atMs;
    const text: Line["text"] =
      runs > 1
        ? (time) => `bot: ${action} (${reason} ×${runs}, until ${time(untilMs)})`
        : () => `bot: ${action} (${reason})`;
    lines.push({ atMs: step.atMs, text });
    index = last + 1;
  }
  return lines;
}

/** Who answered, as the summary line names them. */
const CALLEE: Readonly<Record<TimedScenario["answeredBy"], string>> = {
  person: "a person",
  machine: "a machine",
  fax: "a fax",
  nobody: "dead air",
};

/** `→ right for a person: continue at 1.80 s; silence 0.80 s`, and the like. */
function summaryOf(call: TimedScenario, result: SimulatedCall, time: Time): string {
  const { metrics, action, actionAtMs } = result;
  const hungUp = call.hangUpAtMs === undefined ? "" : ` before it hung up at ${time(call.hangUpAtMs)}`;
  const move = action === null ? `no move${hungUp}` : `${action} at ${time(actionAtMs as number)}`;
  const notes: string[] = [];
  const silence = metrics.personSilenceMs;
  if (silence !== undefined)
    notes.push(silence < 0 ? `spoke ${time(-silence)} before they finished` : `silence ${time(silence)}`);
  if (call.answeredBy === "person" && personAbandoned(call, result)) notes.push("abandoned");
  const afterBeep = metrics.voicemailAfterBeepMs;
  // A message before the beep is clipped: the time says so.
  if (metrics.voicemailClipped && !(afterBeep !== undefined && afterBeep < 0)) notes.push("voicemail clipped");
  if (afterBeep !== undefined)
    notes.push(afterBeep < 0 ? `${time(-afterBeep)} before the beep` : `${time(afterBeep)} after the beep`);
  const verdict = `→ ${metrics.right ? "right" : "wrong"} for ${CALLEE[call.answeredBy]}: ${move}`;
  return [verdict, ...notes].join("; ");
}

/** One call's timeline, to print with {@link renderTimeline}. */
export function timelineOf(call: TimedScenario, result: SimulatedCall): Timeline {
  const lines = [{ atMs: 0, text: () => "answer" }, ...calleeLines(call), ...eventLines(result), ...stepLines(result)];
  // A stable sort: at the same moment the callee, then AMD, then the bot.
  lines.sort((a, b) => a.atMs - b.atMs);
  return { title: `${call.name}: ${call.title}`, lines, summary: (time) => summaryOf(call, result, time) };
}

const INDENT = "  ";
const GAP = "  ";

/**
 * A timeline for an 80-column terminal: the times in a column (as wide as `clock` says,
 * so every call's column lines up), each line's text beside its time, wrapped with its
 * continuation two columns further in; the title and the summary wrapped likewise.
 */
export function renderTimeline(timeline: Timeline, clock: Clock): string {
  return [
    ...wrapBeside("", timeline.title),
    ...timeline.lines.flatMap((line) => wrapBeside(`${INDENT}${clock.axis(line.atMs)}${GAP}`, line.text(clock.time))),
    ...wrapBeside(INDENT, timeline.summary(clock.time)),
  ].join("\n");
}
