// A Markdown report of an Analysis: effective settings with their sources, the process view,
// startup verdicts and Pod Security results. Same facts as the JSON, for a review or a ticket.
// Every string from the manifest (or a message quoting it) goes through mdText or mdCode: a
// hostile name cannot add a heading, a verdict, HTML, a link or an image to a PR comment.

import type { Analysis, Container, Workload } from "../types";
import { EFFECTIVE_FIELDS } from "../types";
import { formatValue } from "../format";
import { escapeControls } from "./terminal";
import { mdCode, mdText } from "./markdownEscape";
import { procIds } from "./procIds";

function containerSection(c: Container): string[] {
  const out = [`#### ${mdText(c.type)} container ${mdCode(c.name)} (${mdCode(c.path)}, line ${c.line})`, ""];
  if (c.startup && !c.startup.ok) out.push(`**Will not start:** ${mdText(c.startup.reason ?? "")}: ${mdText(c.startup.message ?? "")}`, "");
  out.push("| field | value | source | line |", "|---|---|---|---|");
  for (const f of EFFECTIVE_FIELDS) {
    const e = c.effective[f];
    const over = e.overrides ? ` (overrides pod ${mdCode(formatValue(e.overrides.value), true)})` : "";
    const risk = c.risks?.[f] ? ` ⚠ ${mdText(c.risks[f]!)}` : "";
    const note = e.dropped ? ` (line ${e.dropped.line} ${mdText(e.dropped.reason)})` : e.annotation ? ` (annotation ${mdCode(e.annotation, true)})` : "";
    out.push(`| ${f} | ${mdCode(formatValue(e.value), true)}${over}${risk}${note} | ${e.source} | ${e.line ?? ""} |`);
  }
  if (c.windows) {
    const w = c.windows;
    out.push("", `Windows container: runs as ${w.userName ? mdCode(w.userName) : "the image's default user"} (${mdText(w.userSource)})${w.hostProcess ? ", HostProcess" : ""}; no Linux /proc/1/status applies.`);
  }
  if (c.process) {
    const p = c.process;
    out.push(
      "",
      "```",
      `Uid:\t${procIds(p.uid).fields}`,
      `Gid:\t${procIds(p.gid).fields}`,
      `Groups:\t${escapeControls(p.groups.join(" "))}`,
      `CapInh:\t${p.capHex.CapInh}`,
      `CapPrm:\t${p.capHex.CapPrm}`,
      `CapEff:\t${p.capHex.CapEff}`,
      `CapBnd:\t${p.capHex.CapBnd}`,
      `CapAmb:\t${p.capHex.CapAmb}`,
      `NoNewPrivs:\t${p.noNewPrivs ? 1 : 0}`,
      `Seccomp:\t${p.seccomp === "filter" ? 2 : 0}`,
      "```",
      "",
      ...[procIds(p.uid).note, procIds(p.gid).note].filter((n): n is string => !!n).map((n) => `? ${mdText(n)}.\n`),
      `Effective capabilities: ${mdText(p.capabilities.effective.join(", ") || "none")}. Bounding: ${mdText(p.capabilities.bounding.join(", ") || "none")}.`,
    );
  }
  if (c.actions?.length) {
    out.push("", "What it can do:", "", "| action | verdict | why | changed by |", "|---|---|---|---|");
    for (const a of c.actions) out.push(`| ${mdCode(a.id)} | ${a.verdict} | ${mdText(a.rule)} | ${mdText(a.fields.join(", "))} |`);
  }
  out.push("");
  return out;
}

function workloadSection(w: Workload): string[] {
  const name = w.name ? mdCode(w.name) : "*(unnamed)*";
  const out = [`### ${mdText(w.kind)} ${name}${w.namespace ? ` in ${mdCode(w.namespace)}` : ""}`, "", `Document ${w.document + 1}, line ${w.line}, pod spec at ${mdCode(w.podSpecPath)}.`, ""];
  if (w.pss) {
    for (const level of ["baseline", "restricted"] as const) {
      const r = w.pss[level];
      out.push(`- Pod Security **${level}**: ${r.allowed ? "allowed" : "not allowed"}`);
      for (const v of r.violations) out.push(`  - ${mdText(v.reason)} (${mdText(v.detail)}) — ${mdCode(v.check)}`);
    }
    out.push("");
  }
  for (const c of w.containers) out.push(...containerSection(c));
  return out;
}

export function markdownReport(a: Analysis, title = "Security Context Playground report"): string {
  const out = [`# ${mdText(title)}`, "", `Kubernetes ${mdText(a.kubernetes)}, runtime ${mdText(`${a.runtime}@${a.runtimeVersion}`)}. ${a.workloads.length} workload(s), ${a.diagnostics.length} diagnostic(s).`, ""];
  if (a.diagnostics.length) {
    out.push("## Diagnostics", "", "| line:col | severity | code | message |", "|---|---|---|---|");
    for (const d of a.diagnostics) out.push(`| ${d.line}:${d.column} | ${d.severity} | ${mdText(d.code)} | ${mdText(d.message)} |`);
    out.push("");
  }
  out.push("## Workloads", "");
  for (const w of a.workloads) out.push(...workloadSection(w));
  return `${out.join("\n")}\n`;
}
