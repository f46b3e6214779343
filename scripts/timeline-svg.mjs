// One SVG per group of timed scenarios: each call on its own time axis, with what the
// callee does (speech, tones, hang-up), AMD's events, the bot's runs and its move, and,
// for a person, the 2 seconds after their greeting shaded (the FCC/FTC window).

const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const FONT = "system-ui, -apple-system, Segoe UI, sans-serif";
// 600 wide, as the other diagrams: the guide's column shows it at about its own size, so
// a 12 px label stays 12 px on screen (docs:check measures it).
const WIDTH = 600;
const LEFT = 16;
const RIGHT = 16;
const GUTTER = 40; // the lane names ("AMD", "bot") left of the time axis
const CHAR_PX = 7; // a 12 px label's average character width, for placing labels apart

const SHORT = {
  amd_human_detected: "human",
  amd_machine_detected: "machine",
  amd_no_speech_detected: "no speech",
  amd_decision_timeout: "decision timeout",
  amd_machine_stopped_speaking: "stopped speaking",
  amd_tone_detected: "tone",
  amd_error: "error",
  amd_stopped: "stopped",
};
const COLORS = {
  speech: "#90caf9",
  tone: "#ef6c00",
  amd: "#6a1b9a",
  bot: "#37474f",
  window: "#c8e6c9",
  axis: "#9e9e9e",
  text: "#212121",
};

/**
 * Labels at x positions, each kept inside the picture's right edge and pushed to the first
 * row where it does not overlap.
 */
function placeLabels(items) {
  const rowsEnd = [];
  return items.map((item) => {
    const width = item.text.length * CHAR_PX;
    const x = Math.max(LEFT, Math.min(item.x, WIDTH - RIGHT - width));
    let row = rowsEnd.findIndex((end) => end + 8 <= x);
    if (row < 0) {
      row = rowsEnd.length;
      rowsEnd.push(0);
    }
    rowsEnd[row] = x + width;
    return { ...item, x, row };
  });
}

/** Events at the same moment share one label: "stopped speaking + stopped". */
function eventLabels(events) {
  const byTime = new Map();
  for (const event of events) {
    const names = byTime.get(event.atMs) ?? [];
    names.push(SHORT[event.name]);
    byTime.set(event.atMs, names);
  }
  return [...byTime].map(([atMs, names]) => ({ atMs, text: names.join(" + ") }));
}

function lane(scenario, result, top, x) {
  const parts = [];
  const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
  parts.push(
    `<text x="${LEFT}" y="${top + 16}" font-size="14" font-weight="bold" fill="${COLORS.text}">${escapeXml(scenario.title)}</text>`,
  );
  const callee = top + 28;
  const firstEnd = scenario.speech?.length ? Math.min(...scenario.speech.map((s) => s.endMs)) : undefined;
  for (const segment of scenario.speech ?? []) {
    parts.push(
      `<rect x="${x(segment.startMs)}" y="${callee}" width="${Math.max(2, Math.round((x(segment.endMs) - x(segment.startMs)) * 10) / 10)}" height="14" rx="3" fill="${COLORS.speech}"><title>${escapeXml(segment.recognized === undefined ? segment.text : `${segment.text} (recognized: "${segment.recognized}")`)}</title></rect>`,
    );
  }
  const calleeLabels = [];
  if (scenario.speech?.length)
    calleeLabels.push({ x: x(scenario.speech[0].startMs), text: `${scenario.answeredBy} speaks` });
  // Other tones (a ringback, a call-waiting tone) by their frequency; the beep as before.
  const tones = [
    ...(scenario.tones ?? []).map((tone) => ({ tone, label: tone.frequency ? `${tone.frequency} Hz tone` : "tone" })),
    ...(scenario.beep
      ? [{ tone: scenario.beep, label: scenario.answeredBy === "fax" ? "fax tone" : scenario.tones ? "beep" : "tone" }]
      : []),
  ];
  for (const { tone, label } of tones) {
    const bx = x(tone.atMs);
    const missed = tone.detected === false;
    parts.push(
      `<line x1="${bx}" y1="${callee - 2}" x2="${bx}" y2="${callee + 16}" stroke="${COLORS.tone}" stroke-width="3"${missed ? ' stroke-dasharray="3 2"' : ""}/>`,
    );
    calleeLabels.push({ x: bx + 4, text: missed ? "beep (missed)" : label });
  }
  if (scenario.sttError) calleeLabels.push({ x: x(scenario.sttError.atMs), text: "recognizer fails" });
  if (scenario.hangUpAtMs !== undefined) {
    const hx = x(scenario.hangUpAtMs);
    parts.push(
      `<line x1="${hx}" y1="${callee - 4}" x2="${hx}" y2="${callee + 120}" stroke="#c62828" stroke-width="2"/>`,
    );
    calleeLabels.push({ x: hx + 4, text: "hangs up" });
  }
  for (const label of placeLabels(calleeLabels.sort((a, b) => a.x - b.x)))
    parts.push(
      `<text x="${label.x}" y="${callee + 28 + label.row * 14}" font-size="12" fill="${COLORS.text}">${escapeXml(label.text)}</text>`,
    );

  const amdY = callee + 58;
  parts.push(`<text x="${LEFT}" y="${amdY + 4}" font-size="12" fill="${COLORS.amd}">AMD</text>`);
  const labels = eventLabels(result.events).map((label) => ({ x: x(label.atMs), text: label.text }));
  for (const label of labels) parts.push(`<circle cx="${label.x}" cy="${amdY}" r="5" fill="${COLORS.amd}"/>`);
  const placed = placeLabels(labels.map((label) => ({ ...label, x: label.x - 4 })));
  for (const label of placed)
    parts.push(
      `<text x="${label.x}" y="${amdY + 20 + label.row * 14}" font-size="12" fill="${COLORS.amd}">${escapeXml(label.text)}</text>`,
    );
  const amdRows = Math.max(1, ...placed.map((label) => label.row + 1));

  const botY = amdY + 16 + amdRows * 14 + 16;
  parts.push(`<text x="${LEFT}" y="${botY + 4}" font-size="12" fill="${COLORS.bot}">bot</text>`);
  const steps = result.steps;
  if (steps.length > 0) {
    const first = x(steps[0].atMs);
    const last = x(steps[steps.length - 1].atMs);
    parts.push(
      `<line x1="${first}" y1="${botY}" x2="${last}" y2="${botY}" stroke="${COLORS.bot}" stroke-width="2" stroke-dasharray="4 3"/>`,
    );
    for (const step of steps)
      parts.push(
        `<circle cx="${x(step.atMs)}" cy="${botY}" r="2.5" fill="${COLORS.bot}"><title>${seconds(step.atMs)}: ${step.decision.action}</title></circle>`,
      );
  }
  const move =
    result.action === null ? "no move (the callee hung up)" : `${result.action} at ${seconds(result.actionAtMs)}`;
  const moveX = result.action === null ? (steps.length ? x(steps[steps.length - 1].atMs) : x(0)) : x(result.actionAtMs);
  if (result.action !== null)
    parts.push(
      `<path d="M${moveX},${botY - 7} L${moveX + 7},${botY} L${moveX},${botY + 7} L${moveX - 7},${botY} z" fill="${COLORS.bot}"/>`,
    );
  const textX = Math.min(moveX + 10, WIDTH - RIGHT - move.length * CHAR_PX);
  parts.push(
    `<text x="${textX}" y="${botY + 20}" font-size="12" font-weight="bold" fill="${COLORS.bot}">${escapeXml(move)}</text>`,
  );
  if (scenario.answeredBy === "person" && firstEnd !== undefined) {
    // Drawn first, under the rest: the 2 s after the person's greeting.
    const greeting = scenario.speech.find((segment) => segment.endMs === firstEnd);
    const width = Math.round((x(firstEnd + 2000) - x(firstEnd)) * 10) / 10;
    parts.unshift(
      `<rect x="${x(firstEnd)}" y="${callee - 4}" width="${width}" height="${botY + 10 - (callee - 4)}" fill="${COLORS.window}" opacity="0.7"><title>the 2 s after the greeting (${escapeXml(greeting.text)})</title></rect>`,
    );
  }
  return { svg: parts.join("\n"), height: botY + 34 - top };
}

