// One list of problems: the analysis's own diagnostics (YAML, API validation, startup) and the Pod
// Security violations of every workload, in text order. The same list feeds the Problems pane and
// the editor's underlines.
//
// The list is made beside the analysis it belongs to (problemsMake.ts: positions need the text
// parsed again, which can cost seconds on a big or hostile text), in the worker or, without one, in
// the page's own analysis, and arrives with it; this file only looks it up and shapes it for display,
// so the page's first script needs no YAML parser.
import type { Analysis, Diagnostic } from "../core/types";
import { capDiagnostics } from "./displayCap";

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

/** Cutting a message shorter than this over the limit would save less than its note costs. */
const CUT_SLACK = 60;

/**
 * A message cut to about `max` characters, saying how much was left out. The middle goes, not the
 * end: Pod Security's long messages are long in their list of containers, and their end says what
 * to set ("… must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"").
 * Both cuts fall between words.
 */
export function shortMessage(message: string, max = MESSAGE_CHARS): string {
  if (message.length <= max + CUT_SLACK) return message;
  const tailMax = Math.floor(max / 3);
  const space = message.indexOf(" ", message.length - tailMax);
  const from = space >= 0 && space < message.length - tailMax / 2 ? space + 1 : message.length - tailMax;
  const headMax = max - tailMax;
  const cut = message.lastIndexOf(" ", headMax);
  const at = cut > headMax / 2 ? cut : headMax;
  return `${message.slice(0, at)} … (${(from - at).toLocaleString("en-US")} characters left out) … ${message.slice(from)}`;
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

/**
 * The analysis's problems (the editor and the Problems list share them), as attached by the client.
 * An analysis that came some other way has only its own diagnostics (no Pod Security placement).
 */
export function problemsOf(analysis: Analysis | null): Diagnostic[] {
  if (!analysis) return NONE;
  let d = cache.get(analysis);
  if (!d) cache.set(analysis, (d = displayProblems(analysis.diagnostics)));
  return d;
}

/** "1 error", "2 errors", "0 errors". */
export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
