// The compare view: what changed between a pinned version of the manifest and the current one.
import type { Analysis } from "../core/types";
import { diffAnalyses } from "../core/report/diff";

export function Compare({ baseline, current, onClose }: { baseline: Analysis; current: Analysis | null; onClose(): void }) {
  const changes = current ? diffAnalyses(baseline, current) : [];
  return (
    <section className="compare" aria-label="Compare with the pinned version" data-testid="compare">
      <header>
        <h2>Changes since the pinned version</h2>
        <button className="icon-button" onClick={onClose} aria-label="Close compare">
          ×
        </button>
      </header>
      {changes.length === 0 ? (
        <p className="muted">No change in effective settings, process view, startup or Pod Security.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>where</th>
              <th>what</th>
              <th>before</th>
              <th>after</th>
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
      )}
    </section>
  );
}
