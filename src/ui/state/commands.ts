// What the toolbar, the lessons and the panel do, as plain functions over the store: open an
// example or a lesson (the replaced text stays restorable), share, fix, reset.
import type { Action, Workload } from "../../core/types";
import { EXAMPLES } from "../examples";
import { lessonById, type LessonStep } from "../lessons/lessons";
import { encodeShare } from "../share";
import { applyTextEdit } from "./editorBridge";
import { optionsOf } from "./useAnalysis";
import { actions, appStore, DEFAULT_SETTINGS } from "./store";

export function openExample(id: string): void {
  const ex = EXAMPLES.find((e) => e.id === id);
  if (!ex) return;
  appStore.getState().load(ex.text, { kind: "example", id }, { replacedBy: `the example “${ex.title}”` });
}

export function openLesson(id: string): void {
  const lesson = lessonById(id);
  if (!lesson) return;
  const { load, setView, doc } = appStore.getState();
  setView({ galleryOpen: false, lessonId: id });
  // A lesson's steps assume the image's own user.
  load(lesson.manifest, { kind: "lesson", id }, { settings: { ...doc.settings, imageUsers: {} }, replacedBy: `the lesson “${lesson.title}”` });
}

/** Why "Do it for me" cannot make a step's edit, or undefined when it can. */
export function stepBlocker(step: LessonStep, text: string): string | undefined {
  if (step.edit && !text.includes(step.edit.find)) {
    return `The text has changed, so this step cannot be made for you: it looks for “${step.edit.find.trim().split("\n")[0]}”. Make the change by hand, or reopen the lesson to start again.`;
  }
  return undefined;
}

/** Makes a lesson step's edit; false when it could not (see stepBlocker). */
export function doStep(step: LessonStep): boolean {
  const { doc, setImageUser } = appStore.getState();
  if (stepBlocker(step, doc.text)) return false;
  if (step.edit) {
    const start = doc.text.indexOf(step.edit.find);
    applyTextEdit({ start, end: start + step.edit.find.length, text: step.edit.replace });
  }
  if (step.imageUser) setImageUser(step.imageUser.container, step.imageUser.user);
  if (step.runtime) actions().setSettings({ runtime: step.runtime.runtime, runtimeVersion: step.runtime.runtimeVersion });
  return true;
}

/**
 * The fixing machinery parses YAML, so it is loaded on the first fix or what-if rather than with the
 * page. The text is read once it is there, so the edit fits the text as it is then.
 */
const loadFixes = () => import("../../core/fixes");

/** Applies an action's what-if (core/actions): the same smallest-edit machinery as the fixes. */
export async function applyWhatIf(w: Workload, action: Action): Promise<void> {
  if (!action.whatIf) return;
  const { fixEdit, targetOf } = await loadFixes();
  const { doc } = appStore.getState();
  const edit = fixEdit(doc.text, targetOf(w), { check: `what-if:${action.id}`, description: action.whatIf.label, edits: action.whatIf.edits.map((e) => ({ path: e.path, value: e.value })) });
  if (edit) applyTextEdit(edit);
}

export async function applyPssFix(w: Workload, level: "baseline" | "restricted", index: number): Promise<void> {
  const { fixEdit, fixesFor, targetOf } = await loadFixes();
  const { doc } = appStore.getState();
  // The image users let the runAsNonRoot fix see a container that would still run as root.
  const fix = fixesFor(doc.text, targetOf(w), level, doc.settings.kubernetes, optionsOf(doc.settings).imageUsers)[index];
  const edit = fix && fixEdit(doc.text, targetOf(w), fix);
  if (edit) applyTextEdit(edit);
}

/** Copies a link holding the text and settings. The address bar is left alone: a reload must bring back the latest edits, not the link. */
export async function share(workloadKey: string | undefined): Promise<void> {
  const { doc, selection, view, notify } = appStore.getState();
  const encoded = encodeShare(
    { text: doc.text, ...doc.settings, workload: workloadKey, container: selection.container, lesson: view.lessonId },
    location.href,
  );
  if (!encoded.ok) return notify({ text: encoded.reason, kind: "error" });
  try {
    await navigator.clipboard.writeText(encoded.url);
    notify({ text: "Share link copied. It holds the manifest and the settings in the link itself: nothing is uploaded." });
  } catch {
    notify({ text: "Copying to the clipboard was not allowed: copy the link from here. It holds the manifest and the settings; nothing is uploaded.", copy: encoded.url });
  }
}

/** Back to the first example and the default settings; the text it replaces stays restorable. */
export function reset(): void {
  const { load, setView } = appStore.getState();
  setView({ lessonId: undefined, baseline: null });
  const first = EXAMPLES[0];
  load(first.text, { kind: "example", id: first.id }, { settings: DEFAULT_SETTINGS, replacedBy: "reset" });
}
