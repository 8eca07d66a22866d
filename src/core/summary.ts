// --json=summary: the facts a pipeline acts on, per workload — the fields the manifest sets (not
// the defaults every container shares), Pod Security violations, and containers that will not
// start — one workload per line. The full Analysis (--json) stays the complete answer.

import type { Analysis, PssViolation, Workload } from "./types";

export interface SummaryContainer {
  name: string;
  type: string;
  /** Effective fields set by the manifest (container or pod), with their values. */
  set: Record<string, unknown>;
  /** Present when the container will not start: the kubelet's or the runtime's reason and message. */
  startup?: { reason?: string; message?: string };
}

export interface SummaryWorkload {
  kind: string;
  name: string;
  namespace?: string;
  document: number;
  line: number;
  pss?: { baseline: { allowed: boolean; violations: PssViolation[] }; restricted: { allowed: boolean; violations: PssViolation[] } };
  containers: SummaryContainer[];
}

export interface AnalysisSummary {
  kubernetes: string;
  runtime: string;
  runtimeVersion?: string;
  diagnostics: Analysis["diagnostics"];
  workloads: SummaryWorkload[];
}

export function summarizeWorkload(w: Workload): SummaryWorkload {
  const out: SummaryWorkload = { kind: w.kind, name: w.name, namespace: w.namespace, document: w.document, line: w.line, pss: w.pss, containers: [] };
  if (out.namespace === undefined) delete out.namespace;
  if (out.pss === undefined) delete out.pss;
  for (const c of w.containers) {
    const set: Record<string, unknown> = {};
    for (const [field, e] of Object.entries(c.effective)) if (e.source === "container" || e.source === "pod") set[field] = e.value;
    const sc: SummaryContainer = { name: c.name, type: c.type, set };
    if (c.startup && !c.startup.ok) sc.startup = { reason: c.startup.reason, message: c.startup.message };
    out.containers.push(sc);
  }
  return out;
}
