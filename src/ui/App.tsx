// The playground: editor on the left, the inheritance graph on the right, problems below.
// Everything shown comes from one Analysis; no Kubernetes rules live here.

import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Analysis, AnalyzeOptions, Diagnostic, EffectiveField, Runtime, Workload } from "../core/types";
import { LATEST, SUPPORTED_VERSIONS } from "../core/versions";
import { fixEdit, fixesFor, targetOf } from "../core/fixes";
import { AnalysisClient } from "./analysisClient";
import { Editor, type EditorHandle, type QuickFix } from "./editor/Editor";
import { Graph } from "./graph/Graph";
import type { GraphLinks } from "./graph/context";
import { ContainerPanel } from "./panel/ContainerPanel";
import { Problems } from "./Problems";
import { EXAMPLES } from "./examples";
import { loadText, saveText, loadPrefs, savePrefs, AUTOSAVE_MAX_CHARS, type Prefs } from "./storage";
import { SOURCE_META } from "./sources";
import { WorkloadList, type ListedWorkload } from "./WorkloadList";
import { Presentation } from "./Presentation";
import { PssBadge } from "./panel/PssSection";
import { LESSONS, lessonById, type LessonStep } from "./lessons/lessons";
import { LessonPane } from "./lessons/LessonPane";
import { LessonGallery } from "./lessons/LessonGallery";
import { decodeShare, encodeShare } from "./share";
import { ExportMenu } from "./ExportMenu";
import { Compare } from "./Compare";
import { ErrorBoundary } from "./ErrorBoundary";
import { RuntimeSelect } from "./RuntimeSelect";

/** Waiting between keystrokes: none for texts that analyse fast, longer for big ones (capped). */
const debounceFor = (lastMs: number) => (lastMs < 50 ? 0 : Math.min(300, lastMs));
/** Up to this many workloads sit as chips above the graph; more get the virtualised list beside it. */
const CHIPS_UP_TO = 6;

const NO_DIAGNOSTICS: Diagnostic[] = [];

const workloadKey = (w: Workload) => `${w.kind}|${w.namespace ?? ""}|${w.name}|${w.podSpecPath}|${w.document}`;
const matchKey = (w: Workload) => `${w.kind}|${w.namespace ?? ""}|${w.name}|${w.podSpecPath}`;

/** A syntax error makes a document unreadable: its last good workloads stay on screen, dimmed. */
function isUnreadable(d: Diagnostic): boolean {
  return d.code === "yaml-syntax" || d.code === "yaml-aliases";
}

/** The workload whose text holds a line: the last one that starts at or before it. */
function workloadAt(ws: readonly Workload[], line: number): Workload | undefined {
  let found: Workload | undefined;
  for (const w of ws) {
    if (w.line <= line) found = w;
    else break;
  }
  return found;
}

/** A share link in the URL wins over the autosaved text; a bad link says why and opens nothing. */
function initialState() {
  const shared = typeof location !== "undefined" ? decodeShare(location.hash) : ({ kind: "none" } as const);
  if (shared.kind === "ok") return { text: shared.state.text, shared: shared.state, notice: null as string | null };
  const notice = shared.kind === "error" ? `${shared.reason} Your last text is shown instead.` : null;
  return { text: loadText() ?? EXAMPLES[0].text, shared: undefined, notice };
}

