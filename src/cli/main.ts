// The command line of the Analysis contract: reads a file or standard input, prints the Analysis.
//
// Exit status: 0 analysed, 1 --fail-on reached, 2 bad usage or unreadable input. Whatever the input,
// a failure is one line on standard error, never a stack trace.

import { stat } from "node:fs/promises";
import { createReadStream, existsSync, realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { analyze } from "../core/analyze";
import { parseArgs, UsageError, USAGE, MAX_INPUT_BYTES, type CliOptions } from "./args";
import { formatReport } from "./report";
import { sarifReport } from "../core/report/sarif";
import { markdownReport } from "../core/report/markdown";
import { failOnReasons } from "./failOn";
import { InputDecoder } from "../core/input/decode";
import { withInputDiagnostics, type ReadInput } from "../core/input/analyzeInput";
import { escapeControls } from "../core/report/terminal";
import { Buffered, writeObjectStreaming } from "./jsonOut";
import { kubectlArgs, runKubectl } from "./kubectl";
import { summarizeWorkload } from "../core/summary";
import type { Analysis } from "../core/types";

/** Where the command reads and writes: the process's streams, or a test's. */
export interface Io {
  stdin: AsyncIterable<Uint8Array | string>;
  /** May return a promise that resolves when the reader is ready for more (back-pressure). */
  stdout: (text: string) => void | Promise<void>;
  stderr: (text: string) => void;
}

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * All of a stream, up to MAX_INPUT_BYTES, decoded as kubectl decodes it (UTF-8, or UTF-16 after a
 * BOM; core/input/decode.ts) chunk by chunk: a larger input is refused as soon as it is known to
 * be, before it fills the memory (standard input, and files such as /dev/zero that never end).
 */
async function readCapped(stream: AsyncIterable<Uint8Array | string>, name: string): Promise<ReadInput> {
  const decoder = new InputDecoder();
  const parts: string[] = [];
  let size = 0;
  try {
    for await (const chunk of stream) {
      const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      size += b.length;
      if (size > MAX_INPUT_BYTES) throw new UsageError(`${name} is larger than ${MB(MAX_INPUT_BYTES)}, the most this command reads: analyse it in parts`);
      parts.push(decoder.push(b));
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot read ${name}: ${describeError(e)}`);
  }
  parts.push(decoder.end());
  return { text: parts.join(""), bytes: size, diagnostics: decoder.diagnostics };
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

async function readInput(options: CliOptions, io: Io): Promise<ReadInput> {
  const live = kubectlArgs(options, (p) => existsSync(p));
  if (live) {
    const run = runKubectl(live);
    let read: ReadInput;
    try {
      read = await readCapped(run.stdout, `the output of kubectl get ${escapeControls(live[1])}`);
    } catch (e) {
      run.kill();
      // kubectl failing explains more than an empty or cut output.
      await run.done.catch((k: Error) => {
        throw new UsageError(k.message);
      });
      throw e;
    }
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
  if (input === "-") return readCapped(io.stdin, "standard input");
  const shown = escapeControls(input);
  let st;
  try {
    st = await stat(input);
  } catch (e) {
    throw new UsageError(`cannot read ${shown}: ${describeError(e)}`);
  }
  if (st.isDirectory()) throw new UsageError(`cannot read ${shown}: it is a directory`);
  if (st.size > MAX_INPUT_BYTES) throw new UsageError(`${shown} is ${MB(st.size)}, more than the ${MB(MAX_INPUT_BYTES)} this command reads: analyse it in parts`);
  return readCapped(createReadStream(input), shown);
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
  let read: ReadInput;
  try {
    read = await readInput(options, io);
  } catch (e) {
    io.stderr(`error: ${(e as Error).message}\n`);
    return 2;
  }
  const analysis = withInputDiagnostics(analyze(read.text, {
    runtime: options.runtime,
    runtimeVersion: options.runtimeVersion,
    kubernetes: options.kubernetes,
    imageUsers: options.imageUsers,
    seccompDefault: options.seccompDefault,
  }), read);
  if (options.format === "json") {
    // Written one workload at a time: the JSON of a big dump is never one string.
    const out = new Buffered(io.stdout);
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

class TooLargeError extends Error {
  constructor(readonly chars: number) {
    super("too large to print");
  }
}

/** The whole Analysis, as JSON.stringify(analysis, null, 2) prints it, one workload at a time. */
async function writeAnalysisJson(out: Buffered, analysis: Analysis): Promise<void> {
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
async function writeSummary(out: Buffered, analysis: Analysis): Promise<void> {
  const { workloads, ...head } = analysis;
  const headJson = JSON.stringify(head);
  await out.write(`${headJson.slice(0, -1)},"workloads":[`);
  let n = 0;
  for (const w of workloads) {
    const s = summarizeWorkload(w);
    const chars = jsonSize(s);
    if (chars > MAX_OUTPUT_CHARS) throw new TooLargeError(chars);
    await out.write(`${n++ === 0 ? "\n" : ",\n"}${JSON.stringify(s)}`);
  }
  await out.write(n === 0 ? "]}\n" : "\n]}\n");
}

/**
 * Beyond this many characters of compact JSON the printed analysis (pretty JSON is 2-3× longer)
 * would not fit in a JavaScript string (~512 MB): refused before trying, which took minutes and
 * gigabytes (3,000 containers sharing a pod's 100,000 supplementalGroups print them 6,000 times).
 */
const MAX_OUTPUT_CHARS = 128 * 1024 * 1024;

/**
 * Length of the analysis as compact JSON, counting each shared value once per reference but
 * measuring it once: the analysis shares parsed values between containers, so a walk as a tree
 * could take as long as printing.
 */
export function jsonSize(root: unknown): number {
  const memo = new Map<object, number>();
  const size = (v: unknown): number => {
    if (v === null || v === undefined) return 4;
    if (typeof v === "string") return v.length + 2;
    if (typeof v !== "object") return String(v).length;
    const known = memo.get(v);
    if (known !== undefined) return known;
    // Brackets, and a comma after every item but the last; an entry is "key":value.
    let n = 1;
    if (Array.isArray(v)) for (const x of v) n += size(x) + 1;
    else for (const k of Object.keys(v)) n += k.length + 3 + size((v as Record<string, unknown>)[k]) + 1;
    n = Math.max(n, 2);
    memo.set(v, n);
    return n;
  };
  return size(root);
}

function tooLargeToPrint(analysis: { workloads: { containers: unknown[] }[] }, chars?: number): string {
  const containers = analysis.workloads.reduce((n, w) => n + w.containers.length, 0);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const what = chars === undefined ? "" : ` (about ${MB(chars)} of JSON)`;
  return `the analysis of ${plural(analysis.workloads.length, "workload")} and ${plural(containers, "container")} is too large to print${what}: analyse the input in parts`;
}

function processIo(): Io {
  return {
    stdin: process.stdin,
    stdout: (t) => (process.stdout.write(t) ? undefined : new Promise<void>((resolve) => process.stdout.once("drain", resolve))),
    stderr: (t) => void process.stderr.write(t),
  };
}

/** Runs the command when this file is the program (not when a test imports it). */
function isEntryPoint(): boolean {
  try {
    // Real paths: started through a symlinked checkout, argv[1] and this module's URL differ.
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** The command as a program: process streams, exit status, EPIPE and internal errors handled. */
export function runAsProgram(argv: string[]): void {
  // A reader that goes away (`… | head`) is not an error of ours: stop quietly.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    process.stderr.write(`error: cannot write the output: ${e.message}\n`);
    process.exit(2);
  });
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      // Never a stack trace: one line that says what happened.
      process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

if (isEntryPoint()) runAsProgram(process.argv.slice(2));
