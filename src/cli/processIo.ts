// The command's own streams, opened only when used. process.stdout, process.stdin and fs streams
// each load Node's whole stream machinery (~10–13 ms of a 60 ms start on a small machine); the
// command writes its output with fs.writeSync — what process.stdout does anyway for files and, on
// Linux, pipes — and reads files with fs.readSync.
import { closeSync, openSync, readSync, writeSync } from "node:fs";
import type { Io } from "./main";

/** 1 MB reads: a 20 MB dump in 20 pieces, not 300. */
const PIECE = 1 << 20;

/** A file read in pieces, as an async iterable like a read stream (errors reach the reader). */
export async function* readFilePieces(path: string): AsyncGenerator<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const buf = Buffer.allocUnsafe(PIECE);
      const n = readSync(fd, buf, 0, PIECE, null);
      if (n === 0) return;
      yield n === PIECE ? buf : buf.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

/** Leaves quietly when the reader went away (`… | head`): not an error of ours. */
function onWriteError(e: NodeJS.ErrnoException): never {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
  process.stderr.write(`error: cannot write the output: ${e.message}\n`);
  process.exit(2);
}

let streamOut = false;

/** Standard output through process.stdout, from now on (it handles a non-blocking descriptor). */
function viaStream(rest: Buffer): void | Promise<void> {
  if (!streamOut) {
    streamOut = true;
    process.stdout.on("error", onWriteError);
  }
  return process.stdout.write(rest) ? undefined : new Promise<void>((resolve) => process.stdout.once("drain", resolve));
}

/**
 * Writes all of it to descriptor 1. A descriptor left non-blocking by whoever started us answers
 * EAGAIN when full: the rest, and all later output, then goes through process.stdout, which waits.
 */
function writeStdout(t: string | Buffer): void | Promise<void> {
  const buf = typeof t === "string" ? Buffer.from(t) : t;
  if (streamOut) return viaStream(buf);
  let at = 0;
  while (at < buf.length) {
    try {
      at += writeSync(1, buf, at, buf.length - at);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") return viaStream(buf.subarray(at));
      onWriteError(e as NodeJS.ErrnoException);
    }
  }
}

let stderrUsed = false;

export function processIo(): Io {
  return {
    // Only a command that reads standard input opens it.
    get stdin() {
      return process.stdin;
    },
    stdout: writeStdout,
    stderr: (t) => {
      stderrUsed = true;
      void process.stderr.write(t);
    },
  };
}

/**
 * Ends the process with `code` once the command is done. When all its output went out with
 * writeSync (nothing through a stream, nothing on standard error), it exits at once: left to wind
 * down, Node first runs the tasks V8 queued (after a one-pod run, a scavenge of memory nobody needs
 * any more) and frees the heap, ~3 M instructions and ~90 page faults. Otherwise Node ends as usual,
 * after the streams have written everything.
 */
export function exitWhenDone(code: number): void {
  process.exitCode = code;
  if (!streamOut && !stderrUsed) process.exit(code);
}
