// The playground: editor on the left, the inheritance graph on the right, problems below.
// Everything shown comes from one Analysis; no Kubernetes rules live here.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Analysis, AnalyzeOptions, Diagnostic, Runtime, Workload } from "../core/types";
import { LATEST, SUPPORTED_VERSIONS } from "../core/versions";
import { AnalysisClient } from "./analysisClient";
import { Editor, type EditorHandle, type QuickFix } from "./editor/Editor";
import { Graph } from "./graph/Graph";
import { ContainerPanel } from "./panel/ContainerPanel";
import { Problems } from "./Problems";
import { EXAMPLES } from "./examples";
import { loadText, saveText } from "./storage";
import { SOURCE_META } from "./sources";
import { PssBadge } from "./panel/PssSection";
import { fixEdit, fixesFor, targetOf } from "../core/fixes";

const DEBOUNCE_MS = 120;

interface Shown {
  workload: Workload;
  stale: boolean;
}

const workloadKey = (w: Workload) => `${w.kind}|${w.namespace ?? ""}|${w.name}|${w.podSpecPath}`;

/** A syntax error makes a document unreadable: its last good workloads stay on screen, dimmed. */
function isUnreadable(d: Diagnostic): boolean {
  return d.code === "yaml-syntax" || d.code === "yaml-aliases";
}

