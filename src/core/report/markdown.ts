// A Markdown report of an Analysis: effective settings with their sources, the process view,
// startup verdicts and Pod Security results. Same facts as the JSON, for a review or a ticket.

import type { Analysis, Container, Workload } from "../types";
import { EFFECTIVE_FIELDS } from "../types";
import { formatValue } from "../format";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function containerSection(c: Container): string[] {
  const out = [`#### ${c.type} container \`${c.name}\` (${c.path}, line ${c.line})`, ""];
  if (c.startup && !c.startup.ok) out.push(`**Will not start:** ${c.startup.reason}: ${cell(c.startup.message ?? "")}`, "");
  out.push("| field | value | source | line |", "|---|---|---|---|");
  for (const f of EFFECTIVE_FIELDS) {
    const e = c.effective[f];
    const over = e.overrides ? ` (overrides pod ${formatValue(e.overrides.value)})` : "";
    const risk = c.risks?.[f] ? ` ⚠ ${c.risks[f]}` : "";
    const note = e.dropped ? ` (line ${e.dropped.line} ${e.dropped.reason})` : e.annotation ? ` (annotation ${e.annotation})` : "";
    out.push(`| ${f} | \`${cell(formatValue(e.value))}\`${cell(over)}${cell(risk)}${cell(note)} | ${e.source} | ${e.line ?? ""} |`);
  }
  if (c.windows) {
    const w = c.windows;
    out.push("", `Windows container: runs as ${cell(w.userName ?? "the image's default user")} (${w.userSource})${w.hostProcess ? ", HostProcess" : ""}; no Linux /proc/1/status applies.`);
  }
  if (c.process) {
    const p = c.process;
    out.push(
      "",
      "```",
      `Uid:\t${p.uid}`,
      `Gid:\t${p.gid}`,
      `Groups:\t${p.groups.join(" ")}`,
      `CapInh:\t${p.capHex.CapInh}`,
      `CapPrm:\t${p.capHex.CapPrm}`,
      `CapEff:\t${p.capHex.CapEff}`,
      `CapBnd:\t${p.capHex.CapBnd}`,
      `CapAmb:\t${p.capHex.CapAmb}`,
      `NoNewPrivs:\t${p.noNewPrivs ? 1 : 0}`,
      `Seccomp:\t${p.seccomp === "filter" ? 2 : 0}`,
      "```",
      "",
      `Effective capabilities: ${p.capabilities.effective.join(", ") || "none"}. Bounding: ${p.capabilities.bounding.join(", ") || "none"}.`,
    );
  }
  out.push("");
  return out;
}

function workloadSection(w: Workload): string[] {
  const out = [`### ${w.kind} \`${w.name || "(unnamed)"}\`${w.namespace ? ` in \`${w.namespace}\`` : ""}`, "", `Document ${w.document}, line ${w.line}, pod spec at \`${w.podSpecPath}\`.`, ""];
  if (w.pss) {
    for (const level of ["baseline", "restricted"] as const) {
      const r = w.pss[level];
      out.push(`- Pod Security **${level}**: ${r.allowed ? "allowed" : "not allowed"}`);
      for (const v of r.violations) out.push(`  - ${v.reason} (${v.detail}) — \`${v.check}\``);
    }
    out.push("");
  }
  for (const c of w.containers) out.push(...containerSection(c));
  return out;
}

export function markdownReport(a: Analysis, title = "Security Context Playground report"): string {
  const out = [`# ${title}`, "", `Kubernetes ${a.kubernetes}, runtime ${a.runtime}@${a.runtimeVersion}. ${a.workloads.length} workload(s), ${a.diagnostics.length} diagnostic(s).`, ""];
  if (a.diagnostics.length) {
    out.push("## Diagnostics", "", "| line:col | severity | code | message |", "|---|---|---|---|");
    for (const d of a.diagnostics) out.push(`| ${d.line}:${d.column} | ${d.severity} | ${d.code} | ${cell(d.message)} |`);
    out.push("");
  }
  out.push("## Workloads", "");
  for (const w of a.workloads) out.push(...workloadSection(w));
  return `${out.join("\n")}\n`;
}
