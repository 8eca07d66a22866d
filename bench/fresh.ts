// One measurement = one fresh Node process, timed from spawn to exit by the parent, with its peak
// resident memory reported by the child itself (child/rss.cjs). Nothing is timed inside a
// long-lived process: js-yaml's parser slows down after several large calls in one process (V8
// deopts on its state object), which flattered the old in-process figures.

import { spawn } from "node:child_process";
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RSS_PRELOAD = fileURLToPath(new URL("./child/rss.cjs", import.meta.url));

export interface Sample {
  /** Wall time, spawn to exit. */
  ms: number;
  /** CPU time of the child (user + system). */
  cpuMs: number;
  rssMB: number;
}

/** Runs `node <args>` once; standard output goes to /dev/null, as a pipeline would discard it. */
export function runFresh(args: string[], nodeFlags: string[] = []): Promise<Sample> {
  const dir = mkdtempSync(join(tmpdir(), "scp-bench-rss-"));
  const rssFile = join(dir, "rss");
  const out = openSync("/dev/null", "w");
  return new Promise<Sample>((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [...nodeFlags, "--require", RSS_PRELOAD, ...args], {
      stdio: ["ignore", out, "pipe"],
      env: { ...process.env, BENCH_RSS_FILE: rssFile },
    });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = performance.now() - t0;
      closeSync(out);
      let rss = NaN;
      let cpuMs = NaN;
      try {
        ({ rss, cpuMs } = JSON.parse(readFileSync(rssFile, "utf8")));
      } catch {
        // no figure: the child died before its exit handler
      }
      rmSync(dir, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`node ${args.join(" ")} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, cpuMs, rssMB: rss / (1024 * 1024) });
    });
  });
}

export function stats(xs: number[]): { min: number; median: number } {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)] };
}
