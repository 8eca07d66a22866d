// The one owner of the document (text + settings + where it came from), the selection and the view
// state. Views read it through selectors and change it only through the actions below; none keeps
// its own copy of the text, so mounting or unmounting a view can never bring back an older text.
import { createStore, type StoreApi } from "zustand/vanilla";
import { useStore } from "zustand";
import type { Analysis, EffectiveField, NodeAssumptions, Runtime, Workload } from "../../core/types";
import type { Stopped } from "../analysisClient";
import { LATEST } from "../../core/versions";

/** Where the text in the editor came from. */
export type Origin = { kind: "local" } | { kind: "link" } | { kind: "example"; id: string } | { kind: "lesson"; id: string };

export interface Settings {
  runtime: Runtime;
  /** The runtime's release line; undefined means its newest (core/runtime/releases.ts). */
  runtimeVersion?: string;
  kubernetes: string;
  seccompDefault: boolean;
  /** Node kernel facts the actions assume (core/actions/assumptions.ts); unset = the defaults. */
  node?: NodeAssumptions;
  /** What each container's image USER gives it, as typed (a uid or a name); by container name. */
  imageUsers: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = { runtime: "containerd", kubernetes: LATEST, seccompDefault: false, imageUsers: {} };

export interface Selection {
  /** The workload's key (see workloadKey); undefined = the first. */
  workload?: string;
  container?: number;
  field?: EffectiveField;
}

/** The text a replacement pushed aside, one click away ("restore your previous text"). */
export interface Previous {
  text: string;
  settings: Settings;
  /** What replaced it, in words ("the shared link", "the example …"). */
  replacedBy: string;
}

export interface Document {
  text: string;
  /** Bumped whenever the text is replaced from outside the editor: the editor then takes the new text. */
  revision: number;
  /**
   * Bumped when a different document arrives (a link, an example, a lesson, a paste over everything):
   * the last good analysis of another document is never shown for this one.
   */
  docId: number;
  origin: Origin;
  /** The user has changed the text since it arrived: only then does a link's, example's or lesson's text join the autosave. */
  edited: boolean;
  settings: Settings;
  previous: Previous | null;
}

export type Theme = "light" | "dark";

/** A message with, optionally, one thing to do about it. */
export interface Notice {
  text: string;
  kind?: "info" | "error";
  /** A link the user can copy by hand (when the clipboard was not allowed). */
  copy?: string;
}

/** Another tab saved a different text while this tab was open. */
export interface Conflict {
  theirs: string;
  theirSettings?: Settings;
}

export interface AnalysisState {
  analysis: Analysis | null;
  /** The last analysis whose text could be read, and the document it belongs to. */
  lastGood: { analysis: Analysis; docId: number } | null;
  /** The docId of the text the current analysis was made from. */
  analysedDocId: number;
  failure: string | null;
  /** The worker's id of the shown analysis (to fetch details and the whole analysis of a light one). */
  renderedId: number;
  /** Details of workloads of a light analysis, fetched from the worker when shown. */
  details: Map<number, Workload>;
  /** The watchdog stopped the analysis of the current text (it offers to analyse it anyway). */
  stopped: Stopped | null;
}

export interface ViewState {
  theme: Theme;
  allFields: boolean;
  /** "large": text sized for a projector (the graph's first fit, the panel, the problems). */
  textSize: "normal" | "large";
  panelOpen: boolean;
  presenting: boolean;
  /** The editor is open beside the presentation (live edits). */
  presentEditor: boolean;
  lessonId: string | undefined;
  galleryOpen: boolean;
  /** The editor line the cursor is on (editor → graph). */
  cursorLine: number | undefined;
  /** The pinned analysis the compare view diffs against. */
  baseline: Analysis | null;
  notice: Notice | null;
  conflict: Conflict | null;
  /** A failed save is said once per tab. */
  saveFailed: boolean;
  saveFailedSeen: boolean;
}

export interface AppState {
  doc: Document;
  selection: Selection;
  view: ViewState;
  result: AnalysisState;
}

export interface Actions {
  /** The user changed the text in the editor. `replacedAll`: a paste over the whole text (a new document). */
  edit(text: string, replacedAll?: boolean): void;
  /** Replaces the text from outside the editor; the text it replaces stays restorable. */
  load(text: string, origin: Origin, opts?: { settings?: Settings; selection?: Selection; replacedBy?: string }): void;
  /** Brings back the text the last replacement pushed aside (and keeps the current one restorable). */
  restorePrevious(): void;
  dismissPrevious(): void;
  setSettings(patch: Partial<Settings>): void;
  setImageUser(container: string, value: string): void;
  select(patch: Selection): void;
  setView(patch: Partial<ViewState>): void;
  notify(notice: Notice | null): void;
  setResult(patch: Partial<AnalysisState>): void;
}

export type AppStore = StoreApi<AppState & Actions>;

export const INITIAL_VIEW: ViewState = {
  theme: "light",
  allFields: false,
  textSize: "normal",
  panelOpen: false,
  presenting: false,
  presentEditor: false,
  lessonId: undefined,
  galleryOpen: false,
  cursorLine: undefined,
  baseline: null,
  notice: null,
  conflict: null,
  saveFailed: false,
  saveFailedSeen: false,
};

const EMPTY_RESULT: AnalysisState = { analysis: null, lastGood: null, analysedDocId: 0, failure: null, renderedId: 0, details: new Map(), stopped: null };

export function describeOrigin(origin: Origin, title?: string): string {
  switch (origin.kind) {
    case "link":
      return "a shared link";
    case "example":
      return `the example “${title ?? origin.id}”`;
    case "lesson":
      return `the lesson “${title ?? origin.id}”`;
    default:
      return "your text";
  }
}

/** Whether applying `patch` would change any of `current`'s values (a key set to undefined counts when present). */
function changes<T extends object>(current: T, patch: Partial<T>): boolean {
  for (const k of Object.keys(patch) as (keyof T)[]) if (!Object.is(current[k], patch[k]) || !(k in current)) return true;
  return false;
}

export function createAppStore(initial?: Partial<AppState>): AppStore {
  return createStore<AppState & Actions>()((set, get) => ({
    doc: { text: "", revision: 0, docId: 0, origin: { kind: "local" }, edited: false, settings: DEFAULT_SETTINGS, previous: null },
    selection: { container: 0 },
    view: INITIAL_VIEW,
    result: EMPTY_RESULT,
    ...initial,

    edit(text, replacedAll = false) {
      const { doc } = get();
      if (text === doc.text) return;
      set({ doc: { ...doc, text, edited: true, docId: replacedAll ? doc.docId + 1 : doc.docId } });
    },

    load(text, origin, opts = {}) {
      const { doc } = get();
      const settings = opts.settings ?? doc.settings;
      // Nothing worth restoring when the text is the same, or empty.
      const keep = doc.text !== text && doc.text.trim() !== "";
      const previous: Previous | null = keep ? { text: doc.text, settings: doc.settings, replacedBy: opts.replacedBy ?? describeOrigin(origin) } : doc.previous;
      set({
        doc: { text, revision: doc.revision + 1, docId: doc.docId + 1, origin, edited: false, settings, previous },
        selection: opts.selection ?? { container: 0 },
      });
    },

    restorePrevious() {
      const { doc } = get();
      if (!doc.previous) return;
      const back = doc.previous;
      set({
        doc: {
          text: back.text,
          revision: doc.revision + 1,
          docId: doc.docId + 1,
          // The restored text is the user's own: it is autosaved again.
          origin: { kind: "local" },
          edited: true,
          settings: back.settings,
          previous: { text: doc.text, settings: doc.settings, replacedBy: "your previous text" },
        },
        selection: { container: 0 },
      });
    },

    dismissPrevious() {
      set({ doc: { ...get().doc, previous: null } });
    },

    setSettings(patch) {
      const { doc } = get();
      set({ doc: { ...doc, settings: { ...doc.settings, ...patch } } });
    },

    setImageUser(container, value) {
      const { doc } = get();
      // A container named __proto__ must stay a plain key.
      const imageUsers = Object.assign(Object.create(null) as Record<string, string>, doc.settings.imageUsers);
      imageUsers[container] = value;
      set({ doc: { ...doc, settings: { ...doc.settings, imageUsers: { ...imageUsers } } } });
    },

    // A patch that changes nothing notifies no one (the editor reports the cursor's line on every
    // keystroke; each notification runs every view's selectors).
    select(patch) {
      const { selection } = get();
      if (!changes(selection, patch)) return;
      set({ selection: { ...selection, ...patch } });
    },

    setView(patch) {
      const { view } = get();
      if (!changes(view, patch)) return;
      set({ view: { ...view, ...patch } });
    },

    notify(notice) {
      const { view } = get();
      if (view.notice === notice) return;
      set({ view: { ...view, notice } });
    },

    setResult(patch) {
      const { result } = get();
      if (!changes(result, patch)) return;
      set({ result: { ...result, ...patch } });
    },
  }));
}

/** The app's one store (created empty; main.tsx boots it from the link, this tab's session or the autosave). */
export const appStore: AppStore = createAppStore();

/** Reads a slice of the store; the component re-renders only when that slice changes. */
export function useApp<T>(selector: (s: AppState & Actions) => T): T {
  return useStore(appStore, selector);
}

/** The actions, stable for the store's life. */
export const actions = (): Actions => appStore.getState();
