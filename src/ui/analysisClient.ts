// The main thread's side of the analysis worker: newest request wins, older answers are dropped.
import { analyze } from "../core/analyze";
import type { Analysis, AnalyzeOptions } from "../core/types";

export interface AnalysisRequest {
  id: number;
  text: string;
  options: AnalyzeOptions;
}
export type AnalysisResponse = { id: number; analysis: Analysis } | { id: number; error: string };

export class AnalysisClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private latest = 0;

  constructor(private onResult: (analysis: Analysis) => void, private onError: (message: string) => void) {
    try {
      this.worker = new Worker(new URL("./analysis.worker.ts", import.meta.url), { type: "module" });
      this.worker.onmessage = (e: MessageEvent<AnalysisResponse>) => this.receive(e.data);
      this.worker.onerror = () => {
        // A worker that cannot start (old browser, strict policy) must not stop the app.
        this.worker = undefined;
      };
    } catch {
      this.worker = undefined;
    }
  }

  request(text: string, options: AnalyzeOptions): void {
    const id = this.nextId++;
    this.latest = id;
    if (this.worker) {
      this.worker.postMessage({ id, text, options } satisfies AnalysisRequest);
      return;
    }
    try {
      this.receive({ id, analysis: analyze(text, options) });
    } catch (e) {
      this.receive({ id, error: e instanceof Error ? e.message : String(e) });
    }
  }

  private receive(r: AnalysisResponse): void {
    if (r.id !== this.latest) return; // superseded by a newer text
    if ("error" in r) this.onError(r.error);
    else this.onResult(r.analysis);
  }

  dispose(): void {
    this.worker?.terminate();
  }
}
