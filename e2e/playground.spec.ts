import { expect, test } from "@playwright/test";
import { fieldRow, guardRequests, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("opens on the golden-standard pod and shows where each value comes from", async ({ page, context }) => {
  const blocked = await guardRequests(context);
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("Pod secure-app");
  const user = fieldRow(page, "my-app", "runAsUser");
  await expect(user).toHaveAttribute("data-source", "pod");
  await expect(user.locator(".field-value")).toHaveText("1000");
  await expect(fieldRow(page, "my-app", "runAsNonRoot")).toHaveAttribute("data-source", "container");
  await expect(fieldRow(page, "my-app", "seccompProfile")).toHaveAttribute("data-source", "default");
  await page.getByTestId("container-node-my-app").locator("header").click();
  await expect(page.getByTestId("container-panel")).toContainText("my-app");
  // fsGroup acts on the pod's volumes: the emptyDir at /tmp gets the group.
  await expect(page.getByTestId("volumes-node").locator('[data-volume="tmp"]')).toHaveAttribute("data-ownership", "changed");
  await page.screenshot({ path: "e2e/screenshots/golden-standard.png" });
  expect(blocked).toEqual([]);
});

test("pasting a manifest redraws the graph; a container override is shown as such", async ({ page, context }) => {
  const blocked = await guardRequests(context);
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(
    page,
    [
      "apiVersion: v1",
      "kind: Pod",
      "metadata:",
      "  name: two",
      "spec:",
      "  securityContext:",
      "    runAsUser: 1000",
      "  containers:",
      "  - name: first",
      "    image: x",
      "  - name: second",
      "    image: x",
      "    securityContext:",
      "      runAsUser: 2000",
      "",
    ].join("\n"),
  );
  await expect(page.getByTestId("pod-node")).toContainText("Pod two");
  await expect(fieldRow(page, "first", "runAsUser").locator(".field-value")).toHaveText("1000");
  await expect(fieldRow(page, "first", "runAsUser")).toHaveAttribute("data-source", "pod");
  const second = fieldRow(page, "second", "runAsUser");
  await expect(second).toHaveAttribute("data-source", "container");
  // An override reads on two lines: the value, then what it replaced and where.
  await expect(second.locator(".field-value")).toHaveText("2000");
  await expect(second.locator(".overrides-line")).toHaveText(/^overrides pod 1000, line \d+$/);
  await page.getByTestId("container-node-second").click();
  await expect(page.getByTestId("container-panel")).toContainText("second");
  await expect(page.getByTestId("container-panel").locator('tr[data-field="runAsUser"]')).toContainText("overrides pod 1000");
  await page.screenshot({ path: "e2e/screenshots/override.png" });
  expect(blocked).toEqual([]);
});

test("broken YAML in the middle: a marker at its line, the other documents still drawn, the text kept", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const text = [
    "kind: Pod",
    "metadata: {name: one}",
    "spec: {containers: [{name: a, image: x}]}",
    "---",
    "kind: Pod",
    "metadata: {name: two}",
    "spec:",
    "  containers: [{name: b, image: x}",
    "  securityContext: {}",
    "---",
    "kind: Pod",
    "metadata: {name: three}",
    "spec: {containers: [{name: c, image: x}]}",
    "",
  ].join("\n");
  await pasteManifest(page, text);
  const problem = page.getByTestId("problems").locator("button[data-code=yaml-syntax]");
  await expect(problem).toBeVisible();
  const line = Number(await problem.getAttribute("data-line"));
  expect(line).toBeGreaterThanOrEqual(8);
  expect(line).toBeLessThanOrEqual(10);
  await expect(page.locator(".monaco-editor .squiggly-error")).toHaveCount(1);
  const list = page.getByTestId("workload-list");
  await expect(list.locator('[data-name="one"]')).toBeVisible();
  await expect(list.locator('[data-name="three"]')).toBeVisible();
  await list.locator('[data-name="three"]').click();
  await expect(page.getByTestId("container-node-c")).toBeVisible();
  await problem.click();
  const cursorLine = await page.locator(".monaco-editor .current-line").count();
  expect(cursorLine).toBeGreaterThan(0);
  const editorText = await page.evaluate(() => (document.querySelector(".monaco-editor .view-lines") as HTMLElement).innerText.replace(/\u00a0/g, " "));
  expect(editorText).toContain("name: three");
  await page.screenshot({ path: "e2e/screenshots/broken-yaml.png" });
});

test("a browser that cannot start the analysis worker still analyses, on the page: graph, Pod Security problems, fixes", async ({ page }) => {
  // A strict policy or an old browser: the analysis worker fails to start (Monaco's own workers still run).
  await page.addInitScript(() => {
    const Real = window.Worker;
    window.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        if (String(url).includes("analysis.worker")) throw new DOMException("blocked by the test", "SecurityError");
        super(url, options);
      }
    };
  });
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("Pod secure-app");
  const problems = page.getByTestId("problems");
  await expect(problems.locator('button[data-code="pss-restricted"]').first()).toContainText("seccompProfile");
  await pasteManifest(page, "apiVersion: v1\nkind: Pod\nmetadata: {name: on-the-page}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: true\n");
  await expect(page.getByTestId("pod-node")).toContainText("on-the-page");
  await expect(problems.locator('button[data-code="pss-baseline"]').filter({ hasText: "privileged" })).toHaveAttribute("data-line", "9");
});
