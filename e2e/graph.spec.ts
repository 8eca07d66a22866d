import { expect, test, type Page } from "@playwright/test";
import { podDump } from "../bench/generate";
import { fieldRow, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const activeLine = (page: Page) => page.locator(".monaco-editor .line-numbers.active-line-number").first();

async function cursorTo(page: Page, line: number) {
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+Home");
  for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("End");
}

test("clicking a row selects its YAML; an unset field goes to where it would be written", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await fieldRow(page, "my-app", "runAsUser").locator("button").click();
  await expect(activeLine(page)).toHaveText("9"); // spec.securityContext.runAsUser: 1000 (inherited)
  await fieldRow(page, "my-app", "readOnlyRootFilesystem").locator("button").click();
  await expect(activeLine(page)).toHaveText("18");
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? "");
  void selected;
  await expect(page.locator(".monaco-editor .selected-text").first()).toBeVisible();
  await fieldRow(page, "my-app", "seccompProfile").locator("button").click();
  await expect(activeLine(page)).toHaveText("14"); // the container's securityContext: where it would go
});

test("moving the editor cursor highlights the node and row it feeds, and switches workloads", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await cursorTo(page, 16); // runAsNonRoot: true in my-app
  const node = page.getByTestId("container-node-my-app");
  await expect(node).toHaveClass(/cursor-highlight/);
  await expect(fieldRow(page, "my-app", "runAsNonRoot")).toHaveClass(/row-highlight/);
  await cursorTo(page, 9); // pod-level runAsUser
  await expect(page.getByTestId("pod-node")).toHaveClass(/cursor-highlight/);
  await expect(page.getByTestId("pod-node").locator('li[data-field="runAsUser"]')).toHaveClass(/row-highlight/);

  await page.getByLabel("Open an example").selectOption("deployment-sidecar");
  const list = page.getByTestId("workload-list");
  await expect(list.locator('[data-name="web"]')).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("container-node-migrate")).toBeVisible();
  await expect(page.getByTestId("container-node-log-shipper")).toContainText("sidecar");
  await list.locator('[data-name="nightly-report"]').click();
  await expect(page.getByTestId("container-node-report")).toBeVisible();
  await expect(fieldRow(page, "report", "privileged")).toHaveClass(/risky/);
  await cursorTo(page, 10); // back inside the Deployment
  await expect(list.locator('[data-name="web"]')).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("container-node-web")).toBeVisible();
});

test("screenshots at 1280×720: light, dark, presentation", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByLabel("Open an example").selectOption("deployment-sidecar");
  await expect(page.getByTestId("container-node-web")).toBeVisible();
  await page.screenshot({ path: "e2e/screenshots/light.png" });
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.screenshot({ path: "e2e/screenshots/dark.png" });
  await page.getByRole("button", { name: /present/ }).click();
  const pres = page.getByTestId("presentation");
  await expect(pres).toBeVisible();
  await expect(pres.locator("h2")).toHaveText("runAsUser");
  await page.keyboard.press("ArrowRight");
  await expect(pres.locator("h2")).toHaveText("runAsGroup");
  await page.keyboard.press("PageDown");
  await expect(pres).toContainText("log-shipper");
  await page.screenshot({ path: "e2e/screenshots/presentation.png" });
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("graph")).toBeVisible();
});

test("a 50-container pod renders with no overlapping nodes", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const containers = Array.from({ length: 50 }, (_, i) => `  - name: c${i}\n    image: x\n${i % 3 === 0 ? "    securityContext: {runAsUser: 2000}\n" : ""}`).join("");
  const init = Array.from({ length: 5 }, (_, i) => `  - name: init${i}\n    image: x\n`).join("");
  await pasteManifest(page, `apiVersion: v1\nkind: Pod\nmetadata: {name: big}\nspec:\n  securityContext: {runAsUser: 1000}\n  initContainers:\n${init}  containers:\n${containers}`);
  // The first fit shows the selected container readably; "fit view" shows them all (only what is in view is drawn).
  await expect(page.getByTestId("container-node-init0")).toBeVisible();
  await page.locator(".react-flow__controls-fitview").click();
  await expect(page.getByTestId("pod-node")).toContainText("Pod big");
  if (await page.getByRole("button", { name: "Close panel" }).isVisible()) await page.getByRole("button", { name: "Close panel" }).click();
  await expect(page.locator(".graph-note")).toContainText("55 containers");
  const boxes = await page.locator(".react-flow__node-container").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, w: r.width, h: r.height })));
  expect(boxes.length).toBeGreaterThan(10);
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const overlap = a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
      expect(overlap, `nodes ${i} and ${j} overlap`).toBe(false);
    }
  }
  await page.screenshot({ path: "e2e/screenshots/fifty-containers.png" });
});

