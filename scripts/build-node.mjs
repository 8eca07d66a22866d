// npm run build:cli — the Node build: the command line (dist-node/secctx.cjs, the `secctx` and
// `kubectl-secctx` bins, a launcher for dist-node/secctx-main.cjs; dist-node/secctx.mjs runs it too) and the library
// (dist-node/core.mjs + types), each one file with its dependencies bundled, so neither compiles
// TypeScript nor needs node_modules at run time.

import { build } from "esbuild";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist-node");
rmSync(out, { recursive: true, force: true });

const common = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  target: "node20",
  legalComments: "eof",
  logLevel: "warning",
  // Readable output (a user may read what runs on their cluster's dumps); only syntax is compacted.
  minifySyntax: true,
};

// The command: one CommonJS file loaded by a small launcher through V8's code cache
// (scripts/launcher.cjs says why). import.meta.url becomes the file's own URL.
await build({
  ...common,
  entryPoints: { "secctx-main": "src/cli/main.ts" },
  outdir: out,
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  platform: "node",
  define: { "import.meta.url": "__secctxModuleUrl" },
  banner: { js: 'const __secctxModuleUrl = require("node:url").pathToFileURL(__filename).href;' },
});
const mainHash = createHash("sha256").update(readFileSync(join(out, "secctx-main.cjs"))).digest("hex").slice(0, 16);
const launcher = readFileSync(join(root, "scripts", "launcher.cjs"), "utf8").replace("__MAIN_HASH__", mainHash);
writeFileSync(join(out, "secctx.cjs"), `#!/usr/bin/env node\n${launcher}`);
chmodSync(join(out, "secctx.cjs"), 0o755);
// The path the docs give (node dist-node/secctx.mjs …): the same launcher, through an ES module.
writeFileSync(join(out, "secctx.mjs"), '#!/usr/bin/env node\nimport { createRequire } from "node:module";\ncreateRequire(import.meta.url)("./secctx.cjs");\n');
chmodSync(join(out, "secctx.mjs"), 0o755);

// The library runs in Node and in browsers alike (src/core uses no Node or DOM API).
await build({
  ...common,
  entryPoints: { core: "src/core/index.ts" },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  platform: "neutral",
  mainFields: ["module", "main"],
});

// Declarations for the library, emitted by the project's own TypeScript.
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.core.json"], { cwd: root, stdio: "inherit" });

// Keep only the declarations the library's entry reaches: the rest are internal modules.
const typesDir = join(out, "types");
const keep = new Set();
const visit = (file) => {
  if (keep.has(file)) return;
  keep.add(file);
  for (const m of readFileSync(file, "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
    visit(join(dirname(file), m[1].replace(/\.ts$/, "")) + ".d.ts");
  }
};
visit(join(typesDir, "core", "index.d.ts"));
for (const f of readdirSync(typesDir, { recursive: true })) {
  const p = join(typesDir, f);
  if (!p.endsWith(".d.ts")) continue;
  if (!keep.has(p)) rmSync(p);
  // Explicit extensions, as moduleResolution node16/nodenext requires ("./types.js" finds types.d.ts).
  else writeFileSync(p, readFileSync(p, "utf8").replace(/from "(\.{1,2}\/[^"]+?)(?:\.ts)?"/g, 'from "$1.js"'));
}
