// The `secctx` bin (dist-node/secctx.cjs; dist-node/secctx.mjs requires it): loads the command (secctx-main.cjs, one CommonJS file)
// through V8's code cache. Compiling the 460 KB bundle and the functions a run touches was ~40 ms
// of every start (Node 20 has no compile cache for ES modules; node:vm has one for scripts).
//
// The cache lives in the user's own cache directory ($XDG_CACHE_HOME or ~/.cache, secctx/), one
// file per bundle content (its hash is written in here at build time), Node version and
// architecture: V8 itself checks only the source's length, so a stale cache must never match. It
// is written once, after the first run (so it holds the functions that run compiled), atomically;
// when it cannot be read or written the command runs as it would without it. SECCTX_NO_CACHE=1
// turns it off.

// CommonJS itself: an ES module entry costs Node's module loader ~10–25 ms more at every start.
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { homedir } = require("node:os");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const MAIN_HASH = "__MAIN_HASH__";
const filename = join(__dirname, "secctx-main.cjs");
const source = readFileSync(filename, "utf8");

let cacheFile;
if (!process.env.SECCTX_NO_CACHE) {
  try {
    const base = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
    cacheFile = join(base, "secctx", `${MAIN_HASH}-${process.version}-${process.arch}.v8cache`);
  } catch {
    cacheFile = undefined;
  }
}
let cachedData;
if (cacheFile) {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
}

// The CommonJS wrapper, strict as the ES module sources are.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {"use strict";${source}\n})`, { filename, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  process.once("exit", () => {
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, cacheFile);
    } catch {
      // a read-only home or a full disk: the next run compiles again
    }
  });
}
const main = { exports: {} };
script.runInThisContext()(main.exports, createRequire(filename), main, filename, dirname(filename));
main.exports.runAsProgram(process.argv.slice(2));