test("a 5,000-pod list: the workload list is virtualised and stays usable", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/");
  await waitForEditor(page);
  const items = Array.from(
    { length: 5000 },
    (_, i) => `- apiVersion: v1\n  kind: Pod\n  metadata: {name: pod-${i}, namespace: ns-${i % 7}}\n  spec:\n    containers:\n    - name: app\n      image: x\n      securityContext: {runAsUser: ${1000 + (i % 3)}}\n`,
  ).join("");
  await pasteManifest(page, `apiVersion: v1\nkind: List\nitems:\n${items}`);
  const list = page.getByTestId("workload-list");
  // The worker analyses 5,000 pods in 2–3 s of CPU here; a shared CI machine can take several times that.
  await expect(list).toContainText("5000 workloads", { timeout: 90_000 });
  expect(await list.locator(".wl-item").count()).toBeLessThan(80);
  await list.getByLabel("Filter workloads").fill("pod-4999");
  await list.locator('[data-name="pod-4999"]').click();
  await expect(page.locator(".graph-title")).toContainText("pod-4999");
  await expect(fieldRow(page, "app", "runAsUser").locator(".field-value")).toHaveText(String(1000 + (4999 % 3)));
});

test("a dump over 1 MB pasted over the text loads whole, stays editable, and one Ctrl+Z brings the previous text back", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toBeVisible({ timeout: 30_000 });
  const before = await page.getByTestId("pod-node").getAttribute("aria-label");
  expect(before).toBeTruthy();
  const dump = podDump(400); // ≈1.6 MB: over the size that gets a fresh model, built in slices
  const lines = dump.split("\n").length;
  await pasteManifest(page, dump);
  await expect(page.getByTestId("workload-list")).toContainText("400 workloads", { timeout: 90_000 });
  // The whole text is in the editor, the caret after it: the last line is in view.
  await page.waitForFunction(() => performance.getEntriesByName("scp:paste-loaded").length > 0, null, { timeout: 60_000 });
  const lastShown = () => page.evaluate(() => Math.max(...[...document.querySelectorAll(".monaco-editor .line-numbers")].map((e) => Number(e.textContent) || 0)));
  await expect.poll(lastShown).toBeGreaterThan(lines - 60);
  expect(await lastShown()).toBeLessThanOrEqual(lines);
  // Editable again once loaded (read-only only while the model is built).
  await page.keyboard.type("#");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("#");
  // Undo the typing, then the paste: the text from before is back, and its graph.
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.locator(".monaco-editor .view-lines")).not.toContainText("#");
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("pod-node")).toHaveAttribute("aria-label", before!, { timeout: 60_000 });
  await expect(page.getByTestId("workload-list")).toHaveCount(0);
});

test("a key typed into a small manifest is analysed on the page: the graph never lags the editor", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  // The page's analyser is loaded and warmed on the shown text while the page is idle.
  await page.waitForFunction(() => performance.getEntriesByName("scp:warmed").length > 0, null, { timeout: 30_000 });
  await page.evaluate(() => {
    const w = window as unknown as { __firstEditor?: number; __firstGraph?: number; __frame: number };
    w.__frame = 0;
    const tick = () => {
      w.__frame++;
      const editor = (document.querySelector(".monaco-editor .view-lines")?.textContent ?? "").replace(/\s/g, "");
      const graph = document.querySelector("[data-testid=pod-node] [data-testid=value-runAsUser]")?.textContent?.trim();
      if (w.__firstEditor === undefined && editor.includes("runAsUser:4242")) w.__firstEditor = w.__frame;
      if (w.__firstGraph === undefined && graph === "4242") w.__firstGraph = w.__frame;
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const workerRuns = await page.evaluate(() => performance.getEntriesByName("scp:analysed").filter((m) => !(m as PerformanceMark).detail?.inPlace).length);
  await cursorTo(page, 9); // after the pod's runAsUser: 1000
  for (let i = 0; i < 4; i++) await page.keyboard.press("Backspace");
  await page.keyboard.type("4242");
  await expect(page.getByTestId("pod-node").getByTestId("value-runAsUser")).toHaveText("4242");
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __firstEditor?: number; __firstGraph?: number };
    return [w.__firstEditor, w.__firstGraph];
  });
  // Frames counted by a callback that runs before Monaco's own drawing in each frame: the graph,
  // drawn in the key's task, is seen in the frame that draws the key (or before the editor's text).
  expect(frames[0]).toBeDefined();
  expect(frames[1]).toBeLessThanOrEqual(frames[0]!);
  const marks = await page.evaluate(() => performance.getEntriesByName("scp:analysed").map((m) => (m as PerformanceMark).detail as { inPlace?: boolean }));
  expect(marks.filter((d) => d.inPlace).length).toBeGreaterThanOrEqual(4);
  expect(marks.filter((d) => !d.inPlace).length).toBe(workerRuns);
});
