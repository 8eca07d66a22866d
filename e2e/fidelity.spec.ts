import { expect, test } from "@playwright/test";
import { fieldRow, pasteManifest, waitForEditor } from "./helpers";

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("a Windows container shows its user and HostProcess instead of /proc/1/status, and the Windows kubelet's refusal", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(
    page,
    "apiVersion: v1\nkind: Pod\nmetadata: {name: win}\nspec:\n  os: {name: windows}\n  securityContext: {runAsNonRoot: true}\n  containers:\n  - name: app\n    image: servercore\n    securityContext:\n      windowsOptions: {runAsUserName: ContainerAdministrator}\n",
  );
  await expect(page.getByTestId("container-node-app")).toBeVisible();
  await page.getByTestId("container-node-app").locator("header").click();
  await expect(page.getByTestId("proc-status")).toHaveCount(0);
  const win = page.getByTestId("windows-process");
  await expect(win).toContainText("ContainerAdministrator");
  await expect(win).toContainText("the container's windowsOptions");
  const status = page.getByTestId("startup-status");
  await expect(status).toContainText("CreateContainerConfigError");
  await expect(status).toContainText("which will be regarded as root identity and will break non-root policy");
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: "e2e/screenshots/windows-process.png" });
});

test("a field the chosen version does not know runs as the default, and the graph and panel say why", async ({ page }) => {
  await page.goto("/");
  await waitForEditor(page);
  await pasteManifest(
    page,
    "apiVersion: v1\nkind: Pod\nmetadata: {name: g}\nspec:\n  securityContext:\n    supplementalGroupsPolicy: Strict\n  containers:\n  - name: app\n    image: x\n    securityContext:\n      seccompProfile: {type: Localhost, localhostProfile: prof.json}\n",
  );
  await page.getByLabel("Kubernetes version").selectOption("1.30");
  const row = fieldRow(page, "app", "supplementalGroupsPolicy");
  await expect(row.locator(".field-value")).toContainText("Merge");
  await expect(row.getByTestId("dropped-supplementalGroupsPolicy")).toBeVisible();
  await page.getByTestId("container-node-app").locator("header").click();
  await expect(page.getByTestId("dropped-supplementalGroupsPolicy").last()).toContainText("does not know supplementalGroupsPolicy (added in 1.31)");
  const assumptions = page.getByTestId("startup-assumptions");
  await assumptions.locator("summary").click();
  await expect(assumptions).toContainText("seccomp/prof.json");
  await page.screenshot({ path: "e2e/screenshots/dropped-field.png" });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: "e2e/screenshots/dropped-field-1080.png" });
});
