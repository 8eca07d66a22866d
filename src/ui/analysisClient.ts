// The main thread's side of the analysis: the worker, and the page's own analyser for keystrokes.
//
// - A keystroke in a small text whose last analysis was quick is analysed on the page, in the
//   keystroke's own task, by the same analyser the worker runs (analyser.ts): the graph then changes
//   in the frame that shows the key, not one or two frames later after the worker's answer. Pastes,
//   big texts, slow ones and everything after a stop go to the worker. The page's analyser is loaded
//   once the first analysis is on screen, and run on the shown text while the page is idle, so the
//   first keys do not run cold.
// - At most one analysis runs at a time and only the newest text waits behind it; the answer for an
//   older text is never shown after a newer one. A newer text does not queue behind an analysis that
//   has already run long (a second, or twice the time its size is expected to take): that worker is
//   ended and a fresh one takes the newer text.
// - A watchdog ends an analysis of a small text that overruns its time (3 s and more), starts a fresh
//   worker, and says so; the same text is then not tried again unless the person asks ("analyse
//   anyway"), so an autosaved hostile text cannot freeze or loop the page.
// - Big texts travel as transferred UTF-8 bytes (no copy of the string); huge ones are encoded a
//   slice at a time, so the page keeps its turns.
// - A worker that has made many big analyses is replaced by a fresh one warmed in the background:
//   js-yaml's parser falls into a slower state in a long-lived process (issue 15).
import type { Action, Analysis, AnalyzeOptions, Diagnostic, Workload } from "../core/types";
import type { Analyser } from "./analyser";
import type { DisplayLimits } from "./displayCap";
import type { QuickFix } from "./editor/Editor";
import type { ActionsAt } from "./pageActions";
import { attachProblems } from "./problemsModel";

export type WorkerRequest =
  | { type: "analyze"; id: number; text?: string; bytes?: ArrayBuffer; options: AnalyzeOptions }
  | { type: "detail"; id: number; index: number; limits?: DisplayLimits }
  | { type: "full"; id: number }
  /** One container's actions (left out of the page's copy: pageActions.ts). */
  | { type: "actions"; id: number; at: ActionsAt }
  /** The Pod Security quick fixes at a line of the text of analysis `id`. */
  | { type: "fixes"; id: number; line: number };

export type WorkerResponse =
  /** `problems`: the Problems list and underlines, made beside the analysis (problemsModel.ts). */
  | { type: "analysis"; id: number; analysis: Analysis; problems: Diagnostic[]; light: boolean; ms: number; chars: number; partial?: boolean }
  | { type: "analysis"; id: number; error: string; ms: number; chars: number }
  /** The page already shows this analysis (the text changed in a way nothing shown depends on). */
  | { type: "analysis"; id: number; unchanged: true; ms: number; chars: number }
  | { type: "detail"; id: number; index: number; workload: Workload | undefined }
  | { type: "full"; id: number; analysis: Analysis | null }
  | { type: "actions"; id: number; at: ActionsAt; actions: Action[] | undefined }
  | { type: "fixes"; id: number; line: number; fixes: QuickFix[] }
  /** The worker has begun an analysis (its start-up and the message's trip do not count against the watchdog). */
  | { type: "started"; id: number };

/** An analysis the watchdog stopped: what to tell the person, and how to try anyway. */
export interface Stopped {
  id: number;
  /** How long it was allowed to run. */
  seconds: number;
  chars: number;
  /** Analyse the same text again with no time limit. */
  analyseAnyway(): void;
}

interface Job {
  id: number;
  text: string;
  options: AnalyzeOptions;
  /** Time allowed before the watchdog ends it (Infinity: "analyse anyway"). */
  limitMs: number;
}

/**
 * The watchdog's allowance: 3 s, plus 20 s per million characters, for texts under 256 KB. Big texts
 * are honest work (a busy 2-core machine can take over 10 s on a 1 MB list) and a newer text still
 * cancels them; the watchdog is for small texts that explode.
 */
