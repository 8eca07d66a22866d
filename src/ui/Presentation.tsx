// Presentation mode for training on a projector: one container at a time, large type, high
// contrast, the keyboard steps through the fields and their explanations. Nothing else on screen.
import { useEffect, useRef, useState } from "react";
import type { Workload } from "../core/types";
import { EFFECTIVE_FIELDS } from "../core/types";
import { effectiveSpec } from "../core/catalogue/fields";
import { formatValue } from "../core/format";
import { SOURCE_META } from "./sources";

interface Props {
  workload: Workload;
  startAt: number;
  onExit(): void;
}

export function Presentation({ workload, startAt, onExit }: Props) {
  const [ci, setCi] = useState(Math.min(startAt, Math.max(0, workload.containers.length - 1)));
  const [fi, setFi] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const c = workload.containers[ci];

  useEffect(() => root.current?.focus(), []);

  const onKey = (e: React.KeyboardEvent) => {
    const n = EFFECTIVE_FIELDS.length;
    switch (e.key) {
      case "ArrowRight":
      case "ArrowDown":
      case " ":
        setFi((i) => Math.min(n - 1, i + 1));
        break;
      case "ArrowLeft":
      case "ArrowUp":
        setFi((i) => Math.max(0, i - 1));
        break;
      case "PageDown":
      case "n":
        setCi((i) => Math.min(workload.containers.length - 1, i + 1));
        setFi(0);
        break;
      case "PageUp":
      case "p":
        setCi((i) => Math.max(0, i - 1));
        setFi(0);
        break;
      case "Home":
        setFi(0);
        break;
      case "End":
        setFi(n - 1);
        break;
      case "Escape":
        onExit();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  if (!c) {
    return (
      <div className="presentation" ref={root} tabIndex={0} onKeyDown={onKey} data-testid="presentation">
        <p>This workload has no containers. Press Esc to go back.</p>
      </div>
    );
  }
  const field = EFFECTIVE_FIELDS[fi];
  const e = c.effective[field];
  const spec = effectiveSpec(field);
  return (
    <div className="presentation" ref={root} tabIndex={0} onKeyDown={onKey} data-testid="presentation" aria-label="Presentation mode">
      <header className="pres-head">
        <div>
          {workload.kind} {workload.name} · {c.type} <strong>{c.name}</strong> ({ci + 1}/{workload.containers.length})
        </div>
        <div className="pres-keys">← → field · PgUp PgDn container · Esc exit</div>
      </header>
      <div className="pres-body">
        <ol className="pres-fields" aria-label="Fields">
          {EFFECTIVE_FIELDS.map((f, i) => (
            <li key={f} className={`source-row-${c.effective[f].source}${i === fi ? " current" : ""}`} aria-current={i === fi ? "step" : undefined} onClick={() => setFi(i)}>
              <span>{f}</span>
              <span className="pres-mini">{formatValue(c.effective[f].value)}</span>
            </li>
          ))}
        </ol>
        <section className="pres-focus" aria-live="polite">
          <h2>{field}</h2>
          <div className="pres-value">
            <code>{formatValue(e.value)}</code>
            {e.overrides && (
              <span className="overrides">
                {" "}
                overrides pod <s>{formatValue(e.overrides.value)}</s>
              </span>
            )}
          </div>
          <div className={`pres-source source-row-${e.source}`}>
            <span className={`source-badge source-${e.source}`}>{SOURCE_META[e.source].letter}</span> {SOURCE_META[e.source].title}
            {e.line ? ` (line ${e.line})` : ""}
          </div>
          {c.risks?.[field] && <p className="pres-risk">⚠ {c.risks[field]}</p>}
          <p>{spec.summary}</p>
          <p>
            <strong>In the kernel:</strong> {spec.kernel}
          </p>
          <p>
            <strong>An attacker loses:</strong> {spec.attacker}
          </p>
        </section>
      </div>
    </div>
  );
}
