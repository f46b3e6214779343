import { describe, expect, it } from "vitest";
import { CallAccumulator } from "../../src/dialer/call-accumulator.js";
import { type CallNotification, summarizeCall } from "../../src/dialer/index.js";
import { notificationKey } from "../../src/dialer/notification-key.js";

const answered: CallNotification = { conversationId: "c1", status: "answered", reasonCode: "OK", sessionId: "s2" };
const completed: CallNotification = {
  conversationId: "c1",
  status: "completed",
  reasonCode: "bot-disconnected",
  reason: "200 OK",
  callDisconnectTime: "2025-06-26T12:51:07.151Z",
  sessionId: "s1",
};

describe("CallAccumulator", () => {
  it("adds each notification once, and knows when the call has ended", () => {
    const call = new CallAccumulator("c1");
    expect([call.size, call.ended]).toEqual([0, false]);
    expect(call.add(answered)).toBe(true);
    expect(call.add({ ...answered })).toBe(false);
    expect(call.has(notificationKey(answered))).toBe(true);
    expect([call.size, call.ended]).toEqual([1, false]);
    expect(call.add(completed, notificationKey(completed))).toBe(true);
    expect([call.size, call.ended]).toEqual([2, true]);
    expect(new CallAccumulator("f").add({ conversationId: "f", status: "failed" })).toBe(true);
  });

  it("summarises as summarizeCall does", () => {
    const call = new CallAccumulator("c1");
    call.add(completed);
    call.add(answered);
    expect(call.summary("disconnect", ["a problem"])).toEqual({
      ...summarizeCall([answered, completed], { machineDetection: "disconnect" }),
      issues: ["a problem"],
    });
    const failed = new CallAccumulator("f");
    failed.add({ conversationId: "f", status: "failed", reason: "486 Busy Here" });
    expect(failed.summary(undefined, [])).toMatchObject({ status: "failed", failureCause: "busy" });
    expect(failed.ended).toBe(true);
  });

  it("counts what it keeps: its keys and the texts it holds, each with 64 for its overhead", () => {
    const call = new CallAccumulator("c1");
    expect(call.keptChars()).toBe(4 * 64 + (2 + 64));
    call.add(answered);
    const key = notificationKey(answered);
    // The key; the id; the final state's reason code (and the key it shares); the session id.
    expect(call.keptChars()).toBe(key.length + 64 + 4 * 64 + (2 + 64) + (2 + 64) + (2 + 64));
    const connected = { ...answered, callConnectTime: "2025-06-26T12:49:17.600Z" };
    call.add(connected);
    // Two keys; the id, a reason code and a session id; now a connect time too.
    const keys = key.length + notificationKey(connected).length + 2 * 64;
    expect(call.keptChars()).toBe(keys + 4 * 64 + 3 * (2 + 64) + (24 + 64));
    // Repeats keep nothing more.
    const before = call.keptChars();
    call.add(answered);
    expect(call.keptChars()).toBe(before);
  });

  it("passes over connect and disconnect times that name no instant", () => {
    const call = new CallAccumulator("c1");
    call.add({ ...answered, callConnectTime: "soon", callDisconnectTime: "2025-13-45T99:00:00Z" });
    const summary = call.summary(undefined, []);
    expect(summary).not.toHaveProperty("callConnectTime");
    expect(summary).not.toHaveProperty("callDisconnectTime");
    call.add({ ...completed, callConnectTime: "2025-06-26T12:49:17.600Z" });
    expect(call.summary(undefined, [])).toMatchObject({
      callConnectTime: "2025-06-26T12:49:17.600Z",
      callDisconnectTime: "2025-06-26T12:51:07.151Z",
    });
  });

  it.each([
    [" Bot-Disconnected ", "bot"],
    ["\tCALLER-DISCONNECTED", "person"],
    ["korevg-disconnected\n", "voice-gateway"],
  ])("reads who ended the call from the reason code %j, whatever its case and spaces", (reasonCode, endedBy) => {
    const call = new CallAccumulator("c1");
    call.add({ ...completed, reasonCode });
    expect(call.summary(undefined, [])).toMatchObject({ status: "completed", reasonCode, endedBy });
  });
});
