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
  // Generous: Monaco is the biggest chunk, and CI machines are shared.
  await expect(page.locator(".editor[data-status=ready] .monaco-editor")).toBeVisible({ timeout: 30_000 });
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

/** The ids of the examples the app offers (one place to change if the examples menu changes). */
export async function exampleIds(page: Page): Promise<string[]> {
  return page.getByLabel("Open an example").locator("option:not([disabled])").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
}

export async function openExample(page: Page, id: string): Promise<void> {
  await page.getByLabel("Open an example").selectOption(id);
}

/** Waits until the graph's viewport has stopped moving (the first fit is done). */
export async function graphSettled(page: Page): Promise<void> {
  let last = "";
  for (let i = 0; i < 40; i++) {
    const now = await page.locator(".react-flow__viewport").evaluate((e) => (e as HTMLElement).style.transform + "|" + document.querySelectorAll(".react-flow__node").length);
    if (now === last && !now.startsWith("translate(0px, 0px) scale(1)")) return;
    last = now;
    await page.waitForTimeout(150);
  }
}

/** In-page: what the graph shows at what size, and every element inside a node whose text is cut. */
export function graphTextReport(): { median: number; count: number; cut: string[] } {
  const sizes: number[] = [];
  const cut: string[] = [];
  const hiddenVisually = (e: Element) => e.closest(".sr-only") !== null;
  for (const el of document.querySelectorAll(".react-flow__node *, .edge-label")) {
    const e = el as HTMLElement;
    if (hiddenVisually(e)) continue;
    const cs = getComputedStyle(e);
    if ([...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim())) {
      const r = e.getBoundingClientRect();
      // On-screen size: the CSS size times the viewport's zoom (rendered height ÷ layout height).
      const zoom = e.offsetHeight ? r.height / e.offsetHeight : 1;
      sizes.push(parseFloat(cs.fontSize) * zoom);
    }
    const clips = cs.overflowX === "hidden" || cs.overflow.includes("hidden") || cs.overflowX === "clip" || cs.textOverflow === "ellipsis";
    if (clips && e.scrollWidth > e.clientWidth + 1) cut.push(`${e.className}: ${e.textContent}`);
    if (e.textContent?.includes("…") && e.children.length === 0 && !/^…/.test(e.textContent)) cut.push(`ellipsis in text: ${e.textContent}`);
  }
  sizes.sort((a, b) => a - b);
  return { median: sizes[Math.floor(sizes.length / 2)] ?? 0, count: sizes.length, cut };
}
