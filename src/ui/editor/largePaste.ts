// Huge pastes (a whole cluster's `kubectl get pods -A -o yaml`, 20 MB) go into a fresh model.
//
// Monaco decides at a model's creation whether it is a large file (no tokenisation, no bracket
// matching: editor.largeFileOptimizations, over 20 MB or 300,000 lines), so pasting into the
// existing small model keeps every per-line feature on and blocks the page for seconds. A fresh
// plain-text model also keeps the YAML language worker from copying and validating the whole text
// (the playground's own analysis still marks problems). Ctrl+Z on the fresh model, before any edit
// of it, brings back the previous one, so nothing is lost.

type Monaco = typeof import("monaco-editor/esm/vs/editor/editor.api.js");
type CodeEditor = import("monaco-editor/esm/vs/editor/editor.api.js").editor.IStandaloneCodeEditor;
type TextModel = import("monaco-editor/esm/vs/editor/editor.api.js").editor.ITextModel;

/** Pastes that make the text at least this long get a fresh model. */
export const LARGE_TEXT_CHARS = 1_000_000;

/** Where a paste lands in a text: the text after it, and the offset just after the pasted part. */
export function spliceText(text: string, start: number, end: number, pasted: string): { text: string; caret: number } {
  if (start === 0 && end >= text.length) return { text: pasted, caret: pasted.length };
  return { text: text.slice(0, start) + pasted + text.slice(end), caret: start + pasted.length };
}

/**
 * Listens (capture phase, before Monaco) for pastes into `host` that make the text large, and puts
 * the result in a fresh model instead. `onText` gets the new text, and whether it replaced all of the
 * old one (Monaco fires no content change when a model is swapped). Returns a function that removes the listeners.
 */
export function installLargePaste(monaco: Monaco, ed: CodeEditor, host: HTMLElement, onText: (text: string, replacedAll: boolean) => void): () => void {
  let previous: TextModel | undefined;
  let fresh: TextModel | undefined;
  let count = 0;

  const onPaste = (e: ClipboardEvent) => {
    const model = ed.getModel();
    const pasted = e.clipboardData?.getData("text/plain") ?? "";
    const sel = ed.getSelection();
    if (!model || !sel || pasted.length + model.getValueLength() < LARGE_TEXT_CHARS) return;
    const start = model.getOffsetAt(sel.getStartPosition());
    const end = model.getOffsetAt(sel.getEndPosition());
    // Only what the paste leaves matters: a select-all paste never reads the old text.
    const kept = model.getValueLength() - (end - start);
    if (pasted.length + kept < LARGE_TEXT_CHARS) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const next = kept === 0 ? { text: pasted, caret: pasted.length } : spliceText(model.getValue(), start, end, pasted);
    const created = monaco.editor.createModel(next.text, "plaintext", monaco.Uri.parse(`file:///pasted-${++count}.txt`));
    // Keep one step back (the model before the first huge paste); drop older fresh models.
    if (model === fresh) model.dispose();
    else {
      previous?.dispose();
      previous = model;
    }
    fresh = created;
    ed.setModel(created);
    const caret = created.getPositionAt(next.caret);
    ed.setPosition(caret);
    ed.revealPosition(caret);
    onText(next.text, kept === 0);
  };

  const onKey = ed.onKeyDown((e) => {
    const undo = (e.ctrlKey || e.metaKey) && !e.shiftKey && e.code === "KeyZ";
    if (!undo || !previous || ed.getModel() !== fresh || fresh?.canUndo()) return;
    e.preventDefault();
    e.stopPropagation();
    const back = previous;
    previous = undefined;
    ed.setModel(back);
    fresh?.dispose();
    fresh = undefined;
    onText(back.getValue(), true);
  });

  host.addEventListener("paste", onPaste, true);
  return () => {
    host.removeEventListener("paste", onPaste, true);
    onKey.dispose();
    // The editor disposes the model it shows; the one kept for undo is ours.
    if (previous && previous !== ed.getModel()) previous.dispose();
  };
}
