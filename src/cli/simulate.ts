// The `simulate` command: the timed scenarios (or one of them) through the simulator,
// each call's timeline on one time axis, then the campaign figures.
import { type TimedScenario, timedScenarios } from "../fixtures/index.js";
import { type CampaignResult, type SimulatedCall, simulateCall } from "../simulator/index.js";
import { campaignOf } from "../simulator/simulate-campaign.js";
import { parseOptions } from "./args.js";
import { usage } from "./cli-error.js";
import type { Command } from "./command.js";
import { loadPolicy } from "./input.js";

/** The command's help text. */
export const SIMULATE_HELP = `Usage: amd-flow simulate [--policy file] [--scenario name] [--json]

Simulates Voice Gateway's AMD over time on the bundled timed scenarios and runs the
bot's routing loop against it (the dial-out asked for AMD; the bot first runs 0.3 s
after the answer and sees each event 0.1 s after it is emitted). Prints each call's
timeline (the callee, AMD's events and the bot's steps on one time axis), then the
campaign figures: right moves, persons abandoned (no word from the bot within 2 s of
the end of their greeting), their silence, clipped voicemails, time from beep to message.

  --policy file     a policy (JSON); the default policy when absent
  --scenario name   only this scenario
  --json            the calls and figures as JSON`;

/** More abandoned persons than this share of those answered breaks the FCC/FTC 3 % rule. */
const ABANDONMENT_LIMIT = 0.03;

/** Seconds for a time axis: 1500 → "1.5 s", 1550 → "1.55 s". */
export function seconds(ms: number): string {
  const text = (ms / 1000).toFixed(3).replace(/0{1,2}$/, "");
  return `${text} s`;
}

const percent = (rate: number): string => `${(rate * 100).toFixed(1)} %`;

interface Line {
  readonly atMs: number;
  readonly text: string;
}

function calleeLines(call: TimedScenario): Line[] {
  const lines: Line[] = [];
  for (const segment of call.speech ?? [])
    lines.push({
      atMs: segment.startMs,
      text: `${call.answeredBy}: "${segment.text}" (until ${seconds(segment.endMs)})`,
    });
  if (call.beep !== undefined) {
    const frequency = call.beep.frequency === undefined ? "" : ` ${call.beep.frequency} Hz`;
    const missed = call.beep.detected === false ? " (missed by the detector)" : "";
    lines.push({ atMs: call.beep.atMs, text: `${call.answeredBy}: tone${frequency}${missed}` });
  }
  if (call.sttError !== undefined) lines.push({ atMs: call.sttError.atMs, text: "speech recognizer fails" });
  if (call.hangUpAtMs !== undefined) lines.push({ atMs: call.hangUpAtMs, text: `${call.answeredBy} hangs up` });
  return lines;
}

