// "What can it do?": the container's concrete actions from core/actions (verdict, the deciding rule,
// a link to the field that would change it, a one-click what-if), the node assumptions they rest
// on, and the check against a real node (probe script, pasted output, explained differences).
import { memo, useCallback, useEffect, useMemo, useState } from "react";
import type { Action, Container, NodeAssumptions, Runtime, Workload } from "../../core/types";
import { compareProbe, parseProbe, probeScript } from "../../core/actions/probe";
import { NODE_DEFAULTS } from "../../core/actions/assumptions";
import { actions, useApp } from "../state/store";
import { applyWhatIf } from "../state/commands";
import { editorCommands } from "../state/editorBridge";
import { analysisClient } from "../state/useAnalysis";
import { actionsAtOf } from "../pageActions";

interface Props {
  workload: Workload;
  container: Container;
  runtime: Runtime;
  runtimeVersion?: string;
  node: NodeAssumptions;
  onNode(node: NodeAssumptions): void;
  onReveal(line: number): void;
  onWhatIf(action: Action): void;
}

const MARK: Record<Action["verdict"], string> = { allowed: "✓ can", blocked: "✗ cannot", depends: "? depends" };

export const Actions = memo(function Actions({ workload, container, runtime, runtimeVersion, node, onNode, onReveal, onWhatIf }: Props) {
  const [pasted, setPasted] = useState("");
  const list = container.actions ?? [];
  const rows = useMemo(() => {
    if (!pasted.trim()) return null;
    const probes = parseProbe(pasted);
    const observed = probes.get(container.name) ?? probes.get("") ?? (probes.size === 1 ? [...probes.values()][0] : undefined);
    return observed ? compareProbe(workload, container, observed, runtime, runtimeVersion) : [];
  }, [pasted, workload, container, runtime, runtimeVersion]);
  if (!container.process || list.length === 0) return null;
  const scope = node.ptraceScope ?? NODE_DEFAULTS.ptraceScope;
  const userns = node.unprivilegedUserns ?? NODE_DEFAULTS.unprivilegedUserns;
  const script = probeScript(workload, container);
  return (
    <details className="actions-view" open data-testid="actions-view">
      <summary>
        <strong>What can it do?</strong> <span className="muted">as {typeof container.process.uid === "number" ? `uid ${container.process.uid}` : container.process.uid}, on {runtime === "cri-o" ? "CRI-O" : "containerd"}</span>
      </summary>
      <ul className="actions-list">
        {list.map((a) => (
          <li key={a.id} className={`action ${a.verdict}`} data-action={a.id} data-verdict={a.verdict}>
            <div className="action-head">
              <span className={`verdict ${a.verdict}`}>{MARK[a.verdict]}</span> <span className="action-title">{a.id.startsWith("write-volume:") ? `${a.title} (${a.id.slice("write-volume:".length)})` : a.title ?? a.id}</span>
            </div>
            <div className="action-rule">{a.rule}</div>
            <div className="action-links">
              {a.at && (
                <button className="link-button" onClick={() => onReveal(a.at!.line)} title={`Show ${a.at.path} in the editor`}>
                  {a.fields.slice(0, 3).join(", ")}
                </button>
              )}
              {a.whatIf && (
                <button className="link-button what-if" onClick={() => onWhatIf(a)} title="Edit the manifest: the verdict is recomputed">
                  what if: {a.whatIf.label}
                </button>
              )}
              <span className="muted action-source" title={a.source}>
                source
              </span>
            </div>
          </li>
        ))}
      </ul>
      <div className="actions-assumptions">
        <span className="muted">Node assumptions:</span>{" "}
        <label>
          Yama ptrace_scope{" "}
          <select aria-label="Yama ptrace_scope" value={scope} onChange={(e) => onNode({ ...node, ptraceScope: Number(e.target.value) as 0 | 1 | 2 | 3 })}>
            {[0, 1, 2, 3].map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          <input type="checkbox" checked={userns} onChange={(e) => onNode({ ...node, unprivilegedUserns: e.target.checked })} /> unprivileged user namespaces
        </label>
      </div>
      <details className="probe">
        <summary>Check against a real node</summary>
        <p className="muted">Run this against the running pod; it reads /proc with sh builtins only and prints key=value lines.</p>
        <textarea readOnly aria-label="Probe script" value={script} rows={4} onFocus={(e) => e.currentTarget.select()} />
        <button className="tool-button" onClick={() => navigator.clipboard?.writeText(script).catch(() => undefined)}>
          copy script
        </button>
        <textarea aria-label="Probe output" placeholder="Paste the probe's output here" value={pasted} rows={4} onChange={(e) => setPasted(e.target.value)} />
        {rows && (
          <table className="probe-diff" data-testid="probe-diff">
            <thead>
              <tr>
                <th scope="col">line</th>
                <th scope="col">predicted</th>
                <th scope="col">observed</th>
              </tr>
            </thead>
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={3}>No key=value lines for this container in the pasted text.</td>
                </tr>
              )}
              {rows.filter((r) => r.observed !== undefined).map((r) => (
                <tr key={r.key} className={r.match ? "same" : "differs"}>
                  <td>
                    {r.match ? "=" : "≠"} {r.key}
                  </td>
                  <td>{r.predicted || "(none)"}</td>
                  <td>
                    {r.observed ?? "(missing)"}
                    {r.explanation && <div className="probe-why">{r.explanation}</div>}
                  </td>
                </tr>
              ))}
              {rows.some((r) => r.observed === undefined) && (
                <tr className="missing">
                  <td colSpan={3} className="muted">
                    Not in the pasted output: {rows.filter((r) => r.observed === undefined).map((r) => r.key).join(", ")}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
      </details>
    </details>
  );
});

/**
 * The container with its actions: as received, or asked of the analysis worker when the page's copy
 * left them there (pageActions.ts); null until they arrive.
 */
function useWithActions(container: Container): Container | null {
  const at = actionsAtOf(container);
  const renderedId = useApp((s) => s.result.renderedId);
  const [loaded, setLoaded] = useState<{ of: Container; actions: Action[] } | null>(null);
  useEffect(() => {
    const c = analysisClient();
    if (!at || !c) return;
    let live = true;
    void c.actions(renderedId, at).then((actions) => live && actions && setLoaded({ of: container, actions }));
    return () => {
      live = false;
    };
    // `at` is derived from `container`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [container, renderedId]);
  return useMemo(() => (!at ? container : loaded?.of === container ? { ...container, actions: loaded.actions } : null), [at, container, loaded]);
}

/** The view wired to the store: the panel renders it beside /proc/1/status. */
export function ContainerActions({ workload, container: shown }: { workload: Workload; container: Container }) {
  const container = useWithActions(shown);
  const runtime = useApp((s) => s.doc.settings.runtime);
  const runtimeVersion = useApp((s) => s.doc.settings.runtimeVersion);
  const node = useApp((s) => s.doc.settings.node) ?? NO_NODE;
  const onNode = useCallback((n: NodeAssumptions) => actions().setSettings({ node: n }), []);
  const onReveal = useCallback((line: number) => editorCommands.reveal(line, 1), []);
  const onWhatIf = useCallback((a: Action) => applyWhatIf(workload, a), [workload]);
  if (!container) return null;
  return <Actions workload={workload} container={container} runtime={runtime} runtimeVersion={runtimeVersion} node={node} onNode={onNode} onReveal={onReveal} onWhatIf={onWhatIf} />;
}

const NO_NODE: NodeAssumptions = {};
