// Issue 12: a graph readable from the back of the room, a panel that never covers what it
// describes, one list of problems, and screenshots to look at.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { exampleIds, graphSettled, graphTextReport, openExample, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function rect(page: Page, selector: string) {
  return page.locator(selector).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  });
}

test("every example at 1920×1080: nothing in a node is cut, and the first fit makes text ≥ 14 px", async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto("/");
  await waitForEditor(page);
  await graphSettled(page);
  const first = await page.evaluate(graphTextReport);
  expect(first.count).toBeGreaterThan(20);
  expect(first.median, "median on-screen graph text on load").toBeGreaterThanOrEqual(14);
  const ids = await exampleIds(page);
  expect(ids.length).toBeGreaterThanOrEqual(4);
  for (const id of ids) {
    await openExample(page, id);
    await page.waitForTimeout(300);
    await graphSettled(page);
    const r = await page.evaluate(graphTextReport);
    expect(r.cut, `${id}: cut text`).toEqual([]);
    expect(r.median, `${id}: median on-screen graph text`).toBeGreaterThanOrEqual(14);
  }
});

test("every example at 1280×720, all fields listed: nothing in a node is cut", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByLabel("all fields").check();
  for (const id of await exampleIds(page)) {
    await openExample(page, id);
    await page.waitForTimeout(300);
    await graphSettled(page);
    const r = await page.evaluate(graphTextReport);
    expect(r.cut, `${id}: cut text`).toEqual([]);
  }
});

test("long values wrap whole: an override on two lines, long capability lists, long names", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(
    page,
    [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata: {name: payments-ledger-reconciliation-worker}",
      "spec:",
      "  template:",
      "    spec:",
      "      securityContext: {runAsUser: 1000, fsGroup: 2000, supplementalGroups: [3000, 4000, 5000, 6000, 7000, 8000]}",
      "      containers:",
      "      - name: metrics-exporter-with-a-very-long-name",
      "        image: x",
      "        securityContext:",
      "          runAsUser: 65534",
      "          capabilities: {drop: [ALL], add: [NET_BIND_SERVICE, SYS_PTRACE, NET_ADMIN, SYS_TIME, CHOWN]}",
      "",
    ].join("\n"),
  );
  const node = page.getByTestId("container-node-metrics-exporter-with-a-very-long-name");
  await expect(node).toBeVisible();
  await graphSettled(page);
  const user = node.locator('li[data-field="runAsUser"]');
  await expect(user.locator(".field-value")).toHaveText("65534");
  await expect(user.locator(".overrides-line")).toHaveText(/^overrides pod 1000, line 7$/);
  await expect(node.locator('li[data-field="capabilities"] .field-value')).toHaveText("drop ALL · add NET_BIND_SERVICE, SYS_PTRACE, NET_ADMIN, SYS_TIME, CHOWN");
  await expect(page.getByTestId("runtime-node")).toContainText("AUDIT_WRITE");
  const r = await page.evaluate(graphTextReport);
  expect(r.cut).toEqual([]);
  // Hovering a row tells the value and where it came from, not only what the field is.
  await expect(user.locator("button")).toHaveAttribute("title", /^runAsUser: 65534\nfrom: container securityContext, line 12\noverrides pod 1000, line 7/);
});

test("1280×720: the panel never covers the container it describes", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await openExample(page, "deployment-sidecar");
  await graphSettled(page);
  const panel = page.getByTestId("container-panel");
  const besidePanel = async (name: string) => {
    await expect(panel.locator("h2")).toHaveText(name);
    await page.waitForTimeout(400);
    const n = await rect(page, `[data-testid="container-node-${name}"]`);
    const p = await rect(page, '[data-testid="container-panel"]');
    const g = await rect(page, ".react-flow");
    expect(n.right, `${name} is left of the panel`).toBeLessThanOrEqual(p.left + 1);
    expect(n.left, `${name} inside the graph`).toBeGreaterThanOrEqual(g.left - 1);
    expect(n.top, `${name} below the top of the graph`).toBeGreaterThanOrEqual(g.top - 1);
  };
  // A click on the container in view opens the panel beside it: the graph pans to keep it visible.
  await page.getByTestId("container-node-migrate").locator("header").click();
  await besidePanel("migrate");
  // Containers chosen from the editor (the cursor in their text) are brought into view beside the panel.
  const lines = readFileSync(new URL("../src/core/examples/deployment-with-sidecar.yaml", import.meta.url), "utf8").split("\n");
  for (const name of ["web", "log-shipper"]) {
    const line = lines.findIndex((l) => l.trim() === `- name: ${name}`) + 1;
    await page.locator(".monaco-editor textarea").first().focus();
    await page.keyboard.press("ControlOrMeta+Home");
    for (let i = 1; i < line; i++) await page.keyboard.press("ArrowDown");
    await besidePanel(name);
  }
  // The panel's table fits it: the Source column is in view, and opening an explanation keeps Value in view.
  const fits = () => panel.evaluate((e) => e.scrollWidth <= e.clientWidth + 1);
  expect(await fits()).toBe(true);
  await panel.locator('tr[data-field="runAsUser"]').getByRole("button", { name: /kernel, attacker/ }).click();
  await expect(panel.getByTestId("explain-runAsUser")).toBeVisible();
  expect(await fits()).toBe(true);
  const value = await rect(page, '[data-testid="container-panel"] tr[data-field="runAsUser"] td');
  const pr = await rect(page, '[data-testid="container-panel"]');
  expect(value.right).toBeLessThanOrEqual(pr.right + 1);
});

