// Issue 12: a graph readable from the back of the room, a panel that never covers what it
// describes, one list of problems, and screenshots to look at.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import LZString from "lz-string";
import { manyContainersPod, shareState } from "../bench/hostile";
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

type Box = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
const inside = (a: Box, b: Box) => a.left >= b.left - 1 && a.top >= b.top - 1 && a.right <= b.right + 1 && a.bottom <= b.bottom + 1;

/** The node is wholly inside its graph's canvas and nothing of it is under the panel (when one is open). */
async function expectUncovered(page: Page, node: string, canvas: string, what: string) {
  await page.waitForTimeout(400);
  const n = await rect(page, node);
  expect(inside(n, await rect(page, canvas)), `${what}: the node is wholly in the graph's visible area`).toBe(true);
  if (await page.getByTestId("container-panel").count()) expect(overlaps(n, await rect(page, '[data-testid="container-panel"]')), `${what}: the panel covers the node`).toBe(false);
}

test("1280×720: the panel covers no node in the lesson view, /proc fits it; the presentation's graph shows its container whole", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByRole("button", { name: /lessons/ }).click();
  await page.getByTestId("lesson-gallery").locator("[data-lesson=capabilities]").click();
  await expect(page.getByTestId("lesson")).toBeVisible();
  await graphSettled(page);
  await page.getByTestId("container-node-app").locator("header").click();
  await expect(page.getByTestId("container-panel")).toBeVisible();
  await graphSettled(page);
  await expectUncovered(page, '[data-testid="container-node-app"]', ".graph-area .react-flow", "lesson");
  // Still readable: not shrunk to a thumbnail beside the panel.
  expect((await page.evaluate(graphTextReport)).median).toBeGreaterThanOrEqual(12);
  // /proc/1/status: the four Uid columns and every capability mask are on screen, not scrolled.
  const proc = page.getByTestId("proc-status").locator(".proc-block");
  await expect(proc).toContainText(/Uid:\s+1000\s+1000\s+1000\s+1000/);
  expect(await proc.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
  const [pb, pp] = [await rect(page, '[data-testid="proc-status"] .proc-block'), await rect(page, '[data-testid="container-panel"]')];
  expect(pb.left >= pp.left && pb.right <= pp.right + 1, "/proc within the panel's width").toBe(true);

  // Presentation: the selected container whole in the small graph, on every step to a new container.
  await page.getByLabel("Open an example").selectOption("deployment-sidecar");
  await expect(page.getByTestId("container-node-migrate")).toBeVisible();
  await page.getByRole("button", { name: /present/ }).click();
  const pres = page.getByTestId("presentation");
  for (const name of ["migrate", "log-shipper", "web"]) {
    await expect(pres.getByTestId("pres-container")).toContainText(name);
    await expectUncovered(page, `.pres-graph [data-testid="container-node-${name}"]`, ".pres-graph .react-flow", `presentation ${name}`);
    const r = await page.evaluate(graphTextReport);
    expect(r.cut, `presentation ${name}`).toEqual([]);
    await page.keyboard.press("End");
    await page.keyboard.press("PageDown");
  }
});

test("a pod with eight containers: the first fit shows the pod above the first containers, readable", async ({ browser }) => {
  for (const size of [
    { width: 1920, height: 1080 },
    { width: 1280, height: 720 },
  ]) {
    const page = await browser.newPage({ viewport: size });
    await page.goto(`/#s=${LZString.compressToEncodedURIComponent(JSON.stringify(shareState(manyContainersPod(8))))}`);
    await waitForEditor(page);
    await expect(page.getByTestId("container-node-c0")).toBeVisible();
    await graphSettled(page);
    await page.waitForTimeout(300);
    const canvas = await rect(page, ".graph-area .react-flow");
    // The pod is drawn and wholly in view (React Flow does not draw nodes out of view here), with c0's header under it.
    const pod = await rect(page, '[data-testid="pod-node"]');
    expect(inside(pod, canvas), `${size.width}: pod in view`).toBe(true);
    const c0 = await rect(page, '[data-testid="container-node-c0"] header');
    expect(inside(c0, canvas), `${size.width}: c0 in view`).toBe(true);
    expect(c0.top).toBeGreaterThan(pod.bottom);
    // The note about edges is above the canvas, not over the pod.
    expect(overlaps(await rect(page, ".graph-note"), pod)).toBe(false);
    const text = await page.evaluate(graphTextReport);
    expect(text.median, `${size.width}: median on-screen graph text`).toBeGreaterThanOrEqual(14);
    // Nothing under the zoom buttons.
    expect(overlaps(await rect(page, ".react-flow__controls"), pod), `${size.width}: zoom buttons over the pod`).toBe(false);
    await page.close();
  }
});

test("the toolbar is one row at 1280, in both themes; its buttons keep their names", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  for (const theme of ["light", "dark"]) {
    const rows = await page.locator(".controls > *").evaluateAll((els) => {
      const boxes = els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0);
      // Items sharing a row overlap vertically with the first one.
      return boxes.filter((r) => r.top >= boxes[0].bottom || r.bottom <= boxes[0].top).length;
    });
    expect(rows, `${theme}: controls below the first row`).toBe(0);
    for (const name of ["share link", "lessons", "compare", "present", "reset", theme === "light" ? "Dark theme" : "Light theme"]) {
      const b = page.getByRole("button", { name, exact: name === "share link" });
      await expect(b.first()).toBeVisible();
      expect((await b.first().boundingBox())!.x + (await b.first().boundingBox())!.width).toBeLessThanOrEqual(1280);
    }
    if (theme === "light") await page.getByRole("button", { name: "Dark theme" }).click();
  }
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
