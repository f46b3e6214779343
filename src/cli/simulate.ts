// The `simulate` command: the timed scenarios (or one of them) through the simulator,
// each call's timeline on one time axis, then the campaign figures: over the call mix
// (a realistic campaign), or over the one scenario asked for.
import { callMix, type TimedScenario, timedScenarios } from "../fixtures/index.js";
import {
  type AnsweredBy,
  type CampaignResult,
  type SimulatedCall,
  simulateCall,
  simulateCampaign,
} from "../simulator/index.js";
import { campaignOf } from "../simulator/simulate-campaign.js";
import { parseOptions } from "./args.js";
import { usage } from "./cli-error.js";
import { clockFor, type Time } from "./clock.js";
import type { Command } from "./command.js";
import { loadPolicy, sourceName } from "./input.js";
import { abandonmentOf, abandonmentWarning, percent } from "./simulated-abandonment.js";
import { renderTimeline, timelineOf } from "./timeline.js";
import { wrapLine } from "./wrap.js";

/** The command's help text. */
export const SIMULATE_HELP = `Usage: amd-flow simulate [--policy file] [--scenario name] [--json]

Simulates Voice Gateway's AMD over time on the bundled timed scenarios and runs the
bot's routing loop against it (the dial-out asked for AMD; the bot first runs 0.3 s
after the answer and sees each event 0.1 s after it is emitted). Prints each call's
timeline (the callee, AMD's events and the bot's steps on one time axis) and whether
its move was right, then the campaign figures over the call mix (${callMix.length} calls in the
shares of a realistic outbound campaign; the timed scenarios are edge cases): right
moves, persons abandoned (no word from the bot within 2 s of the end of their
greeting), their silence, clipped voicemails, time from beep to message.

  --policy file     a policy (JSON); the default policy when absent
  --scenario name   only this scenario, and the figures over it alone
  --json            the calls and figures as JSON`;

/** The call mix's figures are over a campaign; say so, since the timelines above are edge cases. */
const CALL_MIX = "of the call mix (a realistic outbound campaign; the timelines above are edge cases)";

const KINDS: readonly AnsweredBy[] = ["person", "machine", "fax", "nobody"];

/**
 * The campaign figures, and a warning when persons are abandoned too often; `over`
 * says which calls they are over, when not the calls shown.
 */
export function renderCampaign(campaign: CampaignResult, policyName: string, time: Time, over?: string): string {
  const persons = campaign.byAnsweredBy.person.calls;
  const { personSilenceMs: silence, voicemailAfterBeepMs: afterBeep } = campaign;
  const figure = (ms: number | null): string => (ms === null ? "n/a" : time(ms));
  const byKind = KINDS.filter((kind) => campaign.byAnsweredBy[kind].calls > 0).map(
    (kind) => `${kind} ${campaign.byAnsweredBy[kind].right} of ${campaign.byAnsweredBy[kind].calls}`,
  );
  const below = (values: readonly (number | null)[], note: string): string[] =>
    values.some((ms) => ms !== null && ms < 0) ? [`    below 0: ${note}`] : [];
  const lines = [
    `Campaign: ${campaign.calls} call${campaign.calls === 1 ? "" : "s"}${over === undefined ? "" : ` ${over}`} under ${policyName}`,
    `  right moves:        ${campaign.right} of ${campaign.calls} (${percent(campaign.rightRate)})`,
    ...(byKind.length === 0 ? [] : [`    by callee:        ${byKind.join(", ")}`]),
    `  persons abandoned:  ${campaign.personsAbandoned} of ${persons} (${percent(campaign.abandonmentRate)})`,
    `  person silence:     p50 ${figure(silence.p50)}, p95 ${figure(silence.p95)}, max ${figure(silence.max)}`,
    ...below([silence.p50, silence.p95, silence.max], "the bot spoke before the person finished"),
    `  clipped voicemails: ${campaign.clippedVoicemails}`,
    `  beep to message:    p50 ${figure(afterBeep.p50)}, p95 ${figure(afterBeep.p95)}`,
    ...below([afterBeep.p50, afterBeep.p95], "the message began before the beep"),
  ];
  // The same warning, in the same words, as check-policy's.
  const abandonment = abandonmentOf(campaign, campaign.calls === 1 ? "this call" : `these ${campaign.calls} calls`);
  const warning = abandonment.overLimit ? abandonmentWarning(abandonment) : [];
  return [...lines.flatMap((line) => wrapLine(line)), ...warning].join("\n");
}

/**
 * The whole text output: every call's timeline, then the campaign, with one clock, so
 * every time has the same decimals and every call's time column the same width. The
 * timelines set the decimals; so do the campaign's figures when they are over the calls
 * shown, while figures `over` other calls are rounded to them.
 */
export function renderSimulation(
  calls: readonly TimedScenario[],
  results: readonly SimulatedCall[],
  campaign: CampaignResult,
  policyName: string,
  over?: string,
): string {
  const timelines = calls.map((call, index) => timelineOf(call, results[index] as SimulatedCall));
  const clock = clockFor(
    (time) => {
      for (const timeline of timelines) {
        timeline.summary(time);
        for (const line of timeline.lines) line.text(time);
      }
      if (over === undefined) renderCampaign(campaign, policyName, time);
    },
    timelines.flatMap((timeline) => timeline.lines.map((line) => line.atMs)),
  );
  return [
    ...timelines.map((timeline) => renderTimeline(timeline, clock)),
    renderCampaign(campaign, policyName, clock.time, over),
  ].join("\n\n");
}

function toJson(
  calls: readonly TimedScenario[],
  results: readonly SimulatedCall[],
  campaign: CampaignResult,
  campaignOver: "callMix" | "scenario",
) {
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
    campaignOver,
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
    // One scenario's figures are its own; otherwise the figures are a campaign's.
    const one = values.scenario !== undefined;
    const campaign = one ? campaignOf(calls, results) : simulateCampaign(callMix, policy);
    if (values.json) return JSON.stringify(toJson(calls, results, campaign, one ? "scenario" : "callMix"), null, 2);
    const policyName = values.policy === undefined ? "the default policy" : `the policy ${sourceName(values.policy)}`;
    return renderSimulation(calls, results, campaign, policyName, one ? undefined : CALL_MIX);
  },
};
