// Whether `--fail-on <level>` is reached, and why, in words for standard error.
//
// The gate fails closed: input that could not be read (a YAML syntax error, nesting past the
// reader's cap, excessive aliasing, bytes kubectl would not decode as written, binary data) may
// hide a workload, and an input with no workload at all (an empty file, a failed `helm template`
// piped in) checked nothing. Either reaches every level, not only `error`.

import type { Analysis, Diagnostic } from "../core/types";
import { escapeControls } from "../core/report/terminal";
import type { FailOn } from "./args";

/** Diagnostics that mean part of the input was not read, so what it holds was not checked. */
export const UNREADABLE_CODES: ReadonlySet<string> = new Set(["yaml-syntax", "yaml-aliases", "internal-error", "input-encoding", "binary-input"]);

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const at = (d: Diagnostic) => `line ${d.line}, column ${d.column}: ${escapeControls(d.code)}`;

/**
 * The reasons the level is reached (none: not reached). `input` names the input in the messages;
 * `empty` says it held nothing but white space and comments.
 */
export function failOnReasons(analysis: Analysis, level: FailOn, input = "the input", empty = false): string[] {
  const reasons: string[] = [];
  const unreadable = analysis.diagnostics.filter((d) => d.severity === "error" && UNREADABLE_CODES.has(d.code));
  if (unreadable.length) {
    const shown = unreadable.slice(0, 3).map(at).join("; ");
    const more = unreadable.length > 3 ? `; ${unreadable.length - 3} more` : "";
    reasons.push(`${input} could not be read in full (${shown}${more}), so what it holds there was not checked: failing closed`);
  }
  if (analysis.workloads.length === 0) {
    reasons.push(`${empty ? `${input} is empty` : `no workload found in ${input}`}, so nothing was checked: failing closed`);
  }
  if (level === "error") {
    const errors = analysis.diagnostics.filter((d) => d.severity === "error" && !UNREADABLE_CODES.has(d.code));
    if (errors.length) reasons.push(`${plural(errors.length, "error")} found (first at ${at(errors[0])})`);
  } else {
    for (const w of analysis.workloads) {
      if (!w.pss || w.pss[level].allowed) continue;
      const checks = [...new Set(w.pss[level].violations.map((v) => v.check))].join(", ");
      reasons.push(`${escapeControls(w.kind)} ${escapeControls(w.name || "<unnamed>")} (document ${w.document + 1}, line ${w.line}) is not allowed at ${level}: ${escapeControls(checks)}`);
    }
  }
  return reasons;
}

/** Whether the analysis reached the level `--fail-on` names. */
export function failOnReached(analysis: Analysis, level: FailOn): boolean {
  return failOnReasons(analysis, level).length > 0;
}