/** The SVG for one group: `rows` are `{ scenario, result }`. */
export function groupSvg(title, rows) {
  const maxMs = Math.max(
    ...rows.flatMap(({ scenario, result }) => [
      ...result.events.map((event) => event.atMs),
      ...result.steps.map((step) => step.atMs),
      ...(scenario.speech ?? []).map((segment) => segment.endMs + 2000),
      scenario.beep?.atMs ?? 0,
    ]),
  );
  const endMs = Math.ceil((maxMs + 500) / 1000) * 1000;
  const x = (ms) => Math.round((LEFT + GUTTER + ((WIDTH - LEFT - RIGHT - GUTTER) * ms) / endMs) * 10) / 10;
  const lanes = [];
  let top = 48;
  for (const { scenario, result } of rows) {
    const built = lane(scenario, result, top, x);
    lanes.push(built.svg);
    top += built.height + 14;
  }
  const axisY = top + 6;
  const step = endMs > 12_000 ? 2000 : 1000;
  const ticks = [];
  for (let ms = 0; ms <= endMs; ms += step) {
    ticks.push(
      `<line x1="${x(ms)}" y1="40" x2="${x(ms)}" y2="${axisY}" stroke="${COLORS.axis}" stroke-width="0.5" opacity="0.5"/>`,
    );
    ticks.push(
      `<text x="${x(ms)}" y="${axisY + 16}" font-size="12" text-anchor="middle" fill="${COLORS.text}">${ms / 1000} s</text>`,
    );
  }
  const height = axisY + 80;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}" role="img" aria-labelledby="title">
<title id="title">${escapeXml(title)}: call timelines (generated by amd-flow)</title>
<rect width="${WIDTH}" height="${height}" fill="#fafafa"/>
<text x="${LEFT}" y="28" font-size="16" font-weight="bold" fill="${COLORS.text}">${escapeXml(title)}</text>
${ticks.join("\n")}
${lanes.join("\n")}
<text x="${LEFT}" y="${height - 44}" font-size="12" fill="#424242">Blue: speech. Orange: a tone (dashed: missed by the detector).</text>
<text x="${LEFT}" y="${height - 28}" font-size="12" fill="#424242">Green: the 2 s after a person's greeting.</text>
<text x="${LEFT}" y="${height - 12}" font-size="12" fill="#424242">Purple dots: AMD's events. Grey dots: the bot's runs; diamond: its move.</text>
</svg>
`;
}
