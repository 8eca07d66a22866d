// The workloads on screen and the selected one, derived from the store's analysis and selection.
import { useEffect, useMemo } from "react";
import type { Workload } from "../../core/types";
import { appStore, useApp } from "./store";
import { analysisClient, isUnreadable } from "./useAnalysis";

export interface ListedWorkload {
  key: string;
  workload: Workload;
  /** Drawn from the last good analysis of this document while part of it cannot be read. */
  stale: boolean;
}

export const workloadKey = (w: Workload) => `${w.kind}|${w.namespace ?? ""}|${w.name}|${w.podSpecPath}|${w.document}`;
const matchKey = (w: Workload) => `${w.kind}|${w.namespace ?? ""}|${w.name}|${w.podSpecPath}`;

/** The workload whose text holds a line: the last one that starts at or before it. */
export function workloadAt(ws: readonly Workload[], line: number): Workload | undefined {
  let found: Workload | undefined;
  for (const w of ws) {
    if (w.line <= line) found = w;
    else break;
  }
  return found;
}

export function useListedWorkloads(): ListedWorkload[] {
  const analysis = useApp((s) => s.result.analysis);
  const lastGood = useApp((s) => s.result.lastGood);
  const analysedDocId = useApp((s) => s.result.analysedDocId);
  return useMemo(() => {
    if (!analysis) return [];
    const current = analysis.workloads.map((workload) => ({ key: workloadKey(workload), workload, stale: false }));
    // The last good workloads stay, dimmed, only while the same document is being edited: a new
    // paste that cannot be read shows nothing of an unrelated older text.
    if (!lastGood || lastGood.analysis === analysis || lastGood.docId !== analysedDocId || !analysis.diagnostics.some(isUnreadable)) return current;
    const have = new Set(analysis.workloads.map(matchKey));
    const kept = lastGood.analysis.workloads.filter((w) => !have.has(matchKey(w))).map((workload) => ({ key: workloadKey(workload), workload, stale: true }));
    return [...current, ...kept].sort((a, b) => a.workload.line - b.workload.line);
  }, [analysis, lastGood, analysedDocId]);
}

export interface ActiveWorkload {
  listed: ListedWorkload[];
  /** The selected row (maybe a light workload whose details are not here yet). */
  listedActive: ListedWorkload | undefined;
  /** The selected workload with its containers. */
  active: ListedWorkload | undefined;
  loadingDetails: boolean;
}

export function useActiveWorkload(): ActiveWorkload {
  const listed = useListedWorkloads();
  const selected = useApp((s) => s.selection.workload);
  const analysis = useApp((s) => s.result.analysis);
  const details = useApp((s) => s.result.details);
  return useMemo(() => {
    const listedActive = listed.find((s) => s.key === selected) ?? listed[0];
    const index = listedActive && analysis ? analysis.workloads.indexOf(listedActive.workload) : -1;
    // Details: the containers of a light workload, or all of a cut-down one ("show all").
    const detailed = index !== -1 ? details.get(index) : undefined;
    const active = listedActive && (!listedActive.workload.light || detailed) ? { ...listedActive, workload: detailed ?? listedActive.workload } : undefined;
    return { listed, listedActive, active, loadingDetails: listedActive !== undefined && active === undefined };
  }, [listed, selected, analysis, details]);
}

/** Mount once: a light workload (a big dump) gets its containers from the worker when it is shown. */
export function useDetailsLoader(): void {
  const { listedActive } = useActiveWorkload();
  const analysis = useApp((s) => s.result.analysis);
  const renderedId = useApp((s) => s.result.renderedId);
  const details = useApp((s) => s.result.details);
  useEffect(() => {
    const index = listedActive && analysis ? analysis.workloads.indexOf(listedActive.workload) : -1;
    const c = analysisClient();
    if (!listedActive?.workload.light || index === -1 || details.has(index) || !c) return;
    let live = true;
    c.detail(renderedId, index).then((w) => {
      const { result, setResult } = appStore.getState();
      if (live && w && result.renderedId === renderedId) setResult({ details: new Map(result.details).set(index, w) });
    });
    return () => {
      live = false;
    };
  }, [listedActive, analysis, renderedId, details]);
}
