import { describe, expect, it } from "vitest";
import { clockFor, decimalsFor, seconds } from "../../src/cli/clock.js";

describe("seconds and decimalsFor", () => {
  it("writes seconds with as many decimals as the time needs, 1 to 3", () => {
    expect([0, 300, 1550, 1234, -700, -1550, 20_000, 0.4, 999.5].map((ms) => seconds(ms))).toEqual([
      "0.0 s",
      "0.3 s",
      "1.55 s",
      "1.234 s",
      "-0.7 s",
      "-1.55 s",
      "20.0 s",
      "0.0 s",
      "1.0 s",
    ]);
    expect([0, 300, 1550, 1234, 1230, 1204].map(decimalsFor)).toEqual([1, 1, 2, 3, 2, 3]);
  });

  it("writes seconds with the decimals it is given", () => {
    expect(seconds(1500, 2)).toBe("1.50 s");
    expect(seconds(1234, 1)).toBe("1.2 s");
  });
});

describe("clockFor", () => {
  it("gives every time the decimals the finest one printed needs, and the axis the widest width", () => {
    const clock = clockFor((time) => time(1550), [0, 21_000]);
    expect([clock.time(300), clock.axis(300), clock.axis(21_000), clock.width]).toEqual([
      "0.30 s",
      " 0.30 s",
      "21.00 s",
      7,
    ]);
  });

  it("counts the axis's times for the decimals too, and needs at least one", () => {
    expect(clockFor(() => undefined, [1234]).time(0)).toBe("0.000 s");
    const empty = clockFor(() => undefined, []);
    expect([empty.time(0), empty.axis(1500), empty.width]).toEqual(["0.0 s", "1.5 s", 0]);
  });

  it("notes the times of the whole render, written as nothing", () => {
    const written: string[] = [];
    const clock = clockFor((time) => {
      written.push(time(1), time(2));
    }, []);
    expect(written).toEqual(["", ""]);
    expect(clock.time(0)).toBe("0.000 s");
  });
});
