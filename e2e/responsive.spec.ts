// The page never freezes on what it is given (issue 16 item 2): a 7 KB share link that expands into
// a huge analysis, and an analysis that overruns. Main-thread blocking is read from the Long Tasks API. Bounds have margins for a shared
// 2-core CI machine; `npm run bench` has the exact figures.
import { expect, test, type Page } from "@playwright/test";
import LZString from "lz-string";
import { manyContainersPod, shareState } from "../bench/hostile";
import { DISPLAY_LIMITS } from "../src/ui/displayCap";

const link = `#s=${LZString.compressToEncodedURIComponent(JSON.stringify(shareState(manyContainersPod(1000, 20_000))))}`;

/** Records every long task (over 50 ms) from the page's start. Plain text: the page's CSP allows no eval. */
const LONG_TASKS = `
  window.__long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: "longtask", buffered: true });
`;

/** Monaco is up (a busy 2-core machine can take longer than the default 15 s). */
const waitForEditor = (page: Page) => expect(page.locator(".editor[data-status=ready] .monaco-editor")).toBeVisible({ timeout: 60_000 });

const longTasks = (page: Page, since = 0) =>
  page.evaluate((t) => (window as unknown as { __long: { start: number; duration: number }[] }).__long.filter((e) => e.start + e.duration >= t).map((e) => Math.round(e.duration)), since);

/** Opens a share link on a fresh page; the longest main-thread task from the analysis' arrival to the graph drawn. */
async function openLink(page: Page, text: string): Promise<number> {
  await page.addInitScript({ content: LONG_TASKS });
  await page.goto(`/#s=${LZString.compressToEncodedURIComponent(JSON.stringify(shareState(text)))}`);
  await waitForEditor(page);
  await expect(page.getByTestId("container-node-c0")).toBeVisible({ timeout: 60_000 });
  await page.waitForTimeout(1000);
  const since = await page.evaluate(() => performance.getEntriesByName("scp:analysed")[0].startTime);
  return Math.max(0, ...(await longTasks(page, since)));
}

test("the 7 KB share link (1,000 containers × 20,000 supplementalGroups) opens without freezing the page", async ({ page, browser }) => {
  test.setTimeout(180_000);
  expect(link.length).toBeLessThan(8_000);
  // The same drawing work without the hostile part: a plain pod with as many containers as are shown.
  const control = await browser.newPage();
  const plain = await openLink(control, manyContainersPod(DISPLAY_LIMITS.containers));
  await control.close();
  const hostile = await openLink(page, manyContainersPod(1000, 20_000));
  const notice = page.getByTestId("display-capped");
  await expect(notice).toContainText(`Showing the first ${DISPLAY_LIMITS.containers} of 1,000 containers`);
  await expect(notice).toContainText("the longest has 20,000");
  // The inherited groups are shown cut, with what was left out.
  await expect(page.getByTestId("container-node-c0")).toContainText("more");
  test.info().annotations.push({ type: "longest task from the analysis' arrival (ms)", description: `hostile link ${hostile}, plain pod ${plain}` });
  // The goal is 200 ms. Measured by CPU time (a Chromium trace), the longest task after the
  // analysis arrives is now 60-80 ms (it was 160-180); by wall time on a shared 2-core machine under
  // load (average 9-13) this test saw 311-760 ms (the plain pod: 149-570). The bound is what holds
  // there with margin, and still catches the old behaviour (0.4-2.2 s under the same load; 11.7 s
  // freeze before the display cap).
  expect(hostile).toBeLessThan(Math.max(1_200, 2 * plain + 150));

  // "show all containers" brings all 1,000 (lists stay cut), and the page still answers.
  await notice.getByRole("button", { name: "show all containers" }).click();
  await expect(notice).toContainText("Showing every container", { timeout: 60_000 });
  await expect(page.locator(".graph-note")).toContainText("1000 containers");
});

