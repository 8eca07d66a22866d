// One list of problems: the analysis's own diagnostics (YAML, API validation, startup) and the Pod
// Security violations of every workload, in text order. The same list feeds the Problems pane and
// the editor's underlines.
import type { Analysis, Diagnostic } from "../core/types";
import { pssDiagnostics } from "../core/pss/problems";
import { textLocator } from "../core/yaml/locator";

/**
 * Above this size the text is not parsed again on the page (the main thread): violations sit on the
 * lines the analysis knows. Parsing with positions costs ~100× a plain read, and a 120 KB hostile
 * share link held the page for 20 s here; a hand-written manifest is well under this.
 */
const LOCATE_UP_TO = 32_000;
/** A dump of thousands of pods: enough to act on; the panel and exports have every result. */
const MAX_PSS_PROBLEMS = 5_000;

export function allProblems(analysis: Analysis | null, text: string): Diagnostic[] {
  if (!analysis) return [];
  const pss: Diagnostic[] = [];
  if (analysis.workloads.some((w) => w.pss && (!w.pss.baseline.allowed || !w.pss.restricted.allowed))) {
    let locate: ReturnType<typeof textLocator> | undefined;
    try {
      locate = text.length <= LOCATE_UP_TO ? textLocator(text) : undefined;
    } catch {
      locate = undefined; // positions are a nicety: the lines the analysis carries will do
    }
    for (const w of analysis.workloads) {
      if (pss.length >= MAX_PSS_PROBLEMS) break;
      pss.push(...pssDiagnostics(w, locate));
    }
  }
  if (!pss.length) return analysis.diagnostics;
  return [...analysis.diagnostics, ...pss.slice(0, MAX_PSS_PROBLEMS)].sort((a, b) => a.line - b.line || a.column - b.column);
}

const cache = new WeakMap<Analysis, Diagnostic[]>();
const NONE: Diagnostic[] = [];
/** allProblems, once per analysis (the editor and the Problems list share it). */
export function problemsOf(analysis: Analysis | null, text: string): Diagnostic[] {
  if (!analysis) return NONE;
  let d = cache.get(analysis);
  if (!d) cache.set(analysis, (d = allProblems(analysis, text)));
  return d;
}

/** "1 error", "2 errors", "0 errors". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
