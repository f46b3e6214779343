import fc from "fast-check";
import { AMD_EVENTS } from "../../src/index.js";

/** An AMD event name as it may arrive: any case, with spaces around it. */
export const eventName = fc
  .tuple(fc.constantFrom(...AMD_EVENTS), fc.boolean(), fc.constantFrom("", " ", "\t", "  \n"), fc.constantFrom("", " "))
  .map(([name, upper, before, after]) => `${before}${upper ? name.toUpperCase() : name}${after}`);

const eventData = fc.record(
  {
    reason: fc.constantFrom("hint", "long greeting", "short greeting", "digit count"),
    greeting: fc.string({ maxLength: 40 }),
    hint: fc.constantFrom("leave a message", "not available", "voicemail"),
    language: fc.constantFrom("en-US", "de-DE"),
    frequency: fc.oneof(
      fc.integer({ min: 0, max: 4000 }),
      fc.integer({ min: 0, max: 4000 }).map(String),
      // Fax tones and their edges, which a uniform draw would rarely hit.
      fc.constantFrom(1049, 1050, 1100, 1150, 1151, 2049, 2050, 2100, 2150, 2151),
    ),
    variance: fc.double({ min: 0, max: 100, noNaN: true }),
    error: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);

/** One `amdEvents` entry without a timestamp: a bare name or an object naming it. */
export const eventEntry: fc.Arbitrary<unknown> = fc.oneof(
  eventName,
  fc
    .tuple(fc.constantFrom("type", "event", "name"), eventName, eventData)
    .map(([key, name, data]) => ({ ...data, [key]: name })),
  fc.constantFrom("amd_beep", "amd_unknown", "hello"),
);

const boom = (): never => {
  throw new Error("boom");
};
const getter = (key: string) => Object.defineProperty({}, key, { get: boom, enumerable: true });

/** Makers of values that attack a reader: throwing getters, hostile and revoked Proxies, cycles. */
const hostileMakers: ReadonlyArray<() => unknown> = [
  () => getter("session"),
  () => getter("UserSession"),
  () => getter("amd"),
  () => getter("amdInfo"),
  () => getter("amdEvents"),
  () => getter("type"),
  () => getter("action"),
  () => getter("waitedMs"),
  () => new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
  () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  () => {
    const { proxy, revoke } = Proxy.revocable([], {});
    revoke();
    return proxy;
  },
  () => {
    const cycle: Record<string, unknown> = {};
    cycle["session"] = { UserSession: { amd: cycle, amdInfo: { amdEvents: [cycle, cycle] } } };
    return cycle;
  },
  () => new Proxy([], { get: boom }),
  () =>
    Object.defineProperty({}, "amd", {
      enumerable: true,
      get: () => {
        throw new Proxy(new Error("x"), { get: boom });
      },
    }),
  () => new Proxy(["amd_stopped"], { get: (target, key) => (key === "length" ? 1e12 : Reflect.get(target, key)) }),
  () => ({ toString: boom, valueOf: boom, [Symbol.toPrimitive]: boom }),
  () => Symbol("s"),
  () => () => "fn",
  () => 10n,
  () => Object.create(null),
  () => JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}'),
  () => {
    let deep: unknown = { type: "amd_error" };
    for (let depth = 0; depth < 10_000; depth++)
      deep = { type: deep, amdEvents: [deep], session: { UserSession: deep } };
    return deep;
  },
  () =>
    Array.from({ length: 100_000 }, (_, index) =>
      index % 3 === 0 ? "amd_tone_detected" : { type: "amd_stopped", frequency: "x" },
    ),
  () => [...Array.from({ length: 1000 }, () => "amd_stopped"), { type: "amd_tone_detected", frequency: 2100 }],
  () => new Map([["human", "hang-up"]]),
  () => new Date(0),
  () => Object.create({ human: "hang-up", type: "amd_human_detected", action: "hang-up" }),
  () => Object(5),
  () => ({ type: "amd_error", error: "line one\nline two\u2028three\u202e" }),
  () => ({
    amd: "\u{1F600}amd_\uD800stopped\u0301",
    amdInfo: { amdEvents: ["\uFEFFamd_stopped\u200B", "ＡＭＤ＿ＳＴＯＰＰＥＤ"] },
  }),
];

