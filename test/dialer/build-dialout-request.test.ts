import { describe, expect, it } from "vitest";
import { buildDialoutRequest, DialoutRequestError } from "../../src/dialer/index.js";
import { documentedDialoutBody } from "../../src/fixtures/index.js";
import { InputError } from "../../src/input-error.js";

const HOST = "https://platform.kore.ai";
const JWT = "eyJhbGciOiJIUzI1NiJ9.secret-payload.signature";
const minimal = { host: HOST, jwt: JWT, botId: "st-1", target: "tel:+15551234567", caller: "+15557654321" };

const problemsOf = (input: unknown): readonly string[] => {
  try {
    buildDialoutRequest(input as never);
  } catch (error) {
    expect(error).toBeInstanceOf(DialoutRequestError);
    expect((error as Error).message).not.toContain(JWT);
    return (error as DialoutRequestError).problems;
  }
  throw new Error("accepted");
};

describe("buildDialoutRequest", () => {
  it("builds the documented sample request: the body is the sample, as data and as JSON text", () => {
    const request = buildDialoutRequest({ ...documentedDialoutBody, host: HOST, jwt: JWT });
    expect(request.url).toBe(`${HOST}/api/1.1/public/bot/st-e38782ff-0d89-52e9-5678769a49fdexxxx/smartassist/dialout`);
    expect(request.method).toBe("POST");
    expect(request.headers).toStrictEqual({ "content-type": "application/json", auth: JWT });
    expect(request.body).toStrictEqual(documentedDialoutBody);
    expect(JSON.stringify(request.body)).toBe(JSON.stringify(documentedDialoutBody));
  });

  it("gives the same body from the parameter table's spellings and from the prose's", () => {
    const { bot, notifyurl, machineDetection, ...rest } = documentedDialoutBody;
    const table = { ...rest, botId: bot, notifyurl, machinedetection: machineDetection, host: HOST, jwt: JWT };
    const prose = { ...rest, botId: bot, notifyUrl: notifyurl, machineDetection, host: HOST, jwt: JWT };
    expect(buildDialoutRequest(table).body).toStrictEqual(documentedDialoutBody);
    expect(buildDialoutRequest(prose).body).toStrictEqual(documentedDialoutBody);
    expect(JSON.stringify(buildDialoutRequest(table).body)).toBe(JSON.stringify(documentedDialoutBody));
  });

  it("adds nothing the caller did not give: no timers, no defaults", () => {
    expect(buildDialoutRequest(minimal).body).toStrictEqual({
      bot: "st-1",
      target: "tel:+15551234567",
      caller: "+15557654321",
    });
    expect(buildDialoutRequest({ ...minimal, machineDetection: "disabled" }).body).toStrictEqual({
      bot: "st-1",
      target: "tel:+15551234567",
      caller: "+15557654321",
      machineDetection: "disabled",
    });
    expect(buildDialoutRequest({ ...minimal, timers: { toneTimeoutMs: 30_000 } }).body.timers).toStrictEqual({
      toneTimeoutMs: 30_000,
    });
  });

  it("accepts every documented spelling and emits one", () => {
    const request = buildDialoutRequest({
      host: `${HOST}/`,
      jwt: JWT,
      bot: "st-2",
      target: "sip:alice@pbx.example.com:5060",
      caller: "1000",
      notifyurl: "http://127.0.0.1:8080/notify",
      machinedetection: "disconnect",
      amdEventsSubscription: [" AMD_Machine_Detected ", "amd_stopped"],
    });
    expect(request.url).toBe(`${HOST}/api/1.1/public/bot/st-2/smartassist/dialout`);
    expect(request.body).toStrictEqual({
      bot: "st-2",
      target: "sip:alice@pbx.example.com:5060",
      caller: "1000",
      notifyurl: "http://127.0.0.1:8080/notify",
      machineDetection: "disconnect",
      amdEventsSubscription: ["amd_machine_detected", "amd_stopped"],
    });
    expect(buildDialoutRequest({ ...minimal, amdEventsSubscription: [] }).body.amdEventsSubscription).toEqual([]);
  });

  it("accepts the same value under both spellings, and rejects different ones", () => {
    expect(buildDialoutRequest({ ...minimal, bot: "st-1" }).body.bot).toBe("st-1");
    expect(problemsOf({ ...minimal, bot: "st-9" })).toEqual(["bot, botId: both given and they differ"]);
    expect(problemsOf({ ...minimal, notifyUrl: "https://a.example/n", notifyurl: "https://b.example/n" })).toEqual([
      "notifyurl, notifyUrl: both given and they differ",
    ]);
    expect(problemsOf({ ...minimal, machineDetection: "detect", machinedetection: "disabled" })).toEqual([
      "machineDetection, machinedetection: both given and they differ",
    ]);
    expect(
      buildDialoutRequest({ ...minimal, notifyUrl: "https://a.example/n", notifyurl: "https://a.example/n" }).body
        .notifyurl,
    ).toBe("https://a.example/n");
  });

  it.each([
    ["tel:+15551234567", true],
    ["tel:911234567890", true],
    ["sip:1234567890@1.23.345.678:1234", true],
    ["sip:alice@example.com", true],
    ["tel:123", true],
    ["tel:+12345678901234567890", true],
    ["tel:12", false],
    ["tel:123456789012345678901", false],
    ["tel:+1 555 123", false],
    ["tel:", false],
    ["sip:@example.com", false],
    ["sip:alice@example.com:port", false],
    ["+15551234567", false],
    ["mailto:x@y", false],
  ])("target %s valid: %s", (target, valid) => {
    if (valid) expect(buildDialoutRequest({ ...minimal, target }).body.target).toBe(target);
    else
      expect(problemsOf({ ...minimal, target })).toEqual([
        "target: expected tel: with digits (an optional +) or sip:user@host[:port]",
      ]);
  });

  it("keeps metadata as given", () => {
    const metadata = { nested: { list: [1, 2] }, flag: true, name: "x" };
    expect(buildDialoutRequest({ ...minimal, metadata }).body.metadata).toStrictEqual(metadata);
  });

  it("lists every problem by its path in one error, never the JWT", () => {
    expect(
      problemsOf({
        host: "http://platform.kore.ai",
        jwt: "",
        target: "tel:abc",
        caller: "",
        notifyUrl: "notify",
        notifyHeaders: { "x-a": 1 },
        timeoutInMs: 1.5,
        timers: { noSpeechTimeoutMs: -1, toneTimeoutMs: 10_000_000, beepMs: 5 },
        machineDetection: "always",
        thresholdWordCount: 0,
        amdEventsSubscription: ["amd_beep"],
        callControlParameter: { sttLanguage: "en-US", deepgramEndpointing: -5 },
        extra: true,
      }),
    ).toEqual([
      "host: expected an absolute https URL",
      "jwt: must not be empty",
      "target: expected tel: with digits (an optional +) or sip:user@host[:port]",
      "caller: must not be empty",
      "notifyUrl: expected an absolute http(s) URL",
      "notifyHeaders.x-a: expected text",
      "timeoutInMs: expected a whole number of milliseconds",
      "timers.noSpeechTimeoutMs: must be at least 1",
      "timers.toneTimeoutMs: must be at most 300000",
      "timers.beepMs: unknown field",
      "machineDetection: expected one of disconnect, detect, disabled",
      "thresholdWordCount: must be at least 1 (the engine reads 0 as its default, 9)",
      "amdEventsSubscription[0]: expected one of amd_human_detected, amd_machine_detected, amd_no_speech_detected, amd_decision_timeout, amd_machine_stopped_speaking, amd_tone_detected, amd_error, amd_stopped",
      "callControlParameter.sttProvider: expected text",
      "callControlParameter.deepgramEndpointing: must be at least 0",
      "extra: unknown field",
      "bot: required (or botId)",
    ]);
  });

  it("names every unknown field of one object on one line", () => {
    expect(problemsOf({ ...minimal, extra: 1, timers: { beepMs: 1, waitMs: 2 } })).toEqual([
      "timers.beepMs: unknown field; timers.waitMs: unknown field",
      "extra: unknown field",
    ]);
  });

  it("never shows the JWT, even when it is the wrong type", () => {
    const problems = problemsOf({ ...minimal, jwt: { token: JWT } });
    expect(problems).toEqual(["jwt: expected a JWT"]);
  });

  it("rejects what is not an object, and hostile input, with the same error type", () => {
    for (const input of [undefined, null, 5, "text", []])
      expect(problemsOf(input)).toEqual(["(input): expected an object"]);
    const hostile = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
        ownKeys: () => {
          throw new Error("no");
        },
      },
    );
    expect(problemsOf(hostile)).toEqual(["(input): could not be read"]);
  });
});

