// The YAML editor: Monaco once it has loaded, a plain text area until then (or if it cannot load),
// so the text is editable from the first paint and never lost.

import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import type { Diagnostic } from "../../core/types";
import { installLargePaste } from "./largePaste";
import { installOpenFile } from "./openFile";
import { buildInSlices, type BufferBuilder } from "./textSlices";
import { defineThemes, themeName } from "./themes";

type Monaco = typeof import("monaco-editor/esm/vs/editor/editor.api.js");
type CodeEditor = import("monaco-editor/esm/vs/editor/editor.api.js").editor.IStandaloneCodeEditor;

export interface EditorHandle {
  /** Selects a range (1-based) and scrolls it into view. */
  reveal(line: number, column: number, endLine?: number, endColumn?: number): void;
  /** Selects a line's text (from its first non-blank character) and scrolls it into view. */
  selectLine(line: number): void;
  /** Replaces the whole text (an example, a reset) as one undoable edit. */
  setText(text: string): void;
  /** Applies one edit given in 0-based offsets (a fix) as one undoable step, and selects it. */
  applyEdit(edit: { start: number; end: number; text: string }): void;
  /** Scrolls a line into view without selecting it or moving the keyboard focus. */
  show(line: number): void;
  focus(): void;
}

export interface QuickFix {
  title: string;
  edit: { start: number; end: number; text: string };
  /** Offered first, and applied by "auto fix". */
  preferred?: boolean;
}

interface Props {
  /** The store's text: taken on mount, and again whenever `revision` changes (a text replaced from outside). */
  text: string;
  revision: number;
  /** Quick fixes offered at a line (the lightbulb / Ctrl+.): computed when asked, from the newest text. */
  quickFixes?(line: number, markerCodes: string[]): QuickFix[] | Promise<QuickFix[]>;
  diagnostics: Diagnostic[];
  theme: "light" | "dark";
  /** The user changed the text; `replacedAll` when one edit replaced all of it (a paste over everything). */
  onChange(text: string, replacedAll: boolean): void;
  onCursor?(line: number, column: number): void;
  /** Something to tell the person (a file that could not be opened). */
  onNotice?(text: string): void;
}

const SEVERITY = { error: 8, warning: 4, info: 2 } as const; // monaco.MarkerSeverity values

/**
 * Texts replaced from outside from this size on (a share link of a thousand containers) are built
 * into the model a slice at a time and set whole, not applied as one edit: the edit splits the
 * text into lines, keeps both texts for undo and moves every decoration in one task of 50-100 ms.
 * There is then no undo step back to the old text; the "restore your previous text" notice brings it.
 */
const SLICED_SET_CHARS = 64 * 1024;

/**
 * From this size on, the editor's helpers that work on the whole text after an edit or a cursor
 * move are off: suggestions as you type (each asks the YAML worker, which parses the whole text
 * against the schema: hundreds of milliseconds for 3,000 containers, beside the analysis, while
 * the person types — Ctrl+Space still asks), link detection (a scan in the editor worker) and
 * highlighting every occurrence of the word at the cursor (thousands of `name`s). Below it they stay.
 */
export const BIG_MODEL_CHARS = 64 * 1024;
const bigModel = new WeakMap<object, boolean>();
function fitToSize(ed: CodeEditor): void {
  const model = ed.getModel();
  if (!model) return;
  const big = model.getValueLength() >= BIG_MODEL_CHARS;
  if (bigModel.get(ed) === big) return;
  bigModel.set(ed, big);
  ed.updateOptions({
    // Monaco's default when on: as you type in values and keys, not in comments or strings.
    quickSuggestions: big ? false : { other: "on", comments: "off", strings: "off" },
    links: !big,
    occurrencesHighlight: big ? "off" : "singleFile",
  } as Parameters<CodeEditor["updateOptions"]>[0]);
}

