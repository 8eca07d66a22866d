import { expect, test } from "@playwright/test";
import { guardRequests, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: nginx\n";

test("What can it do?: a what-if flips a verdict; the runtime line changes the :80 answer; a differing probe is explained", async ({ page, context }) => {
  const blocked = await guardRequests(context);
  await page.goto("/");
  await waitForEditor(page);
  await page.getByLabel("Container runtime").selectOption("containerd@1.7");
  await pasteManifest(page, POD);
  await expect(page.getByTestId("container-node-app")).toBeVisible();
  await page.getByTestId("container-node-app").locator("header").click();
  const view = page.getByTestId("actions-view");
  await expect(view).toBeVisible();
  const raw = view.locator('[data-action="raw-socket"]');
  await expect(raw).toHaveAttribute("data-verdict", "allowed");
  await expect(raw).toContainText("uid 0 holds NET_RAW");
  // What-if: drop NET_RAW through the fix machinery; the manifest changes and the row flips.
  await raw.getByRole("button", { name: /what if: drop NET_RAW/ }).click();
  await expect(view.locator('[data-action="raw-socket"]')).toHaveAttribute("data-verdict", "blocked");
  await expect(page.locator(".monaco-editor")).toContainText("NET_RAW");
  // containerd 1.7 without NET_RAW: no ping; containerd 2.x opens ICMP sockets to every group.
  await expect(view.locator('[data-action="ping"]')).toHaveAttribute("data-verdict", "blocked");
  await page.getByLabel("Container runtime").selectOption("containerd");
  await expect(view.locator('[data-action="ping"]')).toHaveAttribute("data-verdict", "allowed");
  await expect(view.locator('[data-action="ping"]')).toContainText("ping_group_range");
  await page.screenshot({ path: "e2e/screenshots/actions-view.png" });

  // A probe from a node that differs: containerd 1.7-style sysctls and an image user 101.
  await view.getByText("Check against a real node").click();
  await expect(view.getByLabel("Probe script")).toHaveValue(/kubectl exec 'web' -c 'app' -- sh -c/);
  await view.getByLabel("Probe output").fill("container=app\nUid=101\nip_unprivileged_port_start=1024\nping_group_range=1 0\n");
  const diff = page.getByTestId("probe-diff");
  await expect(diff).toContainText("≠ Uid");
  await expect(diff).toContainText("image's USER");
  await expect(diff).toContainText("containerd 1.7");
  await page.setViewportSize({ width: 1280, height: 720 });
  await diff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "e2e/screenshots/actions-probe.png" });
  expect(blocked).toEqual([]);
});
