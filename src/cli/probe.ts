// --probe and --observed: the node probe scripts, and reality against the prediction.
import type { Analysis } from "../core/types";
import { compareProbe, parseProbe, probeScript } from "../core/actions/probe";
import { escapeControls } from "../core/report/terminal";

export function probeReport(a: Analysis): string {
  const out: string[] = [];
  for (const w of a.workloads) {
    for (const c of w.containers) {
      if (!c.process) continue;
      out.push(probeScript(w, c), "");
    }
  }
  if (out.length === 0) out.push("# No Linux container to probe.");
  return `${out.join("\n")}\n`;
}

/** Compares each probed container (by its container= line; unnamed output goes to the only container). */
export function observedReport(a: Analysis, text: string): string {
  const probes = parseProbe(text);
  const containers = a.workloads.flatMap((w) => w.containers.filter((c) => c.process).map((c) => ({ w, c })));
  const out: string[] = [`Runtime predicted: ${a.runtime}@${a.runtimeVersion}`];
  let compared = 0;
  for (const [name, observed] of probes) {
    const match = name === "" ? (containers.length === 1 ? containers[0] : undefined) : containers.find((x) => x.c.name === name);
    if (!match) {
      out.push("", `container ${JSON.stringify(escapeControls(name))}: ${name === "" ? "the output names no container (no container= line) and the manifest has several" : "not in the manifest"}`);
      continue;
    }
    compared++;
    const rows = compareProbe(match.w, match.c, observed, a.runtime, a.runtimeVersion);
    const differ = rows.filter((r) => !r.match);
    out.push("", `${match.w.kind} ${match.w.name}, container ${match.c.name}: ${rows.length - differ.length} of ${rows.length} lines as predicted`);
    for (const r of rows) {
      out.push(`  ${r.match ? "=" : "≠"} ${r.key}: predicted ${r.predicted || "(none)"}, observed ${r.observed === undefined ? "(missing)" : escapeControls(r.observed) || "(none)"}`);
      if (r.explanation) out.push(`      ${escapeControls(r.explanation)}`);
    }
  }
  if (compared === 0 && probes.size === 0) out.push("", "No key=value lines found: paste the probe's output.");
  return `${out.join("\n")}\n`;
}
