// Huge pastes (a whole cluster's `kubectl get pods -A -o yaml`, 20 MB) go into a fresh model.
//
// Monaco decides at a model's creation whether it is a large file (no tokenisation, no bracket
// matching: editor.largeFileOptimizations, over 20 MB or 300,000 lines), so pasting into the
// existing small model keeps every per-line feature on and blocks the page for seconds. A fresh
// plain-text model also keeps the YAML language worker from copying and validating the whole text
// (the playground's own analysis still marks problems). The paste is intercepted before Monaco's
// handler, whose edit of 20 MB (line splitting, undo stack, decorations) is one task of seconds, and
// the fresh model is built slice by slice between the page's turns. Ctrl+Z on the fresh model, before any edit
// of it, brings back the previous one, so nothing is lost.

import { buildInSlices, type BufferBuilder } from "./textSlices";

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
 * Listens (capture phase on the window, before Monaco's own listener on its container) for pastes
 * into `host` that make the text large, and loads the result into a fresh model instead: the text
 * is split into lines slice by slice between turns of the page (a single `createModel` of 20 MB is
 * one task of a second or more), the editor is read-only meanwhile, and the model is swapped in when
 * whole. `onText` gets the new text at once (so the analysis starts while the editor loads), and
 * whether it replaced all of the old one (Monaco fires no content change when a model is swapped).
 * Returns `replaceAll` (a file opened: the same path for a huge text, an ordinary undoable edit for
 * a small one) and a function that removes the listeners.
 */
export function installLargePaste(
  monaco: Monaco,
  ed: CodeEditor,
  host: HTMLElement,
  onText: (text: string, replacedAll: boolean) => void,
  newBuilder: () => BufferBuilder,
): { replaceAll(text: string): void; dispose(): void } {
  let previous: TextModel | undefined;
  let fresh: TextModel | undefined;
  let count = 0;
  /** The load under way; a newer paste or the editor's end stops it. */
  let loading = 0;
  let disposed = false;

  const onPaste = (e: ClipboardEvent) => {
    if (!(e.target instanceof Node) || !host.contains(e.target)) return;
    const model = ed.getModel();
    const sel = ed.getSelection();
    if (!model || !sel || ed.getOption(monaco.editor.EditorOption.readOnly)) return;
    // The clipboard's text: Monaco reads it again for a small paste, a copy that costs nothing.
    const pasted = e.clipboardData?.getData("text/plain") ?? "";
    if (pasted.length + model.getValueLength() < LARGE_TEXT_CHARS) return;
    const start = model.getOffsetAt(sel.getStartPosition());
    const end = model.getOffsetAt(sel.getEndPosition());
    // Only what the paste leaves matters: a select-all paste never reads the old text.
    const kept = model.getValueLength() - (end - start);
    if (pasted.length + kept < LARGE_TEXT_CHARS) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const next = kept === 0 ? { text: pasted, caret: pasted.length } : spliceText(model.getValue(), start, end, pasted);
    onText(next.text, kept === 0);
    void load(model, next);
  };

  async function load(model: TextModel, next: { text: string; caret: number }): Promise<void> {
    const token = ++loading;
    const version = model.getVersionId();
    const wasReadOnly = ed.getOption(monaco.editor.EditorOption.readOnly);
    ed.updateOptions({ readOnly: true });
    performance.mark("scp:paste-load-start", { detail: { chars: next.text.length } });
    try {
      const buffer = await buildInSlices(next.text, newBuilder(), () => token === loading && !disposed);
      if (!buffer) return;
      // Something else changed the text meanwhile (an example, a link): that text is the newer one.
      if (ed.getModel() !== model || model.isDisposed() || model.getVersionId() !== version) return;
      // createModel passes a buffer factory through to the text model as it does a string.
      const created = monaco.editor.createModel(buffer as unknown as string, "plaintext", monaco.Uri.parse(`file:///pasted-${++count}.txt`));
      // Keep one step back (the model before the first huge paste); drop older fresh models.
      if (model === fresh) model.dispose();
      else {
        previous?.dispose();
        previous = model;
      }
      // Monaco copies a model of up to 50 MB line by line to its editor worker (links, word
      // completion), a second of main thread for 20 MB; above that size it does not. The fresh huge
      // model is treated as above it: the playground's own analysis is what reads it.
      (created as unknown as { isTooLargeForSyncing(): boolean }).isTooLargeForSyncing = () => true;
      fresh = created;
      ed.setModel(created);
      const caret = created.getPositionAt(next.caret);
      ed.setPosition(caret);
      ed.revealPosition(caret);
      performance.mark("scp:paste-loaded", { detail: { chars: next.text.length } });
    } finally {
      if (token === loading && !disposed) ed.updateOptions({ readOnly: wasReadOnly });
    }
  }

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

  const replaceAll = (text: string) => {
    const model = ed.getModel();
    if (!model || ed.getOption(monaco.editor.EditorOption.readOnly)) return;
    if (text.length >= LARGE_TEXT_CHARS) {
      onText(text, true);
      void load(model, { text, caret: 0 });
      return;
    }
    // One edit over everything: Ctrl+Z brings the text before it back, and the change reaches the
    // store as a paste over everything does.
    ed.pushUndoStop();
    ed.executeEdits("open-file", [{ range: model.getFullModelRange(), text, forceMoveMarkers: true }]);
    ed.pushUndoStop();
    ed.setPosition({ lineNumber: 1, column: 1 });
    ed.revealLine(1);
  };

  const win = host.ownerDocument.defaultView ?? window;
  win.addEventListener("paste", onPaste, true);
  return {
    replaceAll,
    dispose() {
      disposed = true;
      win.removeEventListener("paste", onPaste, true);
      onKey.dispose();
      // The editor disposes the model it shows; the one kept for undo is ours.
      if (previous && previous !== ed.getModel()) previous.dispose();
    },
  };
}
