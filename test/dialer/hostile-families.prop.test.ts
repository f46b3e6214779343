// Generated families of hostile input for the dialer: sparse giant arrays,
// prototype-named strings, control characters, byte order marks, time zones and
// extras no serialiser can write.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildDialoutRequest,
  DialoutRequestError,
  parseCallNotification,
  signNotifyPayload,
  summarizeCall,
  summarizeCalls,
  verifyNotifySignature,
} from "../../src/dialer/index.js";
import { instantOf } from "../../src/dialer/instant.js";
import { anyInput, materialize } from "../support/arbitraries.js";

/** Names that find built-ins on a plain object. */
const prototypeName = fc.constantFrom(
  "constructor",
  "__proto__",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  "toLocaleString",
);

/** A character that splits a header or a line: C0, DEL, C1, line separators. */
const controlChar = fc
  .oneof(fc.integer({ min: 0, max: 0x1f }), fc.constant(0x7f), fc.integer({ min: 0x80, max: 0x9f }))
  .map((code) => String.fromCharCode(code));

/** Text with at least one control character in it. */
const withControl = fc
  .tuple(fc.string({ maxLength: 10 }), controlChar, fc.string({ maxLength: 10 }))
  .map(([before, char, after]) => `${before}${char}${after}`);

/** A sparse list of a huge length with a few entries set. */
const sparseGiant = fc
  .tuple(fc.integer({ min: 2 ** 20, max: 2 ** 32 - 1 }), fc.array(fc.tuple(fc.nat(2000), anyInput), { maxLength: 3 }))
  .map(([length, entries]) => {
    const list = new Array(length);
    for (const [index, value] of entries) list[index] = materialize(value);
    return list;
  });

/** Values JSON.stringify throws on or overflows with. */
const unserialisable = fc.constantFrom<() => unknown>(
  () => 10n,
  () => {
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    return cycle;
  },
  () => ({
    toJSON: () => {
      throw new Error("no");
    },
  }),
  () => {
    let deep: unknown = {};
    for (let i = 0; i < 20_000; i++) deep = { deep };
    return deep;
  },
  () =>
    new Proxy(
      {},
      {
        get: () => {
          throw new Error("no");
        },
        ownKeys: () => {
          throw new Error("no");
        },
      },
    ),
);

/** An instant in 2000–2040 and a zone offset in minutes, written as ISO 8601 text in that zone. */
const zonedTime = fc
  .tuple(
    fc.integer({ min: 946_684_800, max: 2_208_988_800 }),
    fc.integer({ min: -14 * 60, max: 14 * 60 }),
    fc.boolean(),
  )
  .map(([seconds, offset, colon]) => {
    const local = new Date(seconds * 1000 + offset * 60_000).toISOString().slice(0, 19);
    const sign = offset < 0 ? "-" : "+";
    const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, "0");
    const minutes = String(Math.abs(offset) % 60).padStart(2, "0");
    const zone = offset === 0 && colon ? "Z" : `${sign}${hours}${colon ? ":" : ""}${minutes}`;
    return { text: `${local}${zone}`, ms: seconds * 1000 };
  });

