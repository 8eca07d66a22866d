// Where the main thread's long tasks go, for the browser bench's scenarios: a Chromium trace and a
// JavaScript CPU profile taken around one scenario, summed per long task (task → trace events by
// self time, and the JavaScript functions sampled within it).
//
//   npx tsx bench/trace-browser.ts paste5000|open5000|keystroke|link7kWarm|typing3000 [--dist DIR] [--over MS] [--port N] [--per-key] [--no-profile]
// --per-key (keystroke): for each key, the main-thread tasks between the keydown and the frame that
// showed its graph (typing3000: the key itself, typed while a 3,000-container paste is analysed), so a slow key's time can be read task by task (--no-profile: without the
// JavaScript sampler, whose own cost lengthens every task).

import { chromium, type CDPSession } from "@playwright/test";
import { resolve } from "node:path";
import LZString from "lz-string";
import { podDump } from "./generate";
import { manyContainersPod, shareState } from "./hostile";
import { editorReady, frameWhen, freshPage, lastKey, manifest300, prepareDrop, preparePaste, seen, serve, stop, waitForServer, watch } from "./browser";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const scenario = process.argv[2] ?? "paste5000";
const over = Number(arg("--over", "50"));
const side = serve(resolve(arg("--dist", "dist")), Number(arg("--port", "4398")));

