// greetingClues folds a greeting of Latin letters with its own table, and hands anything
// else to normalizeGreeting (regular expressions and Unicode normalisation, several times
// slower): which one it took is seen here by counting normalizeGreeting's calls.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../src/greeting/normalize-greeting.js", async (original) => {
  const module = await original<typeof import("../../src/greeting/normalize-greeting.js")>();
  return { ...module, normalizeGreeting: vi.fn(module.normalizeGreeting) };
});

const { greetingClues } = await import("../../src/greeting/greeting-clues.js");
const { normalizeGreeting } = await import("../../src/greeting/normalize-greeting.js");

describe("greetingClues's fast path", () => {
  it.each([
    ["", {}],
    ["?!", {}],
    ["Hi, you've reached Sam", { voicemail: "youve reached" }],
    ["Después del tono — déjame un mensaje…", { voicemail: "despues del tono" }],
    ["Grüß Gott, Mailbox von Jürgen", { voicemail: "mailbox" }],
  ])("folds %j without normalizeGreeting", (text, clues) => {
    vi.mocked(normalizeGreeting).mockClear();
    expect(greetingClues(text)).toEqual(clues);
    expect(normalizeGreeting).not.toHaveBeenCalled();
  });

  it.each([
    ["Привет, leave a message", { voicemail: "leave a message" }],
    ["Œuvre, beep", { voicemail: "beep" }],
    ["\u{1F600}", {}],
  ])("hands %j to normalizeGreeting", (text, clues) => {
    vi.mocked(normalizeGreeting).mockClear();
    expect(greetingClues(text)).toEqual(clues);
    expect(normalizeGreeting).toHaveBeenCalledTimes(1);
  });
});
