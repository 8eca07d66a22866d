// The mounted editor's commands (reveal a line, apply a fix) for views that are not its parent. The
// editor registers itself on mount; with no editor mounted (presentation) the commands do nothing,
// and a fix goes through the store instead (see applyTextEdit).
import type { EditorHandle } from "../editor/Editor";
import { appStore } from "./store";

let current: EditorHandle | null = null;

export function registerEditor(handle: EditorHandle | null): void {
  current = handle;
}

export const editorCommands = {
  reveal(line: number, column = 1, endLine?: number, endColumn?: number) {
    current?.reveal(line, column, endLine, endColumn);
  },
  selectLine(line: number) {
    current?.selectLine(line);
  },
  /** Scrolls a line into view without moving the keyboard focus (a row chosen with Enter keeps focus). */
  show(line: number) {
    current?.show(line);
  },
  focus() {
    current?.focus();
  },
};

/**
 * One edit (0-based offsets) made by the user through a button (a fix, "Do it for me"): through the
 * editor when it is mounted (one undoable step), else straight into the store.
 */
export function applyTextEdit(edit: { start: number; end: number; text: string }): void {
  if (current) return current.applyEdit(edit);
  const { doc, edit: setText } = appStore.getState();
  setText(doc.text.slice(0, edit.start) + edit.text + doc.text.slice(edit.end));
}
