// Screenshots after a paste of the 5,000-pod dump and after typing in the 300-line (24-container) manifest.
import { chromium } from "@playwright/test";
import { resolve } from "node:path";
import { podDump } from "./generate";
import { manifest300, serve, stop, waitForServer } from "./browser";
const side = serve(resolve(process.argv[2] ?? "dist"), 4394);
const out = process.argv[3] ?? "/tmp/paste-shots";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  await waitForServer(side.base);
  for (const [w, h] of [[1280, 720], [1920, 1080]]) {
    const ctx = await browser.newContext({ viewport: { width: w, height: h }, permissions: ["clipboard-read", "clipboard-write"], serviceWorkers: "block" });
    const page = await ctx.newPage();
    await page.goto(side.base);
    await page.locator(".editor[data-status=ready] .monaco-editor").waitFor({ timeout: 60_000 });
    const paste = async (t: string) => {
      await page.evaluate((x) => navigator.clipboard.writeText(x), t);
      await page.locator(".monaco-editor textarea").first().focus();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("ControlOrMeta+v");
    };
    await paste(podDump(5000));
    await page.getByTestId("workload-list").filter({ hasText: "5000 workloads" }).waitFor({ timeout: 180_000 });
    await page.getByTestId("pod-node").waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500);
    await page.screenshot({ path: `${out}/paste5000-${w}x${h}.png` });
    await paste(manifest300());
    await page.locator("[data-testid=pod-node] [data-testid=value-runAsUser]").filter({ hasText: /^1$/ }).waitFor({ timeout: 60_000 });
    await page.keyboard.press("ControlOrMeta+End");
    await page.keyboard.type("23");
    await page.locator("[data-testid=pod-node] [data-testid=value-runAsUser]").filter({ hasText: /^123$/ }).waitFor({ timeout: 30_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${out}/typed24-${w}x${h}.png` });
    await ctx.close();
  }
} finally {
  await browser.close();
  stop(side);
}
