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
 * The field catalogue's prose (what each field does, the kernel, the attacker, common mistakes,
 * seed corrections, references) is for the app's hover and panels (core/catalogue/schema.ts); the
 * command prints none of it, yet read, compiled and built it at every start (~35 KB of the bundle
 * and of its code cache). In the command's build those properties are left out of the catalogue's
 * entries (the entries' own properties, at four spaces, as the source is formatted). The build
 * stops if the catalogue is no longer written that way, or if a module of the command reads one of
 * them (package.test.ts also compares the built command's outputs with the sources').
 */
const CATALOGUE_PROSE = ["summary", "unset", "kernel", "attacker", "mistakes", "seeds", "references", "upstream", "addedNote", "sources"];
const catalogueForCommand = {
  name: "catalogue-without-prose",
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]core[\\/]catalogue[\\/]fields\.ts$/ }, (args) => {
      const lines = readFileSync(args.path, "utf8").split("\n");
      const kept = [];
      let skipping = false;
      let dropped = 0;
      for (const line of lines) {
        const key = /^    (\w+):/.exec(line)?.[1];
        if (skipping && (key !== undefined || /^  \},?$/.test(line))) skipping = false;
        if (key !== undefined && CATALOGUE_PROSE.includes(key)) {
          skipping = true;
          dropped++;
          continue;
        }
        if (!skipping) kept.push(line);
      }
      if (dropped < 100) throw new Error(`build-node: only ${dropped} prose properties found in ${args.path}: is the catalogue still formatted as this build expects?`);
      // The references (REF) were read only by the entries' `references`: made pure, they go too.
      let text = kept.join("\n");
      const ref = /^export const REF = \{\n([\s\S]*?)\n\} satisfies Record<string, Reference>;$/m;
      if (!ref.test(text)) throw new Error(`build-node: REF not found in ${args.path} as this build expects`);
      text = text.replace(ref, (_, body) => `export const REF = /* @__PURE__ */ (() => ({\n${body}\n}))() satisfies Record<string, Reference>;`);
      return { contents: text, loader: "ts" };
    });
    b.onEnd((result) => {
      for (const input of Object.keys(result.metafile?.inputs ?? {})) {
        if (!/^src\//.test(input) || /catalogue\/fields\.ts$/.test(input)) continue;
        // Without comments and string literals: a read is code.
        const code = readFileSync(join(root, input), "utf8").replace(/\/\/.*|\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "");
        // (A volume's `v.sources`, core/pss, is another property of that name.)
        const read = new RegExp(`(?<!\\bv)\\.(${CATALOGUE_PROSE.join("|")})\\b|\\{[^}]*\\b(${CATALOGUE_PROSE.join("|")})\\b[^}]*\\}\\s*=`).exec(code);
        if (read) throw new Error(`build-node: ${input} reads the catalogue's ${read[1] ?? read[2]}, which the command's build leaves out (CATALOGUE_PROSE)`);
      }
    });
  },
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
  // Every start reads, and V8 takes in, the whole file: minified it is a third smaller (~4 ms of a
  // 40 ms start). The TypeScript it came from is in secctx-main.cjs.map, to read it or to map a trace.
  minify: true,
  sourcemap: "linked",
  plugins: [jsYamlPure, catalogueForCommand],
  metafile: true,
  // Made only when used (the URL costs ~1 ms at every start); SECCTX_BUNDLED drops main.ts's own
  // entry-point check, the launcher runs the command.
  define: { "import.meta.url": "__secctxModule.url", SECCTX_BUNDLED: "true" },
  // The CommonJS wrapper (strict, as the ES module sources are) is in the file itself: the launcher
  // compiles the text as it was read, with no copy of it (scripts/launcher.cjs).
  banner: { js: '(function (exports, require, module, __filename, __dirname) {"use strict";const __secctxModule = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  footer: { js: "})" },
});
asciiOnly(join(out, "secctx-main.cjs"));
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
