// The browser half of `npm run bench`: the built app in Chromium (Debian's, as the e2e tests use).
// Measures, in one run: when the editor is interactive after load, keystroke-to-graph latency on a
// 300-line manifest, the time until a pasted 5,000-pod dump shows its workload list and the longest
// main-thread task meanwhile, and the built bundle sizes.

import { chromium, type Page } from "@playwright/test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { podDump } from "./generate";

const PORT = 4399;
const BASE = `http://127.0.0.1:${PORT}/`;
const DIST = "dist";

export interface BrowserFigures {
  bundle: { initialJsGzipKB: number; initialJsFiles: string[]; monacoGzipKB: number; workersKB: Record<string, number> };
  editorInteractiveMs: number[];
  keystroke: { samples: number; p50: number; p95: number; lines: number };
  paste5000: { bytes: number; listShownMs: number; longestTaskMs: number; longTasksOver100: number };
}

const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function bundleSizes(): BrowserFigures["bundle"] {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  // What the page needs before its first paint; the editor's chunk is preloaded alongside but not waited for.
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]).filter((f) => !f.includes("monacoSetup"));
  const gz = (f: string) => gzipSync(readFileSync(join(DIST, f))).length;
  const assets = readdirSync(join(DIST, "assets"));
  const monaco = assets.filter((f) => f.startsWith("monacoSetup") && f.endsWith(".js"));
  const workers: Record<string, number> = {};
  for (const f of assets.filter((f) => f.includes("worker"))) workers[f.replace(/-[\w-]+\.js$/, "")] = kb(statSync(join(DIST, "assets", f)).size);
  return {
    initialJsGzipKB: kb(initial.reduce((n, f) => n + gz(f), 0)),
    initialJsFiles: initial,
    monacoGzipKB: kb(monaco.reduce((n, f) => n + gz(join("assets", f)), 0)),
    workersKB: workers,
  };
}

function manifest300(): string {
  const lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: shop", "  namespace: shop", "spec:", "  template:", "    spec:", "      securityContext:", "        runAsNonRoot: true", "        runAsUser: 10001", "        fsGroup: 2000", "      containers:"];
  let i = 0;
  while (lines.length < 290) {
    lines.push(
      `      - name: c${i}`,
      `        image: registry.example.com/shop/c${i}:1.${i}`,
      "        ports:",
      `        - containerPort: ${8000 + i}`,
      "        resources:",
      "          limits: {cpu: 200m, memory: 128Mi}",
      "        securityContext:",
      "          allowPrivilegeEscalation: false",
      "          readOnlyRootFilesystem: true",
      "          capabilities:",
      '            drop: ["ALL"]',
      `          runAsUser: ${i % 2 ? 2000 : 10001}`,
    );
    i++;
  }
  lines.push("# edit here:");
  return `${lines.join("\n")}\n`;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(BASE);
      if (r.ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("vite preview did not start");
}

async function paste(page: Page, text: string): Promise<number> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+a");
  const t0 = await page.evaluate(() => performance.now());
  await page.keyboard.press("ControlOrMeta+v");
  return t0;
}

export async function browserBench(): Promise<BrowserFigures | { skipped: string }> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
  if (!executablePath) return { skipped: "no Chromium at /usr/bin/chromium (set CHROMIUM_PATH)" };
  const build = spawnSync("npx", ["vite", "build"], { stdio: "ignore" });
  if (build.status !== 0) return { skipped: "vite build failed" };
  const server: ChildProcess = spawn("npx", ["vite", "preview", "--host", "127.0.0.1", "--port", String(PORT), "--strictPort"], { stdio: "ignore", detached: true });
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage", "--no-first-run"],
  });
  try {
    await waitForServer();
    const figures: BrowserFigures = {
      bundle: bundleSizes(),
      editorInteractiveMs: [],
      keystroke: { samples: 0, p50: 0, p95: 0, lines: 0 },
      paste5000: { bytes: 0, listShownMs: 0, longestTaskMs: 0, longTasksOver100: 0 },
    };

    // Editor interactive after load: three fresh loads (no cache, no service worker).
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, serviceWorkers: "block" });
      const page = await ctx.newPage();
      await page.goto(BASE);
      await page.waitForFunction(() => performance.getEntriesByName("scp:editor-ready").length > 0, null, { timeout: 30_000 });
      figures.editorInteractiveMs.push(Math.round(await page.evaluate(() => performance.getEntriesByName("scp:editor-ready")[0].startTime)));
      await ctx.close();
    }

    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, permissions: ["clipboard-read", "clipboard-write"], serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(BASE);
    await page.waitForFunction(() => performance.getEntriesByName("scp:editor-ready").length > 0);

    // Keystroke → graph: type at the end of a 300-line manifest, one key at a time.
    const m300 = manifest300();
    figures.keystroke.lines = m300.split("\n").length - 1;
    await paste(page, m300);
    await page.waitForFunction(() => document.querySelector("[data-testid=pod-node]")?.textContent?.includes("shop"));
    await page.keyboard.press("ControlOrMeta+End");
    await page.evaluate(() => {
      const w = window as unknown as { __kd: number };
      document.addEventListener("keydown", () => (w.__kd = performance.now()), true);
    });
    const lat: number[] = [];
    const keys = "abcdefghijklmnopqrstuvwxyzabcdefghijklmn";
    for (const k of keys) {
      const before = await page.evaluate(() => performance.getEntriesByName("scp:rendered").length);
      await page.keyboard.press(k);
      const ok = await page
        .waitForFunction((n) => performance.getEntriesByName("scp:rendered").length > n, before, { timeout: 5000, polling: 5 })
        .then(() => true)
        .catch(() => false);
      if (!ok) continue;
      lat.push(
        await page.evaluate(() => {
          const marks = performance.getEntriesByName("scp:rendered");
          return marks[marks.length - 1].startTime - (window as unknown as { __kd: number }).__kd;
        }),
      );
    }
    figures.keystroke = { ...figures.keystroke, samples: lat.length, p50: Math.round(pct(lat, 50) * 10) / 10, p95: Math.round(pct(lat, 95) * 10) / 10 };

    // A pasted 5,000-pod dump: time until the list shows it, and the longest main-thread task.
    const dump = podDump(5000);
    figures.paste5000.bytes = dump.length;
    await page.evaluate(() => {
      const w = window as unknown as { __long: number[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push(e.duration);
      }).observe({ type: "longtask" });
    });
    const t0 = await paste(page, dump);
    await page.waitForFunction(() => document.querySelector("[data-testid=workload-list]")?.textContent?.includes("5000 workloads"), null, { timeout: 120_000, polling: 50 });
    const t1 = await page.evaluate(() => performance.now());
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    figures.paste5000.listShownMs = Math.round(t1 - t0);
    figures.paste5000.longestTaskMs = Math.round(Math.max(0, ...long));
    figures.paste5000.longTasksOver100 = long.filter((d) => d > 100).length;
    await ctx.close();
    return figures;
  } finally {
    await browser.close();
    try {
      process.kill(-server.pid!);
    } catch {
      server.kill();
    }
  }
}
