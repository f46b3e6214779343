import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signNotifyPayload, verifyNotifySignature } from "../../src/dialer/index.js";

const BODY = '{"conversationId":"433a9a58","status":"Answered"}';
const SECRET = "whsec_123";
const T = 1_750_947_610;
const NOW = { now: T * 1000 };

describe("signNotifyPayload", () => {
  it("is HMAC-SHA256 over `<t>.<body>`, in hex, as jambonz signs", () => {
    const expected = createHmac("sha256", SECRET).update(`${T}.${BODY}`).digest("hex");
    expect(signNotifyPayload(BODY, SECRET, T)).toBe(`t=${T},v1=${expected}`);
    expect(signNotifyPayload(Buffer.from(BODY), SECRET, T)).toBe(`t=${T},v1=${expected}`);
  });
});

describe("verifyNotifySignature", () => {
  const header = signNotifyPayload(BODY, SECRET, T);

  it("accepts a genuine signature, for text or bytes", () => {
    expect(verifyNotifySignature(BODY, header, SECRET, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(Buffer.from(BODY), header, SECRET, NOW)).toEqual({ ok: true });
    expect(
      verifyNotifySignature(new Uint8Array(Buffer.from(BODY)), header, SECRET, { now: new Date(T * 1000) }),
    ).toEqual({ ok: true });
  });

  it("accepts any of several v1 values and any of several secrets", () => {
    const other = signNotifyPayload(BODY, "other", T).split(",")[1];
    expect(verifyNotifySignature(BODY, `${header},${other}`, SECRET, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, `t=${T},${other},${header.split(",")[1]}`, SECRET, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, header, ["rotated-out", SECRET], NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, [header], SECRET, NOW)).toEqual({ ok: true });
  });

  it("says mismatch for a changed body, a wrong secret or no secret", () => {
    expect(verifyNotifySignature(`${BODY} `, header, SECRET, NOW)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyNotifySignature(BODY, header, "wrong", NOW)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyNotifySignature(BODY, header, [], NOW)).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyNotifySignature(BODY, header, "", NOW)).toEqual({ ok: false, reason: "mismatch" });
    const resigned = header.replace(`t=${T}`, `t=${T + 1}`);
    expect(verifyNotifySignature(BODY, resigned, SECRET, NOW)).toEqual({ ok: false, reason: "mismatch" });
  });

  it("allows 300 s either way by default, and a given tolerance", () => {
    for (const offset of [-300, 0, 300])
      expect(verifyNotifySignature(BODY, header, SECRET, { now: (T + offset) * 1000 })).toEqual({ ok: true });
    for (const offset of [-301, 301, 86_400]) {
      expect(verifyNotifySignature(BODY, header, SECRET, { now: (T + offset) * 1000 })).toEqual({
        ok: false,
        reason: "stale",
      });
    }
    expect(verifyNotifySignature(BODY, header, SECRET, { now: (T + 60) * 1000, toleranceSeconds: 30 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyNotifySignature(BODY, header, SECRET, { now: (T + 600) * 1000, toleranceSeconds: 900 })).toEqual({
      ok: true,
    });
  });

  it.each([
    [undefined],
    [""],
    ["t=1750947610"],
    [`v1=${"a".repeat(64)}`],
    [`t=abc,v1=${"a".repeat(64)}`],
    ["t=1750947610,v1=xyz"],
    [`t=1750947610,v1=${"a".repeat(63)}`],
    [`t=1,t=2,v1=${"a".repeat(64)}`],
    [`t=1750947610;v1=${"a".repeat(64)}`],
    ["garbage"],
    [42],
    [`t=${"9".repeat(5000)}`],
  ])("says malformed for header %j", (bad) => {
    expect(verifyNotifySignature(BODY, bad, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("says malformed for a body that is not text or bytes, and never throws", () => {
    expect(verifyNotifySignature({ a: 1 }, header, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    const hostile = new Proxy([], {
      get: () => {
        throw new Error("no");
      },
    });
    expect(() => verifyNotifySignature(BODY, hostile, hostile as never, hostile as never)).not.toThrow();
  });

  it("ignores other schemes beside v1", () => {
    expect(verifyNotifySignature(BODY, `${header},v0=abc`, SECRET, NOW)).toEqual({ ok: true });
  });
});

describe("signatures at the edges", () => {
  it("uses the current time when none is given", () => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET, now), SECRET)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET), SECRET)).toEqual({ ok: true });
  });

  it("finds no match with secrets that are not text", () => {
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET, T), 42 as never, { now: T * 1000 })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses to sign what is not text or bytes", () => {
    expect(() => signNotifyPayload({} as never, SECRET, T)).toThrow(TypeError);
  });
});