export function App() {
  const [initialText] = useState(() => loadText() ?? EXAMPLES[0].text);
  const [text, setText] = useState(initialText);
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [lastGood, setLastGood] = useState<Analysis | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [runtime, setRuntime] = useState<Runtime>("containerd");
  const [kubernetes, setKubernetes] = useState<string>(LATEST);
  const [seccompDefault, setSeccompDefault] = useState(false);
  const [allFields, setAllFields] = useState(false);
  const [selectedWorkload, setSelectedWorkload] = useState<string | undefined>();
  const [selectedContainer, setSelectedContainer] = useState<number | undefined>(0);
  const [panelOpen, setPanelOpen] = useState(true);
  const [imageUsers, setImageUsers] = useState<Record<string, string>>({});
  const editor = useRef<EditorHandle>(null);

  const client = useMemo(
    () =>
      new AnalysisClient(
        (a) => {
          setFailure(null);
          setAnalysis(a);
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
    return { runtime, kubernetes, seccompDefault, imageUsers: users };
  }, [runtime, kubernetes, seccompDefault, imageUsers]);

  // Debounced: typing never waits for the analysis, and only the newest text is analysed.
  useEffect(() => {
    const t = setTimeout(() => client.request(text, options), analysis ? DEBOUNCE_MS : 0);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text, options, client]);

  useEffect(() => {
    const t = setTimeout(() => saveText(text), 400);
    return () => clearTimeout(t);
  }, [text]);

  const shown: Shown[] = useMemo(() => {
    if (!analysis) return [];
    const current = analysis.workloads.map((workload) => ({ workload, stale: false }));
    if (!lastGood || lastGood === analysis || !analysis.diagnostics.some(isUnreadable)) return current;
    const have = new Set(analysis.workloads.map(workloadKey));
    const kept = lastGood.workloads.filter((w) => !have.has(workloadKey(w))).map((workload) => ({ workload, stale: true }));
    return [...current, ...kept].sort((a, b) => a.workload.line - b.workload.line);
  }, [analysis, lastGood]);

  const active = shown.find((s) => workloadKey(s.workload) === selectedWorkload) ?? shown[0];
  const activeContainer = active && selectedContainer !== undefined ? active.workload.containers[selectedContainer] : undefined;

  const reveal = useCallback((line: number, column = 1, endLine?: number, endColumn?: number) => {
    editor.current?.reveal(line, column, endLine, endColumn);
  }, []);

  const applyFix = (w: Workload, level: "baseline" | "restricted", index: number) => {
    const fix = fixesFor(text, targetOf(w), level, kubernetes)[index];
    const edit = fix && fixEdit(text, targetOf(w), fix);
    if (edit) editor.current?.applyEdit(edit);
  };

  /** Pod Security fixes for the workload whose text holds the line, offered as editor quick fixes. */
  const quickFixes = (line: number): QuickFix[] => {
    // Each fix re-reads the text; on a huge dump the panel's Fix buttons are the way instead.
    if (!analysis || text.length > 200_000) return [];
    const ws = analysis.workloads;
    const w = [...ws].reverse().find((x) => x.line <= line);
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

  const openExample = (id: string) => {
    const ex = EXAMPLES.find((e) => e.id === id);
    if (!ex) return;
    editor.current?.setText(ex.text);
    setSelectedWorkload(undefined);
    setSelectedContainer(0);
  };

  const diagnostics = analysis?.diagnostics ?? [];
  const unreadable = diagnostics.some(isUnreadable);

  return (
    <div className="app">
      <header className="toolbar">
        <h1>
          Security Context Playground
          <span className="tagline">what the kubelet and the runtime really apply, container by container</span>
        </h1>
        <div className="controls">
          <label>
            Example
            <select aria-label="Open an example" value="" onChange={(e) => openExample(e.target.value)}>
              <option value="" disabled>
                Open…
              </option>
              {EXAMPLES.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title}
                </option>
              ))}
            </select>
          </label>
          <label>
            Runtime
            <select aria-label="Container runtime" value={runtime} onChange={(e) => setRuntime(e.target.value as Runtime)}>
              <option value="containerd">containerd</option>
              <option value="cri-o">CRI-O</option>
            </select>
          </label>
          <label>
            Kubernetes
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
            kubelet seccomp default
          </label>
          <label className="check" title="List every field in the graph, not only the main ones and those set">
            <input type="checkbox" checked={allFields} onChange={(e) => setAllFields(e.target.checked)} />
            all fields
          </label>
        </div>
      </header>

      <main className="workspace">
        <section className="left">
          <Editor ref={editor} initialText={initialText} diagnostics={diagnostics} theme="light" onChange={setText} quickFixes={quickFixes} />
          <Problems diagnostics={diagnostics} onReveal={(d) => reveal(d.line, d.column, d.endLine, d.endColumn)} />
        </section>

        <section className="right">
          <div className="workload-bar" role="tablist" aria-label="Workloads">
            {shown.map((s) => {
              const key = workloadKey(s.workload);
              const selected = active && key === workloadKey(active.workload);
              return (
                <button
                  key={key}
                  role="tab"
                  aria-selected={selected ? "true" : "false"}
                  className={`workload-tab${selected ? " selected" : ""}${s.stale ? " stale" : ""}`}
                  onClick={() => {
                    setSelectedWorkload(key);
                    setSelectedContainer(0);
                  }}
                >
                  <span className="wk-kind">{s.workload.kind}</span> {s.workload.name || "(unnamed)"}
                  {s.workload.namespace && <span className="wk-ns"> · {s.workload.namespace}</span>}
                  {s.workload.pss && (
                    <span className="wk-pss">
                      <PssBadge level="baseline" allowed={s.workload.pss.baseline.allowed} />
                      <PssBadge level="restricted" allowed={s.workload.pss.restricted.allowed} />
                    </span>
                  )}
                </button>
              );
            })}
            <Legend />
          </div>
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
            {active ? (
              <Graph
                workload={active.workload}
                stale={active.stale}
                allFields={allFields}
                selectedContainer={selectedContainer}
                onSelectContainer={(i) => {
                  setSelectedContainer(i);
                  setPanelOpen(true);
                }}
              />
            ) : (
              <div className="empty-graph">{analysis ? "No pod, Deployment, Job or other workload in the text yet." : "Analysing…"}</div>
            )}
            {active && activeContainer && panelOpen && (
              <ContainerPanel
                workload={active.workload}
                container={activeContainer}
                imageUser={imageUsers[activeContainer.name] ?? ""}
                onImageUser={(v) => setImageUsers((u) => ({ ...u, [activeContainer.name]: v }))}
                onReveal={(line) => reveal(line)}
                onFix={(level, i) => applyFix(active.workload, level, i)}
                onClose={() => setPanelOpen(false)}
              />
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
    </div>
  );
}
