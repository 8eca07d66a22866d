// What a user installs: the package as `npm pack` makes it (prepack builds dist-node/), installed
// with production dependencies only, run through its bins, through npx, and imported as a library
// from Node, from a bundler and from TypeScript. Only the comparison of the built command with the
// sources (the command's build leaves parts out, build-node.mjs) also runs the sources.

import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./runInProcess";

const ROOT = join(import.meta.dirname, "..", "..");
const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext: {runAsUser: 1000}\n";
const NAME = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).name as string;

let dir: string;
let tarball: string;
let app: string;

/** npm without the user's cache or registry: everything comes from the tarball (no dependencies). */
const npmEnv = () => ({ ...process.env, npm_config_cache: join(dir, "npm-cache"), npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" });

function run(cmd: string, args: string[], cwd: string, input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd, input, encoding: "utf8", env: { ...npmEnv(), XDG_CACHE_HOME: join(dir, "xdg-cache"), ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scp-pack-"));
  const out = execFileSync(NPM, ["pack", "--json", "--pack-destination", dir], { cwd: ROOT, encoding: "utf8", env: npmEnv(), stdio: ["ignore", "pipe", "pipe"] });
  tarball = join(dir, JSON.parse(out)[0].filename);
  app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
  const r = run(NPM, ["install", "--omit=dev", "--offline", tarball], app);
  if (r.code !== 0) throw new Error(`npm install of the tarball failed: ${r.stderr}`);
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the packed tarball", { timeout: 120_000 }, () => {
  it("holds the built command, the library and the docs, and no sources", () => {
    const pkg = JSON.parse(readFileSync(join(app, "node_modules", NAME, "package.json"), "utf8"));
    expect(pkg.dependencies ?? {}).toEqual({});
    const files = readdirSync(join(app, "node_modules", NAME), { recursive: true }).map(String);
    expect(files).toEqual(expect.arrayContaining(["dist-node/secctx.cjs", "dist-node/secctx.mjs", "dist-node/core.mjs", "dist-node/types/core/index.d.ts", "docs/analysis.md", "docs/analysis.schema.json"].map((f) => f.replaceAll("/", join("a", "b")[1]))));
    expect(files.filter((f) => f.startsWith("src") || f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    // ASCII only, so V8 holds each bundle as a one-byte string read without decoding (build-node.mjs).
    for (const f of ["secctx-main.cjs", "core.mjs"]) expect(readFileSync(join(app, "node_modules", NAME, "dist-node", f)).every((b) => b < 0x80), f).toBe(true);
    // Production dependencies only: nothing but the package itself was installed.
    expect(readdirSync(join(app, "node_modules")).filter((f) => !f.startsWith("."))).toEqual([NAME]);
  });

  it.each(["secctx", "kubectl-secctx"])("the %s bin analyses standard input (node <bin> analyze -)", (bin) => {
    const r = run(join(app, "node_modules", ".bin", bin), ["analyze", "-", "--json"], app, POD);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.workloads[0].containers[0].effective.runAsUser).toMatchObject({ value: 1000, source: "container" });
  });

  it("keeps V8's code cache in the user's cache directory, and ignores a broken or stale one", () => {
    const cacheHome = join(dir, "code-cache");
    const bin = join(app, "node_modules", ".bin", "secctx");
    const once = () => run(bin, ["analyze", "-", "--json"], app, POD, { XDG_CACHE_HOME: cacheHome });
    const first = once();
    expect(first.code).toBe(0);
    const cacheDir = join(cacheHome, "secctx");
    const files = readdirSync(cacheDir);
    // One file, named for the bundle's content, the Node version and the architecture.
    expect(files).toEqual([expect.stringMatching(new RegExp(`^[0-9a-f]{16}-${process.version.replace(/\./g, "\\.")}-${process.arch}\\.v8cache$`))]);
    const file = join(cacheDir, files[0]);
    const written = readFileSync(file);
    expect(written.length).toBeGreaterThan(1000);
    expect(once()).toEqual(first);
    // Read, not rewritten, while it is good.
    expect(readFileSync(file).equals(written)).toBe(true);
    writeFileSync(file, "not a V8 code cache");
    expect(once()).toEqual(first);
    expect(readFileSync(file).length).toBeGreaterThan(1000);
    // Caches left by other builds: gone when a new one is written, if not written for 30 days.
    const stale = join(cacheDir, "0123456789abcdef-v18.0.0-x64.v8cache");
    const recent = join(cacheDir, "fedcba9876543210-v18.0.0-x64.v8cache");
    const unrelated = join(cacheDir, "notes.txt");
    for (const f of [stale, recent, unrelated]) writeFileSync(f, "x");
    const monthAgo = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    for (const f of [stale, unrelated]) utimesSync(f, monthAgo, monthAgo);
    // A good cache is only read: nothing else happens.
    expect(once()).toEqual(first);
    expect(readdirSync(cacheDir).length).toBe(4);
    rmSync(join(cacheDir, files[0]));
    expect(once()).toEqual(first);
    expect(readdirSync(cacheDir).sort()).toEqual([files[0], "fedcba9876543210-v18.0.0-x64.v8cache", "notes.txt"].sort());
    // Turned off: nothing written.
    rmSync(cacheDir, { recursive: true });
    expect(run(bin, ["analyze", "-", "--json"], app, POD, { XDG_CACHE_HOME: cacheHome, SECCTX_NO_CACHE: "1" })).toEqual(first);
    expect(readdirSync(cacheHome)).toEqual([]);
    // A relative cache home or HOME never puts a cache in the directory the command runs in.
    const cwd = mkdtempSync(join(dir, "cwd-"));
    expect(run(bin, ["analyze", "-", "--json"], cwd, POD, { XDG_CACHE_HOME: "rel", HOME: "" })).toEqual(first);
    expect(readdirSync(cwd)).toEqual([]);
    // A directory where the cache file goes: the command runs, and leaves no temporary file behind.
    mkdirSync(join(cacheDir, files[0]), { recursive: true });
    expect(once()).toEqual(first);
    expect(readdirSync(cacheDir)).toEqual([files[0]]);
    // A cache directory that cannot be written (a file in its place): the command runs all the same.
    rmSync(cacheDir, { recursive: true });
    writeFileSync(join(cacheHome, "secctx"), "");
    expect(once()).toEqual(first);
  });

  // The command's build drops what it does not print (js-yaml's schemas; the catalogue's prose is
  // never bundled, build-node.mjs): the built command must print what the sources print, byte for
  // byte, in every format.
  const EXAMPLES = join(ROOT, "src", "core", "examples");
  it.each(readdirSync(EXAMPLES).filter((f) => f.endsWith(".yaml")))("the built command prints what the sources print for %s", async (file) => {
    const path = join(EXAMPLES, file);
    for (const format of [["--json"], [], ["--sarif"], ["--json=summary"], ["--markdown"]]) {
      const argv = ["analyze", path, ...format];
      const built = run(process.execPath, [join(app, "node_modules", NAME, "dist-node", "secctx.cjs"), ...argv], app);
      const sources = await runInProcess(argv);
      expect({ ...built, format }).toEqual({ ...sources, format });
    }
  });

  it("runs through npx from the tarball", () => {
    const r = run("npx", ["--yes", "--offline", "--package", tarball, "secctx", "analyze", "-", "--json=summary"], app, POD);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).workloads[0].containers[0].set).toEqual({ runAsUser: 1000 });
  });

  it("bad usage still exits 2 with a message, no stack trace", () => {
    const r = run(process.execPath, [join(app, "node_modules", NAME, "dist-node", "secctx.mjs"), "analyze"], app);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: analyze needs a file/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe(`the library (${NAME}/core)`, { timeout: 120_000 }, () => {
  const main = `import { analyze, EFFECTIVE_FIELDS } from "${NAME}/core";
const a = analyze(${JSON.stringify(POD)}, { runtime: "cri-o" });
const c = a.workloads[0].containers[0];
const uid: number | string | undefined = c.process?.uid;
console.log(JSON.stringify({ runtime: a.runtime, fields: EFFECTIVE_FIELDS.length, uid }));
`;

  it("imports from Node", () => {
    writeFileSync(join(app, "main.mjs"), main.replace(": number | string | undefined", ""));
    const r = run(process.execPath, ["main.mjs"], app);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({ runtime: "cri-o", fields: 18, uid: 1000 });
  });

  it("bundles for a browser (no Node built-ins) and the bundle runs", async () => {
    writeFileSync(join(app, "main.ts"), main);
    const { build } = await import("esbuild");
    const result = await build({ entryPoints: [join(app, "main.ts")], absWorkingDir: app, bundle: true, platform: "browser", format: "esm", write: false, logLevel: "silent" });
    const code = result.outputFiles[0].text;
    expect(code).not.toMatch(/from "node:|require\("node:/);
    writeFileSync(join(app, "bundled.mjs"), code);
    const r = run(process.execPath, ["bundled.mjs"], app);
    expect(JSON.parse(r.stdout)).toMatchObject({ runtime: "cri-o", uid: 1000 });
  }, 60_000);

  it.each(["bundler", "nodenext"])("type-checks in a strict TypeScript project (moduleResolution %s)", (resolution) => {
    writeFileSync(join(app, "main.ts"), `${main}const wrong: string = a.workloads.length;\n`);
    writeFileSync(
      join(app, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: "ES2022", module: resolution === "bundler" ? "ESNext" : "NodeNext", moduleResolution: resolution, types: [], lib: ["ES2023", "DOM"] }, files: ["main.ts"] }),
    );
    const r = run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], app);
    // The one error is the deliberate one: the library's types reached the checker.
    expect(r.stdout.trim().split("\n")).toEqual([expect.stringMatching(/main\.ts\(\d+,\d+\): error TS2322: Type 'number' is not assignable to type 'string'\./)]);
  }, 60_000);
});
