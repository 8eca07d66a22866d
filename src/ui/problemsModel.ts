// One list of problems: the analysis's own diagnostics (YAML, API validation, startup) and the Pod
// Security violations of every workload, in text order. The same list feeds the Problems pane and
// the editor's underlines.
//
// The list is made in the analysis worker, beside the analysis it belongs to (positions need the
// text parsed again, which can cost seconds on a big or hostile text), and arrives with it; the page
// only looks it up. Without a worker (the analysis is then made on the page anyway) it is made here.
import type { Analysis, Diagnostic } from "../core/types";
import { pssDiagnostics } from "../core/pss/problems";
import { textLocator } from "../core/yaml/locator";
import { capDiagnostics, DISPLAY_LIMITS } from "./displayCap";

/**
 * Above this size the text is not parsed again for exact ranges: violations sit on the lines the
 * analysis knows. Parsing with positions costs about as much as the analysis itself; for a dump of
 * this size the worker's time matters more than an underline's exact columns.
 */
const LOCATE_UP_TO = 2_000_000;
/** A dump of thousands of pods: enough to act on; the panel and exports have every result. */
const MAX_PSS_PROBLEMS = 5_000;
/**
 * Characters of one problem's message shown (list and hover). Pod Security names every container a
 * violation concerns, so a pod of a thousand containers gives messages of many kilobytes each, and
 * hundreds of them cost the page seconds of layout. Exports keep the whole wording.
 */
export const MESSAGE_CHARS = 300;
/**
 * Problems the page receives (list and underlines, as many as the list shows), then one note of the
 * rest. A pod of a thousand containers has thousands of Pod Security problems (four per container),
 * and receiving and marking them all held the page longer than drawing the graph.
 */
export const PROBLEMS_SHOWN = 300;

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
      // The containers the graph shows: placing each container's violations scans every violation's
      // text, which names every container, so a pod of 3,000 took minutes placed whole.
      const shown = w.containers.length > DISPLAY_LIMITS.containers ? { ...w, containers: w.containers.slice(0, DISPLAY_LIMITS.containers) } : w;
      pss.push(...pssDiagnostics(shown, locate));
    }
  }
  if (!pss.length) return analysis.diagnostics;
  return [...analysis.diagnostics, ...pss.slice(0, MAX_PSS_PROBLEMS)].sort((a, b) => a.line - b.line || a.column - b.column);
}

/** A message cut to `max` characters at a word, saying how much was left out. */
export function shortMessage(message: string, max = MESSAGE_CHARS): string {
  if (message.length <= max) return message;
  const cut = message.lastIndexOf(" ", max);
  const at = cut > max / 2 ? cut : max;
  return `${message.slice(0, at)} … (${(message.length - at).toLocaleString("en-US")} more characters)`;
}

/** The problems as the page shows them: the first ones (with a note of the rest), messages cut short. */
export function displayProblems(problems: Diagnostic[]): Diagnostic[] {
  const capped = capDiagnostics(problems, PROBLEMS_SHOWN);
  return capped.some((d) => d.message.length > MESSAGE_CHARS) ? capped.map((d) => (d.message.length > MESSAGE_CHARS ? { ...d, message: shortMessage(d.message) } : d)) : capped;
}

const cache = new WeakMap<Analysis, Diagnostic[]>();
const NONE: Diagnostic[] = [];

/** Records the problems made in the worker for an analysis the page received. */
export function attachProblems(analysis: Analysis, problems: Diagnostic[]): void {
  cache.set(analysis, problems);
}

/** The analysis's problems (the editor and the Problems list share them); made here only without a worker. */
export function problemsOf(analysis: Analysis | null, text: string): Diagnostic[] {
  if (!analysis) return NONE;
  let d = cache.get(analysis);
  if (!d) cache.set(analysis, (d = displayProblems(allProblems(analysis, text))));
  return d;
}

/** "1 error", "2 errors", "0 errors". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
