// Opening a file into the editor: dropped on it, or chosen with Ctrl+O (also in the editor's
// context menu and command palette). A whole cluster's dump (`kubectl get pods -A -o yaml`, 20 MB
// and more) is what people bring; pasted, Chromium reads it from the clipboard in one task of most
// of a second (the paste event's `getData`, which no page can split). A file is read and decoded a
// slice at a time, so the page keeps its turns, and the text then takes the huge
// paste's path (largePaste.ts: a fresh model built slice by slice, Ctrl+Z brings the previous text
// back) or, when small, one undoable edit.

type Monaco = typeof import("monaco-editor/esm/vs/editor/editor.api.js");
type CodeEditor = import("monaco-editor/esm/vs/editor/editor.api.js").editor.IStandaloneCodeEditor;

/** Bigger files are refused: the editor could not hold them; the command line streams any size. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** Why a file is not opened, or undefined when it may be. */
export function refusal(file: { name: string; size: number }): string | undefined {
  if (file.size <= MAX_FILE_BYTES) return undefined;
  return `${file.name} is ${mb(file.size)}: the playground opens files of up to ${mb(MAX_FILE_BYTES)}. For a whole cluster, the command line streams any size: secctx analyze ${file.name}`;
}

/** Bytes decoded per turn of the page (a few milliseconds of decoding). */
export const READ_SLICE_BYTES = 1 << 20;

/**
 * A file's text, decoded as UTF-8 a slice at a time between turns of the page (undefined when
 * `wanted` turns false meanwhile). The slices are joined by concatenation, which V8 keeps as a
 * rope until the text is first read through: a 20 MB flat string is written once, by its first reader.
 */
export async function readText(file: Blob, wanted: () => boolean): Promise<string | undefined> {
  const decoder = new TextDecoder();
  let text = "";
  for (let at = 0; at < file.size; at += READ_SLICE_BYTES) {
    const bytes = await file.slice(at, at + READ_SLICE_BYTES).arrayBuffer();
    if (!wanted()) return undefined;
    // `stream`: a character split between two slices is decoded whole with the next one.
    text += decoder.decode(bytes, { stream: true });
  }
  text += decoder.decode();
  return wanted() ? text : undefined;
}

/** Whether a drag carries files (not text dragged within the editor). */
const carriesFiles = (e: DragEvent) => e.dataTransfer?.types.includes("Files") ?? false;

/**
 * Lets a file dropped on `host`, or chosen with Ctrl+O, replace the editor's text through
 * `replaceAll`. `notice` says why a file was not opened. Returns a function that removes it all.
 */
export function installOpenFile(monaco: Monaco, ed: CodeEditor, host: HTMLElement, replaceAll: (text: string) => void, notice: (text: string) => void): () => void {
  let opening = 0;
  let disposed = false;

  const open = async (file: File) => {
    const why = refusal(file);
    if (why) return notice(why);
    const token = ++opening;
    try {
      const text = await readText(file, () => token === opening && !disposed);
      if (text !== undefined && token === opening && !disposed) replaceAll(text);
    } catch (e) {
      notice(`${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  const inHost = (e: Event) => e.target instanceof Node && host.contains(e.target);
  const onDragOver = (e: DragEvent) => {
    if (!inHost(e) || !carriesFiles(e)) return;
    // Accept the drop here, before Monaco's own drop handling (which would insert the file's name).
    e.preventDefault();
    e.stopImmediatePropagation();
    if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    host.classList.add("file-over");
  };
  const onDragLeave = (e: DragEvent) => {
    if (!(e.relatedTarget instanceof Node) || !host.contains(e.relatedTarget)) host.classList.remove("file-over");
  };
  const onDrop = (e: DragEvent) => {
    host.classList.remove("file-over");
    if (!inHost(e) || !carriesFiles(e)) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    const file = e.dataTransfer?.files[0];
    if (file) void open(file);
  };

  const picker = host.ownerDocument.createElement("input");
  picker.type = "file";
  picker.accept = ".yaml,.yml,.json,.txt,text/*,application/json,application/yaml";
  picker.hidden = true;
  picker.addEventListener("change", () => {
    const file = picker.files?.[0];
    picker.value = ""; // the same file chosen again is a change too
    if (file) void open(file);
  });
  host.append(picker);
  const action = ed.addAction({
    id: "scp.openFile",
    label: "Open a YAML file…",
    keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyO],
    contextMenuGroupId: "navigation",
    contextMenuOrder: 0,
    run: () => picker.click(),
  });

  const win = host.ownerDocument.defaultView ?? window;
  win.addEventListener("dragover", onDragOver, true);
  win.addEventListener("dragleave", onDragLeave, true);
  win.addEventListener("drop", onDrop, true);
  return () => {
    disposed = true;
    action.dispose();
    picker.remove();
    win.removeEventListener("dragover", onDragOver, true);
    win.removeEventListener("dragleave", onDragLeave, true);
    win.removeEventListener("drop", onDrop, true);
  };
}
