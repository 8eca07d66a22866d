// The right side: the workloads (chips or a list), the pod → container graph and the container panel.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef } from "react";
import type { EffectiveField } from "../../core/types";
import { drawnAtOnce } from "../displayCap";
import { Graph } from "../graph/Graph";
import type { GraphLinks } from "../graph/context";
import { ContainerPanel } from "../panel/ContainerPanel";
import { PssBadge } from "../panel/PssSection";
import { SOURCE_META } from "../sources";
import { WorkloadList } from "../WorkloadList";
import { ErrorBoundary } from "../ErrorBoundary";
import { AnalysisNotices } from "./AnalysisNotices";
import { applyPssFix } from "../state/commands";
import { editorCommands } from "../state/editorBridge";
import { actions, appStore, useApp } from "../state/store";
import { isUnreadable } from "../state/useAnalysis";
import { useActiveWorkload, workloadAt, workloadKey, type ListedWorkload } from "../state/workloads";

/** Up to this many workloads sit as chips above the graph; more get the virtualised list beside it. */
const CHIPS_UP_TO = 6;

/** Selects a workload; `keepFocus` (keyboard) scrolls the editor to it without taking the focus. */
export function selectWorkload(l: ListedWorkload, keepFocus: boolean): void {
  actions().select({ workload: l.key, container: 0, field: undefined });
  if (keepFocus) editorCommands.show(l.workload.line);
  else editorCommands.reveal(l.workload.line, 1);
}

