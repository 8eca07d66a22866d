// Runs the analyser (analyser.ts) off the main thread: typing in a big text never waits for an
// analysis. Big texts arrive as transferred UTF-8 bytes, so posting them copies nothing.
import type { WorkerRequest, WorkerResponse } from "./analysisClient";
import { Analyser } from "./analyser";

const analyser = new Analyser();

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const msg = e.data;
  const post = (r: WorkerResponse) => (self as unknown as Worker).postMessage(r);
  if (msg.type !== "analyze") return post(analyser.answer(msg));
  // Its start-up and the message's trip do not count against the page's watchdog.
  post({ type: "started", id: msg.id });
  post(analyser.analyse(msg.id, msg.options, msg.text, msg.bytes));
};