describe("buildDialoutRequest: settings the AMD engine would misread", () => {
  const TIMERS = ["noSpeechTimeoutMs", "decisionTimeoutMs", "toneTimeoutMs", "greetingCompletionTimeoutMs"] as const;

  // The engine passes each timer to setTimeout: 0, negatives and values over 2³¹ − 1 fire
  // after 1 ms, fractions are truncated.
  it.each([
    [0, "must be at least 1"],
    [-1, "must be at least 1"],
    [1.5, "expected a whole number of milliseconds"],
    [2 ** 31, "must be at most 300000"],
    [Number.NaN, "expected a whole number of milliseconds"],
    [Number.POSITIVE_INFINITY, "expected a whole number of milliseconds"],
  ])("refuses every timer set to %s", (value, message) => {
    const timers = Object.fromEntries(TIMERS.map((name) => [name, value]));
    expect(problemsOf({ ...minimal, timers })).toEqual(TIMERS.map((name) => `timers.${name}: ${message}`));
  });

  it("takes each timer from 1 to 300000 ms", () => {
    for (const value of [1, 300_000]) {
      const timers = Object.fromEntries(TIMERS.map((name) => [name, value]));
      expect(buildDialoutRequest({ ...minimal, timers }).body.timers).toStrictEqual(timers);
    }
  });

  it("refuses a thresholdWordCount of 0 (read as 9) or not whole, and a digitCount not a whole number from 1", () => {
    expect(problemsOf({ ...minimal, thresholdWordCount: 0, digitCount: 0 })).toEqual([
      "thresholdWordCount: must be at least 1 (the engine reads 0 as its default, 9)",
      "digitCount: must be at least 1 (no run of digits would ever match)",
    ]);
    expect(problemsOf({ ...minimal, thresholdWordCount: 2.5, digitCount: 1.5 })).toEqual([
      "thresholdWordCount: expected a whole number",
      "digitCount: expected a whole number",
    ]);
    expect(problemsOf({ ...minimal, thresholdWordCount: "9", digitCount: -3 })).toEqual([
      "thresholdWordCount: expected a whole number",
      "digitCount: must be at least 1 (no run of digits would ever match)",
    ]);
    expect(problemsOf({ ...minimal, digitCount: 101 })).toEqual(["digitCount: must be at most 100"]);
  });

  it("lists every misread setting in one error with the other problems", () => {
    expect(
      problemsOf({ ...minimal, caller: "", timers: { toneTimeoutMs: 0, decisionTimeoutMs: 0.5 }, digitCount: 0 }),
    ).toEqual([
      "caller: must not be empty",
      "timers.decisionTimeoutMs: expected a whole number of milliseconds",
      "timers.toneTimeoutMs: must be at least 1",
      "digitCount: must be at least 1 (no run of digits would ever match)",
    ]);
  });

  it("sends a digitCount after thresholdWordCount, as given", () => {
    const body = buildDialoutRequest({ ...minimal, thresholdWordCount: 7, digitCount: 6 }).body;
    expect(JSON.stringify(body)).toBe(
      '{"bot":"st-1","target":"tel:+15551234567","caller":"+15557654321","thresholdWordCount":7,"digitCount":6}',
    );
  });
});