export const WATCHDOG_BELOW_CHARS = 256 * 1024;
export const limitFor = (chars: number) => (chars < WATCHDOG_BELOW_CHARS ? 3_000 + chars * 0.02 : Infinity);
/** For tests and very slow machines: `?analysis-limit-ms=N` in the page's address replaces the allowance. */
function limitOverride(): number | undefined {
  try {
    const v = Number(new URLSearchParams(globalThis.location?.search ?? "").get("analysis-limit-ms"));
    return v > 0 ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A newer text ends a busy worker (instead of waiting) once the analysis has run this long, or longer for a big text (cancelAfter). */
export const CANCEL_AFTER_MS = 1_000;
export const CANCEL_AFTER_MAX_MS = 10_000;
/** Texts from this size on measure the analysis speed (smaller ones are dominated by fixed costs). */
const RATE_FROM_CHARS = 16 * 1024;
const TICK_MS = 100;
/** Texts above this travel as transferred bytes. */
const TRANSFER_ABOVE_CHARS = 64 * 1024;
/** Texts above this are encoded a slice at a time, the page getting a turn between slices. */
const ENCODE_IN_SLICES_ABOVE_CHARS = 1024 * 1024;
const ENCODE_SLICE_CHARS = 256 * 1024;
const SLICE_BUDGET_MS = 10;
const NON_ASCII = /[^\x00-\x7f]/;

/** Gives the page a turn (input, paint); a message is not clamped as nested timers are. */
const yieldToPage = () =>
  new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve();
    ch.port2.postMessage(null);
  });
/**
 * A keystroke is analysed on the page when its text is at most this long and the page's analyser
 * made one of its last three analyses of it within IN_PLACE_MAX_MS (a frame's budget), the last one
 * within IN_PLACE_GUARD_MS: one slow run (a garbage collection, a recompile) does not send the next
 * keys to a worker gone cold, and a text grown slow goes back to the worker at once. The worker
 * stays the place for anything bigger, slower or new (a paste, a link, an example), where a
 * hostile text can be stopped.
 */
export const IN_PLACE_MAX_CHARS = 32 * 1024;
export const IN_PLACE_MAX_MS = 16;
export const IN_PLACE_GUARD_MS = 100;
/**
 * Runs of the page's analyser on a newly shown small text while the page is idle (its first keys
 * then run warm): at least WARM_RUNS, ending on a run within IN_PLACE_MAX_MS (a garbage collection
 * can make one run slow), at most WARM_RUNS_MAX.
 */
const WARM_RUNS = 6;
const WARM_RUNS_MAX = 12;
/** A text is warmed only when the worker's (cold) analysis of it took at most this long; the warm-up stops at a run this long. */
const WARM_AFTER_MAX_MS = 200;
/** Calls `f` in the page's next idle period (at most 200 ms from now), with the time left in it. */
const whenIdle = (f: (left: () => number) => void) =>
  typeof requestIdleCallback === "function" ? requestIdleCallback((d) => f(() => d.timeRemaining()), { timeout: 200 }) : setTimeout(() => f(() => 0), 20);

/** A "big" analysis for the recycling rule; after this many, or a measured slowdown, a fresh worker. */
const BIG_CHARS = 500_000;
const RECYCLE_AFTER_BIG = 8;
const SLOWDOWN = 1.5;

interface Slot {
  worker: Worker;
  busy?: Job;
  startedAt: number;
  watchdog?: ReturnType<typeof setInterval>;
  /** Time the busy analysis has run, counted by the watchdog's ticks. */
  ran: number;
  /** Big analyses made, and the best time per character among them. */
  big: number;
  bestRate: number;
  /** A standby's warming text. */
  primed?: Job;
}

const sameOptions = (a: AnalyzeOptions, b: AnalyzeOptions) => JSON.stringify(a) === JSON.stringify(b);

/** Whether `b` is `a` with a small edit: what both share at their ends leaves 1% of `b` changed (16 to 1,000 characters). */
export function typedInto(a: string, b: string): boolean {
  const limit = Math.min(1_000, Math.max(16, b.length / 100));
  if (Math.abs(a.length - b.length) > limit) return false;
  const n = Math.min(a.length, b.length);
  let start = 0;
  while (start < n && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let end = 0;
  while (end < n - start && a.charCodeAt(a.length - 1 - end) === b.charCodeAt(b.length - 1 - end)) end++;
  return b.length - start - end <= limit && a.length - start - end <= limit;
}

/** Whether two problem lists say the same, field by field (what the list and the underlines show). */
export function sameDiagnostics(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as unknown as Record<string, unknown>;
    const y = b[i] as unknown as Record<string, unknown>;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    // Values are plain strings and numbers; anything else counts as changed.
    for (const k of keys) if (x[k] !== y[k] || (typeof x[k] === "object" && x[k] !== null)) return false;
  }
  return true;
}

