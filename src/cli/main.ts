// The command line of the Analysis contract: reads a file or standard input, prints the Analysis.
//
// Exit status: 0 analysed, 1 --fail-on reached, 2 bad usage or unreadable input. Whatever the input,
// a failure is one line on standard error, never a stack trace.

import { existsSync, realpathSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze, analyzeInParts } from "../core/analyze";

/** From this size on, a kubectl List is read item by item (core/analyze.ts analyzeInParts). */
const IN_PARTS_FROM = 256 * 1024;
/**
 * An analysis of an input up to SMALL_INPUT characters, whose compact JSON is at most SMALL_OUTPUT,
 * is printed by JSON.stringify in one piece: the same text as the JsonWriter's, without running
 * the writer's code cold (~20 M instructions of a one-pod run, a third of the command's own start).
 */
const SMALL_INPUT = 64 * 1024;
const SMALL_OUTPUT = 1024 * 1024;
import { parseArgs, UsageError, USAGE, MAX_INPUT_BYTES, type CliOptions } from "./args";
import { formatReport } from "./report";
import { sarifReport } from "../core/report/sarif";
import { markdownReport } from "../core/report/markdown";
import { failOnReasons } from "./failOn";
import { InputDecoder } from "../core/input/decode";
import { withInputDiagnostics, type ReadInput } from "../core/input/analyzeInput";
import { escapeControls } from "../core/report/terminal";
import { JsonWriter, jsonFits, jsonSize, MAX_OUTPUT_CHARS, TooLargeError, writeObjectStreaming } from "./jsonOut";

export { jsonSize };
import { kubectlArgs, runKubectl } from "./kubectl";
import { analyzeStreamed } from "./streamed";
import { summarizeWorkload } from "../core/summary";
import type { Analysis } from "../core/types";
import { observedReport, probeReport } from "./probe";
import { exitWhenDone, processIo, readFilePieces } from "./processIo";

