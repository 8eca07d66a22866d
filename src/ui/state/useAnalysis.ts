// Runs the analysis of the store's text in the worker and puts the answer back into the store.
// Typing never waits for it, and only the newest text is analysed (see analysisClient).
import { useEffect, useLayoutEffect } from "react";
import { flushSync } from "react-dom";
import { emptyRecord } from "../../core/ownKeys";
import type { Analysis, AnalyzeOptions, Diagnostic } from "../../core/types";
import { DRAW_AT_ONCE_CONTAINERS, drawnAtOnce } from "../displayCap";
import { AnalysisClient } from "../analysisClient";
import { appStore, useApp, type Document, type Settings } from "./store";

/**
 * Waiting between keystrokes: none for small texts (a newer text replaces one still waiting, so
 * nothing piles up) or texts that analyse fast; for slow big ones, as long as an analysis takes (at
 * most a second), so that typing into a big text does not keep a worker busy beside it on a 2-core
 * machine (each key's frame then waited for the CPU: issue 16 item 2). `ms`: the last analysis'
 * time, or the one in flight's so far.
 */
const SEND_AT_ONCE_BELOW_CHARS = 64 * 1024;
export const debounceFor = (ms: number, chars: number) => (chars < SEND_AT_ONCE_BELOW_CHARS || ms < 50 ? 0 : Math.min(1_000, ms));

/** A syntax error makes a document unreadable: its last good workloads may stay on screen, dimmed. */
export function isUnreadable(d: Diagnostic): boolean {
  return d.code === "yaml-syntax" || d.code === "yaml-aliases";
}

export function optionsOf(settings: Settings): AnalyzeOptions {
  // No prototype: users["__proto__"] = v would set the prototype and lose that container's user.
  const users = emptyRecord<number | string>();
  for (const [name, v] of Object.entries(settings.imageUsers)) {
    const t = v.trim();
    if (t) users[name] = /^\d+$/.test(t) ? Number(t) : t;
  }
  return { runtime: settings.runtime, runtimeVersion: settings.runtimeVersion, kubernetes: settings.kubernetes, seccompDefault: settings.seccompDefault, imageUsers: users, node: settings.node };
}

/** A pause in typing this long lets a big analysis in (see useAnalysisRunner); continuous typing holds it at most MAX_HOLD_MS. */
export const TYPING_PAUSE_MS = 400;
export const MAX_HOLD_MS = 3_000;

/**
 * An analysis whose receipt is heavy: a light copy (a big dump), more containers than are drawn
 * at once, or a workload cut down for display.
 */
export function isBig(a: Analysis, light: boolean): boolean {
  if (light || a.workloads.length > 50) return true;
  let containers = 0;
  for (const w of a.workloads) {
    containers += w.containers.length;
    if (!drawnAtOnce(w)) return true;
  }
  return containers > DRAW_AT_ONCE_CONTAINERS;
}

let client: AnalysisClient | null = null;
/** Which document each request's text belongs to. */
const docOf = new Map<number, number>();

/** The running client (exports ask it for the whole of a light analysis, the graph for details). */
export function analysisClient(): AnalysisClient | null {
  return client;
}

/** Mount once (in App): keeps the store's analysis in step with its text and settings. */
export function useAnalysisRunner(): void {
  const analysis = useApp((s) => s.result.analysis);

  useEffect(() => {
    /** When the user last typed (a key down, or the text changed), and a big analysis waiting for a pause. */
    let editedAt = -Infinity;
    // Any key counts, not only those that change the text: after a big paste a person moves to the
    // end (Ctrl+End) and starts typing, and a big analysis drawn in between made those keys wait.
    const onKey = () => {
      editedAt = performance.now();
    };
    window.addEventListener("keydown", onKey, true);
    let held: { apply(): void; since: number; timer: ReturnType<typeof setTimeout> } | undefined;
    const c = new AnalysisClient(
      (a, id, light) => {
        const forDoc = docOf.get(id) ?? appStore.getState().doc.docId;
        for (const k of docOf.keys()) if (k <= id) docOf.delete(k);
        const apply = () => {
          const { result, setResult } = appStore.getState();
          setResult({
            failure: null,
            analysis: a,
            analysedDocId: forDoc,
            renderedId: id,
            details: new Map(),
            lastGood: a.diagnostics.some(isUnreadable) ? result.lastGood : { analysis: a, docId: forDoc },
          });
        };
        if (held) clearTimeout(held.timer);
        const since = held?.since ?? performance.now();
        held = undefined;
        if (!isBig(a, light)) {
          // Rendered in this task, not in one React schedules after it (a frame of Monaco's could
          // come first, and the graph would wait for the next).
          flushSync(apply);
          return;
        }
        // A big analysis is applied when typing pauses: receiving it costs the page a task of
        // 100 ms and more (the problems, the underlines, then the graph), and a key typed meanwhile
        // waits behind it (issue 16 item 2). Continuous typing does not hold it for ever.
        const applyWhenPaused = () => {
          const now = performance.now();
          const wait = Math.min(editedAt + TYPING_PAUSE_MS, since + MAX_HOLD_MS) - now;
          if (wait <= 0) {
            held = undefined;
            return apply();
          }
          held = { apply, since, timer: setTimeout(applyWhenPaused, wait) };
        };
        applyWhenPaused();
      },
      (message) => appStore.getState().setResult({ failure: message }),
      (stopped) => appStore.getState().setResult({ stopped }),
    );
    client = c;

    // The text goes to the worker from the store's change itself — within the keystroke's own
    // event, before Monaco has written its text area and before any render — not from an effect
    // after React has rendered (a few milliseconds later on every key, on the way to the graph).
    let requestedDoc = appStore.getState().doc.docId;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = (doc: Document) => {
      clearTimeout(timer);
      // A new document (a paste over everything, a link, an example) is analysed at once.
      const wait = requestedDoc === doc.docId ? debounceFor(Math.max(c.lastMs, c.busyFor()), doc.text.length) : 0;
      const send = () => {
        requestedDoc = doc.docId;
        docOf.set(c.request(doc.text, optionsOf(doc.settings)), doc.docId);
      };
      if (wait === 0) send();
      else timer = setTimeout(send, wait);
    };
    schedule(appStore.getState().doc);
    const unsubscribe = appStore.subscribe((s, prev) => {
      const d = s.doc;
      const p = prev.doc;
      // Typing: the same document's text changed (a new document — a paste over all, a link — is not).
      if (d.text !== p.text && d.docId === p.docId) editedAt = performance.now();
      if (d.text !== p.text || d.settings !== p.settings || d.docId !== p.docId) schedule(d);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
      if (held) clearTimeout(held.timer);
      window.removeEventListener("keydown", onKey, true);
      c.dispose();
      if (client === c) client = null;
    };
  }, []);

  // For the benchmark (npm run bench): when an analysis has reached the DOM (before the paint).
  useLayoutEffect(() => {
    if (analysis) performance.mark("scp:rendered", { detail: { id: appStore.getState().result.renderedId, workloads: analysis.workloads.length, workerMs: client?.lastMs ?? 0 } });
  }, [analysis]);
}
