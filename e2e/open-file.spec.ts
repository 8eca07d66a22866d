import { expect, test, type Page } from "@playwright/test";
import { podDump } from "../bench/generate";
import { waitForEditor } from "./helpers";

/** Drops a file on the editor as a person dragging it from their file manager would (one drag, one drop). */
async function dropFile(page: Page, name: string, text: string) {
  await page.evaluate(
    ([n, t]) => {
      const target = document.querySelector("[data-testid=monaco-host] .view-lines")!;
      const dt = new DataTransfer();
      dt.items.add(new File([t], n, { type: "application/yaml" }));
      target.dispatchEvent(new DragEvent("dragenter", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    [name, text] as const,
  );
}

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: from-a-file}\nspec:\n  containers:\n  - name: web\n    image: nginx\n    securityContext:\n      privileged: true\n";

test("a YAML file dropped on the editor replaces the text, is analysed, and Ctrl+Z brings the text before it back", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toBeVisible({ timeout: 30_000 });
  const before = await page.getByTestId("pod-node").getAttribute("aria-label");
  await dropFile(page, "pod.yaml", POD);
  await expect(page.getByTestId("pod-node")).toContainText("from-a-file");
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("privileged: true");
  // The drop is an edit like any other: one Ctrl+Z and the example is back.
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("pod-node")).toHaveAttribute("aria-label", before!);
});

test("a whole-cluster dump opened from disk (the footer's Open a file): loaded whole, listed, editable, and Ctrl+Z brings the text before it back", async ({ page }) => {
  test.setTimeout(150_000);
  await page.goto("/");
  await waitForEditor(page);
  await expect(page.getByTestId("pod-node")).toBeVisible({ timeout: 30_000 });
  const before = await page.getByTestId("pod-node").getAttribute("aria-label");
  const dump = podDump(400); // ≈1.6 MB: the huge paste's path (a fresh model built in slices)
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("tab-hint").getByRole("button", { name: "Open a file" }).click();
  await (await chooser).setFiles({ name: "pods.yaml", mimeType: "application/yaml", buffer: Buffer.from(dump) });
  await expect(page.getByTestId("workload-list")).toContainText("400 workloads", { timeout: 90_000 });
  await page.waitForFunction(() => performance.getEntriesByName("scp:paste-loaded").length > 0, null, { timeout: 60_000 });
  await expect(page.locator(".monaco-editor .view-lines")).toContainText("items:"); // opened at its first line
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("pod-node")).toHaveAttribute("aria-label", before!, { timeout: 30_000 });
});

test("the editor's footer offers to open a file", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  const chooser = page.waitForEvent("filechooser");
  await page.getByTestId("tab-hint").getByRole("button", { name: "Open a file" }).click();
  await (await chooser).setFiles({ name: "pod.yaml", mimeType: "application/yaml", buffer: Buffer.from(POD) });
  await expect(page.getByTestId("pod-node")).toContainText("from-a-file");
});
