// Every problem, in text order: YAML, API validation, startup, and Pod Security (with its level);
// clicking one puts the cursor on it.
import { memo } from "react";
import type { Diagnostic } from "../core/types";
import { plural, PROBLEMS_SHOWN } from "./problemsModel";

/** Plain letters in CSS shapes (styles.css): no emoji or symbol font is needed. */
const ICON = { error: "×", warning: "!", info: "i" } as const;
/** A dump of thousands of pods can have thousands of problems: the list shows the first ones (and the note of the rest). */
const SHOWN = PROBLEMS_SHOWN + 1;
/**
 * Items out of view are not laid out until scrolled to (a pod of a thousand containers fills the
 * list with long messages; laying all of them out held the page when an analysis arrived).
 */
const LAZY_ITEM = { contentVisibility: "auto", containIntrinsicSize: "auto 2.6em" } as const;

/** What the code column shows: Pod Security problems by their level. */
function codeLabel(code: string): string {
  if (code === "pss-baseline") return "Pod Security · baseline";
  if (code === "pss-restricted") return "Pod Security · restricted";
  return code;
}

export const Problems = memo(function Problems({ diagnostics, onReveal }: { diagnostics: Diagnostic[]; onReveal(d: Diagnostic): void }) {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity]++;
  return (
    <section className="problems" aria-label="Problems" data-testid="problems">
      <header>
        <h2>Problems</h2>
        <span className="counts">
          <span className="sev-error">{plural(counts.error, "error", "errors")}</span> · <span className="sev-warning">{plural(counts.warning, "warning", "warnings")}</span> ·{" "}
          <span className="sev-info">{plural(counts.info, "note", "notes")}</span>
        </span>
      </header>
      {diagnostics.length === 0 ? (
        <p className="empty">No problems found.</p>
      ) : (
        <ul>
          {diagnostics.slice(0, SHOWN).map((d, i) => (
            <li key={i} className={`sev-${d.severity}`} style={LAZY_ITEM}>
              <button onClick={() => onReveal(d)} data-code={d.code} data-line={d.line}>
                <span className={`sev-icon sev-icon-${d.severity}`} aria-hidden="true">
                  {ICON[d.severity]}
                </span>
                <span className="sr-only">{d.severity}: </span>
                <span className="loc">
                  {d.line}:{d.column}
                </span>
                <span className="msg">{d.message}</span>
                <span className="code">{codeLabel(d.code)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {diagnostics.length > SHOWN && (
        <p className="empty">
          …and {diagnostics.length - SHOWN} more: all of them are marked in the editor (F8 steps through them) and in the exports.
        </p>
      )}
    </section>
  );
});
