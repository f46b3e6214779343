// npm run stress, the streaming and serving half: `amd-flow summarize` over 10⁷ notifications
// generated into a pipe (time and peak memory printed), a 200 MB JSON array on one line and
// /dev/zero; the example receiver under the loads that once broke its memory bounds. Each
// case states its bounds. STRESS_NOTIFICATIONS=1000000 npm run stress: fewer notifications.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { signNotifyPayload } from "../dist/dialer.js";
import { createNotifyReceiver, RECEIVER_DEFAULTS } from "../examples/notify-receiver.mjs";

const CLI = new URL("../dist/cli.js", import.meta.url).pathname;
const MB = 1024 * 1024;
// The summaries run in a 128 MB heap: were memory to follow the input, they would fail.
// (Without a cap, V8 lets the heap grow to a few hundred MB before it collects.)
const HEAP_MB = 128;

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc");

/** Heap and buffers in use after a full collection, in bytes. */
function liveBytes() {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** A process's peak resident memory so far, in bytes (Linux), or undefined. */
function peakRss(pid) {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}

// Calls as the platform reports them: a person, a voicemail with a beep, a busy line,
// silence, and one call in 200 whose final status is lost. About 300 bytes a notification.
const SEQUENCES = [
  ["Answered", "amd_human_detected", "amd_stopped", "completed Caller-disconnected"],
  [
    "Answered",
    "amd_machine_detected",
    "amd_tone_detected",
    "amd_machine_stopped_speaking",
    "amd_stopped",
    "completed bot-disconnected",
  ],
  ["Failed Busy Here"],
  ["Answered", "amd_no_speech_detected", "amd_stopped", "completed KoreVG-disconnected"],
];

function notification(id, step) {
  const [word, ...rest] = step.split(" ");
  const code = rest.join(" ");
  const base = { conversationId: id, sessionId: "685d41cd54d09f7f699axxxx" };
  if (word.startsWith("amd_")) return { ...base, status: "Call-In-Progress", machineDetection: word };
  if (word === "Answered")
    return {
      ...base,
      status: "Answered",
      reason: "200 OK",
      reasonCode: "OK",
      callConnectTime: "2025-06-26T12:49:17.600Z",
      ringDurationInMS: 3381,
      connectDurationInMS: 4343,
    };
  if (word === "Failed")
    return { ...base, status: "Failed", reason: "486 Busy Here", reasonCode: code, ringDurationInMS: 15255 };
  return {
    ...base,
    status: "completed",
    reason: "200 OK",
    reasonCode: code,
    callDisconnectTime: "2025-06-26T12:51:07.151Z",
    callDuration: 109,
  };
}

/**
 * Writes `count` notifications of interleaved calls (2000 at once, as a busy contact
 * centre has) into `stream`, minding its back-pressure, then `closing`; resolves with the
 * number of calls written (of which a summary must count every one) and of characters.
 */
function generate(stream, count, separator = "\n", closing = "") {
  const open = [];
  let started = 0;
  let seed = 7;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 2 ** 32;
  };
  const start = () => {
    const id = `${(started++).toString(16).padStart(8, "0")}-44eb-4c56-bb3e-ab2415f0xxxx`;
    let steps = SEQUENCES[started % SEQUENCES.length];
    if (started % 200 === 0) steps = steps.slice(0, -1); // its final status never comes
    open.push({ id, steps, next: 0 });
  };
  for (let index = 0; index < 2000; index++) start();
  let written = 0;
  let chars = 0;
  return new Promise((resolve, reject) => {
    stream.on("error", reject);
    const pump = () => {
      while (written < count) {
        let text = "";
        while (text.length < 1 << 16 && written < count) {
          const slot = Math.floor(random() * open.length);
          const call = open[slot];
          text += `${written === 0 ? "" : separator}${JSON.stringify(notification(call.id, call.steps[call.next]))}`;
          written++;
          if (++call.next >= call.steps.length) {
            open[slot] = open[open.length - 1];
            open.pop();
            start();
          }
        }
        chars += text.length;
        if (!stream.write(text)) return stream.once("drain", pump);
      }
      // Every call with a notification written: those that ran their course, and those under way.
      stream.end(closing, () =>
        resolve({ calls: started - open.length + open.filter((call) => call.next > 0).length, chars }),
      );
    };
    pump();
  });
}

/**
 * Runs `amd-flow summarize args` fed by `feed(stdin)`, in a JavaScript heap of at most
 * `heapMb` (a summary that kept more would fail); resolves with its time, peak resident
 * memory, exit code and the tail of its output.
 */
function summarize(args, feed, heapMb = HEAP_MB) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, "summarize", ...args], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    let peak = 0;
    const poll = setInterval(() => {
      peak = Math.max(peak, peakRss(child.pid) ?? 0);
    }, 50);
    let tail = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      tail = (tail + chunk.toString("utf8")).slice(-4096);
    });
    child.stderr.on("data", (chunk) => {
      err += chunk.toString("utf8");
    });
    child.on("error", reject);
    if (feed === undefined) child.stdin.end();
    else feed(child.stdin).catch(() => {}); // a child that stops reading ends the feed
    child.on("exit", (code) => {
      clearInterval(poll);
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, peak, code, tail, err });
    });
  });
}

