// The editor's quick fixes (lightbulb, Ctrl+.) at a line: a did-you-mean rename for an unknown
// field, and the Pod Security fixes of the workload whose text holds the line. On a problem's hover
// only the fixes for that problem are offered, so "Quick Fix…" never leads to an unrelated list.
//
// Pod Security fixes read the text again (a parse per fix), so they are made in the analysis worker,
// which holds the text of the analysis on screen, and asked for when Monaco asks (the lightbulb asks
// whenever the cursor moves): the page never parses the text. Renames need only the line index.
import type { Analysis, Diagnostic, Workload } from "../core/types";
import { didYouMeanFix, fixEdit, fixesFor, targetOf } from "../core/fixes";
import type { QuickFix } from "./editor/Editor";

function workloadAt(ws: readonly Workload[], line: number): Workload | undefined {
  let found: Workload | undefined;
  for (const w of ws) {
    if (w.line <= line) found = w;
    else break;
  }
  return found;
}

/** Whether a request (a hover on markers with these codes, or the lightbulb: none) is about Pod Security. */
export const wantsPssFixes = (markerCodes: readonly string[]) => !markerCodes.length || markerCodes.some((c) => c.startsWith("pss-"));

/** The did-you-mean renames for the unknown fields at a line. */
export function renameFixesAt(text: string, problems: readonly Diagnostic[], line: number): QuickFix[] {
  const out: QuickFix[] = [];
  for (const d of problems) {
    if (d.line !== line || d.code !== "unknown-field") continue;
    const f = didYouMeanFix(text, d);
    if (f) out.push({ ...f, preferred: true });
  }
  return out;
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