async function readStream(cdp: CDPSession, handle: string): Promise<string> {
  let out = "";
  for (;;) {
    const r = await cdp.send("IO.read", { handle, size: 4 << 20 });
    out += r.base64Encoded ? Buffer.from(r.data, "base64").toString() : r.data;
    if (r.eof) break;
  }
  await cdp.send("IO.close", { handle });
  return out;
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  await waitForServer(side.base);
  const { page, close } = await freshPage(browser, side.base);
  await editorReady(page);
  const cdp = await page.context().newCDPSession(page);
  const text = scenario === "paste5000" || scenario === "open5000" ? podDump(5000) : scenario === "typing3000" ? manyContainersPod(3000) : manifest300();
  const paste =
    scenario === "link7kWarm"
      ? async () => 0
      : scenario === "open5000"
        ? await prepareDrop(page, text)
        : await preparePaste(page, text);
  if (scenario === "link7kWarm") {
    // As the bench: the example's graph up and Monaco's idle-time start-up passed.
    await frameWhen(page, "podNode", "", 60_000);
    await page.waitForTimeout(1500);
  }
  if (scenario === "keystroke") {
    await frameWhen(page, "podRunAsUser", "1", 30_000, paste);
    await page.keyboard.press("ControlOrMeta+End");
    await page.waitForTimeout(500);
  }
  const profiling = !process.argv.includes("--no-profile");
  if (profiling) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
  }
  const done = new Promise<string>((res) => cdp.once("Tracing.tracingComplete", (e) => res(e.stream!)));
  await cdp.send("Tracing.start", {
    transferMode: "ReturnAsStream",
    traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "blink.user_timing", "toplevel", "disabled-by-default-devtools.timeline.frame", "disabled-by-default-v8.gc"] },
  });
  const lat: number[] = [];
  /** Per key: the keydown's and the graph's frame's page times. */
  const keyTimes: { key: string; kd: number; at: number }[] = [];
  const syncAt = await page.evaluate(() => performance.mark("trace-sync").startTime);
  if (scenario === "link7kWarm") {
    const hash = `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(shareState(manyContainersPod(1000, 20000))))}`;
    await watch(page, "containerNode", "c0");
    await page.evaluate((h) => void (location.hash = h), hash);
    await seen(page, 120_000);
    await page.waitForTimeout(1500);
  } else if (scenario === "typing3000") {
    // As e2e/responsive.spec.ts: paste, go to the end, then type a comment key by key through the analysis.
    await paste();
    await frameWhen(page, "editorShows", "name:c2", 30_000);
    await page.keyboard.press("ControlOrMeta+End");
    await frameWhen(page, "editorShows", "c2999", 30_000);
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.press("Enter");
    let typed = "";
    for (let i = 0; i < 40; i++) {
      const k = i === 0 ? "#" : "abcdefghij"[i % 10];
      typed += k;
      const at = await frameWhen(page, "editorShows", typed, 30_000, () => page.keyboard.press(k));
      const kd = await lastKey(page);
      lat.push(at - kd);
      keyTimes.push({ key: k, kd, at });
      await page.waitForTimeout(80);
    }
  } else if (scenario === "paste5000" || scenario === "open5000") {
    await watch(page, "listHas", "5000 workloads");
    await paste();
    await seen(page, 180_000);
    await page.waitForTimeout(1000);
  } else {
    let value = "1";
    // The bench's keys (bench/browser.ts keystroke), so a slow key there can be found here.
    for (const k of [..."2345678", ..."BBBBBBB", ..."9876543", ..."BBBBBBB", ..."1212121", ..."BBBBBBB"]) {
      value = k === "B" ? value.slice(0, -1) : value + k;
      const at = await frameWhen(page, "podRunAsUser", value, 10_000, () => page.keyboard.press(k === "B" ? "Backspace" : k));
      const kd = await lastKey(page);
      lat.push(at - kd);
      keyTimes.push({ key: k, kd, at });
      await page.waitForTimeout(60);
    }
  }
  const profile: Profile = profiling ? ((await cdp.send("Profiler.stop")).profile as unknown as Profile) : { nodes: [], startTime: 0, samples: [], timeDeltas: [] };
  await cdp.send("Tracing.end");
  const trace = JSON.parse(await readStream(cdp, await done)) as { traceEvents: TraceEvent[] } | TraceEvent[];
  const events = Array.isArray(trace) ? trace : trace.traceEvents;
  await close();

  // The renderer's main thread: the one with the most RunTask time among CrRendererMain threads.
  const names = events.filter((e) => e.name === "thread_name" && (e.args as { name?: string })?.name === "CrRendererMain");
  const mainTids = new Set(names.map((e) => `${e.pid}:${e.tid}`));
  const onMain = events.filter((e) => mainTids.has(`${e.pid}:${e.tid}`) && e.ph === "X" && e.dur !== undefined);
  const byThread = new Map<string, number>();
  for (const e of onMain) if (e.name === "RunTask") byThread.set(`${e.pid}:${e.tid}`, (byThread.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur!);
  const main = [...byThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  const mine = onMain.filter((e) => `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const tasks = mine.filter((e) => e.name === "RunTask" && e.dur! / 1000 >= over);

  if (process.argv.includes("--per-key")) {
    // Page time → trace time (µs) through the mark made before the keys.
    const sync = events.find((e) => e.name === "trace-sync");
    const offset = sync ? sync.ts - syncAt * 1000 : NaN;
    const gcNames = /^(MinorGC|MajorGC|V8\.GC_SCAVENGER$|V8\.GC_MARK_COMPACTOR$|V8\.GC_MC_INCREMENTAL$)/;
    // The workers' threads, named by the script their calls run in (the analysis, YAML and editor workers).
    const workerTids = new Set(events.filter((e) => e.name === "thread_name" && /Worker/.test(String((e.args as { name?: string })?.name))).map((e) => `${e.pid}:${e.tid}`));
    const workerName = new Map<string, string>();
    for (const e of events)
      if (workerTids.has(`${e.pid}:${e.tid}`) && !workerName.has(`${e.pid}:${e.tid}`)) {
        const url = (e.args as { data?: { url?: string } })?.data?.url;
        if (url) workerName.set(`${e.pid}:${e.tid}`, url.split("/").pop()!.replace(/-[\w-]+\.js$/, ""));
      }
    for (const e of events)
      if (e.name === "thread_name" && workerTids.has(`${e.pid}:${e.tid}`) && !workerName.has(`${e.pid}:${e.tid}`)) workerName.set(`${e.pid}:${e.tid}`, `${(e.args as { name: string }).name}#${e.tid}`);
    const onWorkers = events.filter((e) => workerTids.has(`${e.pid}:${e.tid}`) && e.ph === "X" && e.dur !== undefined && /RunTask|FunctionCall|HandlePostMessage/.test(e.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
    /** Busy time per worker thread within [from, to): outermost events only. */
    const workerBusy = (from: number, to: number) => {
      const busy = new Map<string, number>();
      const end = new Map<string, number>();
      for (const e of onWorkers) {
        const t = `${e.pid}:${e.tid}`;
        if (e.ts + e.dur! <= from || e.ts >= to || e.ts < (end.get(t) ?? 0)) continue;
        end.set(t, e.ts + e.dur!);
        busy.set(t, (busy.get(t) ?? 0) + Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from));
      }
      return [...busy].map(([t, v]) => `${workerName.get(t) ?? t} ${(v / 1000).toFixed(1)}`).join(", ");
    };
    for (const { key, kd, at } of keyTimes) {
      const from = kd * 1000 + offset;
      const to = at * 1000 + offset;
      const inWindow = mine.filter((e) => e.name === "RunTask" && e.ts + e.dur! > from && e.ts < to);
      const busy = inWindow.reduce((n, e) => n + Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from), 0);
      console.log(`\nkey ${key}: ${(at - kd).toFixed(1)} ms, main thread busy ${(busy / 1000).toFixed(1)} ms in ${inWindow.length} tasks; workers: ${workerBusy(from, to)}`);
      for (const t of inWindow) {
        const end = t.ts + t.dur!;
        const inner = mine.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur! <= end);
        const fn = inner.find((e) => e.name === "FunctionCall" || e.name === "EventDispatch" || e.name === "TimerFire" || e.name === "FireAnimationFrame" || e.name === "HandlePostMessage");
        const data = (fn?.args as { data?: { type?: string; functionName?: string; url?: string } })?.data;
        const call = inner.find((e) => e.name === "FunctionCall");
        const callName = (call?.args as { data?: { functionName?: string } })?.data?.functionName;
        const what = fn ? `${fn.name} ${data?.type ?? data?.functionName ?? callName ?? ""}` : inner[0]?.name ?? "";
        const gc = inner.filter((e) => gcNames.test(e.name)).reduce((n, e) => n + e.dur!, 0);
        const top = [...selfTimes(inner)].filter(([, v]) => v > 500).sort((a, b) => b[1] - a[1]).slice(0, 5);
        if (t.dur! < 300) continue;
        console.log(`  +${((t.ts - from) / 1000).toFixed(1).padStart(6)} ${(t.dur! / 1000).toFixed(1).padStart(6)} ms  ${what}${gc ? `  [GC ${(gc / 1000).toFixed(1)}]` : ""}  ${top.map(([n, v]) => `${n} ${(v / 1000).toFixed(1)}`).join(", ")}`);
      }
    }
  }

  // Samples → (time, leaf function, stack of names).
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n: ProfileNode) => `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`;
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => ((t += profile.timeDeltas[i]), { t, id }));
  const interval = samples.length > 1 ? (samples.at(-1)!.t - samples[0].t) / samples.length : 200;
  /** Adds one sample's time to every function on its stack (once per function, however deep it recurs). */
  const addInclusive = (incl: Map<string, number>, leafId: number) => {
    const seenHere = new Set<string>();
    for (let id: number | undefined = leafId; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!);
      if (seenHere.has(l)) continue;
      seenHere.add(l);
      incl.set(l, (incl.get(l) ?? 0) + interval);
    }
  };

  // Over the whole window: main-thread time by trace event (self) and by JavaScript function (total).
  {
    const self = selfTimes(mine);
    const busy = mine.filter((e) => e.name === "RunTask").reduce((n, e) => n + e.dur!, 0);
    console.log(`main thread busy ${(busy / 1000).toFixed(0)} ms; by trace event (self): ` + [...self].sort((a, b) => b[1] - a[1]).slice(0, 14).map(([n, v]) => `${n} ${(v / 1000).toFixed(0)}`).join(", "));
    const incl = new Map<string, number>();
    for (const s of samples) addInclusive(incl, s.id);
    console.log("JS total by function:\n  " + [...incl].filter(([n]) => !n.startsWith("(root)") && !n.startsWith("(program)") && !n.startsWith("(idle)")).sort((a, b) => b[1] - a[1]).slice(0, 400).map(([n, v]) => `${(v / 1000).toFixed(0)} ${n}`).join("\n  "));
  }
  // Who calls a function (--callers NAME): its callers' chains, by time.
  const callersOf = arg("--callers", "");
  if (callersOf) {
    const chains = new Map<string, number>();
    for (const s of samples) {
      const chain: string[] = [];
      let hit = false;
      for (let id: number | undefined = s.id; id !== undefined && chain.length < Number(arg("--depth", "7")); id = parent.get(id)) {
        const n = byId.get(id)!;
        if (!hit && n.callFrame.functionName === callersOf) hit = true;
        if (hit) chain.push(label(n));
      }
      if (hit) chains.set(chain.join(" ← "), (chains.get(chain.join(" ← ")) ?? 0) + interval);
    }
    console.log(`callers of ${callersOf}:\n  ` + [...chains].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([c, v]) => `${(v / 1000).toFixed(1)} ${c}`).join("\n  "));
  }
  console.log(`${scenario}: ${tasks.length} tasks ≥ ${over} ms on the main thread${lat.length ? `; latencies ${lat.map(Math.round).join(" ")}` : ""}`);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inner = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    const self = selfTimes(inner);
    const top = [...self].filter(([, v]) => v > 2000).sort((a, b) => b[1] - a[1]).slice(0, 8);
    const fn = inner.find((e) => e.name === "FunctionCall" || e.name === "EventDispatch" || e.name === "TimerFire" || e.name === "FireAnimationFrame");
    const what = fn ? `${fn.name} ${JSON.stringify((fn.args as { data?: unknown })?.data ?? {}).slice(0, 140)}` : "";
    console.log(`\n■ task ${(task.dur! / 1000).toFixed(1)} ms at +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms  ${what}`);
    console.log("   trace self: " + top.map(([n, v]) => `${n} ${(v / 1000).toFixed(1)}`).join(", "));
    const leaf = new Map<string, number>();
    const incl = new Map<string, number>();
    for (const s of samples) {
      if (s.t < task.ts || s.t > end) continue;
      const n = byId.get(s.id)!;
      leaf.set(label(n), (leaf.get(label(n)) ?? 0) + interval);
      addInclusive(incl, s.id);
    }
    const fmt = (m: Map<string, number>, k: number) =>
      [...m].filter(([n]) => !n.startsWith("(root)") && !n.startsWith("(program)")).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${(v / 1000).toFixed(1)} ${n}`);
    console.log("   js self:  " + fmt(leaf, 8).join("\n             "));
    console.log("   js total: " + fmt(incl, 14).join("\n             "));
  }
} finally {
  await browser.close();
  stop(side);
}

/** Self time per event name (µs): each event's duration minus its direct children's. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  for (const e of events) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const p = stack.at(-1);
    if (p) self.set(p.name, (self.get(p.name) ?? 0) - e.dur!);
    self.set(e.name, (self.get(e.name) ?? 0) + e.dur!);
    stack.push(e);
  }
  return self;
}
