import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { type CliIo, cannotRead, STDIN } from "./input.js";

/** Reads a file, or standard input for `-`, a piece of text at a time, naming `what` in errors. */
export type ChunkReader = (file: string, what: string) => Iterable<string>;

/** How much is read at a time. */
const CHUNK_BYTES = 1 << 20;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** Reads what is there into `buffer`, waiting when a non-blocking descriptor has nothing yet; 0 at the end. */
function readSome(fd: number, buffer: Buffer): number {
  for (;;) {
    try {
      return readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EOF") return 0; // a closed pipe, as Windows reports it
      if (code !== "EAGAIN") throw error;
      Atomics.wait(pause, 0, 0, 10); // standard input made non-blocking by another process: wait for data
    }
  }
}

/**
 * The text read from a file descriptor, a chunk at a time, decoded as UTF-8 (a character
 * split between two chunks is decoded whole). Reads until the end, however long: the
 * caller decides what to keep.
 *
 * @param fd - an open file descriptor.
 * @param chunkBytes - how much to read at a time.
 */
export function* chunksOf(fd: number, chunkBytes = CHUNK_BYTES): Generator<string> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  const decoder = new StringDecoder("utf8");
  for (;;) {
    const read = readSome(fd, buffer);
    if (read === 0) break;
    const text = decoder.write(buffer.subarray(0, read));
    if (text !== "") yield text;
  }
  const rest = decoder.end();
  if (rest !== "") yield rest;
}

/** A file's text, a chunk at a time; the file is closed however the reading ends. */
function* fileChunks(file: string): Generator<string> {
  const fd = openSync(file, "r");
  try {
    yield* chunksOf(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reading errors as one line naming what was read; what the consumer throws passes through. */
function* named(chunks: () => Iterable<string>, what: string, file: string): Generator<string> {
  let iterator: Iterator<string>;
  try {
    iterator = chunks()[Symbol.iterator]();
  } catch (error) {
    throw cannotRead(error, what, file);
  }
  try {
    for (;;) {
      let next: IteratorResult<string>;
      try {
        next = iterator.next();
      } catch (error) {
        throw cannotRead(error, what, file);
      }
      if (next.done === true) return;
      yield next.value;
    }
  } finally {
    iterator.return?.(); // closes the file when the reader stops early
  }
}

/** A chunk reader over `io`: files from disk, `-` from standard input (read whole when `io` cannot stream it). */
export function chunkReaderFor(io: CliIo): ChunkReader {
  return (file, what) =>
    named(
      () => (file !== STDIN ? fileChunks(file) : io.stdinChunks !== undefined ? io.stdinChunks() : [io.stdin()]),
      what,
      file,
    );
}
