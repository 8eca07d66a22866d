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
const { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { basename, dirname, isAbsolute, join } = require("node:path");
const { Script } = require("node:vm");

const MAIN_HASH = "__MAIN_HASH__";
const filename = join(__dirname, "secctx-main.cjs");

let cacheFile;
if (!process.env.SECCTX_NO_CACHE) {
  try {
    // $HOME first: node:os is one more module to load at every start.
    // A relative XDG_CACHE_HOME is to be ignored (XDG Base Directory spec); an empty or relative
    // HOME would put the cache in whatever directory the command runs in.
    const xdg = process.env.XDG_CACHE_HOME;
    const base = xdg && isAbsolute(xdg) ? xdg : join(process.env.HOME || require("node:os").homedir(), ".cache");
    if (isAbsolute(base)) cacheFile = join(base, "secctx", `${MAIN_HASH}-${process.version}-${process.arch}.v8cache`);
  } catch {
    cacheFile = undefined;
  }
}
/** An open file's descriptor and size. */
function open(path) {
  const fd = openSync(path, "r");
  try {
    return { fd, size: fstatSync(fd).size };
  } catch (e) {
    closeSync(fd);
    throw e;
  }
}
/** Reads up to `size` bytes of `file` into the start of `buf`; closes it; the bytes read. */
function readInto(file, buf) {
  let n = 0;
  try {
    for (let r; n < file.size && (r = readSync(file.fd, buf, n, file.size - n, n)) > 0; ) n += r;
  } finally {
    closeSync(file.fd);
  }
  return n;
}

// The bundle and its cache are read into one buffer, the bundle first: memory touched for the
// first time is the dearest part of a short run (a page fault each 4 KB, ~15 us apiece on a small
// virtual machine), and the bundle's bytes are not needed once they are a string.
const main = open(filename);
let cache;
if (cacheFile) {
  try {
    cache = open(cacheFile);
  } catch {
    // no cache yet
  }
}
const buf = Buffer.allocUnsafe(Math.max(main.size, cache ? cache.size : 0));
// ASCII only (the build makes sure): read as Latin-1, V8 keeps a one-byte string without decoding.
// The build wrote the CommonJS wrapper into the file, so V8 compiles this string itself, not a copy.
const source = buf.latin1Slice(0, readInto(main, buf));
let cachedData;
if (cache) {
  try {
    cachedData = buf.subarray(0, readInto(cache, buf));
  } catch {
    // unreadable: compiled as if there were none
  }
}

const script = new Script(source, { filename, cachedData });
if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) {
  process.once("exit", () => {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
      writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      renameSync(tmp, cacheFile);
    } catch {
      // A read-only home, a full disk, or a directory where the cache goes: the next run compiles
      // again, and no half-written or orphaned temporary file stays behind.
      try {
        rmSync(tmp, { force: true });
      } catch {
        // nothing more to do
      }
    }
    pruneOthers(dirname(cacheFile), basename(cacheFile));
  });
}
/**
 * Every upgrade of the command or of Node leaves a cache behind (~0.5 MB): when writing a new one,
 * those not written for 30 days go. A cache in use is never rewritten, so one that old may still be
 * in use by another installed version: that one compiles once more and writes it again.
 */
function pruneOthers(dir, keep) {
  const old = Date.now() - 30 * 24 * 3600 * 1000;
  try {
    for (const name of readdirSync(dir)) {
      if (name === keep || !/\.v8cache(\.\d+\.tmp)?$/.test(name)) continue;
      const file = join(dir, name);
      if (statSync(file).mtimeMs < old) rmSync(file, { force: true });
    }
  } catch {
    // another process pruning at the same time, or no permission: left for the next time
  }
}

const mod = { exports: {} };
// The launcher's own require: the bundle only asks it for Node's built-in modules, and it sits in
// the same directory (node:module's createRequire would load Node's ES module loader, ~0.5 ms).
script.runInThisContext()(mod.exports, require, mod, filename, dirname(filename));
mod.exports.runAsProgram(process.argv.slice(2));
