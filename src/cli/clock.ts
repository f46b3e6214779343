// How `simulate` writes times: in seconds, every time of one output with the same
// decimals, so a column of times lines up on its decimal point and its unit.

/** How many decimals (1 to 3) `ms` needs in seconds: 300 → 1, 1550 → 2, 1234 → 3. */
export function decimalsFor(ms: number): number {
  const text = (Math.abs(ms) / 1000).toFixed(3);
  return text.endsWith("00") ? 1 : text.endsWith("0") ? 2 : 3;
}

/** Seconds: 1500 → "1.5 s"; with `decimals` 2, 1500 → "1.50 s". */
export function seconds(ms: number, decimals = decimalsFor(ms)): string {
  return `${(ms / 1000).toFixed(decimals)} s`;
}

/** Writes a time or a duration as text. */
export type Time = (ms: number) => string;

/** The times of one output: each with the same decimals, and on the time axis one width. */
export interface Clock {
  /** A time or a duration. */
  readonly time: Time;
  /** A time on the axis, padded on the left to the widest. */
  readonly axis: Time;
  /** How wide the axis is. */
  readonly width: number;
}

/**
 * The clock for an output: `render` writes all of it once with a time that only notes
 * what it is given, so every time and duration printed sets the decimals; `axisTimes`
 * (those on the time axis) set its width too.
 */
export function clockFor(render: (time: Time) => void, axisTimes: readonly number[]): Clock {
  const printed: number[] = [...axisTimes];
  render((ms) => {
    printed.push(ms);
    return "";
  });
  const decimals = Math.max(1, ...printed.map(decimalsFor));
  const time: Time = (ms) => seconds(ms, decimals);
  const width = Math.max(0, ...axisTimes.map((ms) => time(ms).length));
  return { time, axis: (ms) => time(ms).padStart(width), width };
}
