// What the page can draw: an Analysis cut down for display. A few kilobytes of YAML can expand into
// hundreds of megabytes of analysis (a thousand containers each inheriting twenty thousand
// supplementalGroups), and the page would freeze receiving and drawing it. The worker keeps the whole
// analysis and sends this copy; "show all" asks it again with higher limits. Pure functions, no DOM.

import type { Analysis, Diagnostic, Workload } from "../core/types";

export interface DisplayLimits {
  /** Containers per workload drawn in the graph. */
  containers: number;
  /** Items of any one list (supplementalGroups, process groups, capabilities, …). */
  values: number;
  /** Characters of any one string value. */
  chars: number;
  /** Problems listed (and marked in the editor). */
  diagnostics: number;
}

/** A workload of up to this many containers (and not cut down) is drawn in the render that receives its analysis; a bigger one in a deferred render. */
export const DRAW_AT_ONCE_CONTAINERS = 32;

export const DISPLAY_LIMITS: DisplayLimits = { containers: 24, values: 64, chars: 2_000, diagnostics: 2_000 };
/** "show all": every container and every value, still within what one page can hold (see fitsPage). */
export const SHOW_ALL: DisplayLimits = { containers: Infinity, values: Infinity, chars: Infinity, diagnostics: DISPLAY_LIMITS.diagnostics };

/** What was left out of a workload's display copy. */
export interface CapReport {
  /** Containers in the workload, when only the first `limits.containers` are included. */
  containersTotal?: number;
  /** Lists and strings that were shortened. */
  valuesCut: number;
  /** The longest list that was shortened. */
  longestList: number;
}

export type DisplayWorkload = Workload & { capped?: CapReport };

/** A workload drawn in the render that receives its analysis: small (DRAW_AT_ONCE_CONTAINERS) and not cut down. */
export function drawnAtOnce(w: Workload): boolean {
  return w.containers.length <= DRAW_AT_ONCE_CONTAINERS && (w as DisplayWorkload).capped === undefined;
}

/** The text that stands for the cut part of a list, as its last item. */
export const moreItems = (n: number) => `… ${n.toLocaleString("en-US")} more`;

/** A copy of a value with long lists and strings shortened (the cut part named by its last item). */
export function capValue(v: unknown, limits: DisplayLimits, report: CapReport, depth = 0): unknown {
  if (typeof v === "string") {
    if (v.length <= limits.chars) return v;
    report.valuesCut++;
    return `${v.slice(0, limits.chars)}${moreItems(v.length - limits.chars)} characters`;
  }
  if (v === null || typeof v !== "object" || depth > 64) return v;
  if (Array.isArray(v)) {
    const cut = v.length > limits.values;
    if (cut) {
      report.valuesCut++;
      report.longestList = Math.max(report.longestList, v.length);
    }
    const kept = (cut ? v.slice(0, limits.values) : v).map((x) => capValue(x, limits, report, depth + 1));
    // A list of values ends with a note of what was cut; a list of records (volumes) cannot hold one:
    // the workload's CapReport says it instead.
    if (cut && kept.every((x) => x === null || typeof x !== "object")) kept.push(moreItems(v.length - limits.values));
    return kept;
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = capValue(x, limits, report, depth + 1);
  return out;
}

/** A workload as the page shows it: its first containers, every long list shortened. */
export function capWorkload(w: Workload, limits: DisplayLimits = DISPLAY_LIMITS): DisplayWorkload {
  const report: CapReport = { valuesCut: 0, longestList: 0 };
  const { containers, ...rest } = w;
  const shown = containers.length > limits.containers ? containers.slice(0, limits.containers) : containers;
  const out = capValue(rest, limits, report) as Omit<Workload, "containers">;
  const capped: DisplayWorkload = { ...out, containers: shown.map((c) => capValue(c, limits, report) as Workload["containers"][number]) };
  if (shown.length < containers.length) report.containersTotal = containers.length;
  if (report.containersTotal !== undefined || report.valuesCut > 0) capped.capped = report;
  return capped;
}

/** The first problems, and one note that says how many more there are. */
export function capDiagnostics(ds: Diagnostic[], max: number): Diagnostic[] {
  if (ds.length <= max) return ds;
  const rest = ds.slice(max);
  const errors = rest.filter((d) => d.severity === "error").length;
  const note: Diagnostic = {
    severity: "info",
    code: "display-capped",
    message: `${rest.length.toLocaleString("en-US")} more problems (${errors.toLocaleString("en-US")} errors) are not listed here: the first ${max.toLocaleString("en-US")} are. Fix those first, or run the command line to list them all.`,
    line: rest[0].line,
    column: rest[0].column,
  };
  return [...ds.slice(0, max), note];
}

/**
 * How many values (object keys and list items) a value holds, counted up to `budget` and no further:
 * cheap to ask of a huge analysis. Shared objects count once per place they appear, as the page
 * would draw them.
 */
export function sizeOf(v: unknown, budget: number): number {
  let n = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0 && n <= budget) {
    const x = stack.pop();
    n++;
    if (x === null || typeof x !== "object") continue;
    if (Array.isArray(x)) {
      for (let i = 0; i < x.length && n + stack.length <= budget; i++) stack.push(x[i]);
      if (x.length > budget) n += x.length; // one huge list alone is over budget
    } else for (const k in x) stack.push((x as Record<string, unknown>)[k]);
  }
  return n;
}