/**
 * Makers of lists as long as a list can be: the core reads them in bounded time. Kept
 * apart (see {@link anyCoreInput}) until every dialer function does too.
 */
const giantMakers: ReadonlyArray<() => unknown> = [
  () => {
    // A sparse list as long as a list can be: reading it must stay bounded.
    const sparse = new Array(2 ** 32 - 1);
    sparse[3] = "amd_tone_detected";
    sparse[4096] = { type: "amd_machine_detected" };
    return sparse;
  },
  () => ({ session: { UserSession: { amd: new Array(2 ** 32 - 1), amdInfo: { amdEvents: new Array(1e6) } } } }),
];
const allMakers = [...hostileMakers, ...giantMakers];

class Hostile {
  constructor(readonly index: number) {}
}

/** A stand-in for a hostile value; {@link materialize} builds the real one inside the property. */
export const hostile: fc.Arbitrary<unknown> = fc
  .nat({ max: hostileMakers.length - 1 })
  .map((index) => new Hostile(index));

/**
 * Builds the hostile values a generated structure stands for. Generators cannot hold
 * them (fast-check itself inspects generated values), so each run makes fresh ones.
 */
export function materialize(value: unknown): unknown {
  if (value instanceof Hostile) return allMakers[value.index]?.();
  if (Array.isArray(value)) return value.map(materialize);
  if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: materialize((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** Names that are keys of every object's prototype: lookups by them must never find a built-in. */
export const prototypeName = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  "then",
);

/** Characters that break a line or its display: C0 and C1 controls, DEL, U+2028/U+2029, bidi controls. */
const controlChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.integer({ min: 0x2028, max: 0x202e }),
    fc.integer({ min: 0x2066, max: 0x2069 }),
  )
  .map((code) => String.fromCharCode(code));

/** Text with control characters mixed in anywhere. */
export const controlText = fc
  .array(fc.oneof(controlChar, fc.string({ maxLength: 4 }), eventName), { maxLength: 12 })
  .map((parts) => parts.join(""));

/** A byte order mark before JSON text of events, or of an amdInfo value. */
export const bomJson: fc.Arbitrary<string> = fc
  .tuple(fc.array(eventName, { minLength: 1, maxLength: 3 }), fc.constantFrom("", " ", "\n"), fc.boolean())
  .map(([names, space, asInfo]) => `\uFEFF${space}${JSON.stringify(asInfo ? { amdEvents: names } : names)}`);

/** Text of every kind: full Unicode, lone surrogates, combining marks, emoji, controls, prototype names. */
const oddText = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme-composite" }),
  controlText,
  prototypeName,
  bomJson,
);

/** Anything, with hostile values mixed in at any depth. */
export const anyInput: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.anything(),
    hostile,
    eventEntry,
    oddText,
    fc.array(tie("value"), { maxLength: 5 }),
    fc.dictionary(
      fc.constantFrom(
        "session",
        "UserSession",
        "amd",
        "amdInfo",
        "amdEvents",
        "type",
        "action",
        "human",
        "machine",
        "__proto__",
        "constructor",
        "toString",
        "error",
        "target",
      ),
      tie("value"),
      { maxKeys: 4 },
    ),
  ),
})).value;

/** A stand-in for a hostile value or a giant list, for the core's readers. */
export const hostileCore: fc.Arbitrary<unknown> = fc
  .nat({ max: allMakers.length - 1 })
  .map((index) => new Hostile(index));

/** {@link anyInput}, with giant sparse lists at any depth: what the core's properties use. */
export const anyCoreInput: fc.Arbitrary<unknown> = fc.oneof(
  anyInput,
  hostileCore,
  fc.array(hostileCore, { maxLength: 3 }),
);

