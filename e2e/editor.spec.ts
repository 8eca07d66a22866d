import { expect, test } from "@playwright/test";
import { waitForEditor } from "./helpers";

test("hovering a securityContext key shows the catalogue's text; completion offers the fields of that level", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  // Line 16 of the golden standard: "      runAsNonRoot: true" in the container's securityContext.
  const key = page.locator(".monaco-editor .view-line").filter({ hasText: "runAsNonRoot" }).first();
  // The YAML worker starts on first use: hover again until it answers.
  await expect(async () => {
    await page.mouse.move(5, 5);
    await key.locator("span", { hasText: "runAsNonRoot" }).first().hover();
    await expect(page.locator(".monaco-hover").filter({ hasText: "uid 0" }).first()).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 40_000 });

  // Completion under the pod's securityContext offers pod fields (fsGroup) …
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+Home");
  for (let i = 1; i < 10; i++) await page.keyboard.press("ArrowDown"); // line 10: runAsGroup: 3000
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("supplementalGr");
  await page.keyboard.press("ControlOrMeta+Space");
  await expect(page.locator(".suggest-widget")).toContainText("supplementalGroups");
  await page.keyboard.press("Escape");
});