type FullAnswer = Extract<WorkerResponse, { type: "analysis"; analysis: Analysis }>;

export class AnalysisClient {
  private slot: Slot | undefined;
  /** A fresh worker being warmed with the shown text before it replaces the active one. */
  private standby: Slot | undefined;
  private nextId = 1;
  private latest = 0;
  private pending: Job | undefined;
  private cancelTimer: ReturnType<typeof setTimeout> | undefined;
  private waiting = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  /** The page's own analyser (analyser.ts), once loaded. */
  private here: Analyser | undefined;
  private hereLoading: Promise<Analyser> | undefined;
  /** The warm-up under way (warm()). */
  private warming: { runs: number } | undefined;
  /** The times of the page analyser's last (up to three) analyses of the text on screen, as typed on. */
  private hereMs: number[] = [];
  /** The text of the analysis on screen, to rebuild a fresh worker's details after a restart. */
  private shown: Job | undefined;
  /** Whether the page holds only part of it (light or cut down): then the worker must keep it. */
  private shownPartial = false;
  /** The last whole analysis each analyser sent (a worker's slot, or the page's analyser): its "unchanged" refers to it. */
  private received = new WeakMap<object, FullAnswer>();
  /** The analysis given to the page, and an answer of the page's analyser known to draw the same (made from the same text and options). */
  private delivered: FullAnswer | undefined;
  private deliveredTwin: FullAnswer | undefined;
  /** The problems of the analysis last shown. */
  private lastProblems: Diagnostic[] | undefined;
  /** The text the watchdog stopped: not tried again unless asked. */
  private refused: Job | undefined;
  private encoder = new TextEncoder();
  private limitMs = limitOverride();
  /** How long the last analysis took, to choose how long to wait between keystrokes. */
  lastMs = 0;
  /** Analysis time per character of text, as last measured on a text of some size (a busy 2-core machine's guess until then). */
  private msPerChar = 0.01;
  /** Workers started so far (the first included); for the bench and the tests. */
  generation = 0;
  /** Runs of the page's analyser made to warm it (warm()); for the tests. */
  warmRuns = 0;

  constructor(
    private onResult: (analysis: Analysis, id: number, light: boolean) => void,
    private onError: (message: string) => void,
    private onStopped?: (stopped: Stopped | null) => void,
  ) {
    this.slot = this.spawn();
  }

  private spawn(): Slot | undefined {
    try {
      const worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
      const slot: Slot = { worker, startedAt: 0, ran: 0, big: 0, bestRate: Infinity };
      worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(slot, e.data);
      worker.onerror = () => (slot === this.slot ? this.fallBack() : this.dropStandby());
      this.generation++;
      return slot;
    } catch {
      return undefined;
    }
  }

  /** Analyses a text; returns the request id. */
  request(text: string, options: AnalyzeOptions, opts: { anyway?: boolean } = {}): number {
    const job: Job = { id: this.nextId++, text, options, limitMs: opts.anyway ? Infinity : (this.limitMs ?? limitFor(text.length)) };
    this.latest = job.id;
    if (!opts.anyway && this.refused && this.refused.text === text && sameOptions(this.refused.options, options)) {
      // Stopped once already: say so again rather than freeze the page again.
      this.pending = undefined;
      this.tellStopped(this.refused, job.id);
      return job.id;
    }
    if (opts.anyway) this.refused = undefined;
    const busy = this.slot?.busy;
    if (!busy && !opts.anyway && this.inPlace(job)) {
      this.analyseInPlace(job);
      return job.id;
    }
    if (!busy) {
      this.send(job);
      return job.id;
    }
    this.pending = job;
    const ranMs = performance.now() - this.slot!.startedAt;
    const cancelAfter = this.cancelAfter(busy, job);
    clearTimeout(this.cancelTimer);
    if (ranMs >= cancelAfter) this.restart("newer text");
    else this.cancelTimer = setTimeout(() => this.pending && this.slot?.busy && this.restart("newer text"), cancelAfter - ranMs);
    return job.id;
  }

