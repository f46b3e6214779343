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
  it("builds the documented sample request as it stands", () => {
    const request = buildDialoutRequest({ ...documentedDialoutBody, host: HOST, jwt: JWT });
    expect(request.url).toBe(`${HOST}/api/1.1/public/bot/st-e38782ff-0d89-52e9-5678769a49fdexxxx/smartassist/dialout`);
    expect(request.method).toBe("POST");
    expect(request.headers).toEqual({ "content-type": "application/json", auth: JWT });
    const { bot, notifyurl, ...rest } = documentedDialoutBody;
    expect(request.body).toEqual({ ...rest, botId: bot, notifyUrl: notifyurl });
    expect(Object.keys(request.body)).not.toContain("bot");
    expect(Object.keys(request.body)).not.toContain("notifyurl");
  });

  it("fills the documented timer defaults", () => {
    expect(buildDialoutRequest(minimal).body.timers).toEqual({
      noSpeechTimeoutMs: 5000,
      decisionTimeoutMs: 15000,
      toneTimeoutMs: 20000,
      greetingCompletionTimeoutMs: 2000,
    });
    expect(buildDialoutRequest({ ...minimal, timers: { toneTimeoutMs: 30_000 } }).body.timers.toneTimeoutMs).toBe(
      30_000,
    );
    expect(buildDialoutRequest({ ...minimal, timers: { toneTimeoutMs: 30_000 } }).body.timers.noSpeechTimeoutMs).toBe(
      5000,
    );
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
    expect(request.body).toMatchObject({
      botId: "st-2",
      notifyUrl: "http://127.0.0.1:8080/notify",
      machineDetection: "disconnect",
      amdEventsSubscription: ["amd_machine_detected", "amd_stopped"],
    });
    expect(buildDialoutRequest({ ...minimal, amdEventsSubscription: [] }).body.amdEventsSubscription).toEqual([]);
  });

  it("accepts the same value under both spellings, and rejects different ones", () => {
    expect(buildDialoutRequest({ ...minimal, bot: "st-1" }).body.botId).toBe("st-1");
    expect(problemsOf({ ...minimal, bot: "st-9" })).toEqual(["botId, bot: both given and they differ"]);
  });

  it.each([
    ["tel:+15551234567", true],
    ["tel:911234567890", true],
    ["sip:1234567890@1.23.345.678:1234", true],
    ["sip:alice@example.com", true],
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
    expect(buildDialoutRequest({ ...minimal, metadata }).body.metadata).toEqual(metadata);
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
      "timers.noSpeechTimeoutMs: must be at least 0",
      "timers.toneTimeoutMs: must be at most 300000",
      "timers.beepMs: unknown field",
      "machineDetection: expected one of disconnect, detect, disabled",
      "thresholdWordCount: must be at least 1",
      "amdEventsSubscription[0]: expected one of amd_human_detected, amd_machine_detected, amd_no_speech_detected, amd_decision_timeout, amd_machine_stopped_speaking, amd_tone_detected, amd_error, amd_stopped",
      "callControlParameter.sttProvider: expected text",
      "callControlParameter.deepgramEndpointing: must be at least 0",
      "extra: unknown field",
      "botId: required (or bot)",
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

describe("buildDialoutRequest: exactly what it emits", () => {
  it("emits only the fields given, and the timers", () => {
    expect(buildDialoutRequest(minimal).body).toStrictEqual({
      botId: "st-1",
      target: "tel:+15551234567",
      caller: "+15557654321",
      timers: {
        noSpeechTimeoutMs: 5000,
        decisionTimeoutMs: 15000,
        toneTimeoutMs: 20000,
        greetingCompletionTimeoutMs: 2000,
      },
    });
  });

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

  it("strips trailing slashes from the host and encodes the bot id", () => {
    expect(buildDialoutRequest({ ...minimal, host: "https://platform.kore.ai///", botId: "st 1/x" }).url).toBe(
      "https://platform.kore.ai/api/1.1/public/bot/st%201%2Fx/smartassist/dialout",
    );
  });
});