function eventLines(result: SimulatedCall): Line[] {
  return result.events.map(({ atMs, name, data }) => {
    const details: string[] = [];
    if (data?.reason !== undefined) details.push(data.reason);
    if (data?.greeting !== undefined) details.push(`"${data.greeting}"`);
    if (data?.hint !== undefined) details.push(`hint "${data.hint}"`);
    if (data?.frequency !== undefined) details.push(`${data.frequency} Hz`);
    return { atMs, text: details.length === 0 ? name : `${name} (${details.join(", ")})` };
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
    const until = runs > 1 ? ` ×${runs}, until ${seconds((steps[last] as typeof step).atMs)}` : "";
    lines.push({ atMs: step.atMs, text: `bot: ${action} (${reason}${until})` });
    index = last + 1;
  }
  return lines;
}

function verdict(result: SimulatedCall): string {
  const { metrics } = result;
  const parts = [
    result.action === null
      ? "no move: the callee hung up first"
      : `${result.action} at ${seconds(result.actionAtMs as number)}`,
    metrics.right ? "right" : "not right",
  ];
  if (metrics.personSilenceMs !== undefined) parts.push(`person silent ${seconds(metrics.personSilenceMs)}`);
  if (metrics.voicemailClipped) parts.push("voicemail clipped");
  if (metrics.voicemailAfterBeepMs !== undefined)
    parts.push(`message ${seconds(metrics.voicemailAfterBeepMs)} after the beep`);
  return `  → ${parts.join("; ")}`;
}

/** One call's timeline: the callee, AMD's events and the bot's steps on one time axis. */
export function renderTimeline(call: TimedScenario, result: SimulatedCall): string {
  const lines = [{ atMs: 0, text: "answer" }, ...calleeLines(call), ...eventLines(result), ...stepLines(result)];
  // A stable sort: at the same moment the callee, then AMD, then the bot.
  lines.sort((a, b) => a.atMs - b.atMs);
  const width = Math.max(...lines.map((line) => seconds(line.atMs).length));
  return [
    `${call.name}: ${call.title}`,
    ...lines.map((line) => `  ${seconds(line.atMs).padStart(width)}  ${line.text}`),
    verdict(result),
  ].join("\n");
}

const figure = (ms: number | null): string => (ms === null ? "n/a" : seconds(ms));

/** The campaign figures, and a warning when persons are abandoned too often. */
export function renderCampaign(campaign: CampaignResult, policyName: string): string {
  const persons = campaign.byAnsweredBy.person.calls;
  const { personSilenceMs: silence, voicemailAfterBeepMs: afterBeep } = campaign;
  const lines = [
    `Campaign: ${campaign.calls} call${campaign.calls === 1 ? "" : "s"} under ${policyName}`,
    `  right moves:        ${campaign.right} of ${campaign.calls} (${percent(campaign.rightRate)})`,
    `  persons abandoned:  ${campaign.personsAbandoned} of ${persons} (${percent(campaign.abandonmentRate)})`,
    `  person silence:     p50 ${figure(silence.p50)}, p95 ${figure(silence.p95)}, max ${figure(silence.max)}`,
    `  clipped voicemails: ${campaign.clippedVoicemails}`,
    `  beep to message:    p50 ${figure(afterBeep.p50)}, p95 ${figure(afterBeep.p95)}`,
  ];
  if (campaign.abandonmentRate > ABANDONMENT_LIMIT)
    lines.push(
      `warning: this policy abandons ${percent(campaign.abandonmentRate)} of persons; the FCC/FTC rule allows 3 % per campaign`,
    );
  return lines.join("\n");
}

function toJson(calls: readonly TimedScenario[], results: readonly SimulatedCall[], campaign: CampaignResult) {
  return {
    calls: calls.map((call, index) => {
      const result = results[index] as SimulatedCall;
      return {
        name: call.name,
        answeredBy: call.answeredBy,
        events: result.events,
        steps: result.steps.map(({ atMs, decision }) => ({ atMs, action: decision.action, reason: decision.reason })),
        action: result.action,
        actionAtMs: result.actionAtMs,
        metrics: result.metrics,
      };
    }),
    campaign,
  };
}

/** `amd-flow simulate`: the timed scenarios (or one) through simulated AMD and the bot's routing loop. */
export const simulate: Command = {
  synopsis: "simulate",
  summary: "run the timed scenarios through simulated AMD and the bot",
  help: SIMULATE_HELP,
  run(argv, { read }) {
    const { values, positionals, help } = parseOptions(argv, { policy: "string", scenario: "string", json: "boolean" });
    if (help) return SIMULATE_HELP;
    if (positionals.length > 0) throw usage(`simulate takes no input, got "${positionals[0]}"`);
    const calls =
      values.scenario === undefined ? timedScenarios : timedScenarios.filter((call) => call.name === values.scenario);
    if (calls.length === 0) {
      const names = timedScenarios.map((call) => call.name).join(", ");
      throw usage(`--scenario: no scenario "${values.scenario}"; one of ${names}`);
    }
    const policy = loadPolicy(read, values.policy);
    const results = calls.map((call) => simulateCall(call, policy));
    const campaign = campaignOf(calls, results);
    if (values.json) return JSON.stringify(toJson(calls, results, campaign), null, 2);
    const policyName = values.policy === undefined ? "the default policy" : `the policy ${values.policy}`;
    const timelines = calls.map((call, index) => renderTimeline(call, results[index] as SimulatedCall));
    return [...timelines, renderCampaign(campaign, policyName)].join("\n\n");
  },
};
