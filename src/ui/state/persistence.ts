// Where the text is kept, so that nothing is ever lost:
// - the autosave (localStorage) holds the user's own text, per deployment path, on a short debounce
//   (longer for a big text: each save of one is a task of tens of milliseconds, which typing must
//   not meet after every key) and at once when the page is hidden or left;
// - this tab's copy (sessionStorage) holds whatever the tab shows, so a reload brings back the tab's
//   latest text (a link's text included) rather than the link or another tab's save;
// - a link's, an example's or a lesson's text joins the autosave only once the user edits it;
// - tabs hear each other's saves (the storage event) and never overwrite one silently;
// - a save that fails is said once, with what to do.
import type { AppState, AppStore, Notice, Origin, Settings } from "./store";
import { emptyRecord } from "../../core/ownKeys";
import { DEFAULT_SETTINGS } from "./store";
import { decodeShare, type SharedState } from "../share";
import { normaliseVersion } from "../../core/versions";
import { findLine } from "../../core/runtime/releases";

/** localStorage holds a few MB and writes synchronously: a huge dump is not autosaved there. */
export const AUTOSAVE_MAX_CHARS = 1_500_000;
const DEBOUNCE_MS = 300;
/** Texts above this many characters are saved once typing pauses for BIG_DEBOUNCE_MS. */
export const BIG_TEXT_CHARS = 64 * 1024;
export const BIG_DEBOUNCE_MS = 1_500;
export const debounceFor = (chars: number) => (chars > BIG_TEXT_CHARS ? BIG_DEBOUNCE_MS : DEBOUNCE_MS);
/** The key the first versions used for every deployment on an origin; read once when a scope has none. */
const LEGACY_TEXT_KEY = "scp:text:v1";

export interface Env {
  local: Storage | null;
  session: Storage | null;
  /** The deployment's base path, e.g. "/room-a/": two builds on one origin keep separate drafts. */
  scope: string;
}

export type StoreKey = "draft" | "tab" | "prefs" | "panes";
export const storageKey = (scope: string, key: StoreKey) => `scp:${scope}:${key}:v2`;

/** The deployment's base path: the page's directory. */
export function scopeOf(pathname: string): string {
  return pathname.replace(/[^/]*$/, "") || "/";
}

export function browserEnv(): Env {
  const get = (name: "localStorage" | "sessionStorage"): Storage | null => {
    try {
      return window[name];
    } catch {
      return null; // blocked by policy: reading the property throws
    }
  };
  return { local: get("localStorage"), session: get("sessionStorage"), scope: scopeOf(location.pathname) };
}

/** What the autosave holds. */
interface Draft {
  text: string;
  settings?: Settings;
  /** Changes with every write: a tab compares it with the one it last saw to learn of other tabs' saves. */
  stamp?: string;
}

/** What this tab's copy holds. */
interface TabCopy extends Draft {
  origin: Origin;
  edited: boolean;
  previous?: { text: string; settings: Settings; replacedBy: string } | null;
  /** The autosave's stamp as this tab last saw it. */
  known?: string | null;
}

function read(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes; false when the storage refused (full, blocked). */
function write(storage: Storage | null, key: string, value: string): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

function settingsFrom(raw: unknown): Settings | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const r = raw as Record<string, unknown>;
  const users = emptyRecord<string>(); // a container named __proto__ is a key like any other
  if (r.imageUsers && typeof r.imageUsers === "object") {
    for (const [k, v] of Object.entries(r.imageUsers as Record<string, unknown>)) if (typeof v === "string") users[k] = v;
  }
  const runtime = r.runtime === "cri-o" ? "cri-o" : "containerd";
  return {
    runtime,
    runtimeVersion: typeof r.runtimeVersion === "string" ? findLine(runtime, r.runtimeVersion)?.line : undefined,
    kubernetes: (typeof r.kubernetes === "string" && normaliseVersion(r.kubernetes)) || DEFAULT_SETTINGS.kubernetes,
    seccompDefault: r.seccompDefault === true,
    imageUsers: users,
  };
}

