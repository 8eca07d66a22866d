// The side panel for the selected container: whether it starts, what the kernel sees, every
// effective field with its source and its explanation (from the field catalogue), and the
// workload's Pod Security results.
import { Fragment, memo, useState } from "react";
import type { Container, Workload } from "../../core/types";
import { EFFECTIVE_FIELDS } from "../../core/types";
import { proseOf } from "../../core/catalogue/fieldProse";
import { formatValue } from "../../core/format";
import { SourceBadge } from "../graph/SourceBadge";
import { SOURCE_META } from "../sources";
import { ProcStatus } from "./ProcStatus";
import { ContainerActions } from "./Actions";
import { WindowsProcess } from "./WindowsProcess";
import { PssSection } from "./PssSection";
import { CONTAINER_WORDS } from "../containerWords";

/**
 * The kubelet names a pod in its messages as name_namespace(uid) (pkg/kubelet/util/format/pod.go
 * PodDesc), so `pod: "backup_default()"` is not a broken value: a manifest has no uid yet.
 */
export function podDescNote(message: string | undefined): string | undefined {
  const m = message && /pod: "((?:[^"\\]|\\.)*)_((?:[^"\\]|\\.)*)\(((?:[^"\\]|\\.)*)\)"/.exec(message);
  if (!m) return undefined;
  const uid = m[3] ? `uid ${m[3]}` : "an empty uid: a manifest has none until the API server creates the pod";
  return `"${m[1]}_${m[2]}(${m[3]})" is how the kubelet names the pod: name ${m[1]}, namespace ${m[2]}, then ${uid}.`;
}

interface Props {
  workload: Workload;
  container: Container;
  imageUser: string;
  onImageUser(value: string): void;
  onReveal(line: number): void;
  onFix(level: "baseline" | "restricted", index: number): void;
  onClose(): void;
}

export const ContainerPanel = memo(function ContainerPanel({ workload, container, imageUser, onImageUser, onReveal, onFix, onClose }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <aside className="panel" aria-label={`Effective security settings of container ${container.name}`} data-testid="container-panel">
      <header className="panel-header">
        <div>
          <div className="panel-kicker">
            {workload.kind} {workload.name} · {CONTAINER_WORDS[container.type]}
          </div>
          <h2>{container.name || "(unnamed)"}</h2>
        </div>
        <button className="icon-button" onClick={onClose} aria-label="Close panel" title="Close">
          ×
        </button>
      </header>

      <label className="image-user" title="A manifest cannot see the image's USER line; most images run as root (0).">
        Image <code>USER</code>
        <input
          value={imageUser}
          placeholder="0"
          aria-label={`Image user of container ${container.name}`}
          onChange={(e) => onImageUser(e.target.value)}
          spellCheck={false}
        />
        <span className="muted">uid or name; used where no runAsUser is set</span>
      </label>

      <div className={`startup-status ${container.startup?.ok === false ? "fail" : "ok"}`} role="status" data-testid="startup-status">
        {container.startup?.ok === false ? (
          <>
            <div>
              <span className="muted">STATUS</span> <strong>{container.startup.reason}</strong>
            </div>
            <div className="detail">Error: {container.startup.message}</div>
            {podDescNote(container.startup.message) && <p className="pod-desc-note">{podDescNote(container.startup.message)}</p>}
          </>
        ) : (
          <div>
            <span className="muted">STATUS</span> <strong>Running</strong> <span className="muted">— the kubelet's checks pass</span>
          </div>
        )}
      </div>

      {container.startup?.assumptions && container.startup.assumptions.length > 0 && (
        <details className="startup-assumptions" data-testid="startup-assumptions">
          <summary>What the node must provide ({container.startup.assumptions.length})</summary>
          <ul>
            {container.startup.assumptions.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </details>
      )}

      {container.process && <ProcStatus process={container.process} />}
      {container.process && <ContainerActions workload={workload} container={container} />}
      {!container.process && container.windows && <WindowsProcess info={container.windows} />}

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
            const prose = proseOf(f);
            const expanded = open === f;
            return (
              <Fragment key={f}>
              <tr data-field={f} data-source={e.source} className={`source-row-${e.source}`}>
                <th scope="row">
                  {e.line ? (
                    <button className="link" onClick={() => onReveal(e.line!)} title={`Go to line ${e.line}`}>
                      {f}
                    </button>
                  ) : (
                    f
                  )}
                  <div className="field-summary">{prose.summary}</div>
                  <button className="more" aria-expanded={expanded} onClick={() => setOpen(expanded ? null : f)}>
                    {expanded ? "less" : "kernel, attacker, mistakes…"}
                  </button>
                </th>
                <td>
                  <code>{formatValue(e.value)}</code>
                  {e.annotation && <div className="muted field-note">from annotation {e.annotation}</div>}
                  {e.dropped && (
                    <div className="field-note dropped" data-testid={`dropped-${f}`}>
                      <button className="link" onClick={() => onReveal(e.dropped!.line)}>
                        line {e.dropped.line}
                      </button>{" "}
                      {e.dropped.reason}
                    </div>
                  )}
                  {e.overrides && (
                    <div className="overrides">
                      overrides pod <s>{formatValue(e.overrides.value)}</s>{" "}
                      <button className="link" onClick={() => onReveal(e.overrides!.line)}>
                        line {e.overrides.line}
                      </button>
                    </div>
                  )}
                </td>
                <td className="source-cell">
                  <SourceBadge source={e.source} /> {SOURCE_META[e.source].label}
                </td>
              </tr>
            {expanded && (
              <tr className={`explain-row source-row-${e.source}`}>
                <td colSpan={3}>
                    <div className="explain" data-testid={`explain-${f}`}>
                      <p>
                        <strong>Kernel:</strong> {prose.kernel}
                      </p>
                      <p>
                        <strong>When unset:</strong> {prose.unset}
                      </p>
                      <p>
                        <strong>An attacker loses:</strong> {prose.attacker}
                      </p>
                      {prose.mistakes.length > 0 && (
                        <ul>
                          {prose.mistakes.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      )}
                      {prose.seeds && (
                        <p>
                          <strong>Good to know:</strong> {prose.seeds}
                        </p>
                      )}
                      <p className="refs">
                        {prose.references.map((r) => (
                          <a key={r.url} href={r.url} target="_blank" rel="noreferrer noopener">
                            {r.title}
                          </a>
                        ))}
                      </p>
                      <p className="muted">Source: {prose.upstream}</p>
                    </div>
                  </td>
              </tr>
            )}
              </Fragment>
            );
          })}
        </tbody>
      </table>

      <PssSection workload={workload} onFix={onFix} />
    </aside>
  );
});
