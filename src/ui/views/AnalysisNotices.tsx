// What the page left out, and why: an analysis the watchdog stopped (with "analyse anyway"), and a
// workload cut down for display (with "show all").
import { useState } from "react";
import type { DisplayWorkload } from "../displayCap";
import { DISPLAY_LIMITS, SHOW_ALL } from "../displayCap";
import { appStore, useApp } from "../state/store";
import { analysisClient } from "../state/useAnalysis";
import type { ListedWorkload } from "../state/workloads";

const n = (x: number) => x.toLocaleString("en-US");

export function AnalysisNotices({ active }: { active: ListedWorkload | undefined }) {
  const stopped = useApp((s) => s.result.stopped);
  const renderedId = useApp((s) => s.result.renderedId);
  const [asked, setAsked] = useState<string | null>(null);
  const capped = (active?.workload as DisplayWorkload | undefined)?.capped;

  const showAll = () => {
    const c = analysisClient();
    const { result, setResult } = appStore.getState();
    const index = active && result.analysis ? result.analysis.workloads.findIndex((w) => w === active.workload || (w.name === active.workload.name && w.line === active.workload.line)) : -1;
    if (!c || index === -1 || !active) return;
    const id = result.renderedId;
    setAsked(`${active.key}@${id}`);
    c.detail(id, index, SHOW_ALL).then((w) => {
      const now = appStore.getState().result;
      if (w && now.renderedId === id) setResult({ details: new Map(now.details).set(index, w) });
    });
  };

  return (
    <>
      {stopped && (
        <div className="banner error" role="alert" data-testid="analysis-stopped">
          The analysis of this text took longer than {stopped.seconds} s and was stopped, so that the page stays responsive. It is not tried again
          until you edit the text.{" "}
          <button className="link" onClick={() => stopped.analyseAnyway()}>
            analyse anyway
          </button>
        </div>
      )}
      {capped && active && (
        <div className="banner" role="status" data-testid="display-capped">
          {capped.containersTotal !== undefined
            ? `Showing the first ${n(active.workload.containers.length)} of ${n(capped.containersTotal)} containers`
            : "Showing every container"}
          {capped.valuesCut > 0 ? `; lists longer than ${n(DISPLAY_LIMITS.values)} items are cut (the longest has ${n(capped.longestList)})` : ""}
          , so that the page stays responsive. Exports hold everything.{" "}
          {capped.containersTotal !== undefined && (
            <button className="link" disabled={asked === `${active.key}@${renderedId}`} onClick={showAll}>
              {asked === `${active.key}@${renderedId}` ? "loading…" : "show all containers"}
            </button>
          )}
        </div>
      )}
    </>
  );
}
