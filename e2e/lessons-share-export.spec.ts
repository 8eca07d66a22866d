import { readFileSync, writeFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { load } from "js-yaml";
import { fieldRow, guardRequests, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a lesson: open it, follow its steps, see each outcome ticked", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByRole("button", { name: /lessons/ }).click();
  await page.getByTestId("lesson-gallery").locator("[data-lesson=capabilities]").click();
  const lesson = page.getByTestId("lesson");
  await expect(lesson).toContainText("Capabilities: drop ALL, add back one");
  const steps = lesson.locator(".steps li");
  // Nothing is ticked before the learner does something.
  await expect(steps.nth(0)).toHaveAttribute("data-done", "false");
  await steps.nth(0).getByRole("button", { name: "I found it" }).click();
  await expect(steps.nth(0)).toHaveAttribute("data-done", "true"); // NET_BIND_SERVICE in the bounding set only
  const toRoot = steps.filter({ hasText: "Change the pod's runAsUser to 0" });
  await expect(toRoot).toHaveAttribute("data-done", "false");
  await toRoot.getByRole("button", { name: "Do it for me" }).click();
  await expect(toRoot).toHaveAttribute("data-done", "true");
  await page.getByTestId("container-node-app").locator("header").click();
  await expect(page.getByTestId("proc-status").locator("[data-cap=CapEff]")).toContainText("0000000000000400");
  const noDrop = steps.filter({ hasText: "Remove the drop" });
  await noDrop.getByRole("button", { name: "Do it for me" }).click();
  await expect(noDrop).toHaveAttribute("data-done", "true");
  await page.screenshot({ path: "e2e/screenshots/lesson.png" });
});

test("a share link restores the manifest, the settings and the selection in a fresh page", async ({ page, browser }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByLabel("Open an example").selectOption("deployment-sidecar");
  await page.getByTestId("workload-list").locator('[data-name="web"]').click();
  await page.getByTestId("container-node-log-shipper").click();
  await page.getByLabel("Container runtime").selectOption("cri-o");
  await page.getByLabel("Kubernetes version").selectOption("1.30");
  await page.getByLabel("Image user of container log-shipper").fill("999");
  await page.getByRole("button", { name: "share link", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Share link copied");
  const url = await page.evaluate(() => navigator.clipboard.readText());
  expect(url).toContain("#s=");

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const blocked = await guardRequests(fresh);
  const p2 = await fresh.newPage();
  await p2.goto(url);
  await waitForEditor(p2);
  await expect(p2.getByLabel("Container runtime")).toHaveValue("cri-o");
  await expect(p2.getByLabel("Kubernetes version")).toHaveValue("1.30");
  await expect(p2.getByTestId("container-panel")).toContainText("log-shipper");
  await expect(p2.getByLabel("Image user of container log-shipper")).toHaveValue("999");
  await expect(p2.getByTestId("proc-status")).toContainText("CapBnd:\t00000000000005fb"); // CRI-O's default set
  await expect(fieldRow(p2, "log-shipper", "runAsUser").locator(".field-value")).toHaveText("10001");
  expect(blocked).toEqual([]);
  await fresh.close();
});

test("exports produce files that open: PNG, SVG, Markdown, JSON, YAML", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("container-node-my-app")).toBeVisible();
  const save = async (name: RegExp) => {
    await page.getByTestId("export-menu").locator("summary").click();
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name }).click()]);
    const path = await dl.path();
    return readFileSync(path);
  };
  const png = await save(/Graph as PNG/);
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.length).toBeGreaterThan(5000);
  writeFileSync("e2e/screenshots/export.png", png);
  const svg = (await save(/Graph as SVG/)).toString("utf8");
  const parsed = await page.evaluate((s) => new DOMParser().parseFromString(s, "image/svg+xml").documentElement.nodeName, svg);
  expect(parsed).toBe("svg");
  expect((await save(/Report/)).toString("utf8")).toContain("| runAsUser | `1000` | pod |");
  const json = JSON.parse((await save(/Analysis/)).toString("utf8"));
  expect(json.workloads[0].containers[0].effective.runAsUser.source).toBe("pod");
  const yaml = load((await save(/Effective securityContext/)).toString("utf8")) as { securityContext: Record<string, unknown> };
  expect(yaml.securityContext).toMatchObject({ runAsUser: 1000, runAsNonRoot: true, capabilities: { drop: ["ALL"] } });
});

test("the JSON and Markdown exports of a pod of many containers hold every container's actions (the page's copy leaves them in the worker)", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const containers = Array.from({ length: 12 }, (_, i) => `  - name: c${i}\n    image: nginx`).join("\n");
  await pasteManifest(page, `apiVersion: v1\nkind: Pod\nmetadata:\n  name: many\nspec:\n  containers:\n${containers}\n`);
  await expect(page.getByTestId("container-node-c0")).toBeVisible({ timeout: 15_000 });
  const save = async (name: RegExp) => {
    await page.getByTestId("export-menu").locator("summary").click();
    const [dl] = await Promise.all([page.waitForEvent("download"), page.getByRole("menuitem", { name }).click()]);
    return readFileSync(await dl.path()).toString("utf8");
  };
  const json = JSON.parse(await save(/Analysis/));
  expect(json.workloads[0].containers).toHaveLength(12);
  for (const c of json.workloads[0].containers) {
    expect(c.actions.length).toBeGreaterThan(10);
    expect(c).not.toHaveProperty("actionsAt");
  }
  const md = await save(/Report/);
  expect(md.match(/\| `bind-privileged-port` \|/g)?.length).toBe(12);
});

test("compare: pin, edit, see what changed", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByTestId("container-node-my-app").locator("header").click();
  await page.getByRole("button", { name: /compare/ }).click();
  await page.getByTestId("fix-restricted-seccompProfile_restricted").click();
  const compare = page.getByTestId("compare");
  await expect(compare).toContainText("seccompProfile");
  await expect(compare).toContainText("Pod Security restricted");
});
