import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { createHash } from "node:crypto";

// A Content-Security-Policy that allows only the app's own origin: scripts, workers and connections
// from 'self'; inline styles are needed by Monaco and React Flow; images from data:/blob: are the
// graph export and Monaco's icons. Added to the built page only (the dev server injects inline scripts).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

function contentSecurityPolicy(): Plugin {
  return {
    name: "scp-csp",
    apply: "build",
    transformIndexHtml: (html) => html.replace("<head>", `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`),
  };
}

// The editor is a dynamic import (first paint and the graph do not wait for it), but its download
// should start with the page, not after the first render: preload its chunk from the HTML.
function preloadEditor(): Plugin {
  return {
    name: "scp-preload-editor",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, ctx) {
        const files = Object.keys(ctx.bundle ?? {}).filter((f) => /assets\/monacoSetup-[\w-]+\.(js|css)$/.test(f));
        const links = files.map((f) => (f.endsWith(".js") ? `<link rel="modulepreload" href="./${f}" />` : `<link rel="preload" as="style" href="./${f}" />`));
        return html.replace("</head>", `    ${links.join("\n    ")}\n  </head>`);
      },
    },
  };
}

// A service worker that keeps every built file, so the playground works offline once loaded (an
// air-gapped training room). Its cache is named after the build, and old caches are dropped.
function offlineServiceWorker(): Plugin {
  return {
    name: "scp-offline-sw",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => f !== "sw.js");
      const version = createHash("sha256").update(files.sort().join("\n")).digest("hex").slice(0, 12);
      const source = `// Generated at build time: precaches the app's files (same origin only).
const CACHE = "scp-${version}";
const FILES = ${JSON.stringify(["./", ...files])};
self.addEventListener("install", (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener("activate", (e) => {
  e.waitUntil(caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("scp-") && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()));
});
self.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  if (req.mode === "navigate") {
    // The page itself: the network first (a new deployment is picked up), the cache when offline.
    e.respondWith(fetch(req).catch(() => caches.match("./", { ignoreSearch: true, ignoreVary: true })));
    return;
  }
  // Built files have content hashes in their names: the cache first.
  e.respondWith(caches.match(req, { ignoreSearch: true, ignoreVary: true }).then((hit) => hit || fetch(req)));
});
`;
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

// base "./": the built app works from any sub-path (and from a plain file server).
export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy(), preloadEditor(), offlineServiceWorker()],
  worker: { format: "es" },
  optimizeDeps: { include: ["monaco-yaml/yaml.worker.js"] },
  build: {
    chunkSizeWarningLimit: 5000,
  },
});