describe("signatures: exact bytes, secrets and tolerance", () => {
  it("signs and checks the body's UTF-8 bytes, text or a view into a larger buffer", () => {
    const text = '{"greeting":"Grüß Gott €"}';
    const header = signNotifyPayload(text, SECRET, T);
    expect(verifyNotifySignature(text, header, SECRET, NOW)).toEqual({ ok: true });
    const padded = Buffer.concat([Buffer.from("xxxx"), Buffer.from(text), Buffer.from("yyyy")]);
    const view = new Uint8Array(padded.buffer, padded.byteOffset + 4, Buffer.byteLength(text));
    expect(verifyNotifySignature(view, header, SECRET, NOW)).toEqual({ ok: true });
    expect(signNotifyPayload(view, SECRET, T)).toBe(header);
  });

  it("reads a header given as several parts, and with spaces after the commas", () => {
    const header = signNotifyPayload(BODY, SECRET, T);
    const [t, v1] = header.split(",");
    expect(verifyNotifySignature(BODY, [t, v1], SECRET, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, `${t}, ${v1}`, SECRET, NOW)).toEqual({ ok: true });
  });

  it.each([
    ["t=1750947610=1"],
    ["t=1750947610x"],
    ["t=12345678901234567"],
    ["t=9007199254740992"],
    ["t=-5"],
    ["t=1.5"],
    ["v1"],
  ])("says malformed for %s with a valid v1", (t) => {
    const v1 = signNotifyPayload(BODY, SECRET, T).split(",")[1];
    expect(verifyNotifySignature(BODY, `${t},${v1}`, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("takes headers up to 4096 characters", () => {
    const header = signNotifyPayload(BODY, SECRET, T);
    const pad = (length: number) => `${header},x=${"a".repeat(length - header.length - 3)}`;
    expect(pad(4096)).toHaveLength(4096);
    expect(verifyNotifySignature(BODY, pad(4096), SECRET, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, pad(4097), SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("skips secrets that are not text, and never accepts an empty secret", () => {
    const header = signNotifyPayload(BODY, SECRET, T);
    expect(verifyNotifySignature(BODY, header, [42, null, SECRET] as never, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, "", T), "", NOW)).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("uses the default tolerance for a negative or non-number one, allows 0, and calls a bad clock stale", () => {
    const header = signNotifyPayload(BODY, SECRET, T);
    const later = { now: (T + 200) * 1000 };
    expect(verifyNotifySignature(BODY, header, SECRET, { ...later, toleranceSeconds: -5 })).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, header, SECRET, { ...later, toleranceSeconds: "10" as never })).toEqual({
      ok: true,
    });
    expect(verifyNotifySignature(BODY, header, SECRET, { now: T * 1000, toleranceSeconds: 0 })).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, header, SECRET, { now: T * 1000 + 1500, toleranceSeconds: 0 })).toEqual({
      ok: false,
      reason: "stale",
    });
    expect(verifyNotifySignature(BODY, header, SECRET, { now: Number.NaN })).toEqual({ ok: false, reason: "stale" });
  });
});

describe("verifyNotifySignature: options from JavaScript", () => {
  it.each([null, undefined, 5, "x", {}])("uses the defaults for options %j", (options) => {
    const now = Math.floor(Date.now() / 1000);
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET, now), SECRET, options as never)).toEqual({
      ok: true,
    });
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET, now - 301), SECRET, options as never)).toEqual({
      ok: false,
      reason: "stale",
    });
  });

  it("uses the default for each option that is null", () => {
    const header = signNotifyPayload(BODY, SECRET, T - 299);
    expect(verifyNotifySignature(BODY, header, SECRET, { now: T * 1000, toleranceSeconds: null } as never)).toEqual({
      ok: true,
    });
    expect(verifyNotifySignature(BODY, header, SECRET, { now: null, toleranceSeconds: 10 ** 12 } as never)).toEqual({
      ok: true,
    });
  });

  it("uses the defaults when reading the options throws", () => {
    const options = new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
      },
    );
    const now = Math.floor(Date.now() / 1000);
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET, now), SECRET, options)).toEqual({ ok: true });
  });
});