export function GraphView() {
  const { listed, listedActive, active: current, loadingDetails } = useActiveWorkload();
  // A big or cut-down workload's graph and panel are drawn in a render of their own after the one
  // that receives its analysis: React renders it in slices between which the page answers (typing,
  // painting), and measures it after the paint. Drawn in the same task, a hostile pod's graph held
  // the page for hundreds of milliseconds (issue 16 item 2). A small one is drawn in the same render:
  // a second pass (another task, after Monaco's frame) was a third of a keystroke's way to the graph.
  const small = current !== undefined && drawnAtOnce(current.workload);
  const deferred = useDeferredValue(small ? undefined : current);
  const active = small ? current : deferred;
  const analysis = useApp((s) => s.result.analysis);
  const failure = useApp((s) => s.result.failure);
  const selectedContainer = useApp((s) => s.selection.container);
  const panelOpen = useApp((s) => s.view.panelOpen);
  const allFields = useApp((s) => s.view.allFields);
  const dark = useApp((s) => s.view.theme === "dark");
  const textSize = useApp((s) => s.view.textSize);
  const runtime = useApp((s) => s.doc.settings.runtime);
  const cursorLine = useApp((s) => s.view.cursorLine);
  const activeContainer = active && selectedContainer !== undefined ? active.workload.containers[selectedContainer] : undefined;
  const imageUser = useApp((s) => (activeContainer ? (Object.hasOwn(s.doc.settings.imageUsers, activeContainer.name) ? s.doc.settings.imageUsers[activeContainer.name] : "") : ""));
  const unreadable = analysis?.diagnostics.some(isUnreadable) ?? false;

  // Editor → graph: the workload, container and field the cursor is in.
  useEffect(() => {
    const a = appStore.getState().result.analysis;
    if (cursorLine === undefined || !a) return;
    const w = workloadAt(a.workloads, cursorLine);
    if (w && active && workloadKey(w) !== active.key) actions().select({ workload: workloadKey(w), container: 0 });
    // Only the cursor moves this; a new analysis alone must not jump the graph.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursorLine]);

  const cursorNow: GraphLinks["cursor"] = useMemo(() => {
    if (cursorLine === undefined || !active) return undefined;
    const w = active.workload;
    const ci = w.containers.findIndex((c) => c.line <= cursorLine && cursorLine <= (c.endLine ?? c.line));
    if (ci !== -1) {
      const c = w.containers[ci];
      const field = (Object.keys(c.effective) as EffectiveField[]).find((f) => c.effective[f].source === "container" && c.effective[f].line === cursorLine);
      return { container: ci, field };
    }
    if (w.pod.line !== undefined && w.pod.line <= cursorLine && cursorLine <= (w.pod.endLine ?? w.pod.line)) {
      return { pod: true, field: w.pod.fields.find((f) => f.line === cursorLine)?.name };
    }
    return undefined;
  }, [cursorLine, active]);
  // The same target keeps the same object: the graph's context changes (and every node re-renders)
  // only when the cursor moves to another container or field, not on each analysis.
  const cursorRef = useRef(cursorNow);
  const cursor = sameCursor(cursorRef.current, cursorNow) ? cursorRef.current : cursorNow;
  cursorRef.current = cursor;

  useEffect(() => {
    if (cursor?.container !== undefined) actions().select({ container: cursor.container });
  }, [cursor?.container]);

  // Graph → editor: a row shows its YAML, or where the field would go when it is not set.
  // Stable for the graph's life (it reads the newest workload through a ref), for the same reason.
  const activeRef = useRef(active);
  activeRef.current = active;
  const onRow = useCallback(
    (container: number | undefined, field: EffectiveField) => {
      const active = activeRef.current;
      if (!active) return;
      const w = active.workload;
      if (container === undefined) {
        const f = w.pod.fields.find((x) => x.name === field);
        editorCommands.selectLine(f?.line ?? w.pod.line ?? w.line);
        return;
      }
      actions().select({ container, field });
      actions().setView({ panelOpen: true });
      const c = w.containers[container];
      const e = c.effective[field];
      if (e.line) editorCommands.selectLine(e.line);
      else editorCommands.reveal(c.securityContextLine ?? c.line, 1);
    },
    [],
  );

  const activeWorkload = active?.workload;
  const activeName = activeContainer?.name;
  const onFix = useCallback((level: "baseline" | "restricted", i: number) => activeWorkload && applyPssFix(activeWorkload, level, i), [activeWorkload]);
  const onImageUser = useCallback((v: string) => activeName !== undefined && actions().setImageUser(activeName, v), [activeName]);
  const onSelectContainer = useCallback((i: number) => {
    actions().select({ container: i });
    actions().setView({ panelOpen: true });
  }, []);
  const closePanel = useCallback(() => actions().setView({ panelOpen: false }), []);
  const onReveal = useCallback((line: number) => editorCommands.selectLine(line), []);
  const onListSelect = useCallback(
    (key: string, keepFocus: boolean) => {
      const l = listed.find((x) => x.key === key);
      if (l) selectWorkload(l, keepFocus);
    },
    [listed],
  );

  return (
    <section className="right" aria-label="Effective settings">
      <div className="graph-bar">
        {listed.length > 1 && listed.length <= CHIPS_UP_TO && (
          <div className="workload-chips" role="tablist" aria-label="Workloads" data-testid="workload-list">
            {listed.map((l) => (
              <button
                key={l.key}
                role="tab"
                aria-selected={l.key === listedActive?.key}
                data-name={l.workload.name}
                className={`workload-chip${l.key === listedActive?.key ? " selected" : ""}${l.stale ? " stale" : ""}`}
                // A click shows the workload's text in the editor; a key press keeps the focus here.
                onClick={(e) => selectWorkload(l, e.detail === 0)}
              >
                <span className="wk-kind">{l.workload.kind}</span> {l.workload.name || "(unnamed)"}
                {l.workload.pss && (
                  <span className="wk-pss">
                    <PssBadge level="baseline" allowed={l.workload.pss.baseline.allowed} />
                    <PssBadge level="restricted" allowed={l.workload.pss.restricted.allowed} />
                  </span>
                )}
              </button>
            ))}
          </div>
        )}
        {active && (listed.length <= 1 || listed.length > CHIPS_UP_TO) && (
          <span className="graph-title">
            <span className="wk-kind">{active.workload.kind}</span> {active.workload.name || "(unnamed)"}
            {active.workload.namespace && <span className="wk-ns"> · {active.workload.namespace}</span>}
          </span>
        )}
        <Legend />
      </div>
      {unreadable && (
        <div className="banner" role="status">
          {listed.some((l) => l.stale)
            ? "Part of the YAML cannot be read: what it showed before stays, dimmed, until it is fixed. See Problems."
            : "Part of the YAML cannot be read: see Problems for the line."}
        </div>
      )}
      <AnalysisNotices active={active} />
      {failure && (
        <div className="banner error" role="alert">
          The analysis failed: {failure}. Your text is kept.
        </div>
      )}
      <div className="graph-area">
        {listed.length > CHIPS_UP_TO && (
          <ErrorBoundary name="workload list">
            <WorkloadList items={listed} selected={listedActive?.key} onSelect={onListSelect} />
          </ErrorBoundary>
        )}
        {active ? (
          <ErrorBoundary name="graph" key={active.key}>
            <Graph
              workload={active.workload}
              stale={active.stale}
              allFields={allFields}
              runtime={runtime}
              selectedContainer={selectedContainer}
              cursor={cursor}
              dark={dark}
              textSize={textSize}
              onRow={onRow}
              onSelectContainer={onSelectContainer}
            />
          </ErrorBoundary>
        ) : (
          <div className="empty-graph">
            {loadingDetails ? "Loading the workload…" : current ? "Drawing the graph…" : analysis ? (unreadable ? "The YAML cannot be read yet: see Problems." : "No Pod, Deployment, Job or other workload in the text yet.") : "Analysing…"}
          </div>
        )}
        {active && activeContainer && panelOpen && (
          <ErrorBoundary name="container panel" key={`${active.key}/${selectedContainer}`}>
            <ContainerPanel workload={active.workload} container={activeContainer} imageUser={imageUser} onImageUser={onImageUser} onReveal={onReveal} onFix={onFix} onClose={closePanel} />
          </ErrorBoundary>
        )}
      </div>
    </section>
  );
}

const sameCursor = (a: GraphLinks["cursor"], b: GraphLinks["cursor"]) =>
  a === b || (a !== undefined && b !== undefined && a.container === b.container && a.pod === b.pod && a.field === b.field);

const Legend = memo(function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      {(["container", "pod", "default", "image"] as const).map((s) => (
        <span key={s} className={`legend-item source-row-${s}`} title={SOURCE_META[s].title}>
          <span className={`source-badge source-${s}`}>{SOURCE_META[s].letter}</span> {SOURCE_META[s].label}
        </span>
      ))}
      <span className="legend-item" title="A value worth a second look">
        <span className="risk-mark" aria-hidden="true">
          !
        </span>{" "}
        risky
      </span>
    </div>
  );
});
