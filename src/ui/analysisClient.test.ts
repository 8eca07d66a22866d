import { afterEach, describe, expect, it, vi } from "vitest";
import { manyContainersPod } from "../../bench/hostile";
import type { Analysis, Workload } from "../core/types";
import { AnalysisClient, IN_PLACE_MAX_CHARS, typedInto, type WorkerRequest, type WorkerResponse } from "./analysisClient";
import { Analyser } from "./analyser";

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

/** A worker that records what it is sent; a test answers for it. */
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

// The worker answers "unchanged" when a text's analysis equals the last one it sent. When the page
// dropped that one (a newer text was on its way when it came), "unchanged" must bring it to the
// page: typing into a comment after a slow paste otherwise left the old text's graph for good.
describe("an unchanged answer after a dropped one", () => {
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

// A key typed into a small text is analysed on the page, in the keystroke's own task, by the same
// analyser the worker runs: the graph changes in the frame that shows the key (issue 15's keystroke
// target). New texts, big ones and slow ones still go to the worker.
describe("keystrokes analysed on the page", () => {
  /** Answers with the worker's own analyser: what the real worker would send. */
  class EchoWorker extends FakeWorker {
    analyser = new Analyser();
    answered = new Set<number>();
    /** Answers the oldest analysis asked for and not yet answered. */
    answerNext() {
      const m = this.sent.find((x): x is Extract<WorkerRequest, { type: "analyze" }> => x.type === "analyze" && !this.answered.has(x.id))!;
      this.answered.add(m.id);
      this.answer(this.analyser.analyse(m.id, m.options, m.text));
    }
  }
  const pod = (user: number, extra = "") =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  securityContext:\n    runAsUser: ${user}\n  containers:\n  - name: app\n    image: nginx\n  - name: side\n    image: envoy\n${extra}`;

  async function shownAndWarm() {
    vi.stubGlobal("Worker", EchoWorker);
    const shown: { id: number; user: unknown }[] = [];
    const client = new AnalysisClient((a, id) => shown.push({ id, user: a.workloads[0]?.containers[0]?.effective.runAsUser?.value }), () => {});
    const worker = FakeWorker.last as EchoWorker;
    client.request(pod(1000), {});
    worker.answerNext();
    expect(shown.map((s) => s.user)).toEqual([1000]);
    await vi.waitFor(() => expect(client.warmRuns).toBeGreaterThanOrEqual(1), { timeout: 20_000, interval: 20 });
    return { client, shown, worker };
  }
  afterEach(() => vi.unstubAllGlobals());

  it("a key typed into a small text: drawn before request() returns, nothing sent to the worker, details answered on the page", async () => {
    const { client, shown, worker } = await shownAndWarm();
    const sent = worker.sent.length;
    const id = client.request(pod(10001), {});
    expect(shown.at(-1)).toEqual({ id, user: 10001 });
    expect(worker.sent.length).toBe(sent);
    const whole = await client.full(id);
    expect(whole.workloads[0].containers.map((c) => c.name)).toEqual(["app", "side"]);
    expect((await client.detail(id, 0))?.name).toBe("web");
    expect(worker.sent.length).toBe(sent); // asked of the page's analyser, not the worker
    client.dispose();
  });

  it("keys typed before the warm-up go to the worker, and the warm-up then takes the text as typed", async () => {
    vi.stubGlobal("Worker", EchoWorker);
    const shown: number[] = [];
    const client = new AnalysisClient((_a, id) => shown.push(id), () => {});
    const worker = FakeWorker.last as EchoWorker;
    client.request(pod(1000), {});
    worker.answerNext();
    const early = client.request(pod(1001), {}); // at once: the page's analyser is not loaded yet
    expect(worker.sent.at(-1)?.id).toBe(early);
    worker.answerNext();
    expect(shown.at(-1)).toBe(early);
    await vi.waitFor(() => expect(client.warmRuns).toBeGreaterThanOrEqual(1), { timeout: 20_000, interval: 20 });
    const sent = worker.sent.length;
    const later = client.request(pod(10011), {});
    expect(shown.at(-1)).toBe(later);
    expect(worker.sent.length).toBe(sent);
    client.dispose();
  });

  it("a text the worker was slow on is never run on the page, and its keys go to the worker", async () => {
    const { client, worker } = await shownAndWarm();
    const runs = client.warmRuns;
    const slow = `${pod(7)}# slow\n`;
    const id = client.request(slow, {});
    const answer = worker.analyser.analyse(id, {}, slow);
    worker.answered.add(id);
    worker.onmessage?.({ data: { ...answer, ms: 900 } });
    await new Promise((r) => setTimeout(r, 300));
    expect(client.warmRuns).toBe(runs);
    const typed = client.request(slow.replace("runAsUser: 7", "runAsUser: 70"), {});
    expect(worker.sent.at(-1)?.id).toBe(typed);
    client.dispose();
  });

  it("a key in a comment draws nothing again", async () => {
    const { client, shown } = await shownAndWarm();
    const before = shown.length;
    client.request(pod(1000, "# a note\n"), {});
    expect(shown.length).toBe(before);
    client.dispose();
  });

  it("a new text (a paste over everything) and a text over IN_PLACE_MAX_CHARS go to the worker", async () => {
    const { client, shown, worker } = await shownAndWarm();
    const before = shown.length;
    const sent = worker.sent.length;
    const pasted = client.request("apiVersion: v1\nkind: Pod\nmetadata: {name: other}\nspec:\n  containers: [{name: x, image: y}]\n", {});
    expect(shown.length).toBe(before);
    expect(worker.sent.at(-1)?.id).toBe(pasted);
    worker.answerNext();
    expect(shown.at(-1)?.id).toBe(pasted);
    expect(worker.sent.length).toBe(sent + 1);
    client.dispose();

    const big = await shownAndWarm();
    const padded = pod(1000, `# ${"x".repeat(IN_PLACE_MAX_CHARS)}\n`);
    // Shown first through the worker (a new text), then one key typed into it.
    big.client.request(padded, {});
    big.worker.answerNext();
    const n = big.worker.sent.length;
    const typed = big.client.request(padded.replace("runAsUser: 1000", "runAsUser: 10001"), {});
    expect(big.worker.sent.length).toBe(n + 1);
    expect(big.worker.sent.at(-1)?.id).toBe(typed);
    big.client.dispose();
  });
});
