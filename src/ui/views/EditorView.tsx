// The manifest editor, bound to the store: it shows the store's text, reports the user's edits and
// the cursor, and offers Pod Security fixes as quick fixes.
import { useCallback, useMemo, useRef } from "react";
import { Editor, type EditorHandle, type QuickFix } from "../editor/Editor";
import { registerEditor } from "../state/editorBridge";
import { actions, appStore, useApp } from "../state/store";
import { analysisClient } from "../state/useAnalysis";
import { problemsOf } from "../problemsModel";
import { renameFixesAt, wantsPssFixes } from "../quickFixes";
import { editorMarkers } from "./editorMarkers";

/** Did-you-mean renames, and the Pod Security fixes of the workload whose text holds the line (from the worker). */
async function quickFixes(line: number, markerCodes: string[]): Promise<QuickFix[]> {
  const { doc, result } = appStore.getState();
  const analysis = result.analysis;
  const renames = renameFixesAt(doc.text, problemsOf(analysis), line);
  const client = analysisClient();
  if (!analysis || !client || !wantsPssFixes(markerCodes)) return renames;
  return [...renames, ...(await client.fixes(result.renderedId, line, doc.text))];
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
      onNotice={(t) => actions().notify({ text: t, kind: "error" })}
    />
  );
}
