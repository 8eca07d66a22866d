// The compare view: what changed between a pinned version of the manifest and the current one.
// It opens under the graph, as wide as graph and panel (room for before/after), not in the editor column.
import type { Analysis } from "../core/types";
import { diffAnalyses } from "../core/report/diff";

const SETTINGS = new Set(["runtime", "Kubernetes version"]);

export function Compare({ baseline, current, onClose }: { baseline: Analysis; current: Analysis | null; onClose(): void }) {
  const all = current ? diffAnalyses(baseline, current) : [];
  const settings = all.filter((c) => SETTINGS.has(c.what) && c.workload === "all workloads");
  const changes = all.filter((c) => !settings.includes(c));
  return (
    <section className="compare compare-overlay" aria-label="Compare with the pinned version" data-testid="compare">
      <header>
        <h2>Changes since the pinned version</h2>
        <button className="icon-button" onClick={onClose} aria-label="Close compare">
          ×
        </button>
      </header>
      {settings.map((s) => (
        <p key={s.what} className="compare-setting" role="note" data-testid={`compare-${s.what === "runtime" ? "runtime" : "kubernetes"}`}>
          The {s.what} changed: <s>{s.before}</s> → <strong>{s.after}</strong>. Values below may differ because of it, with no edit to the text.
        </p>
      ))}
      {changes.length === 0 ? (
        <p className="muted">No change in effective settings, process view, startup or Pod Security.</p>
      ) : (
        <div className="compare-scroll" tabIndex={0} role="region" aria-label="Changes">
          <table>
            <thead>
              <tr>
                <th scope="col">where</th>
                <th scope="col">what</th>
                <th scope="col">before</th>
                <th scope="col">after</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c, i) => (
                <tr key={i}>
                  <td>
                    {c.workload}
                    {c.container ? ` / ${c.container}` : ""}
                  </td>
                  <td>{c.what}</td>
                  <td>
                    <s>{c.before}</s>
                  </td>
                  <td>
                    <strong>{c.after}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
