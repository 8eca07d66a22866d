// npm run bench [-- --json]: the speed figures, measured in one run on this machine.
// Ratios (analysis ÷ plain js-yaml load of the same text) matter more than absolute times.

import { load } from "js-yaml";
import { cpus } from "node:os";
import { analyze } from "../src/core/analyze";
import { podDump } from "./generate";
import { browserBench } from "./browser";

const SIZES = [10, 100, 1000, 5000];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Collects the garbage of earlier runs first (node --expose-gc), so one run does not pay for another's. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});


interface Row {
  pods: number;
  bytes: number;
  loadMs: number;
  analyzeMs: number;
  ratio: number;
  usPerPod: number;
}

// Warm the JIT on a mid-sized dump first, so the small sizes are not measured on cold code.
{
  const warm = podDump(500);
  for (let i = 0; i < 3; i++) {
    load(warm);
    analyze(warm);
  }
}

const rows: Row[] = [];
for (const n of SIZES) {
  const text = podDump(n);
  const runs = n >= 1000 ? 7 : 15;
  // Load and analysis alternate, and the ratio is taken per pair: a slow moment of the machine
  // then slows both sides of one pair instead of one side of the whole figure.
  load(text);
  analyze(text);
  const loads: number[] = [];
  const analyses: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < runs; r++) {
    gc();
    let t0 = performance.now();
    load(text);
    const l = performance.now() - t0;
    gc();
    t0 = performance.now();
    analyze(text);
    const a = performance.now() - t0;
    loads.push(l);
    analyses.push(a);
    ratios.push(a / l);
  }
  const analyzeMs = median(analyses);
  rows.push({ pods: n, bytes: text.length, loadMs: median(loads), analyzeMs, ratio: median(ratios), usPerPod: (analyzeMs * 1000) / n });
}

const last = rows[rows.length - 1];
const flat = rows.filter((r) => r.pods >= 100).map((r) => r.usPerPod);
const spread = Math.max(...flat) / Math.min(...flat) - 1;
const targets = [
  { target: "analysis of the 5,000-pod dump ≤ 1.3× js-yaml load", value: `${last.ratio.toFixed(2)}×`, pass: last.ratio <= 1.3 },
  { target: "time per pod flat (±25%) from 100 to 5,000 pods", value: `±${(spread * 100).toFixed(0)}%`, pass: spread <= 0.25 },
];

const browser = process.argv.includes("--no-browser") ? { skipped: "--no-browser" } : await browserBench();
if (!("skipped" in browser)) {
  const editor = [...browser.editorInteractiveMs].sort((a, b) => a - b)[1] ?? browser.editorInteractiveMs[0];
  targets.push(
    { target: "keystroke-to-graph p95 ≤ 50 ms (300-line manifest)", value: `p50 ${browser.keystroke.p50} ms, p95 ${browser.keystroke.p95} ms (${browser.keystroke.samples} keys)`, pass: browser.keystroke.p95 <= 50 },
    { target: "no main-thread task over 100 ms while a 5,000-pod dump is analysed", value: `longest ${browser.paste5000.longestTaskMs} ms, ${browser.paste5000.longTasksOver100} over 100 ms`, pass: browser.paste5000.longestTaskMs <= 100 },
    { target: "initial JavaScript before Monaco ≤ 250 KB gzip", value: `${browser.bundle.initialJsGzipKB} KB`, pass: browser.bundle.initialJsGzipKB <= 250 },
    { target: "editor interactive within 1.5 s of load", value: `${editor} ms (median of ${browser.editorInteractiveMs.join(", ")})`, pass: editor <= 1500 },
  );
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify({ machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, rows, browser, targets }, null, 2));
} else {
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}\n`);
  console.log("pods   bytes        js-yaml load   analyze     ratio   per pod");
  for (const r of rows) {
    console.log(
      `${String(r.pods).padEnd(6)} ${String(r.bytes).padEnd(12)} ${r.loadMs.toFixed(1).padStart(9)} ms ${r.analyzeMs.toFixed(1).padStart(9)} ms ${r.ratio.toFixed(2).padStart(6)}× ${r.usPerPod.toFixed(0).padStart(6)} µs`,
    );
  }
  console.log("");
  if ("skipped" in browser) console.log(`Browser figures skipped: ${browser.skipped}\n`);
  else {
    console.log(`Browser (Chromium, built app):`);
    console.log(`  editor interactive after load: ${browser.editorInteractiveMs.join(", ")} ms`);
    console.log(`  keystroke → graph on ${browser.keystroke.lines} lines: p50 ${browser.keystroke.p50} ms, p95 ${browser.keystroke.p95} ms`);
    console.log(`  paste of ${(browser.paste5000.bytes / 1e6).toFixed(1)} MB (5,000 pods) → workload list: ${browser.paste5000.listShownMs} ms; longest main-thread task ${browser.paste5000.longestTaskMs} ms`);
    console.log(`  initial JS ${browser.bundle.initialJsGzipKB} KB gzip (${browser.bundle.initialJsFiles.join(", ")}); Monaco ${browser.bundle.monacoGzipKB} KB gzip; workers ${Object.entries(browser.bundle.workersKB).map(([k, v]) => `${k} ${v} KB`).join(", ")}`);
    console.log("");
  }
  for (const t of targets) console.log(`${t.pass ? "PASS" : "FAIL"}  ${t.target}: ${t.value}`);
}
