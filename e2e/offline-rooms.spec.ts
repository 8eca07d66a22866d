// Service worker across sub-paths of one origin (issue 16 item 5): two builds at /room-a/ and
// /room-b/ keep their own caches and both work offline side by side; a navigation answered with an
// error status, a captive portal's page or nothing at all (hung network) shows the cached app; an
// open tab hears of a new build and reloads into it.
//
// One origin is the point (Cache Storage is per origin), so this spec serves dist/ itself at both
// paths from one port; each room's sw.js gets its own build id, as two different builds would.

import { expect, test, type Page } from "@playwright/test";
import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
/** Monaco is up; generous, as a service worker may be installing the same files meanwhile. */
const waitForEditor = (page: Page) => expect(page.locator(".editor[data-status=ready] .monaco-editor")).toBeVisible({ timeout: 60_000 });

const DIST = join(import.meta.dirname, "..", "dist");
const PORT = Number(process.env.E2E_PORT ?? 4317) + 2;
const ORIGIN = `http://127.0.0.1:${PORT}`;
const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".ttf": "font/ttf", ".json": "application/json" };

/** What the server does: each room's build id, and how navigations are answered. */
const state = { build: { "room-a": "a1", "room-b": "b1" } as Record<string, string>, navigation: "ok" as "ok" | "503" | "portal" | "redirect" | "hang" };
let server: Server;
// Several page loads with a service worker installing each time: slow on a busy 2-core machine.
test.describe.configure({ timeout: 240_000 });
const hung: (() => void)[] = [];

test.beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", ORIGIN);
    const m = /^\/(room-[ab])\/(.*)$/.exec(url.pathname);
    if (!m) return void res.writeHead(404).end();
    const [, room, rest] = m;
    const file = rest === "" ? "index.html" : normalize(rest).replace(/^(\.\.[/\\])+/, "");
    const isPage = file === "index.html";
    if (isPage && state.navigation !== "ok") {
      if (state.navigation === "503") return void res.writeHead(503, { "content-type": "text/html" }).end("<h1>Service Unavailable</h1>");
      if (state.navigation === "portal") return void res.writeHead(200, { "content-type": "text/html" }).end("<title>Log in to the Wi-Fi</title><form>portal</form>");
      if (state.navigation === "redirect") return void res.writeHead(302, { location: `http://localhost:${PORT}/portal` }).end();
      if (state.navigation === "hang") return void hung.push(() => res.destroy());
    }
    try {
      let body: Buffer | string = await readFile(join(DIST, file));
      // Each room's build id, as if two different builds were deployed there.
      if (file === "sw.js") body = body.toString().replace(/cacheName\(scope, "([0-9a-f]+)"\)/, (_, v) => `cacheName(scope, "${v}-${state.build[room]}")`);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});

test.afterAll(async () => {
  for (const h of hung) h();
  await new Promise((resolve) => server.close(resolve));
});

/** Opens a room and waits until its service worker controls the page. */
async function openRoom(page: Page, room: string): Promise<void> {
  await page.goto(`${ORIGIN}/${room}/`);
  await waitForEditor(page);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
  await expect(page.getByTestId("pod-node")).toContainText("secure-app");
}

const cacheKeys = (page: Page) => page.evaluate(() => caches.keys());

test("two builds at /room-a/ and /room-b/ keep their caches and work offline side by side", async ({ context }) => {
  const a = await context.newPage();
  await openRoom(a, "room-a");
  const b = await context.newPage();
  await openRoom(b, "room-b");
  const keys = await cacheKeys(b);
  expect(keys.filter((k) => k.startsWith(`scp@${ORIGIN}/room-a/#`))).toHaveLength(1);
  expect(keys.filter((k) => k.startsWith(`scp@${ORIGIN}/room-b/#`))).toHaveLength(1);

  await context.setOffline(true);
  for (const [page, room] of [[a, "room-a"], [b, "room-b"]] as const) {
    await page.goto(`${ORIGIN}/${room}/`);
    await waitForEditor(page);
    await expect(page.getByTestId("pod-node")).toContainText("secure-app");
  }
  await context.setOffline(false);
});

test("an error status, a captive portal or a hung network shows the cached app", async ({ page }) => {
  await openRoom(page, "room-a");
  for (const mode of ["503", "portal", "redirect", "hang"] as const) {
    state.navigation = mode;
    const t0 = Date.now();
    await page.goto(`${ORIGIN}/room-a/`);
    await waitForEditor(page);
    await expect(page.getByTestId("pod-node"), mode).toContainText("secure-app");
    // A hung network is given up after 3 s, not the browser's minutes.
    if (mode === "hang") expect(Date.now() - t0).toBeLessThan(20_000);
  }
  state.navigation = "ok";
});

test("an open tab hears of a new build and reloads into it; the other room's cache stays", async ({ context }) => {
  const a = await context.newPage();
  await openRoom(a, "room-a");
  const b = await context.newPage();
  await openRoom(b, "room-b");
  const before = await cacheKeys(a);
  await expect(a.getByTestId("update-notice")).toHaveCount(0);

  state.build["room-a"] = "a2"; // a new build is deployed at /room-a/
  await a.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.update()));
  await a.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!r?.waiting), undefined, { timeout: 60_000 });
  await expect(a.getByTestId("update-notice")).toContainText("A new version of the playground is ready");
  const reloaded = a.waitForEvent("load");
  await a.getByTestId("update-notice").getByRole("button", { name: "Reload" }).click();
  await reloaded;
  await waitForEditor(a);
  await expect(a.getByTestId("update-notice")).toHaveCount(0);

  const after = await cacheKeys(a);
  const roomA = (ks: string[]) => ks.filter((k) => k.startsWith(`scp@${ORIGIN}/room-a/#`));
  expect(roomA(after)).toHaveLength(1);
  expect(roomA(after)[0]).toMatch(/-a2$/);
  expect(roomA(before)[0]).toMatch(/-a1$/);
  // room-b's cache is untouched, and room-b still works offline.
  expect(after.filter((k) => k.startsWith(`scp@${ORIGIN}/room-b/#`))).toEqual(before.filter((k) => k.startsWith(`scp@${ORIGIN}/room-b/#`)));
  await context.setOffline(true);
  await b.reload();
  await waitForEditor(b);
  await expect(b.getByTestId("pod-node")).toContainText("secure-app");
  await context.setOffline(false);
});