/** Where the command reads and writes: the process's streams, or a test's. */
export interface Io {
  stdin: AsyncIterable<Uint8Array | string>;
  /**
   * May return a promise that resolves when the reader is ready for more (back-pressure). The JSON
   * outputs come as UTF-8 bytes, cut only between tokens (never inside a character), except a
   * small analysis's, which comes as one string.
   */
  stdout: (text: string | Buffer) => void | Promise<void>;
  stderr: (text: string) => void;
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/** An input over MAX_INPUT_BYTES, read on as decoded pieces (see streamed.ts). */
export interface StreamedInput {
  streamed: AsyncIterable<string>;
  decoder: InputDecoder;
  name: string;
  /** Resolves when the source finished well (kubectl exited 0); rejects with its error otherwise. */
  finished?: Promise<void>;
}

/**
 * All of a stream, up to MAX_INPUT_BYTES, decoded as kubectl decodes it (UTF-8, or UTF-16 after a
 * BOM; core/input/decode.ts) chunk by chunk. Past that, the rest is read as a stream (documents and
 * List items analysed one at a time, cli/streamed.ts) when `canStream`; otherwise refused as soon
 * as it is known to be too large, before it fills the memory (/dev/zero never ends). `streamNow`:
 * the size is known to be over already (a file): streamed from its first byte, not after 64 MB held.
 */
export async function readCapped(stream: AsyncIterable<Uint8Array | string>, name: string, canStream: boolean, streamNow = false): Promise<ReadInput | StreamedInput> {
  const decoder = new InputDecoder();
  const parts: string[] = [];
  let size = 0;
  const it = stream[Symbol.asyncIterator]();
  if (streamNow && canStream) return { streamed: readOn(parts, it, decoder, name), decoder, name };
  try {
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      const chunk = next.value;
      const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > MAX_INPUT_BYTES && !canStream)
        throw new UsageError(`${name} is larger than ${MB(MAX_INPUT_BYTES)}: an input that big is analysed as a stream, which needs --json or --json=summary`);
      parts.push(decoder.push(b));
      if (size > MAX_INPUT_BYTES) return { streamed: readOn(parts, it, decoder, name), decoder, name };
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${name}: ${describeError(e)}`);
  }
  parts.push(decoder.end());
  return { text: parts.join(""), bytes: size, diagnostics: decoder.diagnostics };
}

/** What was read already, then the rest of the stream, decoded piece by piece. */
async function* readOn(parts: string[], it: AsyncIterator<Uint8Array | string>, decoder: InputDecoder, name: string): AsyncGenerator<string> {
  while (parts.length) yield parts.shift()!;
  for (;;) {
    let next;
    try {
      next = await it.next();
    } catch (e) {
      throw new UsageError(`cannot read ${name}: ${describeError(e)}`);
    }
    if (next.done) break;
    yield decoder.push(typeof next.value === "string" ? Buffer.from(next.value) : next.value);
  }
  yield decoder.end();
}

function describeError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  if (code === "ELOOP") return "too many levels of symbolic links (a symbolic link that points back to itself?)";
  if (code === "ENOTDIR") return "a part of the path is not a directory";
  if (code === "ENAMETOOLONG") return "the file name is too long";
  // Node's message repeats the path and the syscall; the reason is what helps.
  return e instanceof Error ? escapeControls(e.message) : escapeControls(String(e));
}

async function readInput(options: CliOptions, io: Io): Promise<ReadInput | StreamedInput> {
  const canStream = options.format === "json";
  const live = kubectlArgs(options, (p) => existsSync(p));
  if (live) {
    const run = runKubectl(live);
    let read: ReadInput | StreamedInput;
    try {
      read = await readCapped(run.stdout, `the output of kubectl get ${escapeControls(live[1])}`, canStream);
    } catch (e) {
      run.kill();
      // kubectl failing explains more than an empty or cut output.
      await run.done.catch((k: Error) => {
        throw new UsageError(k.message);
      });
      throw e;
    }
    // A streamed output is checked once read to its end.
    if ("streamed" in read) return { ...read, finished: run.done };
    try {
      await run.done;
    } catch (e) {
      throw new UsageError((e as Error).message);
    }
    return read;
  }
  if (options.namespace !== undefined || options.allNamespaces || options.context !== undefined)
    throw new UsageError(`-n, -A and --context apply to live objects (pod/NAME, deploy/NAME, …), not to ${options.input === "-" ? "standard input" : `the file ${escapeControls(options.input!)}`}`);
  const input = options.input!;
  if (input === "-") return readCapped(io.stdin, "standard input", canStream);
  const shown = escapeControls(input);
  let st;
  try {
    st = statSync(input);
  } catch (e) {
    throw new UsageError(`cannot read ${shown}: ${describeError(e)}`);
  }
  if (st.isDirectory()) throw new UsageError(`cannot read ${shown}: it is a directory`);
  if (st.size > MAX_INPUT_BYTES && !canStream)
    throw new UsageError(`${shown} is ${MB(st.size)}, more than ${MB(MAX_INPUT_BYTES)}: an input that big is analysed as a stream, which needs --json or --json=summary`);
  return readCapped(readFilePieces(input), shown, canStream, st.size > MAX_INPUT_BYTES);
}

export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
  if (options.command === "help") {
    // Without arguments the usage is an error (exit 2), so it goes where errors go.
    if (argv.length === 0) {
      io.stderr(`${USAGE}\n`);
      return 2;
    }
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  let input: ReadInput | StreamedInput;
  try {
    input = await readInput(options, io);
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return 2;
  }
  if ("streamed" in input) return analyzeStreamed(options, input, io);
  const read = input;
  const analyzeOptions = {
    runtime: options.runtime,
    runtimeVersion: options.runtimeVersion,
    kubernetes: options.kubernetes,
    imageUsers: options.imageUsers,
    seccompDefault: options.seccompDefault,
    node: options.node,
  };
  // A big kubectl List is read one item at a time when that gives the same analysis (it says so).
  const analysis = withInputDiagnostics((read.text.length >= IN_PARTS_FROM ? analyzeInParts(read.text, analyzeOptions) : undefined) ?? analyze(read.text, analyzeOptions), read);
  if (options.probe || options.observed !== undefined) {
    let observed: string | undefined;
    if (options.observed !== undefined) {
      try {
        if (options.observed === "-" && options.input === "-") throw new UsageError("--observed - and the manifest cannot both come from standard input");
        const got = await readCapped(options.observed === "-" ? io.stdin : readFilePieces(options.observed), options.observed === "-" ? "standard input" : escapeControls(options.observed), false);
        observed = "text" in got ? got.text : "";
      } catch (e) {
        io.stderr(`error: ${(e as Error).message}\n`);
        return 2;
      }
    }
    io.stdout(observed === undefined ? probeReport(analysis) : observedReport(analysis, observed));
    return 0;
  }
  // (The size walk counts a value shared by many containers once per use: a few kilobytes of YAML
  // can still print megabytes. It stops at SMALL_OUTPUT.)
  if (options.format === "json" && !options.jsonSummary && read.text.length <= SMALL_INPUT && jsonFits(analysis, SMALL_OUTPUT)) {
    await io.stdout(`${JSON.stringify(analysis, null, 2)}\n`);
    return failOn(options, analysis, read, io);
  }
  if (options.format === "json") {
    // Written one workload at a time: the JSON of a big dump is never one string.
    const out = new JsonWriter(io.stdout);
    try {
      if (options.jsonSummary) await writeSummary(out, analysis);
      else await writeAnalysisJson(out, analysis);
      await out.flush();
    } catch (e) {
      if (!(e instanceof TooLargeError)) throw e;
      out.discard();
      io.stderr(`error: ${tooLargeToPrint(analysis, e.chars)}\n`);
      return 2;
    }
    return failOn(options, analysis, read, io);
  }
  const size = jsonSize(analysis);
  if (size > MAX_OUTPUT_CHARS) {
    io.stderr(`error: ${tooLargeToPrint(analysis, size)}\n`);
    return 2;
  }
  let out: string;
  try {
    const name = options.input === "-" ? "<stdin>" : (options.input ?? "pods");
    out =
      options.format === "sarif"
        ? `${JSON.stringify(sarifReport(analysis, options.input === "-" ? "stdin.yaml" : (options.input ?? "pods")), null, 2)}\n`
        : options.format === "markdown"
          ? markdownReport(analysis, `Security contexts in ${name}`)
          : formatReport(analysis, name);
  } catch (e) {
    // A JavaScript string holds at most ~512 MB: an analysis that does not fit cannot be printed.
    if (!(e instanceof RangeError)) throw e;
    io.stderr(`error: ${tooLargeToPrint(analysis)}\n`);
    return 2;
  }
  await io.stdout(out);
  return failOn(options, analysis, read, io);
}

/** --fail-on: exit 1 with the reasons on stderr when the level was reached (after the output). */
function failOn(options: CliOptions, analysis: Analysis, read: ReadInput, io: Io): number {
  if (!options.failOn) return 0;
  const inputName = options.input === "-" ? "standard input" : escapeControls(options.input ?? "pods");
  const reasons = failOnReasons(analysis, options.failOn, inputName, analysis.workloads.length === 0 && isBlank(read.text));
  for (const r of reasons) io.stderr(`--fail-on ${options.failOn}: ${r}\n`);
  return reasons.length ? 1 : 0;
}

/** Nothing but white space, comments and document markers: no YAML content at all. */
function isBlank(text: string): boolean {
  return text.split(/\r\n?|\n/).every((line) => /^(---|\.\.\.)?\s*(#.*)?$/.test(line));
}

/** The whole Analysis, as JSON.stringify(analysis, null, 2) prints it, one workload at a time. */
async function writeAnalysisJson(out: JsonWriter, analysis: Analysis): Promise<void> {
  const keys = Object.keys(analysis) as (keyof Analysis)[];
  const at = keys.indexOf("workloads");
  const pick = (ks: (keyof Analysis)[]) => Object.fromEntries(ks.map((k) => [k, analysis[k]]));
  await writeObjectStreaming(out, pick(keys.slice(0, at)), "workloads", analysis.workloads, () => pick(keys.slice(at + 1)), (w) => {
    // Only a workload that cannot be printed is measured against the limit, never the whole.
    const chars = jsonSize(w);
    if (chars > MAX_OUTPUT_CHARS) throw new TooLargeError(chars);
  });
}

/** --json=summary: compact JSON, one workload per line (core/summary.ts says what is kept). */
async function writeSummary(out: JsonWriter, analysis: Analysis): Promise<void> {
  const { workloads, ...head } = analysis;
  const headJson = JSON.stringify(head);
  out.raw(`${headJson.slice(0, -1)},"workloads":[`);
  let n = 0;
  for (const w of workloads) {
    const s = summarizeWorkload(w);
    const chars = jsonSize(s);
    if (chars > MAX_OUTPUT_CHARS) throw new TooLargeError(chars);
    out.raw(`${n++ === 0 ? "\n" : ",\n"}${JSON.stringify(s)}`);
    await out.drain();
  }
  out.raw(n === 0 ? "]}\n" : "\n]}\n");
}

export function tooLargeToPrint(analysis: { workloads: { containers: unknown[] }[] }, chars?: number): string {
  const containers = analysis.workloads.reduce((n, w) => n + w.containers.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const what = chars === undefined ? "" : ` (about ${MB(chars)} of JSON)`;
  return `the analysis of ${plural(analysis.workloads.length, "workload")} and ${plural(containers, "container")} is too large to print${what}: analyse the input in parts`;
}

/** Runs the command when this file is the program (not when a test imports it). */
function isEntryPoint(): boolean {
  try {
    // Real paths: started through a symlinked checkout, argv[1] and this module's URL differ.
    if (process.argv[1] === undefined) return false;
    const self = fileURLToPath(import.meta.url);
    return process.argv[1] === self || realpathSync(process.argv[1]) === realpathSync(self);
  } catch {
    return false;
  }
}

/** The command as a program: process streams, exit status, EPIPE and internal errors handled. */
export function runAsProgram(argv: string[]): void {
  main(argv).then(
    (code) => exitWhenDone(code),
    (e: unknown) => {
      // Never a stack trace: one line that says what happened.
      process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

/** True in the built command (build-node.mjs defines it), where the launcher calls runAsProgram. */
declare const SECCTX_BUNDLED: boolean | undefined;
if (typeof SECCTX_BUNDLED === "undefined" && isEntryPoint()) runAsProgram(process.argv.slice(2));
