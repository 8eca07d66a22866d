// axe-core over every view the app has: zero serious or critical violations at 1280×720.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { graphSettled, waitForEditor } from "./helpers";

test.use({ viewport: { width: 1280, height: 720 } });

async function seriousViolations(page: Page, view: string): Promise<string[]> {
  // Let transitions and the graph's first fit finish so colours are measured as seen.
  await page.waitForTimeout(400);
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  // One line per rule: the report lists what was found, view by view.
  for (const v of bad) {
    console.log(`[a11y] ${view}: ${v.id} ×${v.nodes.length} (${v.impact})`);
    for (const n of v.nodes) console.log(`[a11y]    ${n.target.join(" ")} ${n.html.slice(0, 120)} — ${n.failureSummary?.split("\n")[1] ?? ""}`);
  }
  return bad.map((v) => `${v.id} ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

async function openApp(page: Page) {
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("container-node-my-app")).toBeVisible();
  await graphSettled(page);
}

test("main view (default example)", async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page, "main")).toEqual([]);
});

test("container panel open", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("container-node-my-app").locator("header").click();
  await expect(page.getByTestId("container-panel")).toBeVisible();
  expect(await seriousViolations(page, "panel")).toEqual([]);
});

test("a lesson open", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: /lessons/ }).click();
  await page.getByTestId("lesson-gallery").locator("[data-lesson=capabilities]").click();
  await expect(page.getByTestId("lesson")).toBeVisible();
  expect(await seriousViolations(page, "lesson")).toEqual([]);
});

test("compare view", async ({ page }) => {
  await openApp(page);
  await page.getByTestId("container-node-my-app").locator("header").click();
  await page.getByRole("button", { name: /compare/ }).click();
  await page.getByTestId("fix-restricted-seccompProfile_restricted").click();
  await expect(page.getByTestId("compare")).toContainText("seccompProfile");
  expect(await seriousViolations(page, "compare")).toEqual([]);
});

test("dark theme", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: "Dark theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(await seriousViolations(page, "dark")).toEqual([]);
});

test("presentation mode", async ({ page }) => {
  await openApp(page);
  await page.getByRole("button", { name: /present/ }).click();
  await expect(page.getByTestId("presentation")).toBeVisible();
  expect(await seriousViolations(page, "presentation")).toEqual([]);
});
