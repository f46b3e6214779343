// Call scripts for the simulator's benchmark: the timed scenarios again and again, each
// copy with its times stretched (0.8–1.2×) and shifted (±0.4 s), deterministically, so
// the campaign meets every path at many different moments.

const moved = (ms, stretch, shift) => Math.max(0, Math.round(ms * stretch + shift));

function vary(scenario, stretch, shift) {
  const at = (ms) => moved(ms, stretch, shift);
  const call = { ...scenario };
  if (scenario.speech)
    call.speech = scenario.speech.map((segment) => ({
      ...segment,
      startMs: at(segment.startMs),
      endMs: at(segment.endMs),
    }));
  if (scenario.beep) call.beep = { ...scenario.beep, atMs: at(scenario.beep.atMs) };
  if (scenario.tones) call.tones = scenario.tones.map((tone) => ({ ...tone, atMs: at(tone.atMs) }));
  if (scenario.sttError) call.sttError = { atMs: at(scenario.sttError.atMs) };
  if (scenario.hangUpAtMs !== undefined) call.hangUpAtMs = at(scenario.hangUpAtMs);
  return call;
}

/** `count` call scripts made from `scenarios` with varied times. */
export function variedCalls(scenarios, count) {
  return Array.from({ length: count }, (_, index) => {
    const stretch = 0.8 + ((index * 104_729) % 41) / 100;
    const shift = ((index * 7919) % 801) - 400;
    return vary(scenarios[index % scenarios.length], stretch, shift);
  });
}