  /**
   * How long an analysis runs before a newer text ends it: a second, or twice what its text is
   * expected to take at the speed last measured, whichever is longer; CANCEL_AFTER_MAX_MS when the
   * newer text is a few keys typed into the one in flight, whose analysis is then nearly right.
   * Typing into a big text must not end every analysis of it before it arrives: the page would
   * start a worker a second and show nothing while the person types (issue 16 item 2).
   */
  private cancelAfter(busy: Job, next: Job): number {
    if (sameOptions(busy.options, next.options) && typedInto(busy.text, next.text)) return CANCEL_AFTER_MAX_MS;
    return Math.min(CANCEL_AFTER_MAX_MS, Math.max(CANCEL_AFTER_MS, 2 * busy.text.length * this.msPerChar));
  }

  /** How long the analysis in flight has run (0 when none is). */
  busyFor(): number {
    return this.slot?.busy ? performance.now() - this.slot.startedAt : 0;
  }

  /** One workload's details (for a light or cut-down analysis), within the limits asked for. */
  detail(id: number, index: number, limits?: DisplayLimits): Promise<Workload | undefined> {
    if (this.here?.holds(id)) return Promise.resolve((this.here.answer({ type: "detail", id, index, limits }) as { workload: Workload | undefined }).workload);
    return this.ask(`detail:${id}:${index}:${JSON.stringify(limits ?? null)}`, { type: "detail", id, index, limits }).then(
      (w) => w as Workload | undefined,
      () => undefined,
    );
  }

  /** One container's actions, when the page's copy of analysis `id` left them in the worker. */
  actions(id: number, at: ActionsAt): Promise<Action[] | undefined> {
    if (this.here?.holds(id)) return Promise.resolve((this.here.answer({ type: "actions", id, at }) as { actions: Action[] | undefined }).actions);
    return this.ask(`actions:${id}:${at.workload}:${at.container}`, { type: "actions", id, at }).then(
      (a) => a as Action[] | undefined,
      () => undefined,
    );
  }

  /**
   * Whether the page's copy of the analysis on screen leaves something out (light, cut down, or its
   * containers' actions kept here): exports then ask for the whole one with full().
   */
  get shownIsPartial(): boolean {
    return this.shownPartial;
  }

  /** The whole analysis (exports), for a light or cut-down analysis. */
  full(id: number): Promise<Analysis> {
    if (this.here?.holds(id)) {
      const whole = (this.here.answer({ type: "full", id }) as { analysis: Analysis | null }).analysis;
      if (whole) return Promise.resolve(whole);
    }
    return this.ask(`full:${id}`, { type: "full", id }) as Promise<Analysis>;
  }

  /**
   * The Pod Security quick fixes at a line of the analysis on screen, made in the worker from the
   * text it analysed. None when the text on screen has changed since (the next analysis brings them).
   */
  fixes(id: number, line: number, currentText: string): Promise<QuickFix[]> {
    if (this.shown?.text !== currentText) return Promise.resolve([]);
    if (this.here?.holds(id)) return Promise.resolve((this.here.answer({ type: "fixes", id, line }) as { fixes: QuickFix[] }).fixes);
    return this.ask(`fixes:${id}:${line}`, { type: "fixes", id, line }).then(
      (f) => f as QuickFix[],
      () => [],
    );
  }

  private ask(key: string, msg: WorkerRequest): Promise<unknown> {
    if (!this.slot) return Promise.reject(new Error("no analysis worker"));
    const worker = this.slot.worker;
    return new Promise((resolve, reject) => {
      const earlier = this.waiting.get(key);
      // The same question asked again before its answer (Monaco asks on every cursor move): one answer for both.
      if (earlier)
        this.waiting.set(key, {
          resolve: (v) => (earlier.resolve(v), resolve(v)),
          reject: (e) => (earlier.reject(e), reject(e)),
        });
      else {
        this.waiting.set(key, { resolve, reject });
        worker.postMessage(msg);
      }
    });
  }

