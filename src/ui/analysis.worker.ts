// Runs the core off the main thread: typing never waits for an analysis.
//
// For a big text (thousands of pods) copying the whole Analysis to the main thread would itself
// freeze the page, so the worker keeps it and sends a light copy: every workload without its
// containers' details. The page asks for one workload's details when it shows it, or for the
// whole analysis when the person exports it.
import { analyze } from "../core/analyze";
import type { Analysis } from "../core/types";
import type { WorkerRequest, WorkerResponse } from "./analysisClient";

/** Above this many workloads, or this much text, the main thread gets the light copy. */
const LIGHT_ABOVE_WORKLOADS = 150;
const LIGHT_ABOVE_CHARS = 1_500_000;

let kept: { id: number; analysis: Analysis } | undefined;

function light(a: Analysis): Analysis {
  return {
    ...a,
    workloads: a.workloads.map((w) => ({ ...w, containers: [], containerCount: w.containers.length, light: true })),
  };
}

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  const post = (r: WorkerResponse) => (self as unknown as Worker).postMessage(r);
  if (msg.type === "detail") {
    if (kept?.id === msg.id) post({ type: "detail", id: msg.id, index: msg.index, workload: kept.analysis.workloads[msg.index] });
    return;
  }
  if (msg.type === "full") {
    if (kept?.id === msg.id) post({ type: "full", id: msg.id, analysis: kept.analysis });
    return;
  }
  const t0 = performance.now();
  try {
    const analysis = analyze(msg.text, msg.options);
    kept = { id: msg.id, analysis };
    const isLight = analysis.workloads.length > LIGHT_ABOVE_WORKLOADS || msg.text.length > LIGHT_ABOVE_CHARS;
    post({ type: "analysis", id: msg.id, analysis: isLight ? light(analysis) : analysis, light: isLight, ms: performance.now() - t0 });
  } catch (err) {
    post({ type: "analysis", id: msg.id, error: err instanceof Error ? err.message : String(err), ms: performance.now() - t0 });
  }
};