/** Values (keys and list items) a page receives and draws at once without a long pause. */
export const PAGE_BUDGET = 150_000;

/** What "show all" may bring at once: asked for, so a pause of a second or so is acceptable. */
export const SHOW_ALL_BUDGET = 4 * PAGE_BUDGET;

export const fitsPage = (v: unknown, budget = PAGE_BUDGET) => sizeOf(v, budget) <= budget;

/** The analysis with every workload and the problems cut down for display. */
export function capAnalysis(a: Analysis, limits: DisplayLimits = DISPLAY_LIMITS): Analysis {
  return { ...a, diagnostics: capDiagnostics(a.diagnostics, limits.diagnostics), workloads: a.workloads.map((w) => capWorkload(w, limits)) };
}

/** Above this many workloads, or this much text, the page gets the light copy (containers on demand). */
export const LIGHT_ABOVE_WORKLOADS = 150;
export const LIGHT_ABOVE_CHARS = 1_500_000;

/**
 * A workload as the workload list shows it: what names and places it, and its Pod Security verdicts
 * without their violations. The page asks the worker for the rest (the pod's fields, the volumes, the
 * containers) when it shows the workload. Everything else made the light copy of a 5,000-pod dump
 * 9 MB, a page task of a third of a second just to receive.
 */
export function lightWorkload(w: Workload, limits: DisplayLimits = DISPLAY_LIMITS): Workload {
  const { containers, pod, pss, volumes: _volumes, podSettings: _podSettings, ...rest } = w;
  const out = capValue(rest, limits, { valuesCut: 0, longestList: 0 }) as Omit<Workload, "containers" | "pod" | "pss">;
  const verdict = (l: { allowed: boolean }) => ({ allowed: l.allowed, violations: [] });
  return {
    ...out,
    pod: { path: pod.path, line: pod.line, endLine: pod.endLine, fields: [] },
    ...(pss ? { pss: { baseline: verdict(pss.baseline), restricted: verdict(pss.restricted) } } : {}),
    containers: [],
    containerCount: containers.length,
    light: true,
  };
}

/**
 * The copy of an analysis the page receives: whole when it is small, cut down when it is big in
 * values (chosen by the analysis's size, not the text's), light (no container details) when it is
 * still too big or has many workloads.
 */
export function displayCopy(a: Analysis, textChars: number, budget = PAGE_BUDGET): { analysis: Analysis; light: boolean } {
  if (a.workloads.length <= LIGHT_ABOVE_WORKLOADS && textChars <= LIGHT_ABOVE_CHARS) {
    if (fitsPage(a, budget)) return { analysis: a, light: false };
    const capped = capAnalysis(a);
    if (fitsPage(capped, budget)) return { analysis: capped, light: false };
  }
  return { analysis: { ...a, diagnostics: capDiagnostics(a.diagnostics, DISPLAY_LIMITS.diagnostics), workloads: a.workloads.map((w) => lightWorkload(w)) }, light: true };
}

/**
 * One workload for the page with the limits asked for ("show all"), as far as the page can hold:
 * when all of it would not fit, every container with short lists, else the default cut.
 */
export function detailCopy(w: Workload, wanted: DisplayLimits = DISPLAY_LIMITS, budget = wanted.containers > DISPLAY_LIMITS.containers ? SHOW_ALL_BUDGET : PAGE_BUDGET): DisplayWorkload {
  const tries = [wanted, { ...DISPLAY_LIMITS, containers: wanted.containers }, DISPLAY_LIMITS];
  for (const limits of tries) {
    const copy = capWorkload(w, limits);
    if (fitsPage(copy, budget) || limits === DISPLAY_LIMITS) return copy;
  }
  return capWorkload(w); // not reached: the last try always returns
}
