import { expect, test } from "@playwright/test";
import { fieldRow, guardRequests, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the seed's NET_BIND_SERVICE: in the bounding set only, for a non-root user", async ({ page, context }) => {
  const blocked = await guardRequests(context);
  await page.goto("/");
  await waitForEditor(page);
  await page.getByLabel("Open an example").selectOption("hardened-app");
  await expect(page.getByTestId("pod-node")).toContainText("Pod app");
  await page.getByTestId("container-node-app").locator("header").click();
  const proc = page.getByTestId("proc-status");
  await expect(proc).toContainText("Uid:\t1000");
  await expect(proc.locator("[data-cap=CapBnd]")).toContainText("0000000000000400");
  await expect(proc.locator("[data-cap=CapEff]")).toContainText("0000000000000000");
  await proc.locator("[data-cap=CapBnd]").click();
  await expect(page.getByTestId("cap-names-CapBnd")).toContainText("CAP_NET_BIND_SERVICE");
  await expect(proc).toContainText("NoNewPrivs:\t1");
  await page.screenshot({ path: "e2e/screenshots/kernel-view.png" });
  expect(blocked).toEqual([]);
});

test("runAsNonRoot with a root image: the pod status the user would see, and the image user setting", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(page, "apiVersion: v1\nkind: Pod\nmetadata: {name: nr}\nspec:\n  securityContext: {runAsNonRoot: true}\n  containers:\n  - name: app\n    image: nginx\n");
  await expect(page.getByTestId("container-node-app")).toBeVisible();
  await page.getByTestId("container-node-app").locator("header").click();
  const status = page.getByTestId("startup-status");
  await expect(status).toContainText("CreateContainerConfigError");
  await expect(status).toContainText("container has runAsNonRoot and image will run as root");
  await page.getByLabel("Image user of container app").fill("101");
  await expect(status).toContainText("Running");
  await expect(fieldRow(page, "app", "runAsUser")).toHaveAttribute("data-source", "image");
  await expect(fieldRow(page, "app", "runAsUser").locator(".field-value")).toHaveText("101");
});

test("the golden standard fails restricted only for seccomp, and one click fixes it", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await page.getByTestId("container-node-my-app").locator("header").click();
  const pss = page.getByTestId("pss-section");
  await expect(pss.locator("[data-level=baseline]")).toHaveAttribute("data-allowed", "true");
  await expect(pss.locator("[data-level=restricted]")).toHaveAttribute("data-allowed", "false");
  await expect(pss.locator("[data-level=restricted] li")).toHaveCount(1);
  await expect(pss.locator("[data-level=restricted] li")).toHaveAttribute("data-check", "seccompProfile_restricted");
  const badge = page.getByTestId("container-node-my-app").getByTestId("container-pss");
  await expect(badge).toHaveText("✓ baseline ✗ restricted");
  await page.getByTestId("fix-restricted-seccompProfile_restricted").click();
  await expect(pss.locator("[data-level=restricted]")).toHaveAttribute("data-allowed", "true");
  await expect(badge).toHaveText("✓ restricted");
  await expect(fieldRow(page, "my-app", "seccompProfile")).toHaveAttribute("data-source", "pod");
  await expect(fieldRow(page, "my-app", "seccompProfile").locator(".field-value")).toHaveText("RuntimeDefault");
  const editorText = await page.evaluate(() => (document.querySelector(".monaco-editor .view-lines") as HTMLElement).innerText.replace(/\u00a0/g, " "));
  expect(editorText).toContain("seccompProfile:");
  await page.screenshot({ path: "e2e/screenshots/pss-fixed.png" });
  // One undo brings the manifest back.
  await page.locator(".monaco-editor textarea").first().focus();
  await page.keyboard.press("ControlOrMeta+z");
  await expect(pss.locator("[data-level=restricted]")).toHaveAttribute("data-allowed", "false");

  // The same fix as an editor quick fix (Ctrl+.) on the workload's text.
  await page.keyboard.press("ControlOrMeta+Home");
  await page.keyboard.press("ControlOrMeta+.");
  await expect(page.getByRole("option", { name: /Pod Security \(restricted\): Set seccompProfile/ })).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(pss.locator("[data-level=restricted]")).toHaveAttribute("data-allowed", "true");
});