describe("buildDialoutRequest: exactly what it emits", () => {
  it("says what is wrong in its message, one problem after another", () => {
    try {
      buildDialoutRequest({ ...minimal, caller: "", timeoutInMs: -1 });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe(
        "invalid dial-out request: caller: must not be empty; timeoutInMs: must be at least 0",
      );
      expect((error as Error).name).toBe("DialoutRequestError");
      expect(error).toBeInstanceOf(InputError);
      expect((error as DialoutRequestError).issues).toEqual([
        "caller: must not be empty",
        "timeoutInMs: must be at least 0",
      ]);
      expect((error as DialoutRequestError).problems).toBe((error as DialoutRequestError).issues);
    }
  });
});

describe("buildDialoutRequest: the address", () => {
  it.each([
    ["https://platform.kore.ai", "https://platform.kore.ai/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["https://platform.kore.ai/", "https://platform.kore.ai/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["https://platform.kore.ai///", "https://platform.kore.ai/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["HTTPS://Platform.Kore.AI:8443", "https://platform.kore.ai:8443/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["https://gw.example.com/kore", "https://gw.example.com/kore/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["https://gw.example.com/kore/v1/", "https://gw.example.com/kore/v1/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["https://[::1]:8443", "https://[::1]:8443/api/1.1/public/bot/st-1/smartassist/dialout"],
    // A host name written with its final (root) dot: the dot is part of the name, not a path segment.
    ["https://k./kore", "https://k./kore/api/1.1/public/bot/st-1/smartassist/dialout"],
    ["https://platform.kore.ai./kore", "https://platform.kore.ai./kore/api/1.1/public/bot/st-1/smartassist/dialout"],
  ])("posts to a bare origin or a base path: %s", (host, url) => {
    expect(buildDialoutRequest({ ...minimal, host }).url).toBe(url);
  });

  it.each([
    ["http://platform.kore.ai", "host: expected an absolute https URL"],
    ["platform.kore.ai", "host: expected an absolute https URL"],
    ["https:platform.kore.ai", "host: expected an absolute https URL"],
    ["https:/platform.kore.ai", "host: expected an absolute https URL"],
    ["https://", "host: expected an absolute https URL"],
    ["https://platform.kore.ai:99999", "host: expected an absolute https URL"],
    ["ftp://platform.kore.ai", "host: expected an absolute https URL"],
    ["", "host: expected an absolute https URL"],
    [
      "https://platform.kore.ai@evil.example",
      "host: must not contain a user name, password, query or fragment (@, ?, #)",
    ],
    ["https://user:pass@platform.kore.ai", "host: must not contain a user name, password, query or fragment (@, ?, #)"],
    ["https://@evil.example", "host: must not contain a user name, password, query or fragment (@, ?, #)"],
    [
      "https://evil.example#platform.kore.ai",
      "host: must not contain a user name, password, query or fragment (@, ?, #)",
    ],
    [
      "https://evil.example?platform.kore.ai",
      "host: must not contain a user name, password, query or fragment (@, ?, #)",
    ],
    ["https://platform.kore.ai/?", "host: must not contain a user name, password, query or fragment (@, ?, #)"],
    [
      "https://evil.example\\@platform.kore.ai",
      "host: must not contain white space, control characters or backslashes",
    ],
    ["https://evil.example\\platform.kore.ai", "host: must not contain white space, control characters or backslashes"],
    [" https://platform.kore.ai", "host: must not contain white space, control characters or backslashes"],
    ["https://platform.kore.ai\n", "host: must not contain white space, control characters or backslashes"],
    ["https://platform.kore\t.ai", "host: must not contain white space, control characters or backslashes"],
    ["https://platform.kore.ai\u0000", "host: must not contain white space, control characters or backslashes"],
    ["https://platform.kore.ai\u0085", "host: must not contain white space, control characters or backslashes"],
    ["https://platform.kore.ai/..", "host: must not contain . or .. path segments"],
    ["https://platform.kore.ai/a/../b", "host: must not contain . or .. path segments"],
    ["https://platform.kore.ai/./", "host: must not contain . or .. path segments"],
    ["https://platform.kore.ai/%2e%2E/x", "host: must not contain . or .. path segments"],
    ["https://platform.kore.ai/.%2e", "host: must not contain . or .. path segments"],
    ["https://platform.kore.ai/%2E", "host: must not contain . or .. path segments"],
  ])("refuses %j", (host, problem) => {
    expect(problemsOf({ ...minimal, host })).toEqual([problem]);
  });

  it("keeps dots inside a segment of the base path", () => {
    expect(buildDialoutRequest({ ...minimal, host: "https://gw.example.com/v1.2/...x" }).url).toBe(
      "https://gw.example.com/v1.2/...x/api/1.1/public/bot/st-1/smartassist/dialout",
    );
  });

  it("encodes the bot id as one path segment, and refuses . and .. as ids", () => {
    expect(buildDialoutRequest({ ...minimal, botId: "st 1/x?y#z" }).url).toBe(
      "https://platform.kore.ai/api/1.1/public/bot/st%201%2Fx%3Fy%23z/smartassist/dialout",
    );
    expect(buildDialoutRequest({ ...minimal, botId: "%2e%2e" }).url).toBe(
      "https://platform.kore.ai/api/1.1/public/bot/%252e%252e/smartassist/dialout",
    );
    expect(buildDialoutRequest({ ...minimal, botId: "..." }).url).toBe(
      "https://platform.kore.ai/api/1.1/public/bot/.../smartassist/dialout",
    );
    expect(problemsOf({ ...minimal, botId: ".." })).toEqual(["botId: must not be . or .."]);
    expect(problemsOf({ ...minimal, botId: " . " })).toEqual(["botId: must not be . or .."]);
    const { botId: _botId, ...withoutId } = minimal;
    expect(problemsOf({ ...withoutId, bot: "." })).toEqual(["bot: must not be . or .."]);
    expect(problemsOf({ ...minimal, botId: "st\uD800" })).toEqual(["botId: must be well-formed Unicode text"]);
  });

  it("keeps a host of many slashes on its origin, or refuses it (npm run stress bounds its time)", () => {
    const slashes = "/".repeat(200_000);
    expect(new URL(buildDialoutRequest({ ...minimal, host: `https://h${slashes}x` }).url).origin).toBe("https://h");
    expect(buildDialoutRequest({ ...minimal, host: `https://h${slashes}` }).url).toBe(
      "https://h/api/1.1/public/bot/st-1/smartassist/dialout",
    );
    expect(() => buildDialoutRequest({ ...minimal, host: `https:${slashes}` })).toThrow(DialoutRequestError);
  });
});

describe("buildDialoutRequest: header values", () => {
  it.each(["\r\nx-injected: 1", "\n", "\u0000", "tok\ren", "\u007f", "\u0085"])(
    "refuses control characters in the JWT (%j), never showing it",
    (bad) => {
      expect(problemsOf({ ...minimal, jwt: `${JWT}${bad}` })).toEqual(["jwt: must not contain control characters"]);
    },
  );

  it("refuses control characters in notify header values and names that are not header names", () => {
    expect(
      problemsOf({
        ...minimal,
        notifyHeaders: { "x-ok": "fine", "x-a": "a\r\nb", "x-b": "\u0000", "bad name": "v", "x\r\ny": "v" },
      }),
    ).toEqual([
      "notifyHeaders.x-a: must not contain control characters",
      "notifyHeaders.x-b: must not contain control characters",
      "notifyHeaders.bad name: not a valid header name",
      "notifyHeaders.x\\u000d\\u000ay: not a valid header name",
    ]);
    expect(buildDialoutRequest({ ...minimal, notifyHeaders: { "X-Tab": "a\tb" } })).toBeDefined();
  });

  it("refuses a notify URL with control characters or surrounding space", () => {
    for (const notifyurl of ["https://d.example/n\r\n", " https://d.example/n", "https://d.example/\u0000n"])
      expect(problemsOf({ ...minimal, notifyurl })).toEqual(["notifyurl: expected an absolute http(s) URL"]);
  });
});

describe("buildDialoutRequest: metadata", () => {
  const cycle: Record<string, unknown> = {};
  cycle["self"] = cycle;
  let deep: Record<string, unknown> = {};
  for (let i = 0; i < 20_000; i++) deep = { deep };
  const throwing = {
    get boom(): unknown {
      throw new Error("getter");
    },
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  it.each([
    ["a cycle", cycle],
    ["a BigInt", { n: 10n }],
    [
      "a throwing toJSON",
      {
        x: {
          toJSON: () => {
            throw new Error("no");
          },
        },
      },
    ],
    ["a throwing getter", throwing],
    ["deep nesting", deep],
    ["a toJSON that gives no object", { toJSON: () => 5 }],
    ["a toJSON that gives nothing", { toJSON: () => undefined }],
    ["a Date", new Date(0)],
    [
      "a hostile Proxy",
      new Proxy(
        {},
        {
          ownKeys: () => {
            throw new Error("no");
          },
          get: () => {
            throw new Error("no");
          },
        },
      ),
    ],
    ["a revoked Proxy", revoked.proxy],
  ])("refuses metadata with %s", (_name, metadata) => {
    expect(problemsOf({ ...minimal, metadata })).toEqual(["metadata: could not be serialised as a JSON object"]);
  });

  it.each([[[1, 2]], ["text"], [5], [null]])("refuses metadata that is not an object: %j", (metadata) => {
    expect(problemsOf({ ...minimal, metadata })).toEqual(["metadata: expected an object"]);
  });

  it("sends what the JSON text reads back: a copy, without undefined fields or functions", () => {
    const given = { name: "x", gone: undefined, fn: () => 1, when: new Date(0), nested: { list: [1, "a"] } };
    const sent = buildDialoutRequest({ ...minimal, metadata: given }).body.metadata;
    expect(sent).toStrictEqual({ name: "x", when: "1970-01-01T00:00:00.000Z", nested: { list: [1, "a"] } });
    expect(sent).not.toBe(given);
  });
});
