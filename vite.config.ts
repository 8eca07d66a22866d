import { existsSync, readdirSync } from "node:fs";
import { defineConfig, type Plugin } from "vite";
import react from "@vitejs/plugin-react";
import { createHash } from "node:crypto";
import { fileURLToPath } from "node:url";
import { build as esbuild } from "esbuild";

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

/**
 * The headers a host should send with every response of the built app (README "Hosting"): the CSP
 * again as a header, where it also covers the workers' scripts and can forbid framing
 * (frame-ancestors is ignored in a <meta> tag), and the usual hardening headers. `vite preview`
 * sends them, so the end-to-end tests run under them.
 */
export const HOST_HEADERS: Record<string, string> = {
  "Content-Security-Policy": `${CSP}; frame-ancestors 'none'`,
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), usb=(), payment=()",
};

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
        const links = files.map((f) => (f.endsWith(".js") ? `<link rel="modulepreload" href="./${f}" />` : `<link rel="preload" as="style" crossorigin href="./${f}" />`));
        return html.replace("</head>", `    ${links.join("\n    ")}\n  </head>`);
      },
    },
  };
}

// A service worker that keeps every built file, so the playground works offline once loaded (an
// air-gapped training room). Its code is src/sw/worker.ts, bundled here with the build's file list;
// its cache is named after its scope and the build (src/sw/policy.ts).
function offlineServiceWorker(): Plugin {
  return {
    name: "scp-offline-sw",
    apply: "build",
    async generateBundle(_options, bundle) {
      // public/ (icon, web manifest) is copied beside the bundle: keep it offline too.
      const publicFiles = existsSync("public") ? readdirSync("public").filter((f) => !f.startsWith(".")) : [];
      const files = [...Object.keys(bundle).filter((f) => f !== "sw.js"), ...publicFiles].sort();
      const compile = (version: string) =>
        esbuild({
          entryPoints: ["src/sw/worker.ts"],
          bundle: true,
          write: false,
          format: "iife",
          target: "es2022",
          logLevel: "warning",
          define: { __SCP_VERSION__: JSON.stringify(version), __SCP_FILES__: JSON.stringify(["./", ...files]) },
        }).then((r) => r.outputFiles[0].text);
      // The build's identity: its files (content-hashed names) and the worker's own code.
      const version = createHash("sha256").update(files.join("\n")).update(await compile("")).digest("hex").slice(0, 12);
      this.emitFile({ type: "asset", fileName: "sw.js", source: `// Generated at build time from src/sw/worker.ts.\n${await compile(version)}` });
    },
  };
}

// base "./": the built app works from any sub-path (and from a plain file server).
export default defineConfig({
  base: "./",
  plugins: [react(), contentSecurityPolicy(), preloadEditor(), offlineServiceWorker()],
  worker: { format: "es" },
  // monaco-yaml's worker bundles prettier for formatting, which the app does not offer: a stub instead.
  resolve: { alias: [{ find: /^prettier\/(standalone|plugins\/yaml|plugins\/estree)$/, replacement: fileURLToPath(new URL("./src/ui/editor/prettierStub.ts", import.meta.url)) }] },
  optimizeDeps: { include: ["monaco-yaml/yaml.worker.js"] },
  build: {
    chunkSizeWarningLimit: 5000,
  },
  preview: { headers: HOST_HEADERS },
});
