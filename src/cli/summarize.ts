import type { CallAccumulator } from "../dialer/call-accumulator.js";
import { CampaignTally } from "../dialer/campaign-tally.js";
import {
  type CallSummary,
  type CampaignFigures,
  parseCallNotification,
  type SummarizeOptions,
} from "../dialer/index.js";
import { countedCall } from "../dialer/usable-summaries.js";
import { clip } from "../internal/safe.js";
import { onePositional, parseOptions } from "./args.js";
import { CALL_STREAM_LIMITS, CallStream, type CallStreamLimits, type LeftOut, noteLeftOut } from "./call-stream.js";
import { invalid, usage } from "./cli-error.js";
import type { Command, CommandContext } from "./command.js";
import { STDIN, sourceName } from "./input.js";
import { JsonStream } from "./json-stream.js";
import { JsonValuesError } from "./json-values-error.js";
import { CallTable, campaignLine, describeFigures, describeLeftOut, describeSummary } from "./summary-text.js";

type Mode = NonNullable<SummarizeOptions["machineDetection"]>;
const MODES = ["disconnect", "detect", "disabled"] as const satisfies readonly Mode[];

/** The longest notification read, in characters (real ones are under 1 KB; the example receiver takes 1 MB). */
export const MAX_VALUE_CHARS = 1_000_000;

/** How often (in notifications) the time is looked at for progress, and how often progress is shown (ms). */
const PROGRESS_EVERY = 1 << 16;
const PROGRESS_MS = 1000;

