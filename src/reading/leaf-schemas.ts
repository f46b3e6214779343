import * as z from "zod/mini";
import { numericText } from "../vocabulary.js";
import { LEAF_PROBLEMS, timeText } from "./leaves.js";

// The leaf schemas in zod, for the exported object schemas (schemas.ts) and for users who
// validate with zod. The reader does not use them: it has the same rules written out in
// leaves.ts, which keeps zod out of the bot bundle (it was a third of the file and of its
// cold start, for three leaves). A property test holds the two equal on generated input.
//
// Built on first use: importing amd-flow should not pay for schemas nobody parses with.

function once<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const nonNegative = (error: string) => z.number({ error }).check(z.gte(0, { error }));

/** The text leaf: any string. */
export const textLeaf = once(() => z.string({ error: LEAF_PROBLEMS.text }));
/** The number leaf: a non-negative number, or one written as text. */
export const numberLeaf = once(() => z.pipe(z.transform(numericText), nonNegative(LEAF_PROBLEMS.amount)));
/** The time leaf: epoch ms as a number or text, or a date string. */
export const timeLeaf = once(() => z.pipe(z.transform(timeText), nonNegative(LEAF_PROBLEMS.time)));
