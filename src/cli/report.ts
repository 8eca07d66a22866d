// The readable report: the same facts as --json, laid out for a terminal. Every line is passed
// through escapeControls: a name or value from the manifest (or the file name) cannot move the
// cursor, clear the screen, retitle the window, plant an OSC 8 link, reorder text with bidi
// controls, or start a line of its own.

import type { Analysis, Effective } from "../core/types";
import { EFFECTIVE_FIELDS } from "../core/types";
import { formatValue } from "../core/format";
import { escapeControls } from "../core/report/terminal";
import { procIds } from "../core/report/procIds";

const SOURCE_LABEL: Record<Effective["source"], string> = {
  container: "container",
  pod: "pod",
  default: "default",
  image: "image",
};

export function formatReport(a: Analysis, file: string): string {
  const lines: string[] = [];
  lines.push(`${file}: Kubernetes ${a.kubernetes}, runtime ${a.runtime}@${a.runtimeVersion}`);
  lines.push(`${a.workloads.length} workload${a.workloads.length === 1 ? "" : "s"}, ${a.diagnostics.length} diagnostic${a.diagnostics.length === 1 ? "" : "s"}`);
  for (const w of a.workloads) {
    lines.push("");
    const ns = w.namespace ? ` (namespace ${w.namespace})` : "";
    lines.push(`${w.kind} ${w.name || "<unnamed>"}${ns} — document ${w.document + 1}, line ${w.line}, pod spec at ${w.podSpecPath}`);
    if (w.pss) {
      const lvl = (k: "baseline" | "restricted") => (w.pss![k].allowed ? "allowed" : `NOT allowed (${w.pss![k].violations.map((v) => v.check).join(", ")})`);
      lines.push(`  Pod Security: baseline ${lvl("baseline")}; restricted ${lvl("restricted")}`);
    }
    if (w.containers.length === 0) lines.push("  (no containers)");
    for (const c of w.containers) {
      lines.push(`  ${c.type} container "${c.name}" (${c.path}, line ${c.line})`);
      if (c.startup && !c.startup.ok) lines.push(`    will not start: ${c.startup.reason}: ${c.startup.message}`);
      const width = Math.max(...EFFECTIVE_FIELDS.map((f) => f.length));
      for (const f of EFFECTIVE_FIELDS) {
        const e = c.effective[f];
        let row = `    ${f.padEnd(width)}  ${formatValue(e.value).padEnd(28)} ${SOURCE_LABEL[e.source]}`;
        if (e.line) row += ` (line ${e.line})`;
        if (e.overrides) row += `, overrides pod ${formatValue(e.overrides.value)} (line ${e.overrides.line})`;
        if (e.annotation) row += `, from annotation ${e.annotation}`;
        lines.push(row);
        if (e.dropped) lines.push(`      line ${e.dropped.line} ${e.dropped.reason}`);
      }
      for (const a of c.startup?.assumptions ?? []) lines.push(`    assumes: ${a}`);
      if (c.windows) {
        const w = c.windows;
        lines.push(`    Windows process (no Linux /proc/1/status): user ${w.userName ?? "(the image's default)"} (${w.userSource})${w.administrator ? ", ContainerAdministrator: root to the kubelet" : ""}${w.hostProcess ? ", HostProcess container" : ""}`);
      }
      if (c.process) {
        const p = c.process;
        const uid = procIds(p.uid);
        const gid = procIds(p.gid);
        const id = (x: typeof uid) => x.fields.split("\t")[0];
        lines.push(`    /proc/1/status: Uid ${id(uid)}  Gid ${id(gid)}  Groups ${p.groups.join(" ") || "-"}  CapEff ${p.capHex.CapEff}  CapBnd ${p.capHex.CapBnd}  NoNewPrivs ${p.noNewPrivs ? 1 : 0}  Seccomp ${p.seccomp === "filter" ? 2 : 0}`);
        for (const note of [uid.note, gid.note]) if (note) lines.push(`      (? ${note})`);
      }
      if (c.actions?.length) {
        lines.push("    what it can do:");
        const idWidth = Math.max(...c.actions.map((x) => x.id.length));
        for (const x of c.actions) lines.push(`      ${x.id.padEnd(idWidth)}  ${x.verdict.padEnd(7)}  ${escapeControls(x.rule)}`);
      }
    }
  }
  if (a.diagnostics.length) {
    lines.push("");
    lines.push("Diagnostics:");
    for (const d of a.diagnostics) lines.push(`  ${file}:${d.line}:${d.column}  ${d.severity.padEnd(7)} ${d.code}: ${d.message}`);
  }
  return `${lines.map(escapeControls).join("\n")}\n`;
}