// What a terminal could read as a control: C1 controls, DEL, line separators and bidirectional
// controls. JSON.stringify escapes only C0; inside a JSON string these may be written \uXXXX as well.
const JSON_UNSAFE = /[\u007f-\u009f\u2028-\u202e\u2066-\u2069]/g;
const safeJson = (value: unknown, indent = ""): string =>
  JSON.stringify(value, null, 2)
    .replace(JSON_UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`)
    .replace(/\n/g, `\n${indent}`);

/** How the summaries are printed, call by call, then the campaign. */
interface Printer {
  readonly call: (summary: CallSummary) => void;
  readonly end: (figures: CampaignFigures, leftOut: LeftOut, leftOutText: string | undefined) => void;
}

/** What a streamed summary needs besides its input. */
export interface SummarizeRun {
  readonly source: string;
  readonly machineDetection: Mode | undefined;
  readonly campaign: boolean;
  readonly json: boolean;
  readonly context: Pick<CommandContext, "out" | "err" | "progress">;
  readonly limits?: CallStreamLimits & { readonly maxValueChars: number };
}

/**
 * Prints what `summarize` prints, as it goes: text blocks through `emit`, the last one
 * held back so the command can return it.
 */
function printerFor(run: SummarizeRun, emit: (text: string) => void): Printer {
  if (run.json && run.campaign) {
    let held: string | undefined;
    return {
      call: (summary) => {
        emit(held === undefined ? '{\n  "calls": [' : `${held},`);
        held = `    ${safeJson(summary, "    ")}`;
      },
      end: (figures, leftOut) => {
        if (held !== undefined) emit(held);
        // The top level's fields after "calls", as JSON.stringify indents them: its text without `{` and `}`.
        emit(`  ],\n${safeJson({ campaign: figures, leftOut }).slice(2, -2)}\n}`);
      },
    };
  }
  if (run.json) return { call: (summary) => emit(safeJson(summary)), end: () => {} };
  if (run.campaign) {
    const table = new CallTable(emit);
    return {
      call: (summary) => table.add(summary),
      end: (figures, _leftOut, text) => {
        table.flush();
        emit(`\n${describeFigures(figures)}${text === undefined ? "" : `\n${"left out:".padEnd(16)}${text}`}`);
      },
    };
  }
  let calls = 0;
  return {
    call: (summary) => emit(`${calls++ === 0 ? "" : "\n"}${describeSummary(summary)}`),
    end: (figures) => {
      if (calls > 1) emit(`\n${campaignLine(figures)}`);
    },
  };
}

/**
 * Summarises the notifications in `chunks` in one pass, printing each call as it ends
 * (see {@link CallStream}) and returning the last piece of output. Memory is bounded by
 * the calls still open, never by the input's length.
 */
export function summarizeStream(chunks: Iterable<string>, run: SummarizeRun): string {
  const limits = run.limits ?? { ...CALL_STREAM_LIMITS, maxValueChars: MAX_VALUE_CHARS };
  const source = clip(sourceName(run.source), 200);
  let held: string | undefined;
  const emit = (text: string): void => {
    if (held !== undefined) run.context.out(held);
    held = text;
  };
  const printer = printerFor(run, emit);
  const tally = new CampaignTally();
  const mode = run.machineDetection;
  const calls = new CallStream(limits, (call: CallAccumulator, issues: string[]) => {
    const summary = call.summary(mode, issues);
    const counted = countedCall(summary);
    if (counted !== undefined) tally.add(counted);
    printer.call(summary);
  });

  const { progress } = run.context;
  let shownAt = Date.now();
  let shown = false;
  const values = new JsonStream(limits.maxValueChars, {
    value: (value, line) => {
      const parsed = parseCallNotification(value);
      if (!parsed.ok) {
        const where = `notification ${values.count} (line ${line})`;
        throw invalid(`notifications ${source}, ${where}: ${clip(parsed.issues.join("; "), 1000)}`);
      }
      calls.add(parsed.value, line);
      if (progress !== undefined && values.count % PROGRESS_EVERY === 0 && Date.now() - shownAt >= PROGRESS_MS) {
        shownAt = Date.now();
        shown = true;
        progress(`amd-flow summarize: ${values.count} notifications read, ${calls.held} calls open`);
      }
    },
    cut: (line) => noteLeftOut(calls.leftOut.tooLong, line),
  });
  try {
    for (const chunk of chunks) values.push(chunk);
    values.end();
  } catch (error) {
    if (!(error instanceof JsonValuesError)) throw error;
    throw invalid(`notifications ${source}, line ${error.line}: ${clip(error.message, 300)}`);
  } finally {
    if (shown && progress !== undefined) progress("");
  }
  calls.finish();
  const leftOut = describeLeftOut(calls.leftOut, limits);
  if (values.count === 0) throw invalid(`notifications ${source}: empty`);
  if (tally.figures([]).calls === 0) throw invalid(`notifications ${source}: left out ${leftOut}`);
  if (leftOut !== undefined) run.context.err(`amd-flow summarize: left out ${leftOut}`);
  printer.end(tally.figures([]), calls.leftOut, leftOut);
  return held ?? "";
}

/** `amd-flow summarize`: every call's final state, and (`--campaign`) the campaign's figures. */
export const summarize: Command = {
  synopsis: `summarize [file|${STDIN}]`,
  summary: "summarise notify webhooks: each call, and the campaign with --campaign",
  help: `Usage: amd-flow summarize [file|${STDIN}] [--campaign] [--machine-detection mode] [--json]

Reads notify-webhook bodies from a file, or from standard input given ${STDIN} or no file:
JSON Lines, one JSON array, or JSON objects one after another, also as pasted from logs
(text before the JSON object on a line, such as a time and a level, is skipped).
Prints each call's final state (calls grouped by conversationId), as each call ends,
and a line for the campaign; with --campaign, one line per call and the campaign's
figures. Reads as it goes: any length of input, in memory bounded by the calls open.

  --campaign                 one line per call, then the campaign's figures
  --machine-detection mode   the dial-out's machineDetection: ${MODES.join(", ")}
  --json                     each call's summary as JSON (with --campaign: { calls, campaign, leftOut })`,
  run(argv, context) {
    const { values, positionals, help } = parseOptions(argv, {
      campaign: "boolean",
      "machine-detection": "string",
      json: "boolean",
    });
    if (help) return summarize.help;
    const mode = values["machine-detection"];
    if (mode !== undefined && (MODES as readonly string[]).indexOf(mode) === -1) {
      throw usage(`--machine-detection: expected one of ${MODES.join(", ")}, got "${clip(mode)}"`);
    }
    const source = onePositional(positionals, "summarize") ?? STDIN;
    return summarizeStream(context.chunks(source, "notifications"), {
      source,
      machineDetection: mode as Mode | undefined,
      campaign: values.campaign === true,
      json: values.json === true,
      context,
    });
  },
};
