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

/**
 * esbuild escapes non-ASCII characters in strings, regular expressions and names, but keeps the
 * comments as written; one arrow in a comment makes V8 hold the whole 470 KB source as a two-byte
 * string and decode it as UTF-8 at every start. In a comment a character can be written as its
 * \u escape without changing any meaning; anywhere else the build stops, as that would be a change.
 */
function asciiOnly(file) {
  const lines = readFileSync(file, "utf8").split("\n");
  for (const [i, line] of lines.entries()) {
    if (!/[^\x00-\x7f]/.test(line)) continue;
    if (!/^\s*(\/\/|\*|\/\*)/.test(line)) throw new Error(`${file}:${i + 1}: a non-ASCII character outside a comment`);
    lines[i] = line.replace(/[^\x00-\x7f]/gu, (c) => `\\u{${c.codePointAt(0).toString(16)}}`);
  }
  writeFileSync(file, lines.join("\n"));
}

const common = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  target: "node20",
  legalComments: "eof",
  logLevel: "warning",
  // The library stays readable (a user may read what runs on their cluster's dumps); only syntax is
  // compacted. The command is minified, with its source map beside it.
  minifySyntax: true,
};

/**
 * js-yaml builds its schemas (tag tables for load and dump) and its dumper's tables and regular
 * expressions at the top of its module; the command uses only its event parser (core/yaml/parse.ts
 * builds the values), so they were built at every start for nothing. Those top-level values are
 * pure (objects, regular expressions and aliases made from their arguments): each is wrapped in a
 * function called at once and marked pure, so esbuild drops the ones nothing uses and whatever
 * they alone reference. One still used is kept, and is made as before.
 */
const JS_YAML_PURE = [
  // Schemas and tag definitions.
  /^var (\w+) = ((?:new Schema|define(?:Scalar|Sequence|Mapping)Tag|\w+\.withTags)\([\s\S]*?\n[\]}]\));$/gm,
  // Option objects spread from others or holding a call (the load and dump defaults).
  /^var (\w+) = (\{\n(?:\t[^\n]*\n)*?\});$/gm,
  // Regular expressions built from strings (V8 parses each as it is made).
  /^var (\w+) = (new RegExp\([^\n]*\));$/gm,
  // Strings built from others (the dumper's pattern sources).
  /^var (\w+) = (`[^`\n]*`);$/gm,
  // Aliases of constants (EVENT_DOCUMENT = EVENT_ID.DOCUMENT, …).
  /^var (\w+) = ([A-Z][A-Z_]*\.[A-Z][A-Z_]*);$/gm,
];
const jsYamlPure = {
  name: "js-yaml-pure-schemas",
  setup(b) {
    b.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      let n = 0;
      let marked = text;
      for (const re of JS_YAML_PURE)
        marked = marked.replace(re, (_, name, value) => {
          n++;
          return `var ${name} = /* @__PURE__ */ (() => (${value}))();`;
        });
      // A js-yaml that no longer declares them this way is built as it is (only slower to start).
      if (n === 0) console.warn("build-node: js-yaml's schema declarations not found; built unchanged");
      return { contents: marked, loader: "js" };
    });
  },
};

/**
 * The field catalogue's prose (core/catalogue/fieldProse.ts: what each field does, the kernel, the
 * attacker, common mistakes, seed corrections, sources and references) is for the app's hover and
 * panels; the command and the library print none of it, and their modules import only the rules
 * (core/catalogue/fields.ts). Were one of them to import the prose, every start would read, compile
 * and build it again (~35 KB of the bundle and of its code cache): the build stops instead.
 */
function withoutProse(result, what) {
  const prose = Object.keys(result.metafile.inputs).filter((input) => /(^|\/)src\/core\/catalogue\/fieldProse\.ts$/.test(input));
  if (prose.length) throw new Error(`build-node: ${what} bundles ${prose.join(", ")}, the catalogue's prose, which only the app shows: import the rules (fields.ts) instead`);
}

// The command: one CommonJS file loaded by a small launcher through V8's code cache
// (scripts/launcher.cjs says why). import.meta.url becomes the file's own URL.
const command = await build({
  ...common,
  entryPoints: { "secctx-main": "src/cli/main.ts" },
  outdir: out,
  outExtension: { ".js": ".cjs" },
  format: "cjs",
  platform: "node",
  // Every start reads, and V8 takes in, the whole file: minified it is a third smaller (~4 ms of a
  // 40 ms start). The TypeScript it came from is in secctx-main.cjs.map, to read it or to map a trace.
  minify: true,
  sourcemap: "linked",
  plugins: [jsYamlPure],
  metafile: true,
  // Made only when used (the URL costs ~1 ms at every start); SECCTX_BUNDLED drops main.ts's own
  // entry-point check, the launcher runs the command.
  define: { "import.meta.url": "__secctxModule.url", SECCTX_BUNDLED: "true" },
  // The CommonJS wrapper (strict, as the ES module sources are) is in the file itself: the launcher
  // compiles the text as it was read, with no copy of it (scripts/launcher.cjs).
  banner: { js: '(function (exports, require, module, __filename, __dirname) {"use strict";const __secctxModule = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  footer: { js: "})" },
});
withoutProse(command, "the command");
asciiOnly(join(out, "secctx-main.cjs"));
const mainHash = createHash("sha256").update(readFileSync(join(out, "secctx-main.cjs"))).digest("hex").slice(0, 16);
const launcher = readFileSync(join(root, "scripts", "launcher.cjs"), "utf8").replace("__MAIN_HASH__", mainHash);
writeFileSync(join(out, "secctx.cjs"), `#!/usr/bin/env node\n${launcher}`);
chmodSync(join(out, "secctx.cjs"), 0o755);
// The path the docs give (node dist-node/secctx.mjs …): the same launcher, through an ES module.
writeFileSync(join(out, "secctx.mjs"), '#!/usr/bin/env node\nimport { createRequire } from "node:module";\ncreateRequire(import.meta.url)("./secctx.cjs");\n');
chmodSync(join(out, "secctx.mjs"), 0o755);

// The library runs in Node and in browsers alike (src/core uses no Node or DOM API).
const library = await build({
  ...common,
  entryPoints: { core: "src/core/index.ts" },
  outdir: out,
  outExtension: { ".js": ".mjs" },
  platform: "neutral",
  mainFields: ["module", "main"],
  metafile: true,
});
withoutProse(library, "the library");

asciiOnly(join(out, "core.mjs"));

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