function originFrom(raw: unknown): Origin {
  if (raw && typeof raw === "object") {
    const r = raw as Record<string, unknown>;
    if (r.kind === "link") return { kind: "link" };
    if ((r.kind === "example" || r.kind === "lesson") && typeof r.id === "string") return { kind: r.kind, id: r.id };
  }
  return { kind: "local" };
}

export function readDraft(env: Env): Draft | null {
  const raw = read(env.local, storageKey(env.scope, "draft"));
  if (raw !== null) {
    try {
      const d = JSON.parse(raw) as Record<string, unknown>;
      if (typeof d.text === "string") return { text: d.text, settings: settingsFrom(d.settings), stamp: typeof d.stamp === "string" ? d.stamp : "" };
    } catch {
      // unreadable: fall through to the legacy key
    }
  }
  const legacy = read(env.local, LEGACY_TEXT_KEY);
  return legacy !== null ? { text: legacy, stamp: "" } : null;
}

export function readTabCopy(env: Env): TabCopy | null {
  const raw = read(env.session, storageKey(env.scope, "tab"));
  if (raw === null) return null;
  try {
    const d = JSON.parse(raw) as Record<string, unknown>;
    if (typeof d.text !== "string") return null;
    const p = d.previous as Record<string, unknown> | null | undefined;
    return {
      text: d.text,
      settings: settingsFrom(d.settings),
      origin: originFrom(d.origin),
      edited: d.edited === true,
      previous: p && typeof p.text === "string" ? { text: p.text, settings: settingsFrom(p.settings) ?? DEFAULT_SETTINGS, replacedBy: String(p.replacedBy ?? "") } : null,
      known: typeof d.known === "string" ? d.known : null,
    };
  } catch {
    return null;
  }
}

/** A share link in a fragment, as a state to load. */
export type LinkImport = { kind: "none" } | { kind: "ok"; state: SharedState } | { kind: "error"; reason: string };

export function linkFrom(hash: string): LinkImport {
  return decodeShare(hash);
}

/**
 * The state a page opens on: a link in the address bar (imported once; the caller removes the
 * fragment), else this tab's own copy (a reload), else the autosave, else the first example.
 */
export function bootState(env: Env, hash: string, firstExample: { id: string; text: string }): { state: Partial<AppState>; notice?: string; linkImported: boolean; known: string | null } {
  const draft = readDraft(env);
  const tab = readTabCopy(env);
  const link = linkFrom(hash);
  const base = { revision: 1, docId: 1 };
  let notice: string | undefined;
  if (link.kind === "ok") {
    const s = link.state;
    // The text the link pushes aside: this tab's, else the autosave.
    const before = tab ?? (draft ? { text: draft.text, settings: draft.settings } : null);
    const previous = before && before.text !== s.text && before.text.trim() !== "" ? { text: before.text, settings: before.settings ?? DEFAULT_SETTINGS, replacedBy: "a shared link" } : null;
    return {
      state: {
        doc: {
          ...base,
          text: s.text,
          origin: { kind: "link" },
          edited: false,
          settings: { runtime: s.runtime, runtimeVersion: s.runtimeVersion, kubernetes: s.kubernetes, seccompDefault: s.seccompDefault, imageUsers: s.imageUsers },
          previous,
        },
        selection: { workload: s.workload, container: s.container ?? 0 },
      },
      linkImported: true,
      known: tab ? (tab.known ?? null) : (draft?.stamp ?? null),
    };
  }
  if (link.kind === "error") notice = `${link.reason} Your last text is shown instead.`;
  if (tab) {
    return {
      state: { doc: { ...base, text: tab.text, origin: tab.origin, edited: tab.edited, settings: tab.settings ?? DEFAULT_SETTINGS, previous: tab.previous ?? null } },
      notice,
      linkImported: false,
      known: tab.known ?? null,
    };
  }
  if (draft) {
    return {
      state: { doc: { ...base, text: draft.text, origin: { kind: "local" }, edited: false, settings: draft.settings ?? DEFAULT_SETTINGS, previous: null } },
      notice,
      linkImported: false,
      known: draft.stamp ?? null,
    };
  }
  return {
    state: { doc: { ...base, text: firstExample.text, origin: { kind: "example", id: firstExample.id }, edited: false, settings: DEFAULT_SETTINGS, previous: null } },
    notice,
    linkImported: false,
    known: null,
  };
}

