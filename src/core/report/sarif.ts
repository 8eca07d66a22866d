// SARIF 2.1.0 for code-scanning dashboards: every diagnostic, plus each Pod Security violation at
// the workload's line (level "warning" for baseline, "note" for restricted).

import type { Analysis } from "../types";
import { escapeControls } from "./terminal";

/**
 * A SARIF plain-text message: viewers (GitHub code scanning among them) render `[text](target)` in
 * message.text as an embedded link, so a literal bracket is written `\[` / `\]` (SARIF 2.1.0
 * §3.11.6, messages with embedded links); control and bidi characters are shown escaped.
 */
export const sarifText = (s: string): string => escapeControls(s).replace(/[[\]]/g, "\\$&");

interface SarifResult {
  ruleId: string;
  level: "error" | "warning" | "note";
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endLine?: number; endColumn?: number } } }[];
}

export function sarifReport(a: Analysis, uri: string): object {
  const rules = new Map<string, string>();
  const results: SarifResult[] = [];
  const at = (line: number, column: number, endLine?: number, endColumn?: number) => [
    { physicalLocation: { artifactLocation: { uri }, region: { startLine: line, startColumn: column, ...(endLine ? { endLine, endColumn } : {}) } } },
  ];
  for (const d of a.diagnostics) {
    rules.set(d.code, rules.get(d.code) ?? sarifText(d.code.replace(/-/g, " ")));
    results.push({ ruleId: d.code, level: d.severity === "info" ? "note" : d.severity, message: { text: sarifText(d.message) }, locations: at(d.line, d.column, d.endLine, d.endColumn) });
  }
  for (const w of a.workloads) {
    if (!w.pss) continue;
    for (const level of ["baseline", "restricted"] as const) {
      for (const v of w.pss[level].violations) {
        const id = `pod-security-${level}/${v.check}`;
        rules.set(id, sarifText(`Pod Security Standard ${level}: ${v.check}`));
        results.push({
          ruleId: id,
          level: level === "baseline" ? "warning" : "note",
          message: { text: sarifText(`${w.kind} "${w.name}" is not allowed at ${level}: ${v.reason} (${v.detail})`) },
          locations: at(w.line, 1),
        });
      }
    }
  }
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "security-context-playground",
            informationUri: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/",
            rules: [...rules].map(([id, text]) => ({ id, shortDescription: { text } })),
          },
        },
        properties: { kubernetes: a.kubernetes, runtime: a.runtime, runtimeVersion: a.runtimeVersion },
        results,
      },
    ],
  };
}
