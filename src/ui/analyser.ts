// The analyser behind the page: it makes an analysis and what the page draws of it, keeps the whole
// one, and answers the page's later questions about it (a workload's details, a container's actions,
// the whole analysis, the Pod Security fixes at a line). It runs in the analysis worker; the page
// runs one too, for each keystroke in a small text (analysisClient.ts) and when no worker can start.
//
// It keeps the whole analysis and gives the page a copy it can draw (displayCap.ts): whole when
// small, with long lists cut when big in values, light (containers on demand) for big dumps; the
// containers' actions stay here unless the analysis is small (pageActions.ts: they are most of its
// size). When a text's analysis draws exactly what the last one drew (a key in a comment, a blank
// line), it answers "unchanged" and the page does not redraw. The Problems list (with Pod Security
// violations placed on the fields they name) is made here too: it reads the text again, which the
// page must never do on a big or hostile text. Pure functions and data, no DOM.
import { analyze, analyzeParsed } from "../core/analyze";
import { parseYamlText } from "../core/yaml/parse";
import type { Analysis, AnalyzeOptions } from "../core/types";
import type { WorkerRequest, WorkerResponse } from "./analysisClient";
import { detailCopy, displayCopy } from "./displayCap";
import { actionsFor, pageCopy, workloadWithoutActions } from "./pageActions";
import { displayProblems } from "./problemsModel";
import { allProblems, LOCATE_UP_TO } from "./problemsMake";
import { pssFixesAt } from "./pssQuickFixes";

type AnalysisAnswer = Extract<WorkerResponse, { type: "analysis" }>;
type Question = Exclude<WorkerRequest, { type: "analyze" }>;

export class Analyser {
  /** The newest analysis, its text and options, and every request id it answers (an unchanged answer keeps the older ids valid). */
  private kept: { ids: Set<number>; analysis: Analysis; text: string; options: AnalyzeOptions } | undefined;
  /** What the page was last sent, as JSON (small copies only). */
  private lastSent: string | undefined;

  /** Whether this analyser holds the analysis of request `id`. */
  holds(id: number): boolean {
    return this.kept?.ids.has(id) ?? false;
  }

  /** Analyses a text (`bytes`: as transferred UTF-8). Never throws: a failure is an answer. */
  analyse(id: number, options: AnalyzeOptions, text?: string, bytes?: ArrayBuffer): AnalysisAnswer {
    const t0 = performance.now();
    try {
      const source = bytes ? new TextDecoder().decode(bytes) : (text ?? "");
      // One parse for the analysis and for placing the problems; a text too big to be placed is
      // not held parsed any longer than its analysis needs.
      const parsed = source.length <= LOCATE_UP_TO ? parseYamlText(source) : undefined;
      const analysis = parsed ? analyzeParsed(parsed, options) : analyze(source, options);
      const copy = displayCopy(analysis, source.length);
      const partial = copy.light || copy.analysis !== analysis;
      const sent = pageCopy(copy.analysis, partial);
      const problems = displayProblems(allProblems(analysis, source, parsed));
      const ms = performance.now() - t0;
      // Light copies are big: comparing them would cost more than it saves. The actions count although
      // they are not sent (a change of node assumptions changes only them, and the page asks for them):
      // through the options they are made from, not as themselves — written out they were 85% of the
      // JSON (405 KB for 24 containers, every keystroke).
      const json = copy.light ? undefined : JSON.stringify([sent, problems, sent === copy.analysis ? 0 : options]);
      if (json !== undefined && json === this.lastSent && this.kept) {
        this.kept.ids.add(id);
        this.kept.text = source;
        return { type: "analysis", id, unchanged: true, ms, chars: source.length };
      }
      this.kept = { ids: new Set([id]), analysis, text: source, options };
      this.lastSent = json;
      return { type: "analysis", id, analysis: sent, problems, light: copy.light, partial: partial || sent !== copy.analysis, ms, chars: source.length };
    } catch (err) {
      this.lastSent = undefined;
      return { type: "analysis", id, error: err instanceof Error ? err.message : String(err), ms: performance.now() - t0, chars: 0 };
    }
  }

  /** Answers a question about a kept analysis (nothing, when it no longer holds that one). */
  answer(q: Question): WorkerResponse {
    const kept = this.kept?.ids.has(q.id) ? this.kept : undefined;
    switch (q.type) {
      case "detail": {
        const w = kept?.analysis.workloads[q.index];
        return { type: "detail", id: q.id, index: q.index, workload: w && workloadWithoutActions(detailCopy(w, q.limits), q.index) };
      }
      case "actions":
        return { type: "actions", id: q.id, at: q.at, actions: kept ? actionsFor(kept.analysis, q.at) : undefined };
      case "full":
        return { type: "full", id: q.id, analysis: kept ? kept.analysis : null };
      case "fixes": {
        let fixes: ReturnType<typeof pssFixesAt> = [];
        try {
          if (kept) fixes = pssFixesAt(kept.text, kept.analysis, q.line, kept.options.kubernetes, kept.options.imageUsers ?? {});
        } catch {
          fixes = []; // a fix is an offer: none rather than a broken editor
        }
        return { type: "fixes", id: q.id, line: q.line, fixes };
      }
    }
  }
}
