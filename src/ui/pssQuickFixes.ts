// The Pod Security quick fixes at a line, made where the text is parsed: the analysis worker (or the
// page's own analysis when there is no worker). See quickFixes.ts for the editor's side.
import type { Analysis, Workload } from "../core/types";
import { fixEdit, fixesFor, targetOf } from "../core/fixes";
import type { QuickFix } from "./editor/Editor";

function workloadAt(ws: readonly Workload[], line: number): Workload | undefined {
  let found: Workload | undefined;
  for (const w of ws) {
    if (w.line <= line) found = w;
    else break;
  }
  return found;
}

/**
 * Each of a fix's edits parses the text again (fixEdit), so a fix that touches every container of a
 * pod of a thousand is a thousand parses: such fixes are not offered as quick fixes (the panel's
 * Fix buttons remain), and the search stops after a time, so the worker is free for the next
 * analysis. Measured on the issue-16 pod (1,000 containers, 120 KB): over a minute for its fixes.
 */
export const FIX_PARSE_BUDGET_CHARS = 2_000_000;
export const FIXES_WITHIN_MS = 500;

/** The Pod Security fixes of the workload whose text holds the line (baseline first), as edits of `text`. */
export function pssFixesAt(text: string, analysis: Analysis, line: number, kubernetes: string | undefined, imageUsers: Record<string, number | string>, withinMs = FIXES_WITHIN_MS): QuickFix[] {
  const out: QuickFix[] = [];
  const until = performance.now() + withinMs;
  const w = workloadAt(analysis.workloads, line);
  if (!w?.pss) return out;
  for (const level of ["baseline", "restricted"] as const) {
    if (level === "restricted" && !w.pss.baseline.allowed) continue; // baseline first
    if (w.pss[level].allowed) continue;
    for (const fix of fixesFor(text, targetOf(w), level, kubernetes, imageUsers)) {
      if (performance.now() > until) return out;
      if (fix.edits.length * text.length > FIX_PARSE_BUDGET_CHARS) continue;
      const edit = fixEdit(text, targetOf(w), fix);
      if (edit) out.push({ title: `Pod Security (${level}): ${fix.description}`, edit });
    }
  }
  return out;
}