/** Whether this document belongs in the autosave: the user's own text, or one they have edited. */
export const autosaves = (doc: AppState["doc"]) => doc.origin.kind === "local" || doc.edited;

export interface Persistence {
  /** Saves now (pagehide, visibilitychange, tests). */
  flush(): void;
  /** This tab keeps its text and overwrites the other tab's save (the user chose). */
  keepMine(): void;
  /** This tab opens the other tab's text (its own stays restorable). */
  takeTheirs(): void;
  dispose(): void;
}

/**
 * Keeps the store's document saved. `known` is the autosave's stamp as this tab last saw it: a save
 * finding another stamp there means another tab wrote meanwhile, and is held back until the user
 * chooses.
 */
export function persist(store: AppStore, env: Env, knownAtBoot: string | null, target: Pick<Window, "addEventListener" | "removeEventListener"> | null = typeof window !== "undefined" ? window : null): Persistence {
  const draftKey = storageKey(env.scope, "draft");
  const tabKey = storageKey(env.scope, "tab");
  /** The autosave's stamp as this tab last read or wrote it. */
  let known = knownAtBoot;
  let counter = 0;
  const newStamp = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}-${counter++}`;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastDoc = store.getState().doc;
  /** The warning shown while the text is too large to autosave, if it is. */
  let tooLarge: Notice | null = null;
  /** What this tab last wrote, so that a save need not parse the stored text again, nor write the same again. */
  let wroteDraft: { json: string; draft: Draft } | undefined;
  let wroteTab: string | undefined;

  const failed = () => {
    const { view, setView } = store.getState();
    if (!view.saveFailed) setView({ saveFailed: true });
  };

  const saveTab = (doc: AppState["doc"]) => {
    // Too large whatever else is dropped: not even serialised (20 MB of JSON is seconds of main thread).
    if (doc.text.length > AUTOSAVE_MAX_CHARS) return true;
    const copy: TabCopy = { text: doc.text, settings: doc.settings, origin: doc.origin, edited: doc.edited, previous: doc.previous, known };
    let json = JSON.stringify(copy);
    // The previous text is a convenience: drop it before the tab's own text when space is short.
    if (json.length > AUTOSAVE_MAX_CHARS && doc.previous) json = JSON.stringify({ ...copy, previous: null });
    if (json.length > AUTOSAVE_MAX_CHARS || json === wroteTab) return true;
    const ok = write(env.session, tabKey, json);
    wroteTab = ok ? json : undefined;
    return ok;
  };

  const saveDraft = (doc: AppState["doc"], force = false): boolean => {
    if (!autosaves(doc)) return true;
    if (doc.text.length > AUTOSAVE_MAX_CHARS) {
      if (!tooLarge) {
        tooLarge = { text: "This text is too large for the browser's storage: it is not autosaved, so keep your own copy (Export → Effective YAML, or save it from your editor).", kind: "error" };
        store.getState().notify(tooLarge);
      }
      return true;
    }
    if (tooLarge) {
      // The text fits again (a smaller paste, an example): the warning no longer holds; a later
      // big text warns again.
      if (store.getState().view.notice === tooLarge) store.getState().notify(null);
      tooLarge = null;
    }
    // Still what this tab wrote (no other tab saved since): no need to parse it again.
    const raw = wroteDraft && read(env.local, draftKey);
    const current = wroteDraft && raw === wroteDraft.json ? wroteDraft.draft : readDraft(env);
    if (current && current.text === doc.text && JSON.stringify(current.settings) === JSON.stringify(doc.settings)) {
      known = current.stamp ?? null;
      return true;
    }
    if (!force && current !== null && current.stamp !== known && current.text !== doc.text) {
      // Another tab saved since this one last looked: never overwrite it silently.
      const { view, setView } = store.getState();
      if (!view.conflict || view.conflict.theirs !== current.text) setView({ conflict: { theirs: current.text, theirSettings: current.settings } });
      return true;
    }
    const stamp = newStamp();
    const draft: Draft = { text: doc.text, settings: doc.settings, stamp };
    const json = JSON.stringify(draft);
    const ok = write(env.local, draftKey, json);
    if (ok) known = stamp;
    wroteDraft = ok ? { json, draft } : undefined;
    return ok;
  };

  const save = (force = false) => {
    clearTimeout(timer);
    timer = undefined;
    const doc = store.getState().doc;
    // The autosave first: the tab's copy records the stamp it wrote.
    const okDraft = saveDraft(doc, force);
    const okTab = saveTab(doc);
    if (!okTab || !okDraft) failed();
  };

  const unsubscribe = store.subscribe((s) => {
    if (s.doc === lastDoc) return;
    lastDoc = s.doc;
    clearTimeout(timer);
    timer = setTimeout(() => save(), debounceFor(s.doc.text.length));
  });

  const onHide = () => {
    if (timer !== undefined) save();
  };
  const onVisibility = () => {
    if (typeof document !== "undefined" && document.visibilityState === "hidden") onHide();
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key !== draftKey || e.newValue === null) return;
    let theirs: Draft;
    try {
      theirs = JSON.parse(e.newValue) as Draft;
      if (typeof theirs.text !== "string") return;
    } catch {
      return;
    }
    const { doc, view, setView } = store.getState();
    if (theirs.text === doc.text) {
      known = typeof theirs.stamp === "string" ? theirs.stamp : known;
      if (view.conflict) setView({ conflict: null });
      return;
    }
    // A tab whose text is not autosaved (an unedited link, example or lesson) competes with no one
    // yet; it is asked when its text would join the autosave.
    if (!autosaves(doc)) return;
    setView({ conflict: { theirs: theirs.text, theirSettings: settingsFrom(theirs.settings) } });
  };

  target?.addEventListener("pagehide", onHide);
  target?.addEventListener("visibilitychange", onVisibility);
  target?.addEventListener("storage", onStorage as EventListener);
  if (typeof document !== "undefined") document.addEventListener("visibilitychange", onVisibility);

  return {
    flush: () => save(),
    keepMine() {
      store.getState().setView({ conflict: null });
      const doc = store.getState().doc;
      // Choosing this tab's text makes it the user's own: it joins the autosave.
      if (!autosaves(doc)) store.setState({ doc: { ...doc, edited: true } });
      save(true);
    },
    takeTheirs() {
      const { view, load, setView } = store.getState();
      if (!view.conflict) return;
      const theirs = view.conflict;
      setView({ conflict: null });
      known = readDraft(env)?.stamp ?? known;
      load(theirs.theirs, { kind: "local" }, { settings: theirs.theirSettings, replacedBy: "the other tab's text" });
    },
    dispose() {
      unsubscribe();
      clearTimeout(timer);
      target?.removeEventListener("pagehide", onHide);
      target?.removeEventListener("visibilitychange", onVisibility);
      target?.removeEventListener("storage", onStorage as EventListener);
      if (typeof document !== "undefined") document.removeEventListener("visibilitychange", onVisibility);
    },
  };
}

/** Display preferences (theme, pane sizes) per deployment path. */
export interface Prefs {
  theme: "light" | "dark";
  allFields?: boolean;
  textSize?: "normal" | "large";
}

export function loadPrefs(env: Env): Prefs {
  let theme: Prefs["theme"] = typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  let allFields = false;
  let textSize: Prefs["textSize"] = "normal";
  try {
    const raw = JSON.parse(read(env.local, storageKey(env.scope, "prefs")) ?? read(env.local, "scp:prefs:v1") ?? "{}") as Partial<Prefs>;
    if (raw.theme === "dark" || raw.theme === "light") theme = raw.theme;
    allFields = raw.allFields === true;
    if (raw.textSize === "large") textSize = "large";
  } catch {
    // unreadable preferences: the defaults
  }
  return { theme, allFields, textSize };
}

export function savePrefs(env: Env, p: Prefs): void {
  write(env.local, storageKey(env.scope, "prefs"), JSON.stringify(p));
}

/** Storage for the pane sizes (react-resizable-panels' useDefaultLayout), scoped and failure-proof. */
export function paneStorage(env: Env): Pick<Storage, "getItem" | "setItem"> {
  return {
    getItem: (k) => read(env.local, `${storageKey(env.scope, "panes")}:${k}`),
    setItem: (k, v) => void write(env.local, `${storageKey(env.scope, "panes")}:${k}`, v),
  };
}
