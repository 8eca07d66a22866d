// Nothing the user typed is ever lost: presentation, share links (on load and pasted into an open
// tab), a second tab, a reload right after a keystroke, a storage that refuses to save; and every
// example of the gallery opens.
import { expect, test, type Page } from "@playwright/test";
import LZString from "lz-string";
import { pasteManifest } from "./helpers";
import { manyContainersPod } from "../bench/hostile";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });
// Several pages and reloads per test, on a shared machine: generous limits.
test.describe.configure({ timeout: 180_000 });

/** Waits until Monaco is up (the first load can be slow while other suites run). */
async function waitForEditor(page: Page): Promise<void> {
  await expect(page.locator(".editor[data-status=ready] .monaco-editor")).toBeVisible({ timeout: 60_000 });
}

const pod = (name: string, extra = "") => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: x\n${extra}`;
const link = (text: string) => "/#s=" + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, text, runtime: "containerd", kubernetes: "1.37", seccompDefault: false, imageUsers: {} }));
/** The text the editor shows at its end (Monaco draws only the lines in view). */
async function editorText(page: Page): Promise<string> {
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  return page.evaluate(() => (document.querySelector(".monaco-editor .view-lines") as HTMLElement).innerText.replace(/\u00a0/g, " "));
}

test("present, then Esc: a pasted manifest is still in the editor and the graph", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(page, pod("pasted-before-presenting"));
  await expect(page.getByTestId("pod-node")).toContainText("pasted-before-presenting");
  await page.getByRole("button", { name: /present/ }).click();
  const pres = page.getByTestId("presentation");
  await expect(pres).toBeVisible();
  await page.keyboard.press("PageDown");
  await page.keyboard.press("Escape");
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain("pasted-before-presenting");
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# still mine\n");
  await expect.poll(() => editorText(page)).toContain("pasted-before-presenting");
  await expect(page.getByTestId("pod-node")).toContainText("pasted-before-presenting");
});

test("open a share link, edit, reload: the edit is kept and the link is out of the address bar", async ({ page }) => {
  await page.goto(link(pod("from-a-link")));
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("from-a-link");
  expect(new URL(page.url()).hash).toBe("");
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# my edit after the link\n");
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain("# my edit after the link");
});

test("the share button copies a link and leaves the address bar alone; edits after sharing survive a reload", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(page, pod("shared-one"));
  await page.getByRole("button", { name: "share link", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("Share link copied");
  expect(new URL(page.url()).hash).toBe("");
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# after sharing\n");
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain("# after sharing");
});

test("a link opened in a second tab does not overwrite the first tab's autosave, and offers the previous text back", async ({ context }) => {
  const first = await context.newPage();
  await first.goto("/");
  await waitForEditor(first);
  await pasteManifest(first, pod("my-own-work"));
  await expect(first.getByTestId("pod-node")).toContainText("my-own-work");
  await first.waitForTimeout(600); // the autosave's debounce

  const second = await context.newPage();
  await second.goto(link(pod("a-strangers-pod")));
  await waitForEditor(second);
  await expect(second.getByTestId("pod-node")).toContainText("a-strangers-pod");
  const offer = second.getByTestId("previous-text");
  await expect(offer).toContainText("a shared link");
  await second.waitForTimeout(800);

  // A fresh tab opens the autosave: still the first tab's text.
  const third = await context.newPage();
  await third.goto("/");
  await waitForEditor(third);
  await expect(third.getByTestId("pod-node")).toContainText("my-own-work");
  await third.close();

  await offer.getByRole("button", { name: "restore your previous text" }).click();
  await expect(second.getByTestId("pod-node")).toContainText("my-own-work");
  await expect.poll(() => editorText(second)).toContain("my-own-work");
});

test("a second link pasted into the address bar of an open tab is loaded (hashchange)", async ({ page }) => {
  await page.goto(link(pod("first-link")));
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("first-link");
  await page.evaluate((hash) => (location.hash = hash), link(pod("second-link")).slice(1));
  await expect(page.getByTestId("pod-node")).toContainText("second-link");
  await expect.poll(() => editorText(page)).toContain("second-link");
  expect(new URL(page.url()).hash).toBe("");
  await expect(page.getByTestId("previous-text")).toBeVisible();
});

test("a big link (125 KB of text) pasted into an open tab: shown whole, its problem marked, editable, and the text before it restorable", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toBeVisible();
  // A thousand containers and 20,000 supplementalGroups (the hostile link of issue 16), a typo in the first container.
  const big = manyContainersPod(1000, 20_000).replace("  - name: c0\n    image: nginx\n", "  - name: c0\n    image: nginx\n    imagePullPolcy: Always\n");
  expect(big.length).toBeGreaterThan(100_000);
  await page.evaluate((hash) => (location.hash = hash), link(big).slice(1));
  await expect(page.getByTestId("container-node-c0")).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => editorText(page)).toContain("name: c999");
  // The typo's underline, at the top of the text.
  await page.keyboard.press("ControlOrMeta+Home");
  await expect(page.locator(".monaco-editor [class*=squiggly]").first()).toBeVisible();
  // Typing edits the link's text (not the text it replaced).
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# mine");
  await expect.poll(() => editorText(page)).toContain("name: c999");
  await expect.poll(() => editorText(page)).toContain("# mine");
  await page.getByTestId("previous-text").getByRole("button", { name: "restore your previous text" }).click();
  await expect.poll(() => editorText(page)).not.toContain("name: c999");
  await expect.poll(() => editorText(page)).toContain("secure-app");
  await expect(page.getByTestId("pod-node")).toContainText("secure-app");
});

test("a reload right after a keystroke keeps it", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# typed just before reload");
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain("# typed just before reload");
});

test("two tabs: the second tab's save is held back and the user chooses", async ({ context }) => {
  const a = await context.newPage();
  await a.goto("/");
  await waitForEditor(a);
  const b = await context.newPage();
  await b.goto("/");
  await waitForEditor(b);
  await a.bringToFront();
  await pasteManifest(a, pod("typed-in-a"));
  await a.waitForTimeout(800);
  await b.bringToFront();
  await pasteManifest(b, pod("typed-in-b"));
  await expect(b.getByTestId("tab-conflict")).toBeVisible({ timeout: 10_000 });
  // A's save still stands; B asks.
  const c = await context.newPage();
  await c.goto("/");
  await waitForEditor(c);
  await expect(c.getByTestId("pod-node")).toContainText("typed-in-a");
  await c.close();
  await b.getByTestId("tab-conflict").getByRole("button", { name: "open the other tab's text" }).click();
  await expect(b.getByTestId("pod-node")).toContainText("typed-in-a");
  await expect(b.getByTestId("previous-text")).toBeVisible();
});

test("a storage that refuses to save says so once, with what to do", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.goto("/");
  await waitForEditor(page);
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("# not saved");
  const warn = page.getByTestId("save-failed");
  await expect(warn).toContainText("could not be saved");
  await expect(warn).toContainText("Export");
  await warn.getByRole("button", { name: "dismiss" }).click();
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type(" still typing");
  await page.waitForTimeout(800);
  await expect(warn).toHaveCount(0);
  await expect.poll(() => editorText(page)).toContain("# not saved still typing");
});

test("every example of the gallery opens, and the select shows which one is loaded", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const select = page.getByLabel("Open an example");
  const ids = await select.locator("option:not([disabled])").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThanOrEqual(12);
  for (const id of ids) {
    await select.selectOption(id);
    await expect(select).toHaveValue(id);
    await expect(page.getByTestId("pod-node"), id).toBeVisible();
    await expect(page.locator("[data-testid^=container-node-]").first(), id).toBeVisible();
  }
  // The text each example replaced is one click away.
  await expect(page.getByTestId("previous-text")).toBeVisible();
});