  private post(slot: Slot, job: Job): void {
    if (job.text.length > ENCODE_IN_SLICES_ABOVE_CHARS) void this.postSliced(slot, job);
    else if (job.text.length > TRANSFER_ABOVE_CHARS) {
      const bytes = this.encoder.encode(job.text).buffer as ArrayBuffer;
      slot.worker.postMessage({ type: "analyze", id: job.id, bytes, options: job.options } satisfies WorkerRequest, [bytes]);
    } else slot.worker.postMessage({ type: "analyze", id: job.id, text: job.text, options: job.options } satisfies WorkerRequest);
  }

  /**
   * Encodes a huge text slice by slice between turns of the page (20 MB in one `encode` holds the
   * main thread for half a second or more), then transfers the bytes. A newer text arriving
   * meanwhile takes the worker's turn at once: the older one was never sent.
   */
  private async postSliced(slot: Slot, job: Job): Promise<void> {
    const wanted = () => (slot === this.slot && slot.busy === job) || (slot === this.standby && slot.primed === job);
    const text = job.text;
    // Slice ends, never between the halves of a surrogate pair (each half alone would encode as U+FFFD).
    const ends: number[] = [];
    for (let i = 0; i < text.length; ) {
      let end = Math.min(text.length, i + ENCODE_SLICE_CHARS);
      const last = text.charCodeAt(end - 1);
      if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
      ends.push(end);
      i = end;
    }
    let t0 = performance.now();
    /** Between slices: false when this text is no longer wanted (a newer one took the worker's turn). */
    const breathe = async (): Promise<boolean> => {
      if (performance.now() - t0 < SLICE_BUDGET_MS) return true;
      await yieldToPage();
      t0 = performance.now();
      if (!wanted()) return false;
      if (slot === this.slot && this.pending) {
        // Superseded before it was sent: the newest text goes instead.
        const next = this.pending;
        this.pending = undefined;
        clearTimeout(this.cancelTimer);
        slot.busy = undefined;
        this.send(next);
        return false;
      }
      return true;
    };
    // The exact size first (ASCII slices need no encoding to know it), so the bytes are written once
    // into one buffer: a copy of 20 MB into a fresh buffer is itself a long task.
    let size = 0;
    for (let k = 0, i = 0; k < ends.length; i = ends[k++]) {
      const slice = text.slice(i, ends[k]);
      size += NON_ASCII.test(slice) ? this.encoder.encode(slice).length : slice.length;
      if (!(await breathe())) return;
    }
    const bytes = new Uint8Array(size);
    let at = 0;
    for (let k = 0, i = 0; k < ends.length; i = ends[k++]) {
      at += this.encoder.encodeInto(text.slice(i, ends[k]), bytes.subarray(at)).written;
      if (!(await breathe())) return;
    }
    if (wanted()) slot.worker.postMessage({ type: "analyze", id: job.id, bytes: bytes.buffer, options: job.options } satisfies WorkerRequest, [bytes.buffer]);
  }

  private send(job: Job): void {
    const slot = this.slot;
    if (!slot) return this.analyseHere(job);
    slot.busy = job;
    slot.startedAt = performance.now();
    this.post(slot, job);
  }

  /**
   * Counts the time an analysis runs in ticks, each worth at most twice its interval: when the page
   * itself was blocked (Monaco loading, a slow machine), that time is not held against the worker.
   */
  private arm(slot: Slot): void {
    const job = slot.busy;
    if (!job || !Number.isFinite(job.limitMs)) return;
    clearInterval(slot.watchdog);
    slot.ran = 0;
    let last = performance.now();
    slot.watchdog = setInterval(() => {
      const now = performance.now();
      slot.ran += Math.min(now - last, 2 * TICK_MS);
      last = now;
      if (slot.ran >= job.limitMs) this.overrun(slot);
    }, TICK_MS);
  }

  /** Loads the page's analyser (once). */
  private loadHere(): Promise<Analyser> {
    this.hereLoading ??= import("./localAnalysis").then(({ Analyser }) => (this.here ??= new Analyser()));
    return this.hereLoading;
  }

