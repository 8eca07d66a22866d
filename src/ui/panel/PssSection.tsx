// The workload's Pod Security Standards results, with a one-click fix for each violation.
import type { Workload } from "../../core/types";

interface Props {
  workload: Workload;
  onFix(level: "baseline" | "restricted", index: number): void;
}

export function PssSection({ workload, onFix }: Props) {
  if (!workload.pss) return null;
  return (
    <section className="pss" aria-label="Pod Security Standards" data-testid="pss-section">
      <h3>Pod Security Standards</h3>
      {(["baseline", "restricted"] as const).map((level) => {
        const r = workload.pss![level];
        return (
          <div key={level} className="pss-level" data-level={level} data-allowed={r.allowed}>
            <div className="pss-head">
              <PssBadge level={level} allowed={r.allowed} />
              <span>{r.allowed ? "allowed" : `${r.violations.length} violation${r.violations.length === 1 ? "" : "s"}`}</span>
            </div>
            {r.violations.length > 0 && (
              <ul>
                {r.violations.map((v, i) => (
                  <li key={v.check + i} data-check={v.check}>
                    <div>
                      <strong>{v.reason}</strong> <span className="muted">({v.check})</span>
                    </div>
                    <div className="detail">{v.detail}</div>
                    <button className="fix-button" onClick={() => onFix(level, i)} data-testid={`fix-${level}-${v.check}`}>
                      Fix in the YAML
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      {workload.admission && (
        <div className="admission">
          <div className="muted">kubectl apply into namespace {workload.admission.namespace}:</div>
          {workload.admission.error && <pre className="kubectl error">Error from server (Forbidden): {workload.admission.error}</pre>}
          {workload.admission.warnings.map((w, i) => (
            <pre key={i} className="kubectl warning">
              Warning: {w}
            </pre>
          ))}
          {!workload.admission.error && workload.admission.warnings.length === 0 && <pre className="kubectl">admitted without warnings</pre>}
        </div>
      )}
    </section>
  );
}

export function PssBadge({ level, allowed }: { level: "baseline" | "restricted"; allowed: boolean }) {
  return (
    <span className={`pss-badge ${allowed ? "ok" : "fail"}`} title={`${level}: ${allowed ? "allowed" : "not allowed"}`} aria-label={`${level} ${allowed ? "allowed" : "not allowed"}`}>
      {allowed ? "✓" : "✗"} {level}
    </span>
  );
}