export const Editor = forwardRef<EditorHandle, Props>(function Editor({ text, revision, diagnostics, theme, onChange, onCursor, quickFixes, onNotice }, ref) {
  const host = useRef<HTMLDivElement>(null);
  const fallback = useRef<HTMLTextAreaElement>(null);
  const editor = useRef<CodeEditor | null>(null);
  const monacoRef = useRef<Monaco | null>(null);
  const newBuilder = useRef<(() => BufferBuilder) | null>(null);
  /**
   * Outside replacements: each takes a new token (a newer one stops an older one still building);
   * `building` while one is under way (a task or two).
   */
  const replacing = useRef({ token: 0, building: false, setting: false });
  // The text the editor holds; an outside replacement sets it first, so its change event is not
  // taken for the user's edit.
  const textRef = useRef(text);
  const callbacks = useRef({ onChange, onCursor, quickFixes, onNotice });
  callbacks.current = { onChange, onCursor, quickFixes, onNotice };
  const [status, setStatus] = useState<"loading" | "ready" | "failed">("loading");
  /** Monaco's tab-focus mode: Tab moves the focus on instead of indenting (Ctrl+M toggles it). */
  const [tabMoves, setTabMoves] = useState(false);
  /** Counts texts set whole (replaceInSlices), after which the problems are marked again. */
  const [valueSet, setValueSet] = useState(0);

  useEffect(() => {
    let disposed = false;
    import("./monacoSetup")
      .then(({ monaco, MODEL_URI, PieceTreeTextBufferBuilder }) => {
        if (disposed || !host.current) return;
        monacoRef.current = monaco;
        newBuilder.current = () => new PieceTreeTextBufferBuilder();
        defineThemes(monaco);
        const uri = monaco.Uri.parse(MODEL_URI);
        const model = monaco.editor.getModel(uri) ?? monaco.editor.createModel(textRef.current, "yaml", uri);
        model.setValue(textRef.current);
        const ed = monaco.editor.create(host.current, {
          model,
          automaticLayout: true,
          fontSize: 13,
          tabSize: 2,
          scrollBeyondLastLine: false,
          renderWhitespace: "boundary",
          // A hostile line (20,000 supplementalGroups on one line) costs seconds of layout when drawn
          // whole; beyond this many characters a line is drawn cut (the text itself is whole).
          stopRenderingLineAfter: 2_000,
          // Folding and sticky scroll from indentation (YAML's structure), not from the YAML worker's
          // outline and folding ranges: for a thousand containers those come back as a message the
          // page spends 100-200 ms reading and building (issue 16 item 2).
          foldingStrategy: "indentation",
          stickyScroll: { enabled: true, defaultModel: "indentationModel" },
          theme: themeName(theme),
          // Without this, Playwright's keyboard.type loses spaces (toolchain notes).
          editContext: false,
          // Colour swatches and minimap section headers mean nothing in a manifest, and each is a scan of
          // the whole text in Monaco's editor worker after every edit, on a core the page needs.
          colorDecorators: false,
          minimap: { enabled: false, showRegionSectionHeaders: false, showMarkSectionHeaders: false },
          ariaLabel: "Kubernetes manifest (YAML)",
        } as Parameters<typeof monaco.editor.create>[1]);
        fitToSize(ed);
        ed.onDidChangeModel(() => fitToSize(ed));
        ed.onDidChangeModelContent((e) => {
          fitToSize(ed);
          // An outside replacement, already in the store; or a key typed into the text it is about
          // to replace (it would bring that text back into the store).
          if (replacing.current.setting || replacing.current.building) return;
          const next = ed.getValue();
          if (next === textRef.current) return; // an outside replacement, already in the store
          const before = textRef.current.length;
          textRef.current = next;
          const all = e.changes.length === 1 && e.changes[0].rangeOffset === 0 && e.changes[0].rangeLength === before;
          callbacks.current.onChange(next, all);
        });
        const tabOption = monaco.editor.EditorOption.tabFocusMode;
        setTabMoves(ed.getOption(tabOption));
        ed.onDidChangeConfiguration((e) => {
          if (e.hasChanged(tabOption)) setTabMoves(ed.getOption(tabOption));
        });
        ed.onDidChangeCursorPosition((e) => callbacks.current.onCursor?.(e.position.lineNumber, e.position.column));
        const provider = monaco.languages.registerCodeActionProvider("yaml", {
          async provideCodeActions(m, range, context) {
            const codes = context.markers.map((x) => String(typeof x.code === "object" ? x.code?.value : (x.code ?? "")));
            const version = m.getVersionId();
            // Made in the analysis worker (quickFixes.ts): the answer may come after more typing.
            const fixes = m.isDisposed() ? [] : ((await callbacks.current.quickFixes?.(range.startLineNumber, codes)) ?? []);
            if (m.isDisposed() || m.getVersionId() !== version) return { actions: [], dispose() {} };
            return {
              actions: fixes.map((f) => {
                const a = m.getPositionAt(f.edit.start);
                const b = m.getPositionAt(f.edit.end);
                return {
                  title: f.title,
                  kind: "quickfix",
                  isPreferred: f.preferred,
                  edit: {
                    edits: [
                      {
                        resource: m.uri,
                        versionId: version,
                        textEdit: { range: { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column }, text: f.edit.text },
                      },
                    ],
                  },
                };
              }),
              dispose() {},
            };
          },
        });
        // Huge pastes get a fresh model so Monaco's large-file mode applies (largePaste.ts).
        const paste = installLargePaste(
          monaco,
          ed,
          host.current,
          (text, replacedAll) => {
            textRef.current = text;
            callbacks.current.onChange(text, replacedAll);
          },
          () => new PieceTreeTextBufferBuilder(),
        );
        // A file dropped on the editor or opened with Ctrl+O: read without a long task (openFile.ts).
        const removeOpenFile = installOpenFile(monaco, ed, host.current, paste.replaceAll, (t) => callbacks.current.onNotice?.(t));
        ed.onDidDispose(() => {
          provider.dispose();
          paste.dispose();
          removeOpenFile();
        });
        editor.current = ed;
        setStatus("ready");
        performance.mark("scp:editor-ready");
      })
      .catch(() => {
        if (!disposed) setStatus("failed");
      });
    return () => {
      disposed = true;
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
    // The editor is created once; later props reach it through refs and the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    monacoRef.current?.editor.setTheme(themeName(theme));
  }, [theme, status]);

  // A text replaced from outside (a link, an example, a lesson, "restore your previous text").
  useEffect(() => {
    if (text !== textRef.current) handle.setText(text);
    // Only a new revision carries an outside text; the user's own edits come from here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revision]);

  // The markers last set, by content: most keystrokes leave the problems as they were, and setting
  // them again re-decorates the whole editor.
  const markersSet = useRef<{ model: unknown; key: string }>({ model: null, key: "" });
  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editor.current?.getModel();
    if (!monaco || !model) return;
    const key = JSON.stringify(diagnostics.map((d) => [d.line, d.column, d.endLine, d.endColumn, d.severity, d.code, d.message]));
    if (markersSet.current.model === model && markersSet.current.key === key) return;
    markersSet.current = { model, key };
    monaco.editor.setModelMarkers(
      model,
      "security-context-playground",
      diagnostics.map((d) => {
        const line = Math.min(d.line, model.getLineCount());
        const endLine = Math.min(d.endLine ?? d.line, model.getLineCount());
        const endColumn = d.endColumn ?? (d.endLine ? d.column + 1 : model.getLineMaxColumn(endLine));
        return {
          severity: SEVERITY[d.severity],
          message: d.message,
          code: d.code,
          startLineNumber: line,
          startColumn: d.column,
          endLineNumber: endLine,
          endColumn: Math.max(endColumn, d.column + 1),
        };
      }),
    );
  }, [diagnostics, status, valueSet]);

  const handle: EditorHandle = {
    reveal(line, column, endLine, endColumn) {
      const ed = editor.current;
      if (ed) {
        const range = { startLineNumber: line, startColumn: column, endLineNumber: endLine ?? line, endColumn: endColumn ?? column };
        ed.setSelection(range);
        ed.revealRangeInCenterIfOutsideViewport(range);
        ed.focus();
        return;
      }
      const ta = fallback.current;
      if (ta) {
        const lines = ta.value.split("\n");
        let offset = 0;
        for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
        ta.focus();
        ta.setSelectionRange(offset + column - 1, offset + column - 1);
      }
    },
    selectLine(line) {
      const ed = editor.current;
      const model = ed?.getModel();
      if (!ed || !model) return handle.reveal(line, 1);
      const l = Math.max(1, Math.min(line, model.getLineCount()));
      const range = { startLineNumber: l, startColumn: model.getLineFirstNonWhitespaceColumn(l) || 1, endLineNumber: l, endColumn: model.getLineMaxColumn(l) };
      ed.setSelection(range);
      ed.revealRangeInCenterIfOutsideViewport(range);
      ed.focus();
    },
    setText(next) {
      textRef.current = next;
      const token = ++replacing.current.token;
      const ed = editor.current;
      replacing.current.building = false;
      if (ed && next.length >= SLICED_SET_CHARS && newBuilder.current) {
        void replaceInSlices(ed, next, token, newBuilder.current());
      } else if (ed) {
        const model = ed.getModel()!;
        ed.pushUndoStop();
        ed.executeEdits("playground", [{ range: model.getFullModelRange(), text: next }]);
        ed.pushUndoStop();
        ed.setPosition({ lineNumber: 1, column: 1 });
        ed.revealLine(1);
      } else if (fallback.current) {
        fallback.current.value = next;
      }
    },
    applyEdit(edit) {
      const ed = editor.current;
      if (!ed) {
        const next = textRef.current.slice(0, edit.start) + edit.text + textRef.current.slice(edit.end);
        textRef.current = next;
        if (fallback.current) fallback.current.value = next;
        callbacks.current.onChange(next, false);
        return;
      }
      const model = ed.getModel()!;
      const a = model.getPositionAt(edit.start);
      const b = model.getPositionAt(edit.end);
      const range = { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: b.lineNumber, endColumn: b.column };
      ed.pushUndoStop();
      ed.executeEdits("fix", [{ range, text: edit.text, forceMoveMarkers: true }]);
      ed.pushUndoStop();
      const end = model.getPositionAt(edit.start + edit.text.length);
      const sel = { startLineNumber: a.lineNumber, startColumn: a.column, endLineNumber: end.lineNumber, endColumn: end.column };
      ed.setSelection(sel);
      ed.revealRangeInCenterIfOutsideViewport(sel);
    },
    show(line) {
      editor.current?.revealLineInCenterIfOutsideViewport(line);
    },
    focus() {
      (editor.current ?? fallback.current)?.focus();
    },
  };
  useImperativeHandle(ref, () => handle);

  /** setText for a big text (SLICED_SET_CHARS): built from the next task on, then set whole. */
  async function replaceInSlices(ed: CodeEditor, next: string, token: number, builder: BufferBuilder): Promise<void> {
    const model = ed.getModel();
    if (!model) return;
    // Not made read-only meanwhile: that option change re-renders the whole editor, twice.
    replacing.current.building = true;
    const wanted = () => replacing.current.token === token && editor.current === ed && ed.getModel() === model && !model.isDisposed();
    try {
      // From the next task on: this one is the React commit that brought the text.
      const buffer = await buildInSlices(next, builder, wanted, true);
      if (!buffer || !wanted()) return;
      replacing.current.setting = true;
      try {
        // setValue takes a built buffer as it takes a string (createTextBuffer in Monaco's textModel.ts).
        model.setValue(buffer as unknown as string);
      } finally {
        replacing.current.setting = false;
      }
      // setValue dropped the model's decorations, the problems' underlines among them: set them again.
      markersSet.current = { model: null, key: "" };
      setValueSet((n) => n + 1);
      ed.setPosition({ lineNumber: 1, column: 1 });
      ed.revealLine(1);
    } finally {
      if (replacing.current.token === token) replacing.current.building = false;
    }
  }

  return (
    <div className="editor" data-status={status}>
      <div ref={host} className="editor-host" data-testid="monaco-host" hidden={status !== "ready"} />
      {status !== "ready" && (
        <textarea
          ref={fallback}
          className="editor-fallback"
          aria-label="Kubernetes manifest (YAML)"
          spellCheck={false}
          defaultValue={textRef.current}
          onChange={(e) => {
            const before = textRef.current;
            textRef.current = e.target.value;
            callbacks.current.onChange(textRef.current, before.length > 0 && !textRef.current.includes(before.slice(0, 40)));
          }}
        />
      )}
      {status === "ready" && (
        <div className="editor-tab-hint" data-testid="tab-hint">
          <span>{tabMoves ? "Tab moves to the next control." : "Tab indents here."}</span>{" "}
          <button
            className="link"
            aria-pressed={tabMoves}
            onClick={() => {
              const ed = editor.current;
              const option = monacoRef.current?.editor.EditorOption.tabFocusMode;
              if (!ed || option === undefined) return;
              const on = ed.getOption(option);
              ed.updateOptions({ tabFocusMode: !on } as Parameters<typeof ed.updateOptions>[0]);
              // Still on: Ctrl+M switched Monaco's global mode on; switch that off the same way.
              if (on && ed.getOption(option)) ed.trigger("tab-hint", "editor.action.toggleTabFocusMode", null);
              setTabMoves(ed.getOption(option));
            }}
            title="Monaco's tab-focus mode (Ctrl+M): whether Tab indents or moves the keyboard focus out of the editor"
          >
            {tabMoves ? "Make Tab indent" : "Make Tab leave the editor"}
          </button>{" "}
          <kbd>Ctrl+M</kbd>
          <span className="open-file">
            <button className="link" onClick={() => void editor.current?.getAction("scp.openFile")?.run()} title="Open a YAML file from disk, or drop one on the editor: a big dump loads without holding the page (a paste of one does)">
              Open a file
            </button>{" "}
            <kbd>Ctrl+O</kbd>
          </span>
        </div>
      )}
      {status === "failed" && <p className="editor-note">The code editor could not load; this plain text box works instead.</p>}
    </div>
  );
});