export function App() {
  const [boot] = useState(initialState);
  const initialText = boot.text;
  const [prefs, setPrefs] = useState<Prefs>(() => loadPrefs());
  const [text, setText] = useState(initialText);
  // Callbacks read the newest text through a ref, so they stay stable and memoised views do not
  // re-render on every keystroke.
  const textRef = useRef(text);
  textRef.current = text;
  const [notice, setNotice] = useState<string | null>(boot.notice);
  const [lessonId, setLessonId] = useState<string | undefined>(boot.shared?.lesson && lessonById(boot.shared.lesson) ? boot.shared.lesson : undefined);
  const [galleryOpen, setGalleryOpen] = useState(false);
  const [baseline, setBaseline] = useState<Analysis | null>(null);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  /** Details of workloads of a light analysis, fetched from the worker when shown. */
  const [details, setDetails] = useState<{ id: number; byIndex: Map<number, Workload> }>({ id: 0, byIndex: new Map() });
  const [lastGood, setLastGood] = useState<Analysis | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [runtime, setRuntime] = useState<Runtime>(boot.shared?.runtime ?? "containerd");
  /** The runtime's release line; undefined means its newest (core/runtime/releases.ts). */
  const [runtimeVersion, setRuntimeVersion] = useState<string | undefined>(boot.shared?.runtimeVersion);
  const [kubernetes, setKubernetes] = useState<string>(boot.shared?.kubernetes ?? LATEST);
  const [seccompDefault, setSeccompDefault] = useState(boot.shared?.seccompDefault ?? false);
  const [allFields, setAllFields] = useState(false);
  const [selectedWorkload, setSelectedWorkload] = useState<string | undefined>(boot.shared?.workload);
  const [selectedContainer, setSelectedContainer] = useState<number | undefined>(boot.shared?.container ?? 0);
  // On a laptop or projector the graph gets the room first; a click on a container opens its panel.
  // A wide screen, or a share link (which names a container), opens it at once.
  const [panelOpen, setPanelOpen] = useState(() => boot.shared !== undefined || (typeof innerWidth === "number" && innerWidth >= 1500));
  const [imageUsers, setImageUsers] = useState<Record<string, string>>(boot.shared?.imageUsers ?? {});
  const [cursorLine, setCursorLine] = useState<number | undefined>();
  const [presenting, setPresenting] = useState(false);
  const editor = useRef<EditorHandle>(null);

  const client = useMemo(
    () =>
      new AnalysisClient(
        (a, id) => {
          setFailure(null);
          setAnalysis(a);
          renderedId.current = id;
          setDetails({ id, byIndex: new Map() });
          if (!a.diagnostics.some(isUnreadable)) setLastGood(a);
        },
        (message) => setFailure(message),
      ),
    [],
  );
  useEffect(() => () => client.dispose(), [client]);

  const options: AnalyzeOptions = useMemo(() => {
    const users: Record<string, number | string> = {};
    for (const [name, v] of Object.entries(imageUsers)) {
      const t = v.trim();
      if (t) users[name] = /^\d+$/.test(t) ? Number(t) : t;
    }
    return { runtime, runtimeVersion, kubernetes, seccompDefault, imageUsers: users };
  }, [runtime, runtimeVersion, kubernetes, seccompDefault, imageUsers]);

  // Typing never waits for the analysis (it runs in a worker), and only the newest text is analysed.
  const renderedId = useRef(0);
  useEffect(() => {
    const t = setTimeout(() => client.request(text, options), debounceFor(client.lastMs));
    return () => clearTimeout(t);
  }, [text, options, client]);
  // For the benchmark (npm run bench): when an analysis has reached the DOM (before the paint).
  useLayoutEffect(() => {
    if (analysis) performance.mark("scp:rendered", { detail: { id: renderedId.current, workloads: analysis.workloads.length, workerMs: client.lastMs } });
  }, [analysis, client]);

  const warnedUnsaved = useRef(false);
  useEffect(() => {
    const t = setTimeout(() => {
      const saved = saveText(text);
      if (!saved && text.length > AUTOSAVE_MAX_CHARS && !warnedUnsaved.current) {
        warnedUnsaved.current = true;
        setNotice("This text is too large for the browser's storage: it is not autosaved, so keep your own copy.");
      }
    }, 400);
    return () => clearTimeout(t);
  }, [text]);
  useEffect(() => {
    savePrefs(prefs);
    document.documentElement.dataset.theme = prefs.theme;
  }, [prefs]);

  const listed: ListedWorkload[] = useMemo(() => {
    if (!analysis) return [];
    const current = analysis.workloads.map((workload) => ({ key: workloadKey(workload), workload, stale: false }));
    if (!lastGood || lastGood === analysis || !analysis.diagnostics.some(isUnreadable)) return current;
    const have = new Set(analysis.workloads.map(matchKey));
    const kept = lastGood.workloads.filter((w) => !have.has(matchKey(w))).map((workload) => ({ key: workloadKey(workload), workload, stale: true }));
    return [...current, ...kept].sort((a, b) => a.workload.line - b.workload.line);
  }, [analysis, lastGood]);

  const listedActive = listed.find((s) => s.key === selectedWorkload) ?? listed[0];
  // A light workload (big dump) gets its containers from the worker when it is shown.
  const activeIndex = listedActive && analysis ? analysis.workloads.indexOf(listedActive.workload) : -1;
  const detailed = listedActive?.workload.light && activeIndex !== -1 ? details.byIndex.get(activeIndex) : undefined;
  const active = useMemo(
    () => (listedActive && (!listedActive.workload.light || detailed) ? { ...listedActive, workload: detailed ?? listedActive.workload } : undefined),
    [listedActive, detailed],
  );
  const loadingDetails = listedActive !== undefined && active === undefined;
  useEffect(() => {
    if (!listedActive?.workload.light || activeIndex === -1 || details.byIndex.has(activeIndex)) return;
    const id = details.id;
    let live = true;
    client.detail(id, activeIndex).then((w) => {
      if (live && w) setDetails((d) => (d.id === id ? { id, byIndex: new Map(d.byIndex).set(activeIndex, w) } : d));
    });
    return () => {
      live = false;
    };
  }, [listedActive, activeIndex, details, client]);
  const activeContainer = active && selectedContainer !== undefined ? active.workload.containers[selectedContainer] : undefined;
  const isLight = analysis?.workloads.some((w) => w.light) ?? false;

  // Editor → graph: the workload, container and field the cursor is in.
  useEffect(() => {
    if (cursorLine === undefined || !analysis) return;
    const w = workloadAt(analysis.workloads, cursorLine);
    if (w && active && workloadKey(w) !== active.key) {
      setSelectedWorkload(workloadKey(w));
      setSelectedContainer(0);
    }
    // Only the cursor moves this; a new analysis alone must not jump the graph.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [cursorLine]);

  const cursor: GraphLinks["cursor"] = useMemo(() => {
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

  useEffect(() => {
    if (cursor?.container !== undefined) setSelectedContainer(cursor.container);
  }, [cursor?.container]);

  const selectLine = useCallback((line: number) => editor.current?.selectLine(line), []);

  // Graph → editor: a row shows its YAML, or where the field would go when it is not set.
  const onRow = useCallback(
    (container: number | undefined, field: EffectiveField) => {
      if (!active) return;
      const w = active.workload;
      if (container === undefined) {
        const f = w.pod.fields.find((x) => x.name === field);
        selectLine(f?.line ?? w.pod.line ?? w.line);
        return;
      }
      setSelectedContainer(container);
      setPanelOpen(true);
      const c = w.containers[container];
      const e = c.effective[field];
      if (e.line) selectLine(e.line);
      else editor.current?.reveal(c.securityContextLine ?? c.line, 1);
    },
    [active, selectLine],
  );

  const selectWorkload = (key: string) => {
    setSelectedWorkload(key);
    setSelectedContainer(0);
    const w = listed.find((l) => l.key === key)?.workload;
    if (w) editor.current?.reveal(w.line, 1);
  };

  const applyFix = useCallback(
    (w: Workload, level: "baseline" | "restricted", index: number) => {
      const current = textRef.current;
      const fix = fixesFor(current, targetOf(w), level, kubernetes)[index];
      const edit = fix && fixEdit(current, targetOf(w), fix);
      if (edit) editor.current?.applyEdit(edit);
    },
    [kubernetes],
  );
  const activeWorkload = active?.workload;
  const activeName = activeContainer?.name;
  const onFix = useCallback((level: "baseline" | "restricted", i: number) => activeWorkload && applyFix(activeWorkload, level, i), [activeWorkload, applyFix]);
  const onImageUser = useCallback((v: string) => activeName !== undefined && setImageUsers((u) => ({ ...u, [activeName]: v })), [activeName]);
  const onSelectContainer = useCallback((i: number) => {
    setSelectedContainer(i);
    setPanelOpen(true);
  }, []);
  const closePanel = useCallback(() => setPanelOpen(false), []);
  const revealDiagnostic = useCallback((d: Diagnostic) => editor.current?.reveal(d.line, d.column, d.endLine, d.endColumn), []);

  /** Pod Security fixes for the workload whose text holds the line, offered as editor quick fixes. */
  const quickFixes = (line: number): QuickFix[] => {
    // Each fix re-reads the text; on a huge dump the panel's Fix buttons are the way instead.
    if (!analysis || text.length > 200_000) return [];
    const w = workloadAt(analysis.workloads, line);
    if (!w || !w.pss) return [];
    const out: QuickFix[] = [];
    for (const level of ["baseline", "restricted"] as const) {
      if (level === "restricted" && !w.pss.baseline.allowed) continue; // baseline first
      for (const fix of fixesFor(text, targetOf(w), level, kubernetes)) {
        const edit = fixEdit(text, targetOf(w), fix);
        if (edit) out.push({ title: `Pod Security (${level}): ${fix.description}`, edit });
      }
    }
    return out;
  };

  const openLesson = (id: string) => {
    const lesson = lessonById(id);
    if (!lesson) return;
    setGalleryOpen(false);
    setLessonId(id);
    setImageUsers({});
    editor.current?.setText(lesson.manifest);
    setSelectedWorkload(undefined);
    setSelectedContainer(0);
  };

  const doStep = (step: LessonStep) => {
    if (step.edit && text.includes(step.edit.find)) {
      const start = text.indexOf(step.edit.find);
      editor.current?.applyEdit({ start, end: start + step.edit.find.length, text: step.edit.replace });
    }
    if (step.imageUser) {
      const { container, user } = step.imageUser;
      setImageUsers((u) => ({ ...u, [container]: user }));
    }
  };

  const share = async () => {
    const encoded = encodeShare(
      { text, runtime, runtimeVersion, kubernetes, seccompDefault, imageUsers, workload: active?.key, container: selectedContainer, lesson: lessonId },
      location.href,
    );
    if (!encoded.ok) return setNotice(encoded.reason);
    history.replaceState(null, "", encoded.url);
    try {
      await navigator.clipboard.writeText(encoded.url);
      setNotice("Share link copied. It holds the manifest and the settings in the link itself: nothing is uploaded.");
    } catch {
      setNotice("Share link is in the address bar (copying to the clipboard was not allowed). Nothing is uploaded.");
    }
  };

  const reset = () => {
    if (!confirm("Replace the editor's text with the first example and clear the saved text and settings?")) return;
    history.replaceState(null, "", location.pathname + location.search);
    setRuntime("containerd");
    setKubernetes(LATEST);
    setSeccompDefault(false);
    setImageUsers({});
    setLessonId(undefined);
    setBaseline(null);
    openExample(EXAMPLES[0].id);
  };

  const openExample = (id: string) => {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    editor.current?.setText(ex.text);
    setSelectedWorkload(undefined);
    setSelectedContainer(0);
  };

  const diagnostics = analysis?.diagnostics ?? NO_DIAGNOSTICS;
  const unreadable = diagnostics.some(isUnreadable);
  const dark = prefs.theme === "dark";

  if (presenting && active) {
    return <Presentation workload={active.workload} startAt={selectedContainer ?? 0} onExit={() => setPresenting(false)} />;
  }

  return (
    <div className="app">
      <header className="toolbar">
        <h1>
          Security Context Playground
          <span className="tagline">what the kubelet and the runtime really apply, container by container</span>
        </h1>
        <div className="controls">
          <label>
            <span className="lbl">Example</span>
            <select aria-label="Open an example" value="" onChange={(e) => openExample(e.target.value)}>
              <option value="" disabled>
                Examples…
              </option>
              {EXAMPLES.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            <span className="lbl">Runtime</span>
            <RuntimeSelect
              runtime={runtime}
              version={runtimeVersion}
              onChange={(r, v) => {
                setRuntime(r);
                setRuntimeVersion(v);
              }}
            />
          </label>
          <label>
            <span className="lbl">Kubernetes</span>
            <select aria-label="Kubernetes version" value={kubernetes} onChange={(e) => setKubernetes(e.target.value)}>
              {[...SUPPORTED_VERSIONS].reverse().map((v) => (
                <option key={v} value={v}>
                  {v}
                  {v === LATEST ? " (latest)" : ""}
                </option>
              ))}
            </select>
          </label>
          <label className="check" title="The kubelet's --seccomp-default: an unset seccompProfile means RuntimeDefault">
            <input type="checkbox" checked={seccompDefault} onChange={(e) => setSeccompDefault(e.target.checked)} />
            seccomp default
          </label>
          <label className="check" title="List every field in the graph, not only the main ones and those set">
            <input type="checkbox" checked={allFields} onChange={(e) => setAllFields(e.target.checked)} />
            all fields
          </label>
          <button className="tool-button" onClick={() => setGalleryOpen(true)} title={`${LESSONS.length} short lessons built on the seed documents`}>
            ☰ lessons
          </button>
          <button className="tool-button" onClick={share} title="Copy a link that opens this manifest with these settings">
            share link
          </button>
          <ExportMenu
            getAnalysis={analysis ? () => (isLight ? client.full(renderedId.current) : Promise.resolve(analysis)) : undefined}
            workload={active?.workload}
            container={activeContainer}
            containerIndex={selectedContainer}
            runtime={runtime}
            allFields={allFields}
            theme={prefs.theme}
            onMessage={setNotice}
          />
          <button
            className="tool-button"
            aria-pressed={baseline !== null}
            disabled={isLight && !baseline}
            onClick={() => setBaseline(baseline ? null : analysis)}
            title={isLight ? "Compare works on manifests of up to 150 workloads" : "Pin the current analysis, then edit: the compare view lists what changed"}
          >
            {baseline ? "◧ unpin" : "◧ compare"}
          </button>
          <button className="tool-button" onClick={reset} title="Back to the first example; clears the saved text">
            ↺ reset
          </button>
          <button className="tool-button" onClick={() => setPrefs((p) => ({ ...p, theme: dark ? "light" : "dark" }))} aria-label={dark ? "Light theme" : "Dark theme"} title="Switch theme">
            {dark ? "☀ light" : "☾ dark"}
          </button>
          <button className="tool-button" onClick={() => setPresenting(true)} disabled={!active} title="Large type, one container at a time, arrow keys step through the fields">
            ▶ present
          </button>
        </div>
      </header>

      {galleryOpen && <LessonGallery onOpen={openLesson} onClose={() => setGalleryOpen(false)} />}
      <main className="workspace">
        <section className="left" aria-label="Manifest">
          <Editor
            ref={editor}
            initialText={initialText}
            diagnostics={diagnostics}
            theme={prefs.theme}
            onChange={setText}
            onCursor={(line) => setCursorLine(line)}
            quickFixes={quickFixes}
          />
          {lessonId && lessonById(lessonId) && (
            <ErrorBoundary name="lesson">
              <LessonPane lesson={lessonById(lessonId)!} analysis={analysis} onDo={doStep} onClose={() => setLessonId(undefined)} />
            </ErrorBoundary>
          )}
          {baseline && (
            <ErrorBoundary name="compare view">
              <Compare baseline={baseline} current={analysis} onClose={() => setBaseline(null)} />
            </ErrorBoundary>
          )}
          <ErrorBoundary name="problems list">
            <Problems diagnostics={diagnostics} onReveal={revealDiagnostic} />
          </ErrorBoundary>
        </section>

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
                    onClick={() => selectWorkload(l.key)}
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
          {notice && (
            <div className="banner" role="status" data-testid="notice">
              {notice}{" "}
              <button className="link" onClick={() => setNotice(null)}>
                dismiss
              </button>
            </div>
          )}
          {unreadable && (
            <div className="banner" role="status">
              Part of the YAML cannot be read: what it showed before stays, dimmed, until it is fixed. See Problems.
            </div>
          )}
          {failure && (
            <div className="banner error" role="alert">
              The analysis failed: {failure}. Your text is kept.
            </div>
          )}
          <div className="graph-area">
            {listed.length > CHIPS_UP_TO && (
              <ErrorBoundary name="workload list">
                <WorkloadList items={listed} selected={listedActive?.key} onSelect={selectWorkload} />
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
                onRow={onRow}
                onSelectContainer={onSelectContainer}
              />
              </ErrorBoundary>
            ) : (
              <div className="empty-graph">{loadingDetails ? "Loading the workload…" : analysis ? "No Pod, Deployment, Job or other workload in the text yet." : "Analysing…"}</div>
            )}
            {active && activeContainer && panelOpen && (
              <ErrorBoundary name="container panel" key={`${active.key}/${selectedContainer}`}>
              <ContainerPanel
                workload={active.workload}
                container={activeContainer}
                imageUser={imageUsers[activeContainer.name] ?? ""}
                onImageUser={onImageUser}
                onReveal={selectLine}
                onFix={onFix}
                onClose={closePanel}
              />
              </ErrorBoundary>
            )}
          </div>
        </section>
      </main>
    </div>
  );
}

function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      {(["container", "pod", "default", "image"] as const).map((s) => (
        <span key={s} className={`legend-item source-row-${s}`} title={SOURCE_META[s].title}>
          <span className={`source-badge source-${s}`}>{SOURCE_META[s].letter}</span> {SOURCE_META[s].label}
        </span>
      ))}
      <span className="legend-item" title="A value worth a second look">
        <span className="risk-mark">⚠</span> risky
      </span>
    </div>
  );
}
