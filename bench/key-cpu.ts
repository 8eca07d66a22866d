// Keystroke → graph on the 300-line manifest, in CPU time: for each key, the main thread's and the
// analysis worker's thread time (a trace's `tdur`) between the keydown and the frame that shows the
// graph's new value, and the main thread's share by kind of task (frames, the keydown, the
// analysis's message). Thread time counts only what ran, so it stays steady on a shared machine
// where the bench's latencies (bench/browser.ts) move with the load; builds are compared
// alternately, a fresh page each round.
//
//   npx tsx bench/key-cpu.ts [--rounds N] DIST [DIST2 ...]

import { chromium, type CDPSession } from "@playwright/test";
import { resolve } from "node:path";
import { freshPage, frameWhen, lastKey, readyToType, serve, stop, waitForServer } from "./browser";

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string; functionName?: string } };
}

const argv = process.argv.slice(2);
const ri = argv.indexOf("--rounds");
const rounds = ri >= 0 ? Number(argv[ri + 1]) : 3;
const dists = argv.filter((a, i) => !a.startsWith("--") && argv[i - 1] !== "--rounds");
if (!dists.length) {
  console.error("usage: npx tsx bench/key-cpu.ts [--rounds N] DIST [DIST2 ...]");
  process.exit(2);
}
const sides = dists.map((d, i) => serve(resolve(d), 4451 + i * 2));
const KEYS = [..."2345678", ..."BBBBBBB", ..."9876543", ..."BBBBBBB"];

async function readTrace(cdp: CDPSession, handle: string): Promise<TraceEvent[]> {
  let out = "";
  for (;;) {
    const r = await cdp.send("IO.read", { handle, size: 4 << 20 });
    out += r.base64Encoded ? Buffer.from(r.data, "base64").toString() : r.data;
    if (r.eof) break;
  }
  const t = JSON.parse(out) as { traceEvents: TraceEvent[] } | TraceEvent[];
  return Array.isArray(t) ? t : t.traceEvents;
}

/** What a main-thread task was, from the events inside it. */
function kindOf(inner: TraceEvent[]): string {
  const names = new Set(inner.map((e) => e.name));
  if (names.has("FireAnimationFrame") || (names.has("Layout") && names.has("Paint")) || (names.has("UpdateLayoutTree") && names.has("PrePaint"))) return "frame";
  const ed = inner.find((e) => e.name === "EventDispatch");
  if (ed) return `event ${ed.args?.data?.type}`;
  const fc = inner.find((e) => e.name === "FunctionCall");
  if (fc) return `call ${fc.args?.data?.functionName || "?"}`;
  return inner.some((e) => e.name === "TimerFire") ? "timer" : "other";
}

const pct = (xs: number[], p: number) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"] });
const acc = dists.map(() => ({ lat: [] as number[], main: [] as number[], worker: [] as number[], kinds: new Map<string, number>() }));
try {
  for (const s of sides) await waitForServer(s.base);
  for (let r = 0; r < rounds; r++) {
    const order = [...sides.keys()];
    if (r % 2) order.reverse();
    for (const i of order) {
      const { page, close } = await freshPage(browser, sides[i].base);
      try {
        await readyToType(page);
        const cdp = await page.context().newCDPSession(page);
        const done = new Promise<string>((res) => cdp.once("Tracing.tracingComplete", (e) => res(e.stream!)));
        await cdp.send("Tracing.start", {
          transferMode: "ReturnAsStream",
          traceConfig: { includedCategories: ["toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "blink.user_timing"], enableThreadTime: true } as never,
        });
        const syncAt = await page.evaluate(() => performance.mark("key-cpu-sync").startTime);
        const keys: { kd: number; at: number }[] = [];
        let value = "1";
        for (const k of KEYS) {
          value = k === "B" ? value.slice(0, -1) : value + k;
          const at = await frameWhen(page, "podRunAsUser", value, 10_000, () => page.keyboard.press(k === "B" ? "Backspace" : k)).catch(() => NaN);
          keys.push({ kd: await lastKey(page), at });
          await page.evaluate(() => new Promise((res) => setTimeout(res, 60))); // a fast typist, as the bench
        }
        await cdp.send("Tracing.end");
        const ev = await readTrace(cdp, await done);
        const sync = ev.find((e) => e.name === "key-cpu-sync");
        if (!sync) throw new Error("the trace has no sync mark");
        const offset = sync.ts - syncAt * 1000;
        const tasks = ev.filter((e) => e.name === "RunTask" && e.ph === "X" && e.tdur !== undefined);
        const busy = new Map<string, number>();
        for (const e of tasks) busy.set(`${e.pid}:${e.tid}`, (busy.get(`${e.pid}:${e.tid}`) ?? 0) + e.dur);
        const threads = (re: RegExp) => ev.filter((e) => e.name === "thread_name" && re.test(e.args?.name ?? "")).map((e) => `${e.pid}:${e.tid}`);
        const main = threads(/^CrRendererMain$/).sort((a, b) => (busy.get(b) ?? 0) - (busy.get(a) ?? 0))[0];
        const workers = threads(/DedicatedWorker/);
        const onMain = ev.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === "X").sort((a, b) => a.ts - b.ts);
        const cpuIn = (t: string, from: number, to: number) => tasks.filter((e) => `${e.pid}:${e.tid}` === t && e.ts < to && e.ts + e.dur > from).reduce((n, e) => n + e.tdur!, 0) / 1000;
        const a = acc[i];
        const lat: number[] = [];
        for (const { kd, at } of keys) {
          if (!Number.isFinite(at)) continue;
          const from = kd * 1000 + offset;
          const to = at * 1000 + offset;
          lat.push(at - kd);
          a.lat.push(at - kd);
          a.main.push(cpuIn(main, from, to));
          // The analysis worker: the busiest worker thread within the key (the YAML and editor workers idle).
          a.worker.push(Math.max(0, ...workers.map((t) => cpuIn(t, from, to))));
          for (const t of tasks.filter((e) => `${e.pid}:${e.tid}` === main && e.ts < to && e.ts + e.dur > from)) {
            const inner = onMain.filter((e) => e !== t && e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur);
            const k = kindOf(inner);
            a.kinds.set(k, (a.kinds.get(k) ?? 0) + t.tdur! / 1000);
          }
        }
        console.error(`round ${r + 1} ${dists[i]}: latency ${lat.map(Math.round).join(" ")}`);
      } finally {
        await close();
      }
    }
  }
  for (const [i, d] of dists.entries()) {
    const a = acc[i];
    const n = a.main.length;
    console.log(`\n== ${d} (${n} keys)`);
    console.log(`latency          p50 ${pct(a.lat, 50).toFixed(1)}  p95 ${pct(a.lat, 95).toFixed(1)} ms`);
    console.log(`main thread CPU  p50 ${pct(a.main, 50).toFixed(1)}  p95 ${pct(a.main, 95).toFixed(1)} ms a key`);
    console.log(`worker CPU       p50 ${pct(a.worker, 50).toFixed(1)}  p95 ${pct(a.worker, 95).toFixed(1)} ms a key`);
    console.log(`main thread by task, ms a key: ${[...a.kinds].sort((x, y) => y[1] - x[1]).slice(0, 8).map(([k, v]) => `${k} ${(v / n).toFixed(1)}`).join(", ")}`);
  }
} finally {
  await browser.close();
  sides.forEach(stop);
}
