// Runs the core off the main thread: typing never waits for an analysis.
import { analyze } from "../core/analyze";
import type { AnalysisRequest, AnalysisResponse } from "./analysisClient";

self.onmessage = (e: MessageEvent<AnalysisRequest>) => {
  const { id, text, options } = e.data;
  let response: AnalysisResponse;
  try {
    response = { id, analysis: analyze(text, options) };
  } catch (err) {
    response = { id, error: err instanceof Error ? `${err.message}` : String(err) };
  }
  (self as unknown as Worker).postMessage(response);
};