  /** Whether a text is analysed on the page, in the keystroke's task (see IN_PLACE_MAX_CHARS). */
  private inPlace(job: Job): boolean {
    if (!this.here || !this.slot || this.pending || !this.shown) return false;
    if (job.text.length > IN_PLACE_MAX_CHARS || !this.hereMs.length) return false;
    if (Math.min(...this.hereMs) > IN_PLACE_MAX_MS || this.hereMs.at(-1)! > IN_PLACE_GUARD_MS) return false;
    // Typed into the text on screen; a new text (a paste, an example) goes to the worker.
    return typedInto(this.shown.text, job.text);
  }

  private analyseInPlace(job: Job): void {
    this.warming = undefined;
    const r = this.here!.analyse(job.id, job.options, job.text);
    this.lastMs = r.ms;
    this.noteHere(r.ms);
    performance.mark("scp:analysed", { detail: { id: r.id, ms: r.ms, chars: r.chars, generation: this.generation, inPlace: true } });
    this.deliver(job, r, this.here!, true);
  }

  /**
   * Runs the page's analyser on a newly shown small text a few times while the page is idle: its
   * code then runs compiled on the first keys, not cold (a cold run of the 300-line bench text took
   * longer than the worker's round trip it replaces). Stops when the text on screen changes, and
   * when the text proves too slow to be analysed in place.
   */
  private warm(): void {
    // A newer warm-up (a newer text) replaces an older one.
    const w = { runs: 0 };
    this.warming = w;
    const step = (left: () => number) => {
      // As many runs as the idle period has room for (one at least): a person may type soon.
      do {
        // Replaced, or keys are being analysed here already (they warm it as well).
        if (this.warming !== w) return;
        // The text on screen, as typed on meanwhile (keys sent to the worker while it was cold).
        const job = this.shown;
        if (!job || job.text.length > IN_PLACE_MAX_CHARS) return void (this.warming = undefined);
        if (this.slot?.busy || this.pending) break; // the worker is on a newer text: later
        const r = this.here!.analyse(job.id, job.options, job.text);
        this.warmRuns++;
        // What a keystroke's analysis will cost here (the worker's cold first runs overstate it).
        this.lastMs = r.ms;
        this.noteHere(r.ms);
        // The analysis of the text on screen: what the page shows, so an "unchanged" from the page's
        // analyser now means nothing to draw.
        if ("analysis" in r) this.received.set(this.here!, r);
        if (!("error" in r)) this.deliveredTwin = this.received.get(this.here!);
        // Done when warm and quick; or when the text proves too slow to be analysed in place (three
        // runs in a row over twice the budget), or one run alone too slow for an idle period.
        const done = (++w.runs >= WARM_RUNS && r.ms <= IN_PLACE_MAX_MS) || w.runs >= WARM_RUNS_MAX;
        const tooSlow = (w.runs >= 3 && Math.min(...this.hereMs) > 2 * IN_PLACE_MAX_MS) || r.ms > WARM_AFTER_MAX_MS;
        if (done || tooSlow) {
          this.warming = undefined;
          performance.mark("scp:warmed", { detail: { id: job.id, runs: w.runs, ms: r.ms } });
          return;
        }
      } while (left() > this.lastMs * 1.5);
      whenIdle(step);
    };
    void this.loadHere().then(() => whenIdle(step), () => undefined);
  }

  private noteHere(ms: number): void {
    this.hereMs.push(ms);
    if (this.hereMs.length > 3) this.hereMs.shift();
  }

  private analyseHere(job: Job): void {
    // No worker (blocked, or failed to start): analyse here, after the current event.
    setTimeout(async () => {
      let here: Analyser;
      try {
        here = await this.loadHere();
      } catch (e) {
        return this.deliver(job, { type: "analysis", id: job.id, error: `The analyser could not be loaded: ${e instanceof Error ? e.message : String(e)}`, ms: 0, chars: job.text.length }, this);
      }
      if (job.id !== this.latest) return; // a newer text is on its way here
      const r = here.analyse(job.id, job.options, job.text);
      this.lastMs = r.ms;
      this.deliver(job, r, here);
    }, 0);
  }

