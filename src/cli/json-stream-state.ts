// Where the streaming JSON reader is (State), and what kind of value it is inside (Kind).

export enum State {
  /** Between values at the top level. */
  Top,
  /** Just after a top-level `[`: a JSON array, or a log line that starts with a bracket. */
  Bracket,
  /** Text on a line before any JSON object: a log line's prefix, or a value that is not an object. */
  Prefix,
  /** Between the elements of a top-level array. */
  Array,
  /** Inside a value. */
  Value,
}

export enum Kind {
  /** An object or array: ends where its brackets balance. */
  Nested,
  /** A string: ends at its closing quote. */
  Text,
  /** A number, `true`, `false` or `null`: ends before the next space, comma or bracket. */
  Bare,
}
