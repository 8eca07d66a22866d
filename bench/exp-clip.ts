import { chromium } from "@playwright/test";
import { resolve } from "node:path";
import { podDump } from "./generate";
import { editorReady, freshPage, preparePaste, serve, stop, waitForServer } from "./browser";
const side = serve(resolve("/tmp/paste-dist-before"), 4397);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  await waitForServer(side.base);
  const { page, close } = await freshPage(browser, side.base);
  await editorReady(page);
  const dump = podDump(5000);
  for (const mode of ["getData", "readText", "getData", "readText"]) {
    const paste = await preparePaste(page, dump);
    await page.evaluate((mode) => {
      const w = window as any;
      w.__r = null;
      addEventListener("paste", (e: ClipboardEvent) => {
        e.preventDefault(); e.stopImmediatePropagation();
        const t0 = performance.now();
        if (mode === "getData") { const s = e.clipboardData!.getData("text/plain"); const t1 = performance.now(); const enc = new TextEncoder().encode(s); const t2 = performance.now();
          const ch = []; for (let i = 0; i < s.length; i += 1 << 20) ch.push(s.slice(i, i + (1 << 20))); const t3 = performance.now();
          const tA = performance.now(); const b = new Uint8Array(s.length * 3); let off = 0; for (const c of ch) { off += new TextEncoder().encodeInto(c, b.subarray(off)).written; } const tB = performance.now();
          w.__r = { len: s.length, getData: t1 - t0, encode: t2 - t1, slice: t3 - t2, encodeIntoChunks: tB - tA, long: 0 }; }
        else navigator.clipboard.readText().then((s) => { w.__r = { len: s.length, readText: performance.now() - t0, long: 0 }; });
      }, { capture: true, once: true });
    }, mode);
    const t0 = await paste();
    await page.waitForFunction(() => (window as any).__r, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    const r = await page.evaluate((t) => ({ ...(window as any).__r, long: (window as any).__long.filter((e: any) => e.start >= t - 5).map((e: any) => Math.round(e.duration)) }), t0);
    console.log(mode, JSON.stringify(r));
  }
  await close();
} finally { await browser.close(); stop(side); }
