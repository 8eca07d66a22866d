// The manifest editor, bound to the store: it shows the store's text, reports the user's edits and
// the cursor, and offers Pod Security fixes as quick fixes.
import { useCallback, useMemo, useRef } from "react";
import { fixEdit, fixesFor, targetOf } from "../../core/fixes";
import { Editor, type EditorHandle, type QuickFix } from "../editor/Editor";
import { registerEditor } from "../state/editorBridge";
import { actions, appStore, useApp } from "../state/store";
import { workloadAt } from "../state/workloads";
import { editorMarkers } from "./editorMarkers";

/** Each quick fix re-reads the text; on a huge dump the panel's Fix buttons are the way instead. */
const QUICK_FIX_MAX_CHARS = 200_000;

/** Pod Security fixes for the workload whose text holds the line, offered as editor quick fixes. */
function quickFixes(line: number): QuickFix[] {
  const { doc, result } = appStore.getState();
  const analysis = result.analysis;
  if (!analysis || doc.text.length > QUICK_FIX_MAX_CHARS) return [];
  const w = workloadAt(analysis.workloads, line);
  if (!w || !w.pss) return [];
  const out: QuickFix[] = [];
  for (const level of ["baseline", "restricted"] as const) {
    if (level === "restricted" && !w.pss.baseline.allowed) continue; // baseline first
    for (const fix of fixesFor(doc.text, targetOf(w), level, doc.settings.kubernetes)) {
      const edit = fixEdit(doc.text, targetOf(w), fix);
      if (edit) out.push({ title: `Pod Security (${level}): ${fix.description}`, edit });
    }
  }
  return out;
}

export function EditorView() {
  // The text is read once per revision: typing does not re-render this view.
  const revision = useApp((s) => s.doc.revision);
  const text = useMemo(() => appStore.getState().doc.text, [revision]); // eslint-disable-line react-hooks/exhaustive-deps
  const theme = useApp((s) => s.view.theme);
  const analysis = useApp((s) => s.result.analysis);
  const diagnostics = useMemo(() => editorMarkers(analysis), [analysis]);
  const ref = useRef<EditorHandle | null>(null);
  const setRef = useCallback((h: EditorHandle | null) => {
    ref.current = h;
    registerEditor(h);
  }, []);
  return (
    <Editor
      ref={setRef}
      text={text}
      revision={revision}
      diagnostics={diagnostics}
      theme={theme}
      onChange={(t, all) => actions().edit(t, all)}
      onCursor={(line) => actions().setView({ cursorLine: line })}
      quickFixes={quickFixes}
    />
  );
}
