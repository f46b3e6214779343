// npm run fixtures:call-mix: writes src/fixtures/call-mix.json, the labelled call mix
// (`callMix` in amd-flow/fixtures): about 1,260 call scripts in the shares of a realistic
// outbound campaign, each class drawn from its own seeded generator, so the same file
// comes out on every host and a change to one class leaves the others as they were.
// With --check it writes nothing and exits 1 when the committed file is stale (a test
// runs it).
//
// The texts are written for the mix (scripts/call-mix/texts-*.mjs), not taken from
// amd-flow's own word lists: the mix measures them.
import { OTHERS } from "./call-mix/others.mjs";
import { PERSONS } from "./call-mix/persons.mjs";
import { randomSource } from "./call-mix/random.mjs";
import { VOICEMAILS } from "./call-mix/voicemails.mjs";
import { writeGenerated } from "./write-generated.mjs";

const SEED = 20_261_206;
export const CALL_MIX_CLASSES = { ...PERSONS, ...VOICEMAILS, ...OTHERS };

/** A 32-bit hash of `text` (FNV-1a), to give each class its own seed. */
function hash(text) {
  let h = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) h = Math.imul(h ^ text.charCodeAt(index), 0x01000193) >>> 0;
  return h;
}

/** The class's calls: its sub-kinds (languages or kinds) in turn, each as many times as it says. */
function callsOf(group, spec) {
  const r = randomSource(SEED ^ hash(group));
  const parts = Object.entries(spec.languages ?? spec.kinds ?? { "": spec.count });
  const total = parts.reduce((sum, [, count]) => sum + count, 0);
  if (total !== spec.count) throw new Error(`${group}: its parts hold ${total} calls, not ${spec.count}`);
  const calls = [];
  for (const [part, count] of parts) for (let index = 0; index < count; index++) calls.push(spec.make(r, part));
  return calls.map(({ variant, answeredBy, speech, beep, tones, sttError, hangUpAtMs }, index) => {
    const number = String(index + 1).padStart(3, "0");
    const call = { name: `${group}-${number}${variant === undefined ? "" : `-${variant}`}`, group, answeredBy };
    if (speech !== undefined) call.speech = speech;
    if (beep !== undefined) call.beep = beep;
    if (tones !== undefined) call.tones = tones;
    if (sttError !== undefined) call.sttError = sttError;
    if (hangUpAtMs !== undefined) call.hangUpAtMs = hangUpAtMs;
    return call;
  });
}

/** Every call of the mix, class by class. */
export function generateCallMix() {
  return Object.entries(CALL_MIX_CLASSES).flatMap(([group, spec]) => callsOf(group, spec));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeGenerated("npm run fixtures:call-mix", [
    ["src/fixtures/call-mix.json", `${JSON.stringify(generateCallMix(), null, 2)}\n`],
  ]);
}
