// Makes the one list of problems: the analysis's own diagnostics (YAML, API validation, startup) and
// the Pod Security violations of every workload placed on their fields, in text order. It parses the
// text again for positions, so it runs where the analysis runs (the worker, or the page's fallback),
// never on the page for an analysis it received (problemsModel.ts).
import type { Analysis, Diagnostic } from "../core/types";
import { pssDiagnostics } from "../core/pss/problems";
import { textLocator } from "../core/yaml/locator";
import type { ParsedText } from "../core/yaml/parse";
import { DISPLAY_LIMITS } from "./displayCap";

/**
 * Above this size the text is not parsed again for exact ranges: violations sit on the lines the
 * analysis knows. Parsing with positions costs about as much as the analysis itself; for a dump of
 * this size the worker's time matters more than an underline's exact columns.
 */
export const LOCATE_UP_TO = 2_000_000;
/** A dump of thousands of pods: enough to act on; the panel and exports have every result. */
const MAX_PSS_PROBLEMS = 5_000;
/** `parsed`: the text as the analysis parsed it, to place violations without parsing it again. */
export function allProblems(analysis: Analysis | null, text: string, parsed?: ParsedText): Diagnostic[] {
  if (!analysis) return [];
  const pss: Diagnostic[] = [];
  if (analysis.workloads.some((w) => w.pss && (!w.pss.baseline.allowed || !w.pss.restricted.allowed))) {
    let locate: ReturnType<typeof textLocator> | undefined;
    try {
      locate = text.length <= LOCATE_UP_TO ? textLocator(text, parsed) : undefined;
    } catch {
      locate = undefined; // positions are a nicety: the lines the analysis carries will do
    }
    for (const w of analysis.workloads) {
      if (pss.length >= MAX_PSS_PROBLEMS) break;
      // The containers the graph shows: placing each container's violations scans every violation's
      // text, which names every container, so a pod of 3,000 took minutes placed whole.
      const shown = w.containers.length > DISPLAY_LIMITS.containers ? { ...w, containers: w.containers.slice(0, DISPLAY_LIMITS.containers) } : w;
      pss.push(...pssDiagnostics(shown, locate));
    }
  }
  if (!pss.length) return analysis.diagnostics;
  return [...analysis.diagnostics, ...pss.slice(0, MAX_PSS_PROBLEMS)].sort((a, b) => a.line - b.line || a.column - b.column);
}
