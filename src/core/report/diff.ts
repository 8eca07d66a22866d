// What changes between two analyses of (two versions of) a manifest: effective values, the
// process view, startup and Pod Security, per container. For the compare view.

import type { Analysis, Container, Workload } from "../types";
import { EFFECTIVE_FIELDS } from "../types";
import { formatValue } from "../format";

export interface Change {
  workload: string;
  container?: string;
  what: string;
  before: string;
  after: string;
}

const wkey = (w: Workload) => `${w.kind} ${w.namespace ? `${w.namespace}/` : ""}${w.name}`;

function containerChanges(wk: string, a: Container | undefined, b: Container | undefined, out: Change[]): void {
  const name = (a ?? b)!.name;
  if (!a || !b) {
    out.push({ workload: wk, container: name, what: "container", before: a ? "present" : "absent", after: b ? "present" : "absent" });
    return;
  }
  for (const f of EFFECTIVE_FIELDS) {
    const x = a.effective[f];
    const y = b.effective[f];
    const before = `${formatValue(x.value)} (${x.source})`;
    const after = `${formatValue(y.value)} (${y.source})`;
    if (before !== after) out.push({ workload: wk, container: name, what: f, before, after });
  }
  if (a.process && b.process) {
    // Capability sets by name (what a person reads), as /proc/1/status would show them decoded.
    const sets = { CapEff: "effective", CapBnd: "bounding", CapPrm: "permitted" } as const;
    for (const k of ["CapEff", "CapBnd", "CapPrm"] as const) {
      if (a.process.capHex[k] !== b.process.capHex[k]) {
        const names = (p: NonNullable<Container["process"]>) => {
          const list = p.capabilities[sets[k]].map((c) => c.replace(/^CAP_/, ""));
          return list.length ? `${list.length}: ${list.join(", ")}` : "none";
        };
        out.push({ workload: wk, container: name, what: `${k} (${sets[k]} capabilities)`, before: names(a.process), after: names(b.process) });
      }
    }
    if (a.process.noNewPrivs !== b.process.noNewPrivs) out.push({ workload: wk, container: name, what: "NoNewPrivs", before: String(+a.process.noNewPrivs), after: String(+b.process.noNewPrivs) });
    if (a.process.seccomp !== b.process.seccomp) out.push({ workload: wk, container: name, what: "Seccomp", before: a.process.seccomp, after: b.process.seccomp });
  }
  // What the process can do: "can no longer chown files" reads as the action's title, before → after.
  const actionsA = new Map((a.actions ?? []).map((x) => [x.id, x]));
  for (const y of b.actions ?? []) {
    const x = actionsA.get(y.id);
    if (x && x.verdict !== y.verdict) out.push({ workload: wk, container: name, what: `can it: ${y.title ?? y.id}`, before: x.verdict, after: `${y.verdict} — ${y.rule}` });
  }
  const sa = a.startup?.ok === false ? a.startup.reason ?? "fails" : "starts";
  const sb = b.startup?.ok === false ? b.startup.reason ?? "fails" : "starts";
  if (sa !== sb) out.push({ workload: wk, container: name, what: "startup", before: sa, after: sb });
}

/** The runtime (and its release line) an analysis applied, e.g. "containerd 2.1". */
export function runtimeLabel(a: Pick<Analysis, "runtime" | "runtimeVersion">): string {
  return `${a.runtime === "cri-o" ? "CRI-O" : "containerd"}${a.runtimeVersion ? ` ${a.runtimeVersion}` : ""}`;
}

export function diffAnalyses(before: Analysis, after: Analysis): Change[] {
  const out: Change[] = [];
  // Settings first: a different runtime or Kubernetes version changes values with no edit at all.
  if (runtimeLabel(before) !== runtimeLabel(after)) out.push({ workload: "all workloads", what: "runtime", before: runtimeLabel(before), after: runtimeLabel(after) });
  if (before.kubernetes !== after.kubernetes) out.push({ workload: "all workloads", what: "Kubernetes version", before: before.kubernetes, after: after.kubernetes });
  const A = new Map(before.workloads.map((w) => [wkey(w), w]));
  const B = new Map(after.workloads.map((w) => [wkey(w), w]));
  for (const k of new Set([...A.keys(), ...B.keys()])) {
    const a = A.get(k);
    const b = B.get(k);
    if (!a || !b) {
      out.push({ workload: k, what: "workload", before: a ? "present" : "absent", after: b ? "present" : "absent" });
      continue;
    }
    for (const level of ["baseline", "restricted"] as const) {
      const x = a.pss?.[level].allowed;
      const y = b.pss?.[level].allowed;
      if (x !== y) out.push({ workload: k, what: `Pod Security ${level}`, before: x ? "allowed" : "not allowed", after: y ? "allowed" : "not allowed" });
    }
    const names = new Set([...a.containers.map((c) => c.name), ...b.containers.map((c) => c.name)]);
    for (const n of names) containerChanges(k, a.containers.find((c) => c.name === n), b.containers.find((c) => c.name === n), out);
  }
  return out;
}
