// Starts the store for this page: the text from a link, this tab or the autosave; the preferences;
// saving; and a share link pasted into an open tab (hashchange), imported like one on load.
import { EXAMPLES } from "../examples";
import { bootState, browserEnv, linkFrom, loadPrefs, persist, savePrefs, type Env, type Persistence } from "./persistence";
import { appStore } from "./store";

let running: Persistence | null = null;
let env: Env | null = null;

export function persistence(): Persistence | null {
  return running;
}

export function pageEnv(): Env {
  env ??= browserEnv();
  return env;
}

/** Removes a share fragment from the address bar: a reload then brings back this tab's latest text. */
function dropFragment(): void {
  history.replaceState(history.state, "", location.pathname + location.search);
}

function importHash(): void {
  const link = linkFrom(location.hash);
  if (link.kind === "none") return;
  dropFragment();
  const { load, notify } = appStore.getState();
  if (link.kind === "error") return notify({ text: `${link.reason} Your text is unchanged.`, kind: "error" });
  const s = link.state;
  load(s.text, { kind: "link" }, {
    settings: { runtime: s.runtime, runtimeVersion: s.runtimeVersion, kubernetes: s.kubernetes, seccompDefault: s.seccompDefault, imageUsers: s.imageUsers },
    selection: { workload: s.workload, container: s.container ?? 0 },
    replacedBy: "a shared link",
  });
  if (s.lesson) appStore.getState().setView({ lessonId: s.lesson });
}

export function bootApp(): void {
  const e = pageEnv();
  const boot = bootState(e, location.hash, EXAMPLES[0]);
  const prefs = loadPrefs(e);
  appStore.setState({
    ...boot.state,
    view: {
      ...appStore.getState().view,
      theme: prefs.theme,
      allFields: prefs.allFields ?? false,
      textSize: prefs.textSize ?? "normal",
      notice: boot.notice ? { text: boot.notice, kind: "error" } : null,
      // On a laptop or projector the graph gets the room first; a wide screen, or a share link
      // (which names a container), opens the panel at once.
      panelOpen: boot.linkImported || innerWidth >= 1500,
    },
  });
  if (location.hash.startsWith("#s=")) {
    const link = linkFrom(location.hash);
    if (link.kind === "ok" && link.state.lesson) appStore.getState().setView({ lessonId: link.state.lesson });
    dropFragment();
  }
  running = persist(appStore, e, boot.known);
  window.addEventListener("hashchange", importHash);
  let last = appStore.getState().view;
  appStore.subscribe((s) => {
    if (s.view.theme !== last.theme || s.view.allFields !== last.allFields || s.view.textSize !== last.textSize) {
      savePrefs(e, { theme: s.view.theme, allFields: s.view.allFields, textSize: s.view.textSize });
    }
    if (s.view.theme !== last.theme || !document.documentElement.dataset.theme) document.documentElement.dataset.theme = s.view.theme;
    last = s.view;
  });
  document.documentElement.dataset.theme = appStore.getState().view.theme;
}
