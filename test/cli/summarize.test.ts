// amd-flow summarize in-process: every call of a file summarised, log lines read, text
// from notifications escaped, and the bounds of the streaming summary (with small limits).
import { afterEach, describe, expect, it, vi } from "vitest";
import { CALL_STREAM_LIMITS, type CallStreamLimits } from "../../src/cli/call-stream.js";
import { run } from "../../src/cli/run.js";
import { MAX_VALUE_CHARS, type SummarizeRun, summarizeStream } from "../../src/cli/summarize.js";
import { WIDTH_ROWS } from "../../src/cli/summary-text.js";
import { summarizeCall, summarizeCalls } from "../../src/dialer/index.js";
import { cli, tempFolder, withStdin } from "../support/cli.js";
import { bodiesOf, HUMAN_CALL, VOICEMAIL_CALL } from "../support/notifications.js";

const { dir, file } = tempFolder("amd-flow-summarize-");
const jsonLines = (bodies: readonly unknown[]) => bodies.map((body) => JSON.stringify(body)).join("\n");
const note = (conversationId: string, status: string, extra: Record<string, unknown> = {}) => ({
  conversationId,
  status,
  ...extra,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("summarize: every call of a file", () => {
  it("summarises each call, grouped by conversationId, then the campaign in one line", () => {
    const bodies = [...bodiesOf(VOICEMAIL_CALL), ...bodiesOf(HUMAN_CALL), note("busy", "Failed", { reason: "486" })];
    const result = withStdin(jsonLines(bodies), "summarize");
    expect(result.code).toBe(0);
    const blocks = result.out.split("\n\n");
    expect(blocks.map((block) => block.split("\n")[0])).toEqual([
      `call:          ${VOICEMAIL_CALL}`,
      `call:          ${HUMAN_CALL}`,
      "call:          busy",
      "campaign:      3 calls; completed 2, failed 1; AMD machine.greeting-ended 1, human 1, not-run 1; cut off 0 of 1 live answers (0 %)",
    ]);
    expect(blocks[0]).toContain("notifications: 5");
    expect(result.out).not.toContain("left out");
    expect(result.err).toBe("");
  });

  it("gives each call the summary summarizeCall gives it, and the campaign summarizeCalls gives", () => {
    const bodies = [...bodiesOf(HUMAN_CALL), ...bodiesOf(VOICEMAIL_CALL)];
    const { calls, campaign, leftOut } = JSON.parse(
      withStdin(jsonLines(bodies), "summarize", "--campaign", "--json", "--machine-detection", "disconnect").out,
    );
    const expected = [HUMAN_CALL, VOICEMAIL_CALL].map((id) =>
      summarizeCall(bodiesOf(id), { machineDetection: "disconnect" }),
    );
    expect(calls).toEqual(expected);
    expect(campaign).toEqual(summarizeCalls(expected));
    expect(leftOut).toEqual({
      tooLong: { count: 0, lines: [] },
      late: { count: 0, lines: [] },
      pastCallLimit: { count: 0, lines: [] },
      printedBeforeFinal: 0,
    });
  });

  it("prints the campaign's JSON as JSON.stringify indents it, and each call's JSON one after another", () => {
    const bodies = [note("a", "completed"), note("b", "Answered")];
    const campaign = withStdin(jsonLines(bodies), "summarize", "--campaign", "--json").out;
    expect(campaign).toBe(JSON.stringify(JSON.parse(campaign), null, 2));
    const each = withStdin(jsonLines(bodies), "summarize", "--json").out;
    expect(each).toBe(
      [summarizeCall([bodies[0]]), summarizeCall([bodies[1]])].map((call) => JSON.stringify(call, null, 2)).join("\n"),
    );
  });

  it("reads the JSON object out of log lines", () => {
    const text = [
      `2026-12-06T10:00:00Z INFO notify ${JSON.stringify(note("c1", "Answered"))}`,
      `[2026-12-06 10:00:01] INFO notify ${JSON.stringify(note("c1", "completed", { reasonCode: "OK" }))} (2 ms)`,
    ].join("\n");
    expect(withStdin(text, "summarize").out).toBe(
      [
        "call:          c1",
        "status:        completed",
        "reason:        OK",
        "amd:           not-run",
        "machine flag:  no",
        "notifications: 2",
      ].join("\n"),
    );
  });

  it("names the line of a log line that holds no notification", () => {
    const text = `${JSON.stringify(note("c1", "Answered"))}\n2026-12-06T10:00:00Z INFO server started`;
    const path = file("log.txt", text);
    expect(cli("summarize", path)).toMatchObject({
      code: 1,
      err: expect.stringMatching(new RegExp(`^amd-flow summarize: notifications ${path}, line 2: not valid JSON \\(`)),
    });
  });
});

/** Control characters (but the line feed), C1 controls, line separators and bidirectional controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding them is the point.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe("summarize: text from notifications never reaches the terminal raw", () => {
  const ESC = "\u001b";
  const hostile: Record<string, unknown> = note(`c${ESC}[2J${ESC}]0;pwned\u0007`, "Failed", {
    reasonCode: `Busy\u009b31m\u202eHere`,
    reason: "486\nBusy\u2028Here",
  });

  it("shows control characters, C1 controls, line separators and bidirectional controls escaped", () => {
    for (const args of [["summarize"], ["summarize", "--campaign"]]) {
      const { out } = withStdin(JSON.stringify(hostile), ...args);
      expect(out).not.toMatch(RAW);
      expect(out).toContain("c\\u001b[2J\\u001b]0;pwned\\u0007");
    }
    expect(withStdin(JSON.stringify(hostile), "summarize").out).toContain(
      "reason:        Busy\\u009b31m\\u202eHere / 486\\u000aBusy\\u2028Here",
    );
  });

  it("escapes them in JSON too, which still reads back the same", () => {
    for (const args of [["--json"], ["--campaign", "--json"]]) {
      const { out } = withStdin(JSON.stringify(hostile), "summarize", ...args);
      expect(out).not.toMatch(RAW);
      const read = JSON.parse(out);
      expect((read.calls?.[0] ?? read).reasonCode).toBe(hostile["reasonCode"]);
    }
  });

  it("keeps an error one line when the bad JSON holds control characters", () => {
    const { code, err } = withStdin(`{"conversationId":"${ESC}[31m\n`, "summarize");
    expect(code).toBe(1);
    expect(err.split("\n")).toHaveLength(1);
    expect(err).not.toContain(ESC);
  });
});

/** A streamed summary with small limits; what it printed, warned and returned. */
function stream(text: string | readonly string[], limits: Partial<CallStreamLimits & { maxValueChars: number }>) {
  const out: string[] = [];
  const err: string[] = [];
  const options: SummarizeRun = {
    source: "-",
    machineDetection: undefined,
    campaign: true,
    json: true,
    context: { out: (line) => out.push(line), err: (line) => err.push(line), progress: undefined },
    limits: { ...CALL_STREAM_LIMITS, maxValueChars: MAX_VALUE_CHARS, ...limits },
  };
  const last = summarizeStream(typeof text === "string" ? [text] : text, options);
  const json = JSON.parse([...out, last].join("\n"));
  return { ...json, err } as {
    calls: Array<{ conversationId: string; status: string; notifications: number; issues: string[] }>;
    campaign: { calls: number };
    leftOut: Record<string, unknown>;
    err: string[];
  };
}

const ids = (result: { calls: Array<{ conversationId: string }> }) => result.calls.map((call) => call.conversationId);

describe("summarize: memory bounded by the calls open, and what was cut reported", () => {
  it("prints a call once its final status came and graceNotifications more were read; a late one still counts", () => {
    const text = jsonLines([
      note("a", "Answered"),
      note("a", "completed"),
      note("a", "Call-In-Progress", { machineDetection: "amd_stopped" }), // late, within the grace
      note("b", "Answered"),
      note("c", "Answered"),
      note("a", "Call-In-Progress", { machineDetection: "amd_human_detected" }), // after a was printed
      note("b", "completed"),
    ]);
    const result = stream(text, { graceNotifications: 3 });
    expect(ids(result)).toEqual(["a", "b", "c"]);
    expect(result.calls[0]?.notifications).toBe(3);
    expect(result.leftOut["late"]).toEqual({ count: 1, lines: [6] });
    expect(result.err).toEqual(["amd-flow summarize: left out 1 notification of calls already printed (line 6)"]);
  });

  it("prints the least recently active call as it is when more than maxOpenCalls are open, and says so", () => {
    const text = jsonLines([
      note("a", "Answered"),
      note("b", "Answered"),
      note("a", "Call-In-Progress"),
      note("c", "Answered"),
    ]);
    const result = stream(text, { maxOpenCalls: 2 });
    expect(ids(result)).toEqual(["b", "a", "c"]);
    expect(result.calls[0]?.issues).toEqual([
      "printed before its final status: more than 2 calls were open, or they kept more than 64000000 characters",
    ]);
    expect(result.leftOut["printedBeforeFinal"]).toBe(1);
    expect(result.err).toEqual([
      "amd-flow summarize: left out 1 call printed before its final status (over 2 calls open at once)",
    ]);
  });

  it("keeps at most maxKeptChars for all calls, printing the least recently active first, never the one written to", () => {
    const pad = (id: string) => note(id, "Answered", { reason: "x".repeat(300) });
    const result = stream(jsonLines([pad("a"), pad("b"), pad("c")]), { maxKeptChars: 1500 });
    expect(ids(result)).toEqual(["a", "b", "c"]);
    expect(result.leftOut["printedBeforeFinal"]).toBe(2);
    // One call alone over the bound is kept (it cannot be made smaller), and printed at the end.
    const alone = stream(jsonLines([pad("a")]), { maxKeptChars: 10 });
    expect(ids(alone)).toEqual(["a"]);
  });

  it("keeps at most maxNotificationsPerCall of one call, but always its first final status", () => {
    const text = jsonLines([
      note("a", "Answered", { ringDurationInMS: 1 }),
      note("a", "Answered", { ringDurationInMS: 2 }),
      note("a", "Answered", { ringDurationInMS: 3 }),
      note("a", "completed", { reasonCode: "OK" }),
      note("a", "completed", { reasonCode: "bot-disconnected" }),
    ]);
    const result = stream(text, { maxNotificationsPerCall: 2 });
    expect(result.calls[0]).toMatchObject({ status: "completed", reasonCode: "OK", notifications: 3 });
    expect(result.calls[0]?.issues).toEqual([
      "2 notification(s) left out: one call keeps at most 2 notifications and 4000000 characters",
    ]);
    expect(result.leftOut["pastCallLimit"]).toEqual({ count: 2, lines: [3, 5] });
  });

  it("counts a repeated delivery once, even past a call's limit", () => {
    const answered = note("a", "Answered");
    const result = stream(jsonLines([answered, answered, answered, note("a", "completed")]), {
      maxNotificationsPerCall: 1,
    });
    expect(result.calls[0]).toMatchObject({ status: "completed", notifications: 2, issues: [] });
  });

  it("prints an open call that has gone quiet for maxIdleNotifications", () => {
    const text = jsonLines([
      note("quiet", "Answered"),
      note("b", "Answered"),
      note("c", "Answered"),
      note("b", "completed"),
    ]);
    const result = stream(text, { maxIdleNotifications: 2 });
    expect(ids(result)).toEqual(["quiet", "b", "c"]);
    expect(result.calls[0]?.issues).toEqual([]);
    expect(result.leftOut["printedBeforeFinal"]).toBe(0);
  });

  it("leaves out a notification over maxValueChars, naming its line, and reads on", () => {
    const long = note("a", "Answered", { pad: "x".repeat(200) });
    const result = stream(jsonLines([note("a", "Answered"), long, note("a", "completed")]), { maxValueChars: 100 });
    expect(result.calls[0]?.notifications).toBe(2);
    expect(result.err).toEqual(["amd-flow summarize: left out 1 notification over 100 characters (line 2)"]);
    expect(() => stream(JSON.stringify(long), { maxValueChars: 100 })).toThrow(
      "notifications standard input (-): left out 1 notification over 100 characters (line 1)",
    );
  });

  it("says what was left out under its own label in the --campaign text", () => {
    const long = JSON.stringify(note("a", "Answered", { pad: "x".repeat(MAX_VALUE_CHARS) }));
    const result = withStdin(`${JSON.stringify(note("a", "completed"))}\n${long}`, "summarize", "--campaign");
    expect(result.out.split("\n").at(-1)).toBe("left out:       1 notification over 1000000 characters (line 2)");
    expect(result.err).toBe("amd-flow summarize: left out 1 notification over 1000000 characters (line 2)");
  });

  it("names the first five lines of each kind left out, then counts", () => {
    const long = JSON.stringify(note("a", "Answered", { pad: "x".repeat(200) }));
    const text = [JSON.stringify(note("a", "Answered")), ...Array.from({ length: 7 }, () => long)].join("\n");
    expect(stream(text, { maxValueChars: 100 }).err).toEqual([
      "amd-flow summarize: left out 7 notifications over 100 characters (lines 2, 3, 4, 5, 6, …)",
    ]);
  });

  it("holds no more than the bounds while reading many calls, and prints them all", () => {
    const bodies = Array.from({ length: 3000 }, (_, index) => [
      note(`c${index}`, "Answered"),
      note(`c${index}`, "completed"),
    ]).flat();
    const result = stream(jsonLines(bodies), { graceNotifications: 10, maxOpenCalls: 5 });
    expect(result.campaign.calls).toBe(3000);
    expect(new Set(ids(result)).size).toBe(3000);
    expect(result.leftOut["printedBeforeFinal"]).toBe(0);
  });
});

describe("summarize: reading", () => {
  it("reads standard input a piece at a time when it can, a character split between pieces whole", () => {
    const text = jsonLines([note("é", "Answered"), note("é", "completed")]);
    const pieces = Array.from(text, (char) => char);
    const out: string[] = [];
    const code = run(["summarize"], {
      out: (line) => out.push(line),
      err: () => {},
      stdin: () => {
        throw new Error("read whole");
      },
      stdinChunks: () => pieces,
    });
    expect(code).toBe(0);
    expect(out.join("\n")).toContain("call:          é\nstatus:        completed");
  });

  it("names a file that cannot be read", () => {
    expect(cli("summarize", `${dir}/missing.jsonl`)).toMatchObject({
      code: 1,
      err: `amd-flow summarize: notifications ${dir}/missing.jsonl: no such file`,
    });
    expect(cli("summarize", dir)).toMatchObject({
      code: 1,
      err: `amd-flow summarize: notifications ${dir}: is a folder`,
    });
  });

  it("shows progress on a terminal for a long input, then clears it", () => {
    let now = 0;
    vi.spyOn(Date, "now").mockImplementation(() => (now += 2000));
    const progress: string[] = [];
    const bodies = Array.from({ length: 70_000 }, (_, index) => note(`c${index % 50}`, "Answered"));
    const code = run(["summarize", "--json"], {
      out: () => {},
      err: () => {},
      stdin: () => jsonLines(bodies),
      progress: (text) => progress.push(text),
    });
    expect(code).toBe(0);
    expect(progress).toEqual(["amd-flow summarize: 65536 notifications read, 50 calls open", ""]);
  });

  it("prints no progress without a terminal", () => {
    const bodies = Array.from({ length: 70_000 }, () => note("c", "Answered"));
    expect(withStdin(jsonLines(bodies), "summarize").err).toBe("");
  });
});

describe("summarize --campaign: a table of any length", () => {
  it("sets the columns from the first rows and prints the rest as they come", () => {
    const bodies = Array.from({ length: WIDTH_ROWS + 2 }, (_, index) =>
      note(index === WIDTH_ROWS + 1 ? "a-much-longer-call-id" : `c${index}`, "Failed"),
    );
    const lines = withStdin(jsonLines(bodies), "summarize", "--campaign").out.split("\n");
    expect(lines[0]).toBe("call  status  amd      ended by");
    expect(lines[1]).toBe("c0    failed  not-run");
    expect(lines[WIDTH_ROWS + 1]).toBe("c1000  failed  not-run");
    expect(lines[WIDTH_ROWS + 2]).toBe("a-much-longer-call-id  failed  not-run");
  });
});
