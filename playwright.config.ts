import { defineConfig } from "@playwright/test";
import { existsSync } from "node:fs";

// Debian's Chromium: Playwright cannot download browsers here (see README).
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);
const PORT = Number(process.env.E2E_PORT ?? 4317);

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: {
      executablePath,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync"],
    },
  },
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The same build served under a sub-path, as from a shared training server.
      command: `npx vite preview --host 127.0.0.1 --port ${PORT + 1} --strictPort --base /training/room-4/`,
      url: `http://127.0.0.1:${PORT + 1}/training/room-4/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
