// The toolbar: examples, settings, lessons, share, export, compare, reset, theme, present.
import { memo } from "react";
import { LATEST, SUPPORTED_VERSIONS } from "../../core/versions";
import { EXAMPLES } from "../examples";
import { ExportMenu } from "../ExportMenu";
import { RuntimeSelect } from "../RuntimeSelect";
import { LESSONS } from "../lessons/lessons";
import { openExample, reset, share } from "../state/commands";
import { actions, useApp } from "../state/store";
import { analysisClient } from "../state/useAnalysis";
import { useActiveWorkload } from "../state/workloads";

/**
 * The example and the settings: their own component, so that a keystroke (a new analysis) does not
 * render their selects again (React sets every option of a controlled select on each render).
 */
const ToolbarSettings = memo(function ToolbarSettings() {
  const settings = useApp((s) => s.doc.settings);
  const origin = useApp((s) => s.doc.origin);
  const edited = useApp((s) => s.doc.edited);
  const allFields = useApp((s) => s.view.allFields);
  const { setSettings, setView } = actions();
  const loadedExample = origin.kind === "example" ? origin.id : "";
  // The select is narrow at laptop widths: its tooltip names the loaded example whole.
  const loadedTitle = EXAMPLES.find((e) => e.id === loadedExample)?.title;
  return (
    <>
      <label>
        <span className="lbl">Example</span>
        <select aria-label="Open an example" value={loadedExample} onChange={(e) => openExample(e.target.value)} title={loadedTitle ? `${loadedTitle}${edited ? " — with your edits" : ""}` : undefined}>
          <option value="" disabled>
            {origin.kind === "example" ? "Examples…" : "Open an example…"}
          </option>
          {EXAMPLES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
              {e.id === loadedExample && edited ? " (edited)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span className="lbl">Runtime</span>
        <RuntimeSelect runtime={settings.runtime} version={settings.runtimeVersion} onChange={(runtime, runtimeVersion) => setSettings({ runtime, runtimeVersion })} />
      </label>
      <label>
        <span className="lbl">Kubernetes</span>
        <select aria-label="Kubernetes version" value={settings.kubernetes} onChange={(e) => setSettings({ kubernetes: e.target.value })}>
          {[...SUPPORTED_VERSIONS].reverse().map((v) => (
            <option key={v} value={v}>
              {v}
              {v === LATEST ? " (latest)" : ""}
            </option>
          ))}
        </select>
      </label>
      <label className="check" title="The kubelet's --seccomp-default: an unset seccompProfile means RuntimeDefault">
        <input type="checkbox" checked={settings.seccompDefault} onChange={(e) => setSettings({ seccompDefault: e.target.checked })} />
        seccomp default
      </label>
      <label className="check" title="List every field in the graph, not only the main ones and those set">
        <input type="checkbox" checked={allFields} onChange={(e) => setView({ allFields: e.target.checked })} />
        all fields
      </label>
    </>
  );
});

export function Toolbar() {
  const settings = useApp((s) => s.doc.settings);
  const view = useApp((s) => s.view);
  const analysis = useApp((s) => s.result.analysis);
  const renderedId = useApp((s) => s.result.renderedId);
  const selectedContainer = useApp((s) => s.selection.container);
  const { active } = useActiveWorkload();
  const activeContainer = active && selectedContainer !== undefined ? active.workload.containers[selectedContainer] : undefined;
  const isLight = analysis?.workloads.some((w) => w.light) ?? false;
  const dark = view.theme === "dark";
  const { setView, notify } = actions();

  return (
    <header className="toolbar">
      <h1>
        Security Context Playground
        <span className="tagline">what the kubelet and the runtime really apply, container by container</span>
      </h1>
      <div className="controls">
        <ToolbarSettings />
        <button className="tool-button" onClick={() => setView({ galleryOpen: true })} title={`${LESSONS.length} short lessons, each with a manifest and things to try`}>
          ☰ lessons
        </button>
        <button className="tool-button" onClick={() => void share(active?.key)} title="Copy a link that opens this manifest with these settings">
          share<span className="wide-only"> link</span>
        </button>
        <ExportMenu
          getAnalysis={
            analysis
              ? () => {
                  // The page's copy may leave things out (a big dump's containers, long lists, the actions): exports hold everything.
                  const client = analysisClient();
                  return client && (isLight || client.shownIsPartial) ? client.full(renderedId) : Promise.resolve(analysis);
                }
              : undefined
          }
          workload={active?.workload}
          container={activeContainer}
          containerIndex={selectedContainer}
          runtime={settings.runtime}
          allFields={view.allFields}
          theme={view.theme}
          onMessage={(text) => notify({ text })}
        />
        <button
          className="tool-button"
          aria-pressed={view.baseline !== null}
          disabled={isLight && !view.baseline}
          onClick={() => setView({ baseline: view.baseline ? null : analysis })}
          title={isLight ? "Compare works on manifests of up to 150 workloads" : "Pin the current analysis, then edit: the compare view lists what changed"}
        >
          {view.baseline ? "◧ unpin" : "◧ compare"}
        </button>
        <button className="tool-button" onClick={reset} title="Back to the first example and the default settings; your text stays one click away">
          ↺<span className="wide-only"> reset</span>
        </button>
        <button className="tool-button" onClick={() => setView({ theme: dark ? "light" : "dark" })} aria-label={dark ? "Light theme" : "Dark theme"} title="Switch theme">
          {dark ? "☀" : "☾"}
          <span className="wide-only">{dark ? " light" : " dark"}</span>
        </button>
        <button
          className="tool-button"
          aria-pressed={view.textSize === "large"}
          onClick={() => setView({ textSize: view.textSize === "large" ? "normal" : "large" })}
          title="Projector: larger text in the graph, the panel and the problems (remembered)"
        >
          Aa<span className="sr-only"> projector text size</span>
        </button>
        <button className="tool-button" onClick={() => setView({ presenting: true })} disabled={!active} title="Large type for a projector: one field at a time, clicker keys step through">
          ▶ present
        </button>
      </div>
    </header>
  );
}
