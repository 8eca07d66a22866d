import { expect, test } from "@playwright/test";
import LZString from "lz-string";

const { compressToEncodedURIComponent } = LZString;
import { guardRequests, waitForEditor } from "./helpers";

const hostile = [
  "apiVersion: v1",
  "kind: Pod",
  'metadata: {name: "<img src=x onerror=alert(1)>"}',
  "spec:",
  "  containers:",
  '  - name: "<script>window.__pwned=1</script>"',
  '    image: "javascript:alert(1)"',
  "    securityContext:",
  '      seLinuxOptions: {user: "<b onmouseover=alert(1)>x</b>"}',
  "",
].join("\n");

test("a share link holding hostile text renders inert, with a strict CSP and no request leaving the origin", async ({ page, context }) => {
  const blocked = await guardRequests(context);
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  let dialogs = 0;
  page.on("dialog", (d) => {
    dialogs++;
    return d.dismiss();
  });
  const state = { v: 1, text: hostile, runtime: "containerd", kubernetes: "1.37", seccompDefault: false, imageUsers: { "<script>": "<img src=x onerror=alert(2)>" }, lesson: "<x>" };
  await page.goto(`/#s=${compressToEncodedURIComponent(JSON.stringify(state))}`);
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("<img src=x onerror=alert(1)>");
  await expect(page.getByTestId("container-panel")).toContainText("<script>window.__pwned=1</script>");
  expect(await page.locator("img[src=x]").count()).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await page.mouse.move(700, 400);
  expect(dialogs).toBe(0);
  expect(blocked).toEqual([]);
  expect(violations).toEqual([]);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("connect-src 'self'");
});

test("a damaged or oversized share link says so and keeps the page working", async ({ page }) => {
  await page.goto("/#s=this-is-not-lz-data!!!");
  await waitForEditor(page);
  await expect(page.getByTestId("notice")).toContainText("damaged");
  await expect(page.getByTestId("pod-node")).toContainText("secure-app");

  // Sharing a manifest too large for a link explains instead of producing a broken link.
  const big = "apiVersion: v1\nkind: List\nitems:\n" + Array.from({ length: 3000 }, (_, i) => `- {kind: Pod, metadata: {name: p${i}-${Math.random().toString(36).slice(2)}}, spec: {containers: [{name: c, image: x}]}}\n`).join("");
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.evaluate((t) => navigator.clipboard.writeText(t), big).catch(() => undefined);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.evaluate((t) => navigator.clipboard.writeText(t), big);
  await page.keyboard.press("ControlOrMeta+v");
  await expect(page.getByTestId("workload-list")).toContainText("3000 workloads", { timeout: 30_000 });
  await page.getByRole("button", { name: "share link", exact: true }).click();
  await expect(page.getByTestId("notice")).toContainText("too large for a link");
});

test("works offline once loaded (service worker), and the text survives a reload", async ({ page, context }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+End");
  await page.keyboard.type("\n# kept offline");
  // Autosave is debounced: wait until the draft holds the line (a loaded CI machine can take longer than the debounce).
  await expect
    .poll(() => page.evaluate(() => Object.keys(localStorage).some((k) => (localStorage.getItem(k) ?? "").includes("# kept offline"))), { timeout: 15_000 })
    .toBe(true);
  await context.setOffline(true);
  await page.reload();
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("secure-app");
  // Monaco draws only the lines in view: go to the end, where the line was typed. It scrolls on its
  // next frame, so read until the end is drawn (a single read raced the scroll on a loaded machine
  // and saw the example's first lines).
  await expect
    .poll(async () => {
      await page.locator(".monaco-editor textarea").first().focus();
      await page.keyboard.press("ControlOrMeta+End");
      return page.evaluate(() => (document.querySelector(".monaco-editor .view-lines") as HTMLElement).innerText.replace(/\u00a0/g, " "));
    }, { timeout: 15_000 })
    .toContain("# kept offline");
  await context.setOffline(false);
});

test("the built app works from a sub-path", async ({ page, context }) => {
  const blocked = await guardRequests(context);
  const failed: string[] = [];
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  const port = Number(process.env.E2E_PORT ?? 4317) + 1;
  await page.goto(`http://127.0.0.1:${port}/training/room-4/`);
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toContainText("secure-app");
  await page.getByRole("button", { name: /lessons/ }).click();
  await page.getByTestId("lesson-gallery").locator("[data-lesson=hierarchy]").click();
  await expect(page.getByTestId("container-node-container-2")).toBeVisible();
  expect(failed).toEqual([]);
  expect(blocked).toEqual([]);
});