  /** Ends the active worker and starts a fresh one; the newest waiting text goes to it. */
  private restart(why: "newer text" | "overrun"): void {
    const old = this.slot;
    if (old) {
      clearInterval(old.watchdog);
      old.worker.terminate();
    }
    clearTimeout(this.cancelTimer);
    // Answers the old worker owed will not come.
    for (const [key, w] of this.waiting)
      if (key.startsWith("full:")) w.reject(new Error(`the analysis worker was restarted (${why})`));
      else w.resolve(key.startsWith("fixes:") ? [] : undefined);
    this.waiting.clear();
    // A warmed standby, if there is one, takes over at once.
    this.slot = this.standby ?? this.spawn();
    this.standby = undefined;
    if (!this.slot) return this.fallBack();
    const next = this.pending;
    this.pending = undefined;
    if (next) this.send(next);
    // Nothing newer to show: analyse the text on screen again, so its details can still be asked for.
    else if (this.shown && this.shownPartial && this.shown !== old?.busy) this.send(this.shown);
  }

  private overrun(slot: Slot): void {
    if (slot !== this.slot || !slot.busy) return;
    const job = slot.busy;
    this.refused = job;
    performance.mark("scp:watchdog", { detail: { id: job.id, ms: slot.ran, wallMs: performance.now() - slot.startedAt, chars: job.text.length } });
    if (this.pending?.text === job.text && sameOptions(this.pending.options, job.options)) this.pending = undefined;
    this.restart("overrun");
    if (job.id === this.latest) this.tellStopped(job, job.id);
  }

  private tellStopped(job: Job, id: number): void {
    const stopped: Stopped = {
      id,
      seconds: Math.round(job.limitMs / 100) / 10,
      chars: job.text.length,
      analyseAnyway: () => this.request(job.text, job.options, { anyway: true }),
    };
    if (this.onStopped) this.onStopped(stopped);
    else
      this.onError(
        `it took longer than ${stopped.seconds} s and was stopped so that the page stays responsive (the text is not analysed again until you edit it)`,
      );
  }

  private fallBack(): void {
    // A worker that cannot start (old browser, strict policy) must not stop the app: whatever was
    // on its way is analysed again here, the newest text winning.
    const again = this.pending ?? this.slot?.busy;
    this.slot?.worker.terminate();
    this.slot = undefined;
    this.dropStandby();
    this.pending = undefined;
    if (again) this.analyseHere(again);
  }

  private dropStandby(): void {
    this.standby?.worker.terminate();
    this.standby = undefined;
  }

  private receive(slot: Slot, r: WorkerResponse): void {
    if (r.type === "started") {
      if (slot === this.slot && slot.busy?.id === r.id) this.arm(slot);
      return;
    }
    if (r.type === "detail" || r.type === "full" || r.type === "fixes" || r.type === "actions") {
      if (slot !== this.slot) return;
      const key =
        r.type === "detail"
          ? [...this.waiting.keys()].find((k) => k.startsWith(`detail:${r.id}:${r.index}:`))
          : r.type === "full"
            ? `full:${r.id}`
            : r.type === "actions"
              ? `actions:${r.id}:${r.at.workload}:${r.at.container}`
              : `fixes:${r.id}:${r.line}`;
      if (key === undefined) return;
      const w = this.waiting.get(key);
      this.waiting.delete(key);
      // The worker keeps only its newest analysis: an older one's whole copy is gone (typing went on).
      if (r.type === "full" && r.analysis === null) w?.reject(new Error("the text changed since: export again"));
      else w?.resolve(r.type === "detail" ? r.workload : r.type === "full" ? r.analysis : r.type === "actions" ? r.actions : r.fixes);
      return;
    }
    if (slot === this.standby) {
      // Warmed: it holds the shown analysis too, so it can take over once the active one is idle.
      this.standby.busy = undefined;
      if (!this.slot?.busy) this.swap();
      return;
    }
    if (slot !== this.slot || slot.busy?.id !== r.id) return; // a worker already ended, or a stale answer
    const job = slot.busy;
    clearInterval(slot.watchdog);
    slot.busy = undefined;
    this.lastMs = r.ms;
    if (r.chars >= RATE_FROM_CHARS) this.msPerChar = r.ms / r.chars;
    performance.mark("scp:analysed", { detail: { id: r.id, ms: r.ms, chars: r.chars, generation: this.generation } });
    this.deliver(job, r, slot);
    this.noteSpeed(slot, r.ms, r.chars);
    const next = this.pending;
    this.pending = undefined;
    clearTimeout(this.cancelTimer);
    if (this.standby && !this.standby.busy) this.swap();
    if (next) this.send(next);
  }

