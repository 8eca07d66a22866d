// The editor's quick fixes (lightbulb, Ctrl+.) at a line: a did-you-mean rename for an unknown
// field, and the Pod Security fixes of the workload whose text holds the line. On a problem's hover
// only the fixes for that problem are offered, so "Quick Fix…" never leads to an unrelated list.
import type { Analysis, Diagnostic, Workload } from "../core/types";
import { didYouMeanFix, fixEdit, fixesFor, targetOf } from "../core/fixes";
import type { QuickFix } from "./editor/Editor";

/**
 * Each Pod Security fix re-reads the text on the page's thread, and Monaco asks for code actions on
 * its own (the lightbulb) whenever the cursor moves: a 150 KB hostile link held the page for 20 s.
 * Above a hand-written manifest's size the panel's Fix buttons are the way instead.
 */
const PSS_FIXES_UP_TO = 32_000;

function workloadAt(ws: readonly Workload[], line: number): Workload | undefined {
  let found: Workload | undefined;
  for (const w of ws) {
    if (w.line <= line) found = w;
    else break;
  }
  return found;
}

export function quickFixesAt(
  text: string,
  analysis: Analysis | null,
  problems: readonly Diagnostic[],
  line: number,
  /** Codes of the problems the request is about (a hover on a marker), or empty for the lightbulb. */
  markerCodes: readonly string[],
  kubernetes: string,
  imageUsers: Record<string, number | string>,
): QuickFix[] {
  const out: QuickFix[] = [];
  for (const d of problems) {
    if (d.line !== line || d.code !== "unknown-field") continue;
    const f = didYouMeanFix(text, d);
    if (f) out.push({ ...f, preferred: true });
  }
  if (markerCodes.length && !markerCodes.some((c) => c.startsWith("pss-"))) return out;
  if (!analysis || text.length > PSS_FIXES_UP_TO) return out;
  const w = workloadAt(analysis.workloads, line);
  if (!w?.pss) return out;
  for (const level of ["baseline", "restricted"] as const) {
    if (level === "restricted" && !w.pss.baseline.allowed) continue; // baseline first
    for (const fix of fixesFor(text, targetOf(w), level, kubernetes, imageUsers)) {
      const edit = fixEdit(text, targetOf(w), fix);
      if (edit) out.push({ title: `Pod Security (${level}): ${fix.description}`, edit });
    }
  }
  return out;
}
