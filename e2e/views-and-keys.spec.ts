// The layout at projector sizes (screenshots to look at), presentation mode's clicker keys, and the
// keyboard: the Tab hint and switch, the workload list keeping focus, Enter not stealing it.
import { expect, test, type Page } from "@playwright/test";
import { pasteManifest } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });
// Several pages and reloads per test, on a shared machine: generous limits.
test.describe.configure({ timeout: 180_000 });

/** Waits until Monaco is up (the first load can be slow while other suites run). */
async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator(".editor[data-status=ready] .monaco-editor")).toBeVisible({ timeout: 60_000 });
}

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

for (const size of SIZES) {
  test(`screenshots at ${size.width}×${size.height}: main, lesson, presentation`, async ({ page }) => {
    await page.setViewportSize(size);
    await page.goto("/");
    await waitForEditor(page);
    await page.getByTestId("container-node-my-app").locator("header").click();
    await expect(page.getByTestId("container-panel")).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/main-${size.width}.png` });

    await page.getByRole("button", { name: /lessons/ }).click();
    await page.getByTestId("lesson-gallery").locator("[data-lesson=capabilities]").click();
    const lesson = page.getByTestId("lesson");
    await expect(lesson).toBeVisible();
    // The steps, the editor and the graph are on screen together.
    for (const el of [lesson.locator(".steps li.current"), page.locator(".monaco-editor").first(), page.getByTestId("graph")]) {
      const box = await el.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y + Math.min(box!.height, 40)).toBeLessThanOrEqual(size.height);
      expect(box!.x + Math.min(box!.width, 40)).toBeLessThanOrEqual(size.width);
    }
    await page.screenshot({ path: `e2e/screenshots/lesson-${size.width}.png` });

    await page.getByRole("button", { name: /present/ }).click();
    const pres = page.getByTestId("presentation");
    await expect(pres).toBeVisible();
    await page.keyboard.press("PageDown");
    await page.keyboard.press("PageDown");
    await expect(pres.locator(".pres-graph [data-testid=pod-node]")).toBeVisible();
    // Nothing of the presentation runs past the screen.
    const overflow = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(".pres-head, .pres-focus h2, .pres-value, .pres-source, .pres-proc")) {
        const r = el.getBoundingClientRect();
        if (r.right > innerWidth + 1 || r.bottom > innerHeight + 1) out.push(el.className);
      }
      return out;
    });
    expect(overflow).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/presentation-${size.width}.png` });
  });
}

test("presentation: clicker keys step through the fields that matter, then on to the next container; plain words", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByLabel("Open an example").selectOption("deployment-sidecar");
  await page.getByTestId("workload-list").locator('[data-name="web"]').click();
  await page.getByRole("button", { name: /present/ }).click();
  const pres = page.getByTestId("presentation");
  await expect(pres.getByTestId("pres-container")).toContainText("init container migrate");
  const fields = pres.locator(".pres-fields li");
  const n = await fields.count();
  expect(n).toBeGreaterThan(0);
  // Only fields that are set or flagged: no row shows a plain default.
  const shown = await fields.evaluateAll((ls) => ls.map((l) => l.className));
  expect(shown.filter((c) => c.includes("source-row-default")).length).toBeLessThan(n);
  const h2 = pres.locator(".pres-focus h2");
  const first = await h2.textContent();
  await page.keyboard.press("PageDown");
  await expect(h2).not.toHaveText(first!);
  await page.keyboard.press("PageUp");
  await expect(h2).toHaveText(first!);
  for (let i = 0; i < n; i++) await page.keyboard.press("PageDown");
  await expect(pres.getByTestId("pres-container")).toContainText("sidecar log-shipper");
  await expect(pres).not.toContainText("regular");
  // Live edits: E opens the editor beside it.
  await page.keyboard.press("e");
  await expect(pres.locator(".pres-editor .monaco-editor")).toBeVisible();
  await pres.locator(".pres-exit").click();
  await expect(pres).toHaveCount(0);
});

test("keyboard: the Tab hint's switch lets Tab leave the editor; the workload list keeps focus while arrowing; Enter on a chip keeps focus", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const hint = page.getByTestId("tab-hint");
  await expect(hint).toContainText("Tab indents");
  await hint.getByRole("button", { name: /^Make Tab/ }).click();
  await expect(hint).toContainText("Tab moves");
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => !!document.activeElement?.closest(".monaco-editor"))).toBe(false);
  await hint.getByRole("button", { name: /^Make Tab/ }).click();
  await expect(hint).toContainText("Tab indents");

  const pods = Array.from({ length: 9 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\nspec:\n  containers:\n  - name: c${i}\n    image: x\n`).join("---\n");
  await pasteManifest(page, pods);
  const list = page.getByTestId("workload-list").locator("[role=listbox]");
  await expect(list.locator('[data-name="pod-8"]')).toBeAttached();
  await list.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("pod-node")).toContainText("pod-4");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("role"))).toBe("listbox");

  await pasteManifest(page, pods.split("---\n").slice(0, 3).join("---\n"));
  const chip = page.getByTestId("workload-list").locator('[data-name="pod-2"]');
  await chip.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("pod-node")).toContainText("pod-2");
  expect(await page.evaluate(() => document.activeElement?.getAttribute("data-name"))).toBe("pod-2");
});
