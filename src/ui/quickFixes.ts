// The editor's quick fixes (lightbulb, Ctrl+.) at a line: a did-you-mean rename for an unknown
// field, and the Pod Security fixes of the workload whose text holds the line. On a problem's hover
// only the fixes for that problem are offered, so "Quick Fix…" never leads to an unrelated list.
//
// Pod Security fixes read the text again (a parse per fix), so they are made in the analysis worker,
// which holds the text of the analysis on screen, and asked for when Monaco asks (the lightbulb asks
// whenever the cursor moves): the page never parses the text (pssQuickFixes.ts). Renames need only
// the line index, so this file, which the page loads, keeps clear of the YAML parser.
import type { Diagnostic } from "../core/types";
import { didYouMeanFix } from "../core/renameFix";
import type { QuickFix } from "./editor/Editor";

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
