import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// base "./": the built app works from any sub-path (and from a file server in an air-gapped room).
export default defineConfig({
  base: "./",
  plugins: [react()],
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-yaml/yaml.worker.js"] },
  build: {
    chunkSizeWarningLimit: 5000,
  },
});
