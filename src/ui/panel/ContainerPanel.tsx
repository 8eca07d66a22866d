// The side panel for the selected container: every effective field, its value, where it came from,
// and what it does (from the field catalogue).
import type { Container, Workload } from "../../core/types";
import { EFFECTIVE_FIELDS } from "../../core/types";
import { effectiveSpec } from "../../core/catalogue/fields";
import { formatValue } from "../../core/format";
import { SourceBadge } from "../graph/SourceBadge";
import { SOURCE_META } from "../sources";

interface Props {
  workload: Workload;
  container: Container;
  onReveal(line: number): void;
  onClose(): void;
}

export function ContainerPanel({ workload, container, onReveal, onClose }: Props) {
  return (
    <aside className="panel" aria-label={`Effective security settings of container ${container.name}`} data-testid="container-panel">
      <header className="panel-header">
        <div>
          <div className="panel-kicker">
            {workload.kind} {workload.name} · {container.type}
          </div>
          <h2>{container.name || "(unnamed)"}</h2>
        </div>
        <button className="icon-button" onClick={onClose} aria-label="Close panel" title="Close">
          ×
        </button>
      </header>
      {container.startup && !container.startup.ok && (
        <div className="startup-status" role="status">
          <strong>{container.startup.reason}</strong>: {container.startup.message}
        </div>
      )}
      <table className="effective-table">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Value</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {EFFECTIVE_FIELDS.map((f) => {
            const e = container.effective[f];
            const spec = effectiveSpec(f);
            return (
              <tr key={f} data-field={f} data-source={e.source} className={`source-row-${e.source}`}>
                <th scope="row">
                  {e.line ? (
                    <button className="link" onClick={() => onReveal(e.line!)} title={`Go to line ${e.line}`}>
                      {f}
                    </button>
                  ) : (
                    f
                  )}
                  <div className="field-summary">{spec.summary}</div>
                </th>
                <td>
                  <code>{formatValue(e.value)}</code>
                  {e.overrides && (
                    <div className="overrides">
                      overrides pod <s>{formatValue(e.overrides.value)}</s>{" "}
                      <button className="link" onClick={() => onReveal(e.overrides!.line)}>
                        line {e.overrides.line}
                      </button>
                    </div>
                  )}
                </td>
                <td>
                  <SourceBadge source={e.source} /> {SOURCE_META[e.source].label}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </aside>
  );
}
