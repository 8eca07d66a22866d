import { afterEach, describe, expect, it, vi } from "vitest";
import { manyContainersPod } from "../../bench/hostile";
import type { Analysis, Workload } from "../core/types";
import { AnalysisClient, typedInto, type WorkerRequest, type WorkerResponse } from "./analysisClient";

// A newer text ends the analysis in flight after a second, unless it is that text with a few keys
// typed: then the analysis in flight is let finish (typing into a 3,000-container paste must not
// end every analysis of it before it arrives, issue 16 item 2).
describe("typedInto: a few keys typed into the text in flight", () => {
  const big = manyContainersPod(3000);
  it.each([
    ["a key at the end", big, `${big}#`, true],
    ["twenty keys at the end", big, `${big}# a comment typed on`, true],
    ["a key in the middle", big, `${big.slice(0, 5000)}x${big.slice(5000)}`, true],
    ["a line deleted", big, big.replace("  - name: c17\n", ""), true],
    ["a different text of the same size", big, big.replace(/nginx/g, "nginy"), false],
    ["a paste over everything", big, manyContainersPod(10), false],
    ["a small text, one key", "kind: Pod\n", "kind: Pod\n#", true],
    ["a small text, rewritten", "kind: Pod\nmetadata: {name: a}\n", "apiVersion: v1\nkind: ConfigMap\ndata: {}\n", false],
    ["the same text", big, big, true],
  ])("%s", (_name, a, b, typed) => expect(typedInto(a, b)).toBe(typed));
});

// The worker answers "unchanged" when a text's analysis equals the last one it sent. When the page
// dropped that one (a newer text was on its way when it came), "unchanged" must bring it to the
// page: typing into a comment after a slow paste otherwise left the old text's graph for good.
describe("an unchanged answer after a dropped one", () => {
  class FakeWorker {
    static last: FakeWorker;
    sent: WorkerRequest[] = [];
    onmessage: ((e: { data: WorkerResponse }) => void) | null = null;
    onerror: (() => void) | null = null;
    constructor() {
      FakeWorker.last = this;
    }
    postMessage(m: WorkerRequest) {
      this.sent.push(m);
    }
    terminate() {}
    answer(r: WorkerResponse) {
      this.onmessage?.({ data: r });
    }
  }
  const analysis = (name: string): Analysis => ({ kubernetes: "1.34", runtime: "containerd", runtimeVersion: "2.1", diagnostics: [], workloads: [{ name } as Workload] });
  const full = (id: number, a: Analysis): WorkerResponse => ({ type: "analysis", id, analysis: a, problems: [], light: false, ms: 1, chars: 10 });
  const unchanged = (id: number): WorkerResponse => ({ type: "analysis", id, unchanged: true, ms: 1, chars: 10 });

  function setUp() {
    vi.stubGlobal("Worker", FakeWorker);
    const shown: [string, number][] = [];
    const client = new AnalysisClient((a, id) => shown.push([a.workloads[0].name, id]), () => {});
    return { client, shown, worker: FakeWorker.last };
  }
  afterEach(() => vi.unstubAllGlobals());

  it("shows the dropped analysis for the newer text", () => {
    const { client, shown, worker } = setUp();
    const a = client.request("kind: Pod # a", {});
    const b = client.request("kind: Pod # ab", {}); // waits behind a
    worker.answer(full(a, analysis("pasted")));
    expect(shown).toEqual([]); // a's answer is older than b: dropped
    expect(worker.sent.map((m) => m.id)).toEqual([a, b]);
    worker.answer(unchanged(b));
    expect(shown).toEqual([["pasted", b]]);
    const c = client.request("kind: Pod # abc", {});
    worker.answer(unchanged(c));
    expect(shown).toEqual([["pasted", b]]); // already on the page: nothing to draw
    client.dispose();
  });

  it("draws nothing again when the page shows that analysis already", () => {
    const { client, shown, worker } = setUp();
    const a = client.request("kind: Pod", {});
    worker.answer(full(a, analysis("one")));
    const b = client.request("kind: Pod # comment", {});
    worker.answer(unchanged(b));
    expect(shown).toEqual([["one", a]]);
    client.dispose();
  });
});
