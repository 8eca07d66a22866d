import { describe, expect, it, vi } from "vitest";
import { AUTOSAVE_MAX_CHARS, BIG_DEBOUNCE_MS, BIG_TEXT_CHARS, bootState, persist, readDraft, storageKey, scopeOf, type Env } from "./persistence";
import { createAppStore } from "./store";
import { encodeShare } from "../share";

/** A Storage kept in memory; `full` makes every write throw as a full or blocked storage does. */
class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  full = false;
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException("quota", "QuotaExceededError");
    this.m.set(k, v);
  }
}

const FIRST = { id: "first", text: "kind: Pod # first example\n" };
const envOf = (local: Storage, scope = "/", session: Storage = new MemoryStorage()): Env => ({ local, session, scope });
const linkHash = (text: string) => {
  const r = encodeShare({ text, runtime: "cri-o", kubernetes: "1.30", seccompDefault: false, imageUsers: {} }, "http://x/");
  if (!r.ok) throw new Error(r.reason);
  return r.url.slice(r.url.indexOf("#"));
};

/** A page: boots from the storages, then saves like the app does. */
function open(env: Env, hash = "") {
  const boot = bootState(env, hash, FIRST);
  const store = createAppStore(boot.state);
  const p = persist(store, env, boot.known, null);
  return { store, p, boot };
}

describe("where the text comes from on load", () => {
  it.each([
    ["nothing saved: the first example", null, null, "", FIRST.text, "example"],
    ["the autosave", "mine\n", null, "", "mine\n", "local"],
    ["this tab's copy wins over the autosave (a reload)", "mine\n", "tab text\n", "", "tab text\n", "local"],
    ["a link wins over both, once", "mine\n", "tab text\n", "link", "from the link\n", "link"],
  ] as const)("%s", (_name, saved, tab, hash, text, origin) => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    if (saved) local.setItem(storageKey("/", "draft"), JSON.stringify({ text: saved, stamp: "a" }));
    if (tab) session.setItem(storageKey("/", "tab"), JSON.stringify({ text: tab, origin: { kind: "local" }, edited: true }));
    const { store } = open(envOf(local, "/", session), hash ? linkHash("from the link\n") : "");
    expect(store.getState().doc.text).toBe(text);
    expect(store.getState().doc.origin.kind).toBe(origin);
  });

  it("a link keeps the text it replaces one click away, and its settings apply", () => {
    const local = new MemoryStorage();
    local.setItem(storageKey("/", "draft"), JSON.stringify({ text: "my work\n", stamp: "a" }));
    const { store } = open(envOf(local), linkHash("theirs\n"));
    expect(store.getState().doc.previous?.text).toBe("my work\n");
    expect(store.getState().doc.settings.runtime).toBe("cri-o");
    store.getState().restorePrevious();
    expect(store.getState().doc.text).toBe("my work\n");
    expect(store.getState().doc.previous?.text).toBe("theirs\n");
  });

  it("reads the first versions' key when a scope has no draft yet", () => {
    const local = new MemoryStorage();
    local.setItem("scp:text:v1", "old text\n");
    expect(readDraft(envOf(local))?.text).toBe("old text\n");
  });
});

