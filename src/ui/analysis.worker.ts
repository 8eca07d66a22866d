// Runs the core off the main thread: typing never waits for an analysis.
//
// The worker keeps the whole analysis and sends the page a copy it can draw (displayCap.ts): whole
// when small, with long lists cut when big in values, light (containers on demand) for big dumps. The
// page asks for one workload's details when it shows it, or for the whole analysis when the person
// exports it, and for one container's actions when the panel shows them (pageActions.ts: they are
// most of an analysis' size). Big texts arrive as transferred UTF-8 bytes, so posting them copies nothing. When a
// keystroke changes nothing the page shows (a comment, a blank line), the worker says "unchanged"
// instead of sending the same analysis again, and the page does not redraw.
//
// The Problems list (with Pod Security violations placed on the fields they name) is made here too,
// and so are the Pod Security quick fixes when the editor asks for them: both read the text again,
// which the page's thread must never do on a big or hostile text.
import { analyze, analyzeParsed } from "../core/analyze";
import { parseYamlText } from "../core/yaml/parse";
import type { Analysis, AnalyzeOptions } from "../core/types";
import type { WorkerRequest, WorkerResponse } from "./analysisClient";
import { detailCopy, displayCopy } from "./displayCap";
import { actionsFor, pageCopy, workloadWithoutActions } from "./pageActions";
import { displayProblems } from "./problemsModel";
import { allProblems, LOCATE_UP_TO } from "./problemsMake";
import { pssFixesAt } from "./pssQuickFixes";

/** The newest analysis, its text and options, and every request id it answers (an unchanged answer keeps the older ids valid). */
let kept: { ids: Set<number>; analysis: Analysis; text: string; options: AnalyzeOptions } | undefined;
/** What the page was last sent, as JSON (small copies only). */
let lastSent: string | undefined;

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  const post = (r: WorkerResponse) => (self as unknown as Worker).postMessage(r);
  if (msg.type === "detail") {
    const w = kept?.ids.has(msg.id) ? kept.analysis.workloads[msg.index] : undefined;
    post({ type: "detail", id: msg.id, index: msg.index, workload: w && workloadWithoutActions(detailCopy(w, msg.limits), msg.index) });
    return;
  }
  if (msg.type === "actions") {
    post({ type: "actions", id: msg.id, at: msg.at, actions: kept?.ids.has(msg.id) ? actionsFor(kept.analysis, msg.at) : undefined });
    return;
  }
  if (msg.type === "full") {
    post({ type: "full", id: msg.id, analysis: kept?.ids.has(msg.id) ? kept.analysis : null });
    return;
  }
  if (msg.type === "fixes") {
    let fixes: ReturnType<typeof pssFixesAt> = [];
    try {
      if (kept?.ids.has(msg.id)) fixes = pssFixesAt(kept.text, kept.analysis, msg.line, kept.options.kubernetes, kept.options.imageUsers ?? {});
    } catch {
      fixes = []; // a fix is an offer: none rather than a broken editor
    }
    post({ type: "fixes", id: msg.id, line: msg.line, fixes });
    return;
  }
  post({ type: "started", id: msg.id });
  const t0 = performance.now();
  try {
    const text = msg.bytes ? new TextDecoder().decode(msg.bytes) : (msg.text ?? "");
    // One parse for the analysis and for placing the problems (it was parsed twice a keystroke);
    // a text too big to be placed is not held parsed any longer than its analysis needs.
    const parsed = text.length <= LOCATE_UP_TO ? parseYamlText(text) : undefined;
    const analysis = parsed ? analyzeParsed(parsed, msg.options) : analyze(text, msg.options);
    const copy = displayCopy(analysis, text.length);
    const partial = copy.light || copy.analysis !== analysis;
    const sent = pageCopy(copy.analysis, partial);
    const problems = displayProblems(allProblems(analysis, text, parsed));
    const ms = performance.now() - t0;
    // Light copies are big: comparing them would cost more than it saves. The actions count although
    // they are not sent (a change of node assumptions changes only them, and the page asks for them):
    // through the options they are made from, not as themselves — written out they were 85% of the
    // JSON (405 KB for 24 containers, every keystroke).
    const json = copy.light ? undefined : JSON.stringify([sent, problems, sent === copy.analysis ? 0 : msg.options]);
    if (json !== undefined && json === lastSent && kept) {
      kept.ids.add(msg.id);
      kept.text = text;
      post({ type: "analysis", id: msg.id, unchanged: true, ms, chars: text.length });
      return;
    }
    kept = { ids: new Set([msg.id]), analysis, text, options: msg.options };
    lastSent = json;
    post({ type: "analysis", id: msg.id, analysis: sent, problems, light: copy.light, partial: partial || sent !== copy.analysis, ms, chars: text.length });
  } catch (err) {
    lastSent = undefined;
    post({ type: "analysis", id: msg.id, error: err instanceof Error ? err.message : String(err), ms: performance.now() - t0, chars: 0 });
  }
};