  /** `from`: the analyser that answered (a worker's slot, or the page's analyser); `typed`: known to be typed into the text shown. */
  private deliver(job: Job, r: Extract<WorkerResponse, { type: "analysis" }>, from: object, typed = false): void {
    const before = this.shown;
    // An analyser's "unchanged" means "the same as the last analysis I sent", shown or not.
    if ("analysis" in r) this.received.set(from, r);
    if (r.id !== this.latest) return; // superseded by a newer text
    if ("error" in r) return this.onError(r.error);
    if ("unchanged" in r) {
      const last = this.received.get(from);
      // Nothing to draw, when the page shows that analysis; the analyser answers details for it
      // under either id. When the page dropped it (a newer text was on its way) or shows another
      // analyser's, it is this text's analysis: shown now. (Without this, typing into a comment
      // after a paste whose answer came late showed the old text's graph for good.)
      if (!last || last === this.delivered || last === this.deliveredTwin) {
        this.shown = job;
        return;
      }
      r = { ...last, id: r.id, ms: r.ms, chars: r.chars };
      this.received.set(from, r);
    }
    this.delivered = r;
    this.deliveredTwin = undefined;
    this.shown = job;
    this.shownPartial = r.partial ?? r.light;
    this.onStopped?.(null);
    // Most keystrokes leave the problems as they were: the same array then, so the Problems list
    // and the editor's underlines see nothing new and do no work.
    const problems = this.lastProblems && sameDiagnostics(this.lastProblems, r.problems) ? this.lastProblems : r.problems;
    this.lastProblems = problems;
    attachProblems(r.analysis, problems);
    this.onResult(r.analysis, r.id, r.light);
    // A new text (a paste, an example, a link) from the worker: the page's analyser gets ready for its keys.
    if (typed || (before && typedInto(before.text, job.text))) return;
    // A new text: the page's analyser has no times for it yet (keys go to the worker until it has).
    this.hereMs = [];
    this.warming = undefined;
    // Not for a text the worker was slow on: its runs here would hold the page (a hostile text,
    // stopped or slow there, is never run on the page's thread).
    if (from !== this.here && job.text.length <= IN_PLACE_MAX_CHARS && r.ms <= WARM_AFTER_MAX_MS) this.warm();
  }

  /** Counts big analyses and their speed; starts a fresh worker in the background when due. */
  private noteSpeed(slot: Slot, ms: number, chars: number): void {
    if (chars < BIG_CHARS) return;
    slot.big++;
    const rate = ms / chars;
    const slowed = slot.big > 2 && rate > slot.bestRate * SLOWDOWN;
    slot.bestRate = Math.min(slot.bestRate, rate);
    if ((slot.big >= RECYCLE_AFTER_BIG || slowed) && !this.standby && this.shown) {
      this.standby = this.spawn();
      if (!this.standby) return;
      performance.mark("scp:recycle", { detail: { big: slot.big, slowed } });
      this.standby.busy = this.standby.primed = this.shown;
      this.post(this.standby, this.shown);
    }
  }

  private swap(): void {
    if (!this.standby || !this.slot) return;
    this.slot.worker.terminate();
    this.slot = this.standby;
    this.standby = undefined;
    // It was warmed with an older text than the one on screen: let it make the shown one too.
    if (this.shownPartial && this.shown && this.slot.primed !== this.shown && !this.pending) this.send(this.shown);
  }

  dispose(): void {
    clearTimeout(this.cancelTimer);
    if (this.slot) clearInterval(this.slot.watchdog);
    this.slot?.worker.terminate();
    this.dropStandby();
  }
}