/** Wraps a value as the bot context's UserSession at the right depth, or not. */
export const anyContext: fc.Arbitrary<unknown> = fc.oneof(
  anyCoreInput,
  anyCoreInput.map((UserSession) => ({ session: { UserSession } })),
  fc
    .record(
      { amd: anyCoreInput, amdInfo: fc.oneof(anyCoreInput, fc.record({ amdEvents: anyCoreInput })) },
      { requiredKeys: [] },
    )
    .map((UserSession) => ({ session: { UserSession } })),
);

/** An entry with every field an event may carry, times and notify-body names too, valid or not. */
export const richEntry: fc.Arbitrary<unknown> = fc
  .tuple(
    fc.constantFrom("type", "event", "name", "machineDetection"),
    fc.oneof(eventName, fc.constantFrom("amd_beep", "")),
    fc.record(
      {
        reason: fc.oneof(fc.constantFrom("hint", "486 Busy Here", " "), fc.integer()),
        greeting: fc.oneof(fc.string({ maxLength: 10 }), fc.constant(null)),
        transcript: fc.string({ maxLength: 10 }),
        hint: fc.string({ maxLength: 10 }),
        language: fc.oneof(fc.constantFrom("en-US", ""), fc.boolean()),
        frequency: fc.oneof(fc.integer({ min: -5, max: 2200 }), fc.constantFrom("2100", " 1100 ", "x", "-3")),
        variance: fc.oneof(fc.double(), fc.constantFrom("4", "x")),
        error: fc.oneof(fc.string({ maxLength: 10 }), fc.constant({})),
        atMs: fc.oneof(fc.integer({ min: -10, max: 5000 }), fc.constantFrom("300", "1.5", "x")),
        timestamp: fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom("2026-11-24T09:00:00Z", "x")),
      },
      { requiredKeys: [] },
    ),
  )
  .map(([key, name, data]) => ({ ...data, [key]: name }));

/** A bot context with rich entries in `amdEvents` and in `amd`, and `amdInfo`'s own fields. */
export const richContext: fc.Arbitrary<unknown> = fc
  .record(
    {
      amdEvents: fc.array(fc.oneof(richEntry, eventEntry, hostile), { maxLength: 6 }),
      amd: fc.oneof(eventName, richEntry, fc.array(richEntry, { maxLength: 2 })),
      amdGreeting: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
      amdReason: fc.constantFrom("hint", " ", "long greeting"),
      amdRingDurationInMs: fc.oneof(fc.nat(), fc.constantFrom("3000", "x")),
    },
    { requiredKeys: [] },
  )
  .map(({ amd, ...amdInfo }) => ({ session: { UserSession: amd === undefined ? { amdInfo } : { amdInfo, amd } } }));

/** A flow state as a decision hands it back, or one forged, stale or broken. */
export const anyState: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      version: fc.oneof(fc.constant(1), fc.constantFrom(2, "1", null)),
      waitedMs: fc.oneof(fc.nat({ max: 40_000 }), fc.constantFrom(-1, Number.NaN, "250", 1e12)),
      seenMs: fc.oneof(
        fc.dictionary(
          fc.oneof(eventName, fc.constantFrom("amd_beep", "__proto__")),
          fc.integer({ min: -2, max: 40_000 }),
        ),
        fc.constantFrom(null, "x", [1, 2]),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    JSON.stringify({ version: 1, waitedMs: 500, seenMs: { amd_tone_detected: 250 } }),
    "{",
    "x".repeat(3000),
  ),
  anyCoreInput,
);

/** Route options as a flow passes them, valid or not. */
export const anyRouteOptions: fc.Arbitrary<unknown> = fc.record(
  {
    amdRequested: fc.oneof(fc.boolean(), fc.constantFrom("yes", 1)),
    beepWindowMs: fc.oneof(fc.nat({ max: 5000 }), fc.constantFrom("800", "x", -1)),
    waitedMs: fc.oneof(fc.nat({ max: 40_000 }), fc.constantFrom("6000", "0.5", Number.NaN, -1)),
    greetingText: fc.oneof(fc.boolean(), fc.constantFrom("no", 0)),
    state: anyState,
  },
  { requiredKeys: [] },
);