describe("saving", () => {
  it.each([
    ["a small text: soon after the last key", 100, 300],
    ["a big text: once typing pauses (each save is a long task)", BIG_TEXT_CHARS + 1, BIG_DEBOUNCE_MS],
  ])("%s", (_name, chars, after) => {
    vi.useFakeTimers();
    try {
      const local = new MemoryStorage();
      let writes = 0;
      const setItem = local.setItem.bind(local);
      local.setItem = (k, v) => (writes++, setItem(k, v));
      const { store } = open(envOf(local));
      const text = `${"#".repeat(chars)}\n`;
      store.getState().edit(text);
      vi.advanceTimersByTime(after - 50);
      // A key within the wait: the save waits again.
      store.getState().edit(`${text}a`);
      vi.advanceTimersByTime(after - 50);
      expect(writes).toBe(0);
      vi.advanceTimersByTime(60);
      expect(readDraft(envOf(local))?.text).toBe(`${text}a`);
      expect(writes).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("does not write again what it wrote, and still sees another tab's save", () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    let writes = 0;
    for (const s of [local, session]) {
      const setItem = s.setItem.bind(s);
      s.setItem = (k, v) => (writes++, setItem(k, v));
    }
    const { store, p } = open(envOf(local, "/", session));
    store.getState().edit("mine\n");
    p.flush();
    const after = writes;
    p.flush();
    expect(writes).toBe(after);
    // Another tab writes: this tab's next save must notice it rather than overwrite it.
    local.setItem(storageKey("/", "draft"), JSON.stringify({ text: "theirs\n", stamp: "other" }));
    store.getState().edit("mine, more\n");
    p.flush();
    expect(readDraft(envOf(local))?.text).toBe("theirs\n");
    expect(store.getState().view.conflict?.theirs).toBe("theirs\n");
  });

  it("a link's text is kept for the tab but joins the autosave only once edited", () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    local.setItem(storageKey("/", "draft"), JSON.stringify({ text: "my work\n", stamp: "a" }));
    const { store, p } = open(envOf(local, "/", session), linkHash("theirs\n"));
    p.flush();
    expect(readDraft(envOf(local))?.text).toBe("my work\n");
    expect(JSON.parse(session.getItem(storageKey("/", "tab"))!).text).toBe("theirs\n");
    store.getState().edit("theirs, edited\n");
    p.flush();
    expect(readDraft(envOf(local))?.text).toBe("theirs, edited\n");
    // A reload of this tab opens the edited text, not the link.
    expect(open(envOf(local, "/", session)).store.getState().doc.text).toBe("theirs, edited\n");
  });

  it("two tabs: a save never overwrites another tab's newer save silently", () => {
    const local = new MemoryStorage();
    local.setItem(storageKey("/", "draft"), JSON.stringify({ text: "start\n", stamp: "a" }));
    const a = open(envOf(local));
    const b = open(envOf(local));
    a.store.getState().edit("typed in A\n");
    a.p.flush();
    b.store.getState().edit("typed in B\n");
    b.p.flush();
    expect(readDraft(envOf(local))?.text).toBe("typed in A\n");
    expect(b.store.getState().view.conflict?.theirs).toBe("typed in A\n");
    // B chooses its own text: now it is saved, and A in turn would be asked.
    b.p.keepMine();
    expect(readDraft(envOf(local))?.text).toBe("typed in B\n");
    a.store.getState().edit("more in A\n");
    a.p.flush();
    expect(readDraft(envOf(local))?.text).toBe("typed in B\n");
    expect(a.store.getState().view.conflict?.theirs).toBe("typed in B\n");
    a.p.takeTheirs();
    expect(a.store.getState().doc.text).toBe("typed in B\n");
    expect(a.store.getState().doc.previous?.text).toBe("more in A\n");
  });

  it("a save the storage refuses is reported", () => {
    const local = new MemoryStorage();
    const session = new MemoryStorage();
    const { store, p } = open(envOf(local, "/", session));
    local.full = true;
    session.full = true;
    store.getState().edit("kind: Pod\n");
    p.flush();
    expect(store.getState().view.saveFailed).toBe(true);
    expect(store.getState().doc.text).toBe("kind: Pod\n");
  });

  it("a text too large to autosave is said once, and the warning goes when the text fits again", () => {
    const local = new MemoryStorage();
    const { store, p } = open(envOf(local));
    const huge = `${"#".repeat(AUTOSAVE_MAX_CHARS)}\n`;
    store.getState().edit(huge);
    p.flush();
    const warning = store.getState().view.notice;
    expect(warning?.kind).toBe("error");
    expect(warning?.text).toContain("too large for the browser's storage");
    store.getState().edit(`${huge}more`);
    p.flush();
    expect(store.getState().view.notice).toBe(warning);
    store.getState().edit("kind: Pod\n", true);
    p.flush();
    expect(store.getState().view.notice).toBeNull();
    expect(readDraft(envOf(local))?.text).toBe("kind: Pod\n");
    // Another notice the user has not dismissed is not the warning: it stays.
    store.getState().edit(huge, true);
    p.flush();
    store.getState().notify({ text: "Link copied" });
    store.getState().edit("kind: Pod # again\n");
    p.flush();
    expect(store.getState().view.notice?.text).toBe("Link copied");
  });

  it("two deployments on one origin keep separate drafts", () => {
    const local = new MemoryStorage();
    const a = open(envOf(local, scopeOf("/room-a/index.html")));
    const b = open(envOf(local, scopeOf("/room-b/")));
    a.store.getState().edit("room a\n");
    b.store.getState().edit("room b\n");
    a.p.flush();
    b.p.flush();
    expect(readDraft(envOf(local, "/room-a/"))?.text).toBe("room a\n");
    expect(readDraft(envOf(local, "/room-b/"))?.text).toBe("room b\n");
    expect(b.store.getState().view.conflict).toBeNull();
  });
});

describe("the store", () => {
  it("a paste over everything starts a new document; typing does not", () => {
    const s = createAppStore();
    const id = s.getState().doc.docId;
    s.getState().edit("a");
    expect(s.getState().doc.docId).toBe(id);
    s.getState().edit("b", true);
    expect(s.getState().doc.docId).toBe(id + 1);
  });

  it("loading a text bumps the revision (the editor takes it) and typing does not", () => {
    const s = createAppStore();
    s.getState().edit("mine");
    const r = s.getState().doc.revision;
    s.getState().load("example", { kind: "example", id: "x" });
    expect(s.getState().doc.revision).toBe(r + 1);
    expect(s.getState().doc.previous?.text).toBe("mine");
    expect(s.getState().doc.edited).toBe(false);
  });

  it("an image user for a container named __proto__ is a plain entry", () => {
    const s = createAppStore();
    s.getState().setImageUser("__proto__", "1000");
    expect(Object.hasOwn(s.getState().doc.settings.imageUsers, "__proto__")).toBe(true);
    expect(s.getState().doc.settings.imageUsers["__proto__"]).toBe("1000");
  });
});
