// Presentation mode for training on a projector: large type, one field at a time with where it comes
// from (the pod → container graph), what the kernel then shows (/proc/1/status) and what Pod Security
// says. Presenter clickers send PageDown/PageUp (and arrows, Space): they step through the fields
// that are set or worth a word, and on to the next container. Edits stay live (E opens the editor).
import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Container, EffectiveField } from "../core/types";
import { proseOf } from "../core/catalogue/fieldProse";
import { Graph } from "./graph/Graph";
import { rowsFor, type FieldRow } from "./graph/model";
import { ProcStatus } from "./panel/ProcStatus";
import { PssBadge, PssSection } from "./panel/PssSection";
import { applyPssFix } from "./state/commands";
import { SOURCE_META } from "./sources";
import { ErrorBoundary } from "./ErrorBoundary";
import { actions, useApp } from "./state/store";
import { useActiveWorkload, type ListedWorkload } from "./state/workloads";
import { EditorView } from "./views/EditorView";
import { CONTAINER_WORDS } from "./containerWords";


/** The fields worth showing a room: those the manifest or the image sets, and any flagged as risky. */
export function presentedRows(c: Container): FieldRow[] {
  return rowsFor(c, true).filter((r) => r.source !== "default" || r.risk !== undefined);
}

const NEXT_KEYS = new Set(["PageDown", "ArrowRight", "ArrowDown", " "]);
const PREV_KEYS = new Set(["PageUp", "ArrowLeft", "ArrowUp"]);