test("Pod Security violations are in Problems and underlined, with their level; never 'No problems' beside ✗ restricted", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const problems = page.getByTestId("problems");
  await expect(page.getByTestId("container-pss").first()).toContainText("✗ restricted");
  const pss = problems.locator('button[data-code="pss-restricted"]');
  await expect(pss.first()).toContainText("Pod Security restricted: seccompProfile");
  await expect(pss.first()).toContainText("Pod Security · restricted");
  await expect(problems).not.toContainText("No problems found");
  await expect(problems.locator(".counts")).toContainText("1 warning");
  await expect(page.locator(".monaco-editor .squiggly-warning").first()).toBeAttached();
  // Clicking it puts the cursor on the line it names (the container's securityContext).
  await pss.first().click();
  await expect(page.locator(".monaco-editor .line-numbers.active-line-number").first()).toHaveText(String(await pss.first().getAttribute("data-line")));
  // Baseline violations are errors.
  await pasteManifest(page, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      privileged: true\n");
  const base = problems.locator('button[data-code="pss-baseline"]').filter({ hasText: "privileged" });
  await expect(base).toHaveAttribute("data-line", "9");
  await expect(base.locator(".sr-only")).toHaveText("error: ");
});

test("a did-you-mean quick fix renames the field (Ctrl+.)", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(page, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsUsr: 5\n");
  const problem = page.getByTestId("problems").locator('button[data-code="unknown-field"]');
  await expect(problem).toContainText('did you mean "runAsUser"?');
  await problem.click();
  await page.keyboard.press("ControlOrMeta+.");
  const item = page.locator(".action-widget").getByText("Rename runAsUsr to runAsUser");
  await expect(item).toBeVisible();
  // The preferred fix comes first and is focused.
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("problems").locator('button[data-code="unknown-field"]')).toHaveCount(0);
  await expect(page.locator(".view-lines")).toContainText("runAsUser: 5");
});

test("export menu closes on Esc and on a click outside", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const menu = page.getByTestId("export-menu");
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  await page.keyboard.press("Escape");
  await expect(menu).not.toHaveAttribute("open", "");
  await expect(menu.locator("summary")).toBeFocused();
  await menu.locator("summary").click();
  await expect(menu).toHaveAttribute("open", "");
  await page.getByTestId("graph").click({ position: { x: 20, y: 200 } });
  await expect(menu).not.toHaveAttribute("open", "");
});

test("compare: over the graph, capabilities by name, and the runtime change said", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByRole("button", { name: /compare/ }).click();
  await page.getByLabel("Container runtime").selectOption("cri-o");
  const compare = page.getByTestId("compare");
  await expect(compare.getByTestId("compare-runtime")).toContainText(/containerd.*→ CRI-O/);
  const g = await rect(page, ".graph-area");
  const c = await rect(page, '[data-testid="compare"]');
  expect(c.right - c.left).toBeGreaterThan(0.9 * (g.right - g.left));
  await expect(compare).not.toContainText(/\b[0-9a-f]{16}\b/);
});

for (const [w, h] of [
  [1280, 720],
  [1920, 1080],
] as const) {
  test(`screenshots at ${w}×${h}: main, panel, compare, dark`, async ({ page }) => {
    await page.setViewportSize({ width: w, height: h });
    await page.goto("/");
    await waitForEditor(page);
    await openExample(page, "deployment-sidecar");
    await graphSettled(page);
    await page.screenshot({ path: `e2e/screenshots/main-${w}.png` });
    await page.getByTestId("container-node-log-shipper").locator("header").click({ force: true });
    await expect(page.getByTestId("container-panel")).toBeVisible();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `e2e/screenshots/panel-${w}.png` });
    await page.getByRole("button", { name: /compare/ }).click();
    await page.getByLabel("Container runtime").selectOption("cri-o");
    await expect(page.getByTestId("compare-runtime")).toBeVisible(); // the new analysis has arrived
    await page.screenshot({ path: `e2e/screenshots/compare-${w}.png` });
    await page.getByRole("button", { name: "Close compare" }).click();
    await page.getByRole("button", { name: "Dark theme" }).click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await page.screenshot({ path: `e2e/screenshots/dark-${w}.png` });
  });
}
