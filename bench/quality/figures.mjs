// How a router did on the call mix: each call scored as the simulator scores it
// (CallMetrics, simulateCampaign), plus persons talked over, faxes hung up and the
// right rate per class.
import { tonesOf } from "./call-loop.mjs";

/** Under the FCC/FTC rule, the bot must speak within 2 s of the end of a person's greeting. */
export const ABANDONMENT_WINDOW_MS = 2000;

/** The decision budgets: right moves, persons abandoned, voicemails clipped, persons talked over. */
export const BUDGETS = [
  { key: "rightRate", label: "right", test: (rate) => rate >= 0.95, limit: "≥ 95 %" },
  { key: "abandonmentRate", label: "persons abandoned", test: (rate) => rate <= 0.03, limit: "≤ 3 %" },
  { key: "clippedRate", label: "voicemails clipped", test: (rate) => rate <= 0.03, limit: "≤ 3 %" },
  { key: "talkedOverRate", label: "persons talked over", test: (rate) => rate <= 0.05, limit: "≤ 5 %" },
];

const SPEAKS = new Set(["continue", "transfer", "leave-voicemail"]);

/** The callee's first utterance's end (the first segment's), and their last words' end. */
function speechEnds(call) {
  const speech = [...(call.speech ?? [])].sort((a, b) => a.startMs - b.startMs);
  if (speech.length === 0) return { first: undefined, last: undefined };
  return { first: speech[0].endMs, last: Math.max(...speech.map((segment) => segment.endMs)) };
}

/**
 * One call's score: `right`; for a person their silence, whether they were abandoned
 * or talked over; for a machine whether its message was clipped (begun before the
 * greeting's end or before its beep, the last tone on the line: a ringback is not it).
 */
export function scoreCall(call, result, router) {
  const { action, atMs, decision } = result;
  const ends = speechEnds(call);
  const score = { right: false };
  if (call.answeredBy === "person") {
    const greetingEnd = ends.first ?? 0;
    if (action === null) {
      score.abandoned = (call.hangUpAtMs ?? Number.POSITIVE_INFINITY) - greetingEnd > ABANDONMENT_WINDOW_MS;
      score.talkedOver = false;
      return score;
    }
    score.silenceMs = atMs - greetingEnd;
    score.right = action === "continue" || action === "transfer";
    score.abandoned = !score.right || score.silenceMs > ABANDONMENT_WINDOW_MS;
    score.talkedOver = SPEAKS.has(action) && ends.first !== undefined && atMs < ends.first;
    return score;
  }
  if (action === null) return score;
  if (call.answeredBy === "machine") {
    const tones = tonesOf(call);
    const beepAt = tones.length === 0 ? undefined : tones[tones.length - 1].atMs;
    score.clipped =
      action === "leave-voicemail" &&
      ((ends.last !== undefined && atMs < ends.last) || (beepAt !== undefined && atMs < beepAt));
    score.right =
      (action === "leave-voicemail" && !score.clipped) || (action === "hang-up" && router.hangUpIsRight(decision));
  } else if (call.answeredBy === "fax") score.right = action === "hang-up";
  else score.right = action === "continue";
  return score;
}

const rate = (part, whole) => (whole === 0 ? 0 : part / whole);
const percentile = (sorted, p) => (sorted.length === 0 ? null : sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]);

/** The figures of one router over every call: rates, silences and the right rate per class. */
export function figuresOf(calls, scores, results) {
  const count = (answeredBy, test) =>
    calls.reduce(
      (sum, call, index) => sum + (call.answeredBy === answeredBy && test(scores[index], results[index]) ? 1 : 0),
      0,
    );
  const callsOf = (answeredBy) => count(answeredBy, () => true);
  const silences = scores
    .filter((score) => score.silenceMs !== undefined)
    .map((score) => score.silenceMs)
    .sort((a, b) => a - b);
  const byGroup = {};
  calls.forEach((call, index) => {
    byGroup[call.group] ??= { calls: 0, right: 0, rightRate: 0 };
    const group = byGroup[call.group];
    group.calls++;
    if (scores[index].right) group.right++;
    group.rightRate = group.right / group.calls;
  });
  const right = scores.filter((score) => score.right).length;
  const figures = {
    calls: calls.length,
    right,
    rightRate: rate(right, calls.length),
    abandonmentRate: rate(
      count("person", (score) => score.abandoned),
      callsOf("person"),
    ),
    talkedOverRate: rate(
      count("person", (score) => score.talkedOver),
      callsOf("person"),
    ),
    clippedRate: rate(
      count("machine", (score) => score.clipped === true),
      callsOf("machine"),
    ),
    faxesHungUpRate: rate(
      count("fax", (_, result) => result.action === "hang-up"),
      callsOf("fax"),
    ),
    personSilenceMs: { p50: percentile(silences, 0.5), p95: percentile(silences, 0.95) },
    byGroup,
  };
  figures.budgets = Object.fromEntries(BUDGETS.map(({ key, test }) => [key, test(figures[key]) ? "PASS" : "FAIL"]));
  return figures;
}