export function Presentation() {
  const { listed, active } = useActiveWorkload();
  const selection = useApp((s) => s.selection);
  const runtime = useApp((s) => s.doc.settings.runtime);
  const editing = useApp((s) => s.view.presentEditor);
  const root = useRef<HTMLDivElement>(null);
  const workload = active?.workload;
  const ci = Math.min(selection.container ?? 0, Math.max(0, (workload?.containers.length ?? 1) - 1));
  const c = workload?.containers[ci];
  const rows = useMemo(() => (c ? presentedRows(c) : []), [c]);
  const fi = Math.max(0, rows.findIndex((r) => r.field === selection.field));
  const row = rows[fi];

  useEffect(() => root.current?.focus(), []);

  const go = useCallback(
    (delta: 1 | -1) => {
      if (!workload) return;
      const next = fi + delta;
      if (next >= 0 && next < rows.length) return actions().select({ container: ci, field: rows[next].field });
      // Past the last field: the next container's first (or the previous one's last).
      const nc = ci + delta;
      if (nc < 0 || nc >= workload.containers.length) return;
      const nrows = presentedRows(workload.containers[nc]);
      actions().select({ container: nc, field: nrows[delta === 1 ? 0 : nrows.length - 1]?.field });
    },
    [workload, rows, fi, ci],
  );

  const onKey = (e: React.KeyboardEvent) => {
    // Keys typed into the editor or a control are theirs.
    if ((e.target as HTMLElement).closest(".editor, select, input, textarea, button")) {
      if (e.key === "Escape" && (e.target as HTMLElement).closest("select, button")) root.current?.focus();
      return;
    }
    if (NEXT_KEYS.has(e.key)) go(1);
    else if (PREV_KEYS.has(e.key)) go(-1);
    else if (e.key === "Home") actions().select({ field: rows[0]?.field });
    else if (e.key === "End") actions().select({ field: rows[rows.length - 1]?.field });
    else if (e.key === "e" || e.key === "E") actions().setView({ presentEditor: !editing });
    else if (e.key === "Escape") actions().setView({ presenting: false });
    else return;
    e.preventDefault();
  };

  const onRow = useCallback((container: number | undefined, field: EffectiveField) => {
    if (container !== undefined) actions().select({ container, field });
  }, []);
  const onSelectContainer = useCallback((i: number) => actions().select({ container: i, field: undefined }), []);
  const cursor = useMemo(() => (row ? { container: ci, field: row.field } : undefined), [ci, row]);

  const prose = row ? proseOf(row.field) : undefined;
  return (
    <div className={`presentation${editing ? " with-editor" : ""}`} ref={root} tabIndex={-1} onKeyDown={onKey} data-testid="presentation">
      <header className="pres-head">
        <label className="pres-workload">
          <span>Workload</span>
          <select
            value={active?.key ?? ""}
            onChange={(e) => actions().select({ workload: e.target.value, container: 0, field: undefined })}
            onKeyDown={(e) => e.key === "Enter" && root.current?.focus()}
          >
            {listed.map((l: ListedWorkload) => (
              <option key={l.key} value={l.key}>
                {l.workload.kind} {l.workload.name || "(unnamed)"}
              </option>
            ))}
          </select>
        </label>
        {c && (
          <div className="pres-container" data-testid="pres-container">
            {CONTAINER_WORDS[c.type]} <strong>{c.name}</strong>{" "}
            <span className="pres-count">
              ({ci + 1} of {workload!.containers.length})
            </span>
          </div>
        )}
        {workload?.pss && (
          <div className="pres-pss" aria-label="Pod Security">
            <PssBadge level="baseline" allowed={workload.pss.baseline.allowed} />
            <PssBadge level="restricted" allowed={workload.pss.restricted.allowed} />
          </div>
        )}
        <div className="pres-keys">PgDn / Space next · PgUp back · E edit · Esc exit</div>
        <button className="pres-exit" onClick={() => actions().setView({ presenting: false })}>
          Exit
        </button>
      </header>
      {!workload || !c ? (
        <main className="pres-empty">
          <p>{workload ? "This workload has no containers." : "No workload in the text."} Press Esc to go back.</p>
        </main>
      ) : (
        <main className="pres-body">
          <ol className="pres-fields" aria-label={`Fields of ${c.name}`} tabIndex={0}>
            {rows.map((r, i) => (
              <li key={r.field} className={`source-row-${r.source}${i === fi ? " current" : ""}`} aria-current={i === fi ? "step" : undefined} onClick={() => actions().select({ container: ci, field: r.field })}>
                <span className="pres-fname">{r.field}</span>
                <span className="pres-mini">{r.value}</span>
              </li>
            ))}
            {rows.length === 0 && <li>Nothing is set: every field has its default.</li>}
          </ol>
          {/* A long explanation scrolls: focusable so the keyboard can scroll it (axe scrollable-region-focusable). */}
          <section className="pres-focus" aria-live="polite" aria-label="Current field" tabIndex={0}>
            {row && prose && (
              <>
                <h2>{row.field}</h2>
                <div className="pres-value">
                  <code>{row.value}</code>
                  {row.overrides !== undefined && (
                    <span className="overrides">
                      overrides the pod's <s>{row.overrides}</s>
                    </span>
                  )}
                </div>
                <div className={`pres-source source-row-${row.source}`}>
                  <span className={`source-badge source-${row.source}`}>{SOURCE_META[row.source].letter}</span> {SOURCE_META[row.source].title}
                  {row.line ? ` (line ${row.line})` : ""}
                </div>
                {row.risk && <p className="pres-risk">⚠ {row.risk}</p>}
                <p>{prose.summary}</p>
                <p>
                  <strong>In the kernel:</strong> {prose.kernel}
                </p>
              </>
            )}
            {workload.pss && !workload.pss.restricted.allowed && <PssSection workload={workload} onFix={(level, i) => applyPssFix(workload, level, i)} />}
          </section>
          <section className="pres-side" aria-label="Where it comes from and what the kernel shows">
            <div className="pres-graph">
              <ErrorBoundary name="graph" key={active!.key}>
                <Graph workload={workload} stale={false} allFields={false} runtime={runtime} selectedContainer={ci} cursor={cursor} dark compact onRow={onRow} onSelectContainer={onSelectContainer} />
              </ErrorBoundary>
            </div>
            {c.process && (
              <div className="pres-proc">
                <ProcStatus process={c.process} />
              </div>
            )}
          </section>
        </main>
      )}
      {editing && (
        <aside className="pres-editor" aria-label="Manifest">
          <EditorView />
        </aside>
      )}
    </div>
  );
}
