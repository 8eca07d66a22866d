import { expect, type BrowserContext, type Page } from "@playwright/test";

/** Blocks and records every request that would leave the app's own origin. */
export async function guardRequests(context: BrowserContext): Promise<string[]> {
  const blocked: string[] = [];
  await context.route(
    (url) => url.protocol.startsWith("http") && !["127.0.0.1", "localhost"].includes(url.hostname),
    (route) => {
      blocked.push(route.request().url());
      return route.abort();
    },
  );
  context.on("request", (req) => {
    const u = new URL(req.url());
    if (!["http:", "https:", "data:", "blob:"].includes(u.protocol)) blocked.push(req.url());
  });
  return blocked;
}

/** Waits until Monaco is up (the text area stand-in is gone). */
export async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator(".editor[data-status=ready] .monaco-editor")).toBeVisible();
}

/** Replaces the editor's text as a person would: select all, then paste. */
export async function pasteManifest(page: Page, text: string): Promise<void> {
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press("ControlOrMeta+v");
}

/** The value and source a container node shows for a field. */
export function fieldRow(page: Page, container: string, field: string) {
  return page.getByTestId(`container-node-${container}`).locator(`li[data-field="${field}"]`);
}
