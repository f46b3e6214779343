import { describe, expect, it } from "vitest";
import { failureCauseOf } from "../../src/dialer/index.js";

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

  it("reads no status from a reason that is not text: the reason code decides", () => {
    expect(failureCauseOf("Busy Here", 503 as never)).toBe("busy");
    expect(failureCauseOf(undefined, 486 as never)).toBe("other");
  });
});