test("the watchdog stops an overrunning analysis, restarts the worker, says so, and does not retry until asked", async ({ page }) => {
  test.setTimeout(120_000);
  // A 50 ms allowance (instead of 2 s) makes the link's analysis overrun on any machine.
  await page.goto(`/?analysis-limit-ms=50${link}`);
  await waitForEditor(page);
  const stopped = page.getByTestId("analysis-stopped");
  await expect(stopped).toContainText("was stopped", { timeout: 30_000 });
  await expect(page.getByTestId("container-node-c0")).toHaveCount(0);
  // Stopped once, and not tried again on its own.
  await page.waitForTimeout(1500);
  expect(await page.evaluate(() => performance.getEntriesByName("scp:watchdog").length)).toBe(1);
  expect(await page.evaluate(() => performance.getEntriesByName("scp:analysed").length)).toBe(0);
  // The page still answers: the editor takes typing.
  await page.locator(".monaco-editor textarea").first().focus();
  // Analyse anyway: no limit this time, and the graph appears.
  await stopped.getByRole("button", { name: "analyse anyway" }).click();
  await expect(page.getByTestId("container-node-c0")).toBeVisible({ timeout: 60_000 });
  await expect(stopped).toHaveCount(0);
  expect(await page.evaluate(() => performance.getEntriesByName("scp:watchdog").length)).toBe(1);
});

/** A key may land in the one task that draws the new graph (mounting it): that is the worst case allowed. */
const KEY_BOUND_MS = 1_000;

/** Stamps every keydown, and on every frame records when the editor first shows each expected text. */
const TYPING = `
  window.__keys = [];
  window.__shown = {};
  addEventListener("keydown", (e) => window.__keys.push(e.timeStamp), true);
  const tick = () => {
    const want = window.__want;
    if (want && window.__shown[want] === undefined) {
      const t = document.querySelector(".monaco-editor .view-lines")?.textContent ?? "";
      if (t.replace(/\\s/g, "").includes(want)) window.__shown[want] = performance.now();
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
`;

// Issue 16's done-when. What it took: the autosave of a big text waits for a pause in typing and
// writes nothing twice; keys typed into the text in flight do not end its analysis; the page
// receives no actions; a big text asks the YAML worker nothing as you type; and a big analysis is
// applied when the user pauses at the keyboard (400 ms without a key down, at most 3 s later): a
// graph of 3,000 containers takes 2–4 tasks of 60–155 ms to draw, and keys typed then waited. Before
// keys that change no text (the Ctrl+End after the paste) counted, 4 of 9 runs passed at load 6–10.
test("typing stays visible within a frame or so while a 3,000-container paste is analysed and drawn", async ({ page, context }) => {
  test.setTimeout(180_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.addInitScript({ content: LONG_TASKS });
  await page.addInitScript({ content: TYPING });
  await page.goto("/");
  await waitForEditor(page);
  await page.evaluate((t) => navigator.clipboard.writeText(t), manyContainersPod(3000));
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.waitForTimeout(300);
  await page.keyboard.press("ControlOrMeta+v");
  // A big paste lands a moment later (largePaste.ts builds its model in slices): Ctrl+End after it.
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("name: c2", { timeout: 30_000 });
  await page.keyboard.press("ControlOrMeta+End");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("c2999", { timeout: 30_000 });
  // The pasted text ends with "image: nginx": type a comment after it, key by key, as a person would,
  // through the analysis' arrival and the drawing of the graph.
  await page.keyboard.press("ControlOrMeta+End");
  const latencies: number[] = [];
  await page.keyboard.press("Enter");
  const drawn = page.getByTestId("container-node-c0");
  let typed = "";
  for (let i = 0; i < 60 && (i < 6 || !(await drawn.isVisible())); i++) {
    const key = i === 0 ? "#" : "abcdefghij"[i % 10];
    typed += key;
    await page.evaluate((w) => ((window as unknown as { __want: string }).__want = w), typed);
    await page.keyboard.press(key);
    const h = await page.waitForFunction((w) => (window as unknown as { __shown: Record<string, number> }).__shown[w], typed, { timeout: 30_000, polling: 10 });
    const shownAt = (await h.jsonValue()) as number;
    const keyAt = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.at(-1)!);
    latencies.push(shownAt - keyAt);
    await page.waitForTimeout(80); // a quick typist
  }
  await expect(drawn).toBeVisible({ timeout: 60_000 });
  latencies.sort((a, b) => a - b);
  const worst = latencies.at(-1)!;
  const median = latencies[Math.floor(latencies.length / 2)];
  test.info().annotations.push({ type: "key → editor DOM (ms)", description: `median ${Math.round(median)}, worst ${Math.round(worst)} over ${latencies.length} keys: ${latencies.map(Math.round).join(" ")}` });
  expect(latencies.length).toBeGreaterThanOrEqual(6);
  expect(median).toBeLessThan(100);
  expect(worst).toBeLessThan(KEY_BOUND_MS);
});