describe("dialer properties over hostile families", () => {
  it("reads a time written in any zone as the instant it names", () => {
    fc.assert(
      fc.property(zonedTime, ({ text, ms }) => {
        expect(instantOf(text)).toBe(ms);
      }),
      { numRuns: 500 },
    );
  });

  it("finds the latest disconnect by instant, whatever the zones and the order", () => {
    fc.assert(
      fc.property(fc.array(zonedTime, { minLength: 1, maxLength: 6 }), fc.boolean(), (times, reverse) => {
        const bodies = times.map(({ text }) => ({
          conversationId: "x",
          status: "completed",
          callDisconnectTime: text,
        }));
        const summary = summarizeCall(reverse ? [...bodies].reverse() : bodies);
        expect(instantOf(summary.callDisconnectTime ?? "")).toBe(Math.max(...times.map(({ ms }) => ms)));
      }),
      { numRuns: 300 },
    );
  });

  it("summarises the same with prototype-named text anywhere, in any order", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            conversationId: fc.oneof(prototypeName, fc.constantFrom("a", "b")),
            status: fc.oneof(prototypeName, fc.constantFrom("Answered", "completed", "Failed")),
            reasonCode: fc.oneof(prototypeName, fc.constantFrom("bot-disconnected", "Busy Here")),
            machineDetection: fc.oneof(prototypeName, fc.constantFrom("amd_human_detected", "amd_stopped")),
          }),
          { maxLength: 8 },
        ),
        (bodies) => {
          const { issues: _a, ...forward } = summarizeCall(bodies);
          const { issues: _b, ...backward } = summarizeCall([...bodies].reverse());
          expect(backward).toEqual(forward);
          expect(["answered", "in-progress", "completed", "failed", "unknown"]).toContain(forward.status);
          expect(typeof forward.endedBy === "string" || forward.endedBy === undefined).toBe(true);
          expect(Object.prototype).not.toHaveProperty("status");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("never throws over extras that cannot be serialised, and counts repeats once", () => {
    fc.assert(
      fc.property(unserialisable, fc.nat(3), (make, repeats) => {
        const body = { conversationId: "x", status: "completed", extra: make() };
        const summary = summarizeCall(Array.from({ length: repeats + 1 }, () => body));
        expect(summary).toMatchObject({ status: "completed", notifications: 1, issues: [] });
      }),
      { numRuns: 50 },
    );
  });

  it("reads a body after a byte order mark as the body itself", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.record({ conversationId: fc.string(), status: fc.string() })),
        (value) => {
          const text = JSON.stringify(value);
          expect(parseCallNotification(`\uFEFF${text}`)).toEqual(parseCallNotification(text));
          expect(parseCallNotification(Buffer.from(`\uFEFF${text}`))).toEqual(parseCallNotification(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads sparse giant lists within bounds, never throwing", () => {
    fc.assert(
      fc.property(sparseGiant, (list) => {
        expect(summarizeCall(list).issues.length).toBeLessThanOrEqual(51);
        expect(summarizeCalls(list).issues.length).toBeLessThanOrEqual(51);
        expect(verifyNotifySignature("{}", list, "secret")).toEqual({ ok: false, reason: "malformed" });
      }),
      { numRuns: 5 },
    );
  });

  it("summarizeCalls never throws on anything", () => {
    fc.assert(
      fc.property(fc.oneof(anyInput, fc.array(anyInput, { maxLength: 5 })), (input) => {
        const figures = summarizeCalls(materialize(input) as never);
        expect(figures.calls).toBeGreaterThanOrEqual(0);
        expect(figures.cutOffRate).toBeGreaterThanOrEqual(0);
        expect(figures.cutOffRate).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
  });

  it("refuses control characters in the JWT and header values, never echoing the JWT", () => {
    const minimal = { host: "https://platform.kore.ai", bot: "st-1", target: "tel:+15551234567", caller: "1" };
    fc.assert(
      fc.property(withControl, fc.boolean(), (text, inJwt) => {
        const input = inJwt
          ? { ...minimal, jwt: `jwt${text}jwt` }
          : { ...minimal, jwt: "t", notifyHeaders: { "x-a": text } };
        const trimmed = `jwt${text}jwt`;
        let thrown: unknown;
        try {
          buildDialoutRequest(input);
        } catch (error) {
          thrown = error;
        }
        // Header values may hold a tab and C1 characters (obs-text); the JWT holds none of them.
        const allowed =
          !inJwt &&
          [...text].every((char) => char === "\t" || (char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f));
        if (allowed) return;
        expect(thrown).toBeInstanceOf(DialoutRequestError);
        const error = thrown as DialoutRequestError;
        expect(error.issues).toEqual([
          inJwt ? "jwt: must not contain control characters" : "notifyHeaders.x-a: must not contain control characters",
        ]);
        if (inJwt) expect(error.message).not.toContain(trimmed);
      }),
      { numRuns: 500 },
    );
  });

  it("posts only to the host given: any accepted host keeps its origin, and ids stay one segment", () => {
    const hostText = fc.oneof(
      fc.string({ maxLength: 30 }).map((text) => `https://${text}`),
      fc.webUrl({ withQueryParameters: true, withFragments: true }),
      fc.tuple(fc.domain(), fc.constantFrom("", "/", "/base", "/a/b/", "//x")).map(([d, p]) => `https://${d}${p}`),
    );
    const botId = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      prototypeName,
      fc.constantFrom(".", "..", "%2e"),
    );
    fc.assert(
      fc.property(hostText, botId, (host, bot) => {
        let url: string;
        try {
          url = buildDialoutRequest({ host, jwt: "t", bot, target: "tel:+15551234567", caller: "1" }).url;
        } catch (error) {
          expect(error).toBeInstanceOf(DialoutRequestError);
          return;
        }
        const given = new URL(host);
        const built = new URL(url);
        expect(built.origin).toBe(given.origin);
        expect(built.username).toBe("");
        expect(built.search).toBe("");
        expect(built.hash).toBe("");
        expect(
          built.pathname.endsWith(`/api/1.1/public/bot/${encodeURIComponent(bot.trim())}/smartassist/dialout`),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it("signs only what its verifier accepts", () => {
    fc.assert(
      fc.property(fc.oneof(fc.double(), fc.integer(), fc.bigInt().map(Number)), (t) => {
        let header: string;
        try {
          header = signNotifyPayload("{}", "s", t);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          expect(Number.isSafeInteger(t) && t >= 0).toBe(false);
          return;
        }
        expect(verifyNotifySignature("{}", header, "s", { now: t * 1000 })).toEqual({ ok: true });
      }),
      { numRuns: 500 },
    );
  });
});
