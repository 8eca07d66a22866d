// Inputs over 64 MB (a whole cluster's `kubectl get pods -A -o yaml`): read, analysed and printed
// one document or List item at a time (core/streamSplit.ts, analyze.ts analyzeListItem), so the
// time grows with the input and the memory does not. Only the JSON outputs stream; the diagnostics
// come after the workloads (they are known only at the end), which is the same JSON value.

import { analyze, analyzeDocumentPart, analyzeListItem, newStreamState } from "../core/analyze";
import { PartSplitter, PartTooLargeError, type Part } from "../core/streamSplit";
import { summarizeWorkload } from "../core/summary";
import type { Analysis, AnalyzeOptions, Diagnostic, Workload } from "../core/types";
import { MAX_INPUT_BYTES, UsageError, type CliOptions } from "./args";
import { failOnReasons } from "./failOn";
import { KubectlError } from "./kubectl";
import { JsonWriter, jsonSize, MAX_OUTPUT_CHARS, TooLargeError, writeObjectStreaming } from "./jsonOut";
import type { Io, StreamedInput } from "./main";

export async function analyzeStreamed(options: CliOptions, input: StreamedInput, io: Io): Promise<number> {
  const analyzeOptions: AnalyzeOptions = {
    runtime: options.runtime,
    runtimeVersion: options.runtimeVersion,
    kubernetes: options.kubernetes,
    imageUsers: options.imageUsers,
    seccompDefault: options.seccompDefault,
  };
  // The header fields (kubernetes, runtime, runtimeVersion, …) exactly as a whole analysis has them.
  const { diagnostics: _d, workloads: _w, ...head } = analyze("", analyzeOptions);
  const state = newStreamState(analyzeOptions);
  const splitter = new PartSplitter(MAX_INPUT_BYTES);
  const diagnostics: Diagnostic[] = [];
  // For --fail-on: the workloads it would name (few), and how many there were.
  const failing: Workload[] = [];
  let count = 0;
  let firstAllowed: Workload | undefined;

  const take = (part: Part): Workload[] => {
    if (part.kind === "list-end") {
      state.documents++;
      return [];
    }
    const r = part.kind === "item" ? analyzeListItem(state, part.text, part.firstLine, part.index) : analyzeDocumentPart(state, part.text, part.firstLine);
    for (const d of r.diagnostics) diagnostics.push(d);
    for (const w of r.workloads) {
      count++;
      const level = options.failOn;
      if (level === "baseline" || level === "restricted") {
        if (w.pss && !w.pss[level].allowed) failing.push({ ...w, containers: [] });
        else firstAllowed ??= { ...w, containers: [] };
      }
    }
    return r.workloads;
  };
  async function* workloads(): AsyncGenerator<Workload> {
    for await (const piece of input.streamed) for (const part of splitter.push(piece)) yield* take(part);
    for (const part of splitter.end()) yield* take(part);
    await input.finished;
  }
  const allDiagnostics = () => [...input.decoder.diagnostics, ...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);

  const out = new JsonWriter(io.stdout);
  try {
    if (options.jsonSummary) {
      out.raw(`${JSON.stringify(head).slice(0, -1)},"workloads":[`);
      let n = 0;
      for await (const w of workloads()) {
        const s = JSON.stringify(summarizeWorkload(w));
        out.raw(`${n++ === 0 ? "\n" : ",\n"}${s}`);
        await out.drain();
      }
      out.raw(`${n === 0 ? "]" : "\n]"},"diagnostics":${JSON.stringify(allDiagnostics())}}\n`);
    } else {
      await writeObjectStreaming(out, head, "workloads", workloads(), () => ({ diagnostics: allDiagnostics() }), (w) => {
        const chars = jsonSize(w);
        if (chars > MAX_OUTPUT_CHARS) throw new TooLargeError(chars);
      });
    }
    await out.flush();
  } catch (e) {
    // Whatever was printed already stays (it may be most of a cluster); the error says where it stopped.
    if (!out.sent) out.discard();
    else await out.flush().catch(() => {});
    if (e instanceof PartTooLargeError) io.stderr(`error: ${input.name}: ${e.message}, the most this command holds at once: analyse it in parts\n`);
    else if (e instanceof TooLargeError) io.stderr(`error: ${input.name}: a workload is too large to print (about ${Math.round(e.chars / (1024 * 1024))} MB of JSON): analyse it in parts\n`);
    else if (e instanceof UsageError || e instanceof KubectlError) io.stderr(`error: ${(e as Error).message}\n`);
    else throw e;
    return 2;
  }
  if (!options.failOn) return 0;
  const stub: Analysis = { ...(head as Omit<Analysis, "diagnostics" | "workloads">), diagnostics: allDiagnostics(), workloads: count === 0 ? [] : failing.length ? failing : [firstAllowed ?? ({} as Workload)] };
  const reasons = failOnReasons(stub, options.failOn, input.name, false);
  for (const r of reasons) io.stderr(`--fail-on ${options.failOn}: ${r}\n`);
  return reasons.length ? 1 : 0;
}