/** Runs the streaming and serving cases; `report(pass, line)` prints and counts each. */
export async function stressStreams(report) {
  const row = (pass, name, figures, bounds) =>
    report(pass, `${pass ? "PASS" : "FAIL"}  ${name.padEnd(58)} ${figures}  (bound ${bounds})`);

  // summarize: 10⁷ notifications on a pipe.
  const count = Number(process.env.STRESS_NOTIFICATIONS ?? 10_000_000);
  let calls = 0;
  let chars = 0;
  const big = await summarize(["-", "--campaign"], async (stdin) => {
    ({ calls, chars } = await generate(stdin, count));
  });
  const counted = Number(/^calls: +(\d+)$/m.exec(big.tail)?.[1]);
  row(
    big.code === 0 && counted === calls && big.peak < 512 * MB,
    `summarize: ${count.toExponential(0).replace("e+", "e")} notifications, ${(chars / 1e9).toFixed(1)} GB, on a pipe`,
    `${(big.ms / 1000).toFixed(1)} s, peak ${(big.peak / MB).toFixed(0)} MB resident, ${counted} of ${calls} calls`,
    `every call, in a ${HEAP_MB} MB heap, peak < 512 MB`,
  );

  // summarize: one JSON array of 200 MB on a single line, streamed element by element.
  const line = await summarize(["-", "--campaign"], async (stdin) => {
    stdin.write("[");
    await generate(stdin, 650_000, ",", "]");
  });
  row(
    line.code === 0 && line.peak < 512 * MB && /^calls: +\d+$/m.test(line.tail),
    "summarize: a JSON array of 200 MB on one line",
    `${(line.ms / 1000).toFixed(1)} s, peak ${(line.peak / MB).toFixed(0)} MB resident`,
    `in a ${HEAP_MB} MB heap, peak < 512 MB`,
  );

  // summarize: /dev/zero, refused after the first 10⁶ characters.
  const zero = await summarize(["/dev/zero"]);
  row(
    zero.code === 1 && zero.err.includes("no JSON object in the first 1000000 characters") && zero.ms < 5000,
    "summarize: /dev/zero",
    `${zero.ms.toFixed(0)} ms, peak ${(zero.peak / MB).toFixed(0)} MB, exit ${zero.code}`,
    "one error line, < 5000 ms",
  );

  await receiverCases(row);
}

const SECRET = "stress-secret";

async function receiverCases(row) {
  const { server, calls, storedBytes } = createNotifyReceiver({ secrets: SECRET, maxStoredBytes: 4_000_000 });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  const post = (body, signature = signNotifyPayload(body, SECRET)) =>
    fetch(`http://127.0.0.1:${port}/notify`, { method: "POST", headers: { "SAVG-Signature": signature }, body });
  try {
    // 200 connections, each sending 990 kB of a body it never finishes: unsigned, then with
    // a well-formed header whose signature cannot match (read, since it might).
    for (const [kind, header] of [
      ["unsigned", ""],
      ["wrongly signed", `SAVG-Signature: t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}\r\n`],
    ]) {
      const before = liveBytes();
      const hold = () =>
        new Promise((resolve) => {
          const socket = net.connect(port, "127.0.0.1", () => {
            socket.write(`POST /notify HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n${header}\r\n`);
            socket.write("x".repeat(990_000), () => resolve(socket));
          });
          socket.on("error", () => resolve(socket));
        });
      const sockets = await Promise.all(Array.from({ length: 200 }, hold));
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const grown = liveBytes() - before;
      for (const socket of sockets) socket.destroy();
      // The bodies read (at most maxConnections of them), and each connection's socket (16 kB allowed).
      const bound = RECEIVER_DEFAULTS.maxConnections * RECEIVER_DEFAULTS.maxBodyBytes + sockets.length * 16 * 1024;
      row(
        grown < bound,
        `receiver: 200 ${kind} connections of 990 kB held open`,
        `memory +${(grown / MB).toFixed(1)} MB`,
        `maxConnections × maxBodyBytes + 16 kB a socket, ${(bound / MB).toFixed(0)} MB`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 500));

    // One captured notification replayed 100 times in its window, then the call's end.
    const answered = JSON.stringify({ conversationId: "replayed", status: "Answered" });
    const signature = signNotifyPayload(answered, SECRET);
    const replies = [];
    for (let replay = 0; replay < 100; replay++) replies.push((await post(answered, signature)).status);
    const end = (await post(JSON.stringify({ conversationId: "replayed", status: "completed" }))).status;
    row(
      end === 204 && replies.every((status) => status === 204),
      "receiver: 100 replays of one notification, then completed",
      `completed → ${end}`,
      "the final status accepted",
    );

    // Four 990 kB bodies whose extra field is [{},{},…], under a 4 MB limit: what the
    // receiver holds for them is what dropping the four calls frees.
    const pad = Array.from({ length: 330_000 }, () => "{}").join(",");
    const padded = ["p1", "p2", "p3", "p4"];
    for (const id of padded) await post(`{"conversationId":"${id}","status":"Answered","pad":[${pad}]}`);
    const counted = storedBytes();
    const held = liveBytes();
    for (const id of padded) calls.delete(id);
    const kept = held - liveBytes();
    row(
      kept < 4 * MB,
      "receiver: four 990 kB bodies of [{},{},…] kept",
      `${(kept / 1024).toFixed(1)} kB held, ${counted} bytes counted`,
      "maxStoredBytes, 4 MB",
    );

    // One call sending 80 MB of distinct notifications, against a limit of 4 MB.
    let most = 0;
    for (let index = 0; index < 80; index++) {
      await post(
        JSON.stringify({ conversationId: "huge", status: "Call-In-Progress", reason: `${index}`.padEnd(990_000, "x") }),
      );
      most = Math.max(most, storedBytes());
    }
    row(
      most <= 4_000_000,
      "receiver: one call sending 80 MB",
      `at most ${(most / MB).toFixed(1)} MB kept`,
      "maxStoredBytes, 4 MB",
    );
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}
