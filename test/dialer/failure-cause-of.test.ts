import { describe, expect, it } from "vitest";
import { failureCauseOf } from "../../src/dialer/index.js";
import { notificationFixtures } from "../../src/fixtures/index.js";

const _bodiesOf = (conversationId: string) =>
  notificationFixtures
    .filter((fixture) => fixture.body["conversationId"] === conversationId)
    .map((fixture) => fixture.body);
const _VOICEMAIL = "433a9a58-44eb-4c56-bb3e-ab2415f0xxxx";
const _HUMAN = "6d2b7c1e-2f4a-4b8e-9a51-7c0e3f9dxxxx";

describe("failureCauseOf", () => {
  it.each([
    ["Busy Here", "486 Busy Here", "busy"],
    [undefined, "600 Busy Everywhere", "busy"],
    ["Service Unavailable", "503 Service Unavailable", "unavailable"],
    [undefined, "502 Bad Gateway", "unavailable"],
    ["Temporarily Unavailable", "480 Temporarily Unavailable", "rejected"],
    ["Decline", "603 Decline", "rejected"],
    [undefined, "487 Request Terminated", "no-answer"],
    [undefined, "408 Request Timeout", "no-answer"],
    ["Busy Here", undefined, "busy"],
    ["temporarily unavailable", "", "rejected"],
    [undefined, "404 Not Found", "other"],
    [undefined, undefined, "other"],
  ] as const)("%s / %s → %s", (code, reason, cause) => {
    expect(failureCauseOf(code, reason)).toBe(cause);
  });
});

describe("failureCauseOf: reading the SIP status", () => {
  it("reads a status at the start of the reason only, three digits exactly", () => {
    expect(failureCauseOf(undefined, "  486 Busy Here")).toBe("busy");
    expect(failureCauseOf("Service Unavailable", "x486 Busy Here")).toBe("unavailable");
    expect(failureCauseOf("Service Unavailable", "4861 Odd")).toBe("unavailable");
    expect(failureCauseOf(" BUSY HERE ", "")).toBe("busy");
    // A status the table does not know falls back to the reason code.
    expect(failureCauseOf("Busy Here", "404 Not Found")).toBe("busy");
    expect(failureCauseOf(undefined, "404 Not Found")).toBe("other");
  });
});
