// npm run cli -- …: the command line from a checkout. Runs the same bundle users install, rebuilt
// (esbuild, ~0.1 s) only when a source file is newer than it, so a fresh clone works after `npm ci`
// and an edit is picked up at once, without compiling TypeScript at every start.

import { existsSync, readdirSync, renameSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(root, "node_modules", ".cache", "secctx", "secctx.mjs");

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && /\.(ts|json|yaml)$/.test(e.name)) t = Math.max(t, statSync(join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return t;
}

const sources = Math.max(newest(join(root, "src", "core")), newest(join(root, "src", "cli")), statSync(join(root, "package-lock.json")).mtimeMs);
if (!existsSync(bundle) || statSync(bundle).mtimeMs < sources) {
  let esbuild;
  try {
    esbuild = await import("esbuild");
  } catch {
    process.stderr.write("error: npm run cli needs the development dependencies (npm ci); the built command is dist-node/secctx.mjs (npm run build:cli)\n");
    process.exit(2);
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: ["src/cli/main.ts"],
    // Written aside, then renamed: two commands started at once never run a half-written file.
    outfile: `${bundle}.${process.pid}.tmp`,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    logLevel: "warning",
  });
  renameSync(`${bundle}.${process.pid}.tmp`, bundle);
}
const { runAsProgram } = await import(pathToFileURL(bundle).href);
runAsProgram(process.argv.slice(2));
