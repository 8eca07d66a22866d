// The main thread's side of the analysis worker. At most one analysis runs at a time and only the
// newest text waits behind it: a burst of keystrokes never queues up stale work, and the answer
// for an older text is never shown after a newer one.
import { analyze } from "../core/analyze";
import type { Analysis, AnalyzeOptions, Workload } from "../core/types";

export type WorkerRequest =
  | { type: "analyze"; id: number; text: string; options: AnalyzeOptions }
  | { type: "detail"; id: number; index: number }
  | { type: "full"; id: number };

export type WorkerResponse =
  | { type: "analysis"; id: number; analysis: Analysis; light: boolean; ms: number }
  | { type: "analysis"; id: number; error: string; ms: number }
  | { type: "detail"; id: number; index: number; workload: Workload | undefined }
  | { type: "full"; id: number; analysis: Analysis };

type AnalyzeRequest = Extract<WorkerRequest, { type: "analyze" }>;

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private latest = 0;
  private inFlight: AnalyzeRequest | undefined;
  private pending: AnalyzeRequest | undefined;
  private waiting = new Map<string, (v: unknown) => void>();
  /** The newest analysis made here when there is no worker (always whole). */
  private local: { id: number; analysis: Analysis } | undefined;
  /** How long the last analysis took, to choose how long to wait between keystrokes. */
  lastMs = 0;

  constructor(
    private onResult: (analysis: Analysis, id: number, light: boolean) => void,
    private onError: (message: string) => void,
  ) {
    try {
      this.worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
      this.worker.onerror = () => this.fallBack();
    } catch {
      this.worker = undefined;
    }
  }

  /** Analyses a text; returns the request id. */
  request(text: string, options: AnalyzeOptions): number {
    const req: AnalyzeRequest = { type: "analyze", id: this.nextId++, text, options };
    this.latest = req.id;
    if (this.inFlight !== undefined) this.pending = req;
    else this.send(req);
    return req.id;
  }

  /** One workload's details, for a light analysis. */
  detail(id: number, index: number): Promise<Workload | undefined> {
    if (this.local?.id === id) return Promise.resolve(this.local.analysis.workloads[index]);
    return this.ask(`detail:${id}:${index}`, { type: "detail", id, index }) as Promise<Workload | undefined>;
  }

  /** The whole analysis (exports), for a light analysis. */
  full(id: number): Promise<Analysis> {
    if (this.local?.id === id) return Promise.resolve(this.local.analysis);
    return this.ask(`full:${id}`, { type: "full", id }) as Promise<Analysis>;
  }

  private ask(key: string, msg: WorkerRequest): Promise<unknown> {
    if (!this.worker) return Promise.reject(new Error("no analysis worker"));
    return new Promise((resolve) => {
      this.waiting.set(key, resolve);
      this.worker!.postMessage(msg);
    });
  }

  private send(req: AnalyzeRequest): void {
    this.inFlight = req;
    if (this.worker) {
      this.worker.postMessage(req);
      return;
    }
    // No worker (blocked, or failed to start): analyse here, after the current event.
    setTimeout(() => {
      const t0 = performance.now();
      try {
        const analysis = analyze(req.text, req.options);
        this.local = { id: req.id, analysis };
        this.receive({ type: "analysis", id: req.id, analysis, light: false, ms: performance.now() - t0 });
      } catch (e) {
        this.receive({ type: "analysis", id: req.id, error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
      }
    }, 0);
  }

  private fallBack(): void {
    // A worker that cannot start (old browser, strict policy) must not stop the app: whatever was
    // on its way is analysed again here, the newest text winning.
    this.worker?.terminate();
    this.worker = undefined;
    const again = this.pending ?? this.inFlight;
    this.inFlight = undefined;
    this.pending = undefined;
    if (again) this.send(again);
  }

  private receive(r: WorkerResponse): void {
    if (r.type === "detail" || r.type === "full") {
      const key = r.type === "detail" ? `detail:${r.id}:${r.index}` : `full:${r.id}`;
      const resolve = this.waiting.get(key);
      this.waiting.delete(key);
      resolve?.(r.type === "detail" ? r.workload : r.analysis);
      return;
    }
    this.lastMs = r.ms;
    this.inFlight = undefined;
    const next = this.pending;
    this.pending = undefined;
    if (next) this.send(next);
    if (r.id !== this.latest) return; // superseded by a newer text
    if ("error" in r) this.onError(r.error);
    else this.onResult(r.analysis, r.id, r.light);
  }

  dispose(): void {
    this.worker?.terminate();
  }
}