describe("verifyNotifySignature: header arrays", () => {
  const [t, v1] = signNotifyPayload(BODY, SECRET, T).split(",") as [string, string];

  it("refuses a huge sparse array at once, before joining it", () => {
    const started = performance.now();
    expect(verifyNotifySignature(BODY, new Array(2 ** 32 - 1), SECRET, NOW)).toEqual({
      ok: false,
      reason: "malformed",
    });
    const long = new Array(4097);
    long[0] = t;
    long[1] = v1;
    expect(verifyNotifySignature(BODY, long, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("refuses parts that are not text, and holes", () => {
    expect(verifyNotifySignature(BODY, [t, 5], SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    const holed = [t, v1];
    holed.length = 3;
    expect(verifyNotifySignature(BODY, holed, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("takes parts up to 4096 characters joined, and not one more", () => {
    const padding = (size: number) => `x0=${"a".repeat(size - 3)}`;
    // t (12) + "," + v1 (67) + "," + padding = 4096
    const exact = [t, v1, padding(4096 - t.length - v1.length - 2)];
    expect(exact.join(",").length).toBe(4096);
    expect(verifyNotifySignature(BODY, exact, SECRET, NOW)).toEqual({ ok: true });
    const over = [t, v1, padding(4097 - t.length - v1.length - 2)];
    expect(verifyNotifySignature(BODY, over, SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyNotifySignature(BODY, exact.join(","), SECRET, NOW)).toEqual({ ok: true });
    expect(verifyNotifySignature(BODY, over.join(","), SECRET, NOW)).toEqual({ ok: false, reason: "malformed" });
  });

  it("counts the commas: 4096 one-character parts join to more than 4096", () => {
    expect(verifyNotifySignature(BODY, new Array(4096).fill("x"), SECRET, NOW)).toEqual({
      ok: false,
      reason: "malformed",
    });
  });
});

describe("signNotifyPayload: the timestamp", () => {
  it.each([Number.NaN, 1e21, -5, -1, 1.5, Number.POSITIVE_INFINITY, 2 ** 53])(
    "refuses %s with a clear error",
    (timestamp) => {
      expect(() => signNotifyPayload(BODY, SECRET, timestamp)).toThrow(
        new RangeError(
          `signNotifyPayload: the timestamp must be whole unix seconds from 0 to 9007199254740991, not ${String(timestamp)}`,
        ),
      );
    },
  );

  it("signs 0 and the largest safe integer, and its verifier accepts them", () => {
    expect(signNotifyPayload(BODY, SECRET, 0).startsWith("t=0,v1=")).toBe(true);
    expect(verifyNotifySignature(BODY, signNotifyPayload(BODY, SECRET, 0), SECRET, { now: 0 })).toEqual({ ok: true });
    const max = Number.MAX_SAFE_INTEGER;
    const header = signNotifyPayload(BODY, SECRET, max);
    expect(header.startsWith(`t=${max},v1=`)).toBe(true);
    expect(verifyNotifySignature(BODY, header, SECRET, { now: max * 1000 })).toEqual({ ok: true });
  });

  it("signs with the current time by default", () => {
    const before = Math.floor(Date.now() / 1000);
    const t = Number(signNotifyPayload(BODY, SECRET).slice(2).split(",")[0]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(before + 1);
  });
});

describe("verifyNotifySignature: only what a header can be", () => {
  const signed = signNotifyPayload(BODY, SECRET, T);
  const [t, v1] = signed.split(",") as [string, string];
  const malformed = { ok: false, reason: "malformed" };

  it("refuses a part that is not text even when its text would be a signature", () => {
    expect(verifyNotifySignature(BODY, [t, { toString: () => v1 }], SECRET, NOW)).toEqual(malformed);
  });

  it("refuses a list-like object that is not a list", () => {
    expect(verifyNotifySignature(BODY, { length: 1, 0: signed }, SECRET, NOW)).toEqual(malformed);
  });

  it.each(["junk", "v1", ""])("refuses a part %j without a value", (part) => {
    expect(verifyNotifySignature(BODY, `${signed},${part}`, SECRET, NOW)).toEqual(malformed);
    expect(verifyNotifySignature(BODY, [signed, part], SECRET, NOW)).toEqual(malformed);
  });

  it("refuses a time that is not all digits, even one a number would read", () => {
    const at = "1750947610e0";
    const v1Hex = createHmac("sha256", SECRET).update(`${at}.${BODY}`).digest("hex");
    expect(verifyNotifySignature(BODY, `t=${at},v1=${v1Hex}`, SECRET, NOW)).toEqual(malformed);
  });

  it("calls a badly written signature malformed, whatever the secrets", () => {
    for (const bad of ["zz", "ab".repeat(33), `${v1.slice(3, -1)}g`]) {
      expect(verifyNotifySignature(BODY, `${t},v1=${bad}`, [], NOW)).toEqual(malformed);
    }
  });

  it("calls a header list it cannot read malformed", () => {
    const unreadable = new Proxy([t, v1], {
      get: (target, key) => {
        if (key === "1") throw new Error("no");
        return Reflect.get(target, key);
      },
    });
    expect(verifyNotifySignature(BODY, unreadable, SECRET, NOW)).toEqual(malformed);
  });
});

describe("signNotifyPayload: the body", () => {
  it.each([5, undefined, { a: 1 }, null])("refuses %j, saying what it needs", (body) => {
    expect(() => signNotifyPayload(body as never, SECRET, T)).toThrow(
      new TypeError("signNotifyPayload: the body must be text or bytes"),
    );
  });
});
