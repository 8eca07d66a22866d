// --fail-on fails closed (issue 16 item 1): input that could not be read, or that held no workload,
// reaches every level with a message on stderr; input kubectl decodes (UTF-16 with a BOM) is
// decoded the same way, so a privileged pod saved by a Windows editor cannot slip through.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess } from "./runInProcess";

const ROOT = join(import.meta.dirname, "..", "..");
const PRIVILEGED = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: x\n    securityContext: {privileged: true}\n";
const RESTRICTED = "apiVersion: v1\nkind: Pod\nmetadata: {name: ok}\nspec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n  containers:\n  - name: app\n    image: x\n    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n";
const LEVELS = ["error", "baseline", "restricted"] as const;

const utf16 = (s: string, le: boolean) => {
  const units = `\ufeff${s}`;
  const b = Buffer.alloc(units.length * 2);
  for (let i = 0; i < units.length; i++) le ? b.writeUInt16LE(units.charCodeAt(i), 2 * i) : b.writeUInt16BE(units.charCodeAt(i), 2 * i);
  return b;
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scp-failclosed-"));
  symlinkSync(join(dir, "loop-b"), join(dir, "loop-a"));
  symlinkSync(join(dir, "loop-a"), join(dir, "loop-b"));
  writeFileSync(join(dir, "pod\u001b]0;pwned\u0007.yaml"), "");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = runInProcess;

describe("input decoded as kubectl decodes it", () => {
  it.each([
    ["UTF-16LE with a BOM", utf16(PRIVILEGED, true)],
    ["UTF-16BE with a BOM", utf16(PRIVILEGED, false)],
    ["UTF-8 with a BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PRIVILEGED)])],
  ])("a privileged pod in %s is analysed like UTF-8 and fails --fail-on baseline", async (_what, bytes) => {
    const plain = await run(["analyze", "-", "--json"], [PRIVILEGED]);
    // Split into small chunks: a BOM or a UTF-16 unit may fall across two reads.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const r = await run(["analyze", "-", "--json", "--fail-on", "baseline"], chunks);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(plain.stdout));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("--fail-on baseline: Pod web (document 1, line 1) is not allowed at baseline: privileged\n");
  });
});

describe("fails closed at every level", () => {
  const deep = `${"[".repeat(300)}${JSON.stringify(JSON.parse(JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "deep" }, spec: { containers: [{ name: "c", image: "x", securityContext: { privileged: true } }] } })))}${"]".repeat(300)}`;
  const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256));
  const latin1 = Buffer.from(RESTRICTED.replace("image: x", "image: x # façade"), "latin1");
  it.each([
    ["empty standard input", [], /^--fail-on LEVEL: standard input is empty, so nothing was checked: failing closed\n$/],
    ["only comments and markers", ["# helm template failed\n---\n...\n"], /standard input is empty, so nothing was checked/],
    ["no workload (a ConfigMap)", ["apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"], /^--fail-on LEVEL: no workload found in standard input, so nothing was checked: failing closed\n$/],
    ["binary data", [binary], /^--fail-on LEVEL: standard input could not be read in full \(line 1, column 1: binary-input; line 1, column 1: yaml-syntax\), so what it holds there was not checked: failing closed\n/],
    ["nesting deeper than the reader's cap, a privileged pod inside", [deep], /could not be read in full \(line 1, column \d+: yaml-syntax\).*failing closed/],
    ["a syntax error beside an allowed pod", [`${RESTRICTED}---\nkind: Pod\nspec: [\n`], /^--fail-on LEVEL: standard input could not be read in full \(line 13, column 1: yaml-syntax\), so what it holds there was not checked: failing closed\n$/],
    ["Latin-1 text", [latin1], /could not be read in full \(line 8, column 18: input-encoding\)/],
  ])("%s", async (_what, stdin, message) => {
    for (const level of LEVELS) {
      const r = await run(["analyze", "-", "--fail-on", level], stdin as (string | Uint8Array)[]);
      expect(r.code, level).toBe(1);
      expect(r.stderr, level).toMatch(new RegExp(message.source.replace("LEVEL", level)));
      // Without --fail-on the same input is analysed: exit 0.
      expect((await run(["analyze", "-"], stdin as (string | Uint8Array)[])).code).toBe(0);
    }
  });

  it("an allowed pod in clean UTF-8 still passes every level", async () => {
    for (const level of LEVELS) expect((await run(["analyze", "-", "--fail-on", level], [RESTRICTED])).code, level).toBe(0);
  });

  it("Latin-1 is read as kubectl reads it (U+FFFD) and the diagnostic says where and what", async () => {
    const r = await run(["analyze", "-", "--json"], [Buffer.from("apiVersion: v1\nkind: Pod\nmetadata: {name: café}\nspec: {containers: [{name: c, image: x}]}\n", "latin1")]);
    const a = JSON.parse(r.stdout);
    expect(a.workloads[0].name).toBe("caf\ufffd");
    expect(a.diagnostics[0]).toMatchObject({ severity: "error", code: "input-encoding", line: 3, column: 21 });
    expect(a.diagnostics[0].message).toContain('byte 0xE9 ("é" in Latin-1)');
  });

  it("`false | cli analyze - --fail-on error` exits 1 (a failed helm template does not pass)", async () => {
    const r = await new Promise<{ code: number; stderr: string }>((resolve, reject) => {
      const child = spawn("sh", ["-c", "false | node --import tsx src/cli/main.ts analyze - --fail-on error"], { cwd: ROOT });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
    });
    expect(r).toEqual({ code: 1, stderr: "--fail-on error: standard input is empty, so nothing was checked: failing closed\n" });
  }, 30_000);
});

describe("messages about the file", () => {
  it("a symbolic link loop: a clear message, not Node's ELOOP text", async () => {
    const r = await run(["analyze", join(dir, "loop-a")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot read ${join(dir, "loop-a")}: too many levels of symbolic links (a symbolic link that points back to itself?)\n`);
  });

  it("a file name with escape codes is echoed escaped", async () => {
    const r = await run(["analyze", join(dir, "nope\u001b[2J\u202e.yaml")]);
    expect(r.stderr).toBe(`error: cannot read ${join(dir, "nope\\x1b[2J\\u202e.yaml")}: no such file\n`);
    const ok = await run(["analyze", join(dir, "pod\u001b]0;pwned\u0007.yaml"), "--fail-on", "error"]);
    expect(ok.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(ok.stderr).toBe(`--fail-on error: ${join(dir, "pod\\x1b]0;pwned\\x07.yaml")} is empty, so nothing was checked: failing closed\n`);
  });
});
