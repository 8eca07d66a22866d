// The command line on bad input: a clear message and the documented exit status (0 analysed,
// 1 --fail-on reached, 2 bad usage or unreadable input), never a stack trace. Most cases call main()
// with a fake stdin (fast); a few spawn the real program to check the wiring, pipes included.

import { execFileSync, spawn } from "node:child_process";
import { closeSync, constants, mkdtempSync, mkdirSync, openSync, readSync, rmSync, truncateSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInProcess, STACK, type Result } from "./runInProcess";
import { MAX_INPUT_BYTES } from "./args";
import { analyze } from "../core/analyze";
import { readCapped } from "./main";

const ROOT = join(import.meta.dirname, "..", "..");
const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  containers:\n  - name: app\n    image: x\n";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scp-cli-"));
  writeFileSync(join(dir, "empty.yaml"), "");
  writeFileSync(join(dir, "pod.yaml"), POD);
  writeFileSync(join(dir, "error.yaml"), `${POD}    securityContext: {runAsUser: 1.5}\n`);
  writeFileSync(join(dir, "binary.yaml"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
  mkdirSync(join(dir, "a-directory"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** main() in this process, with `stdin` as standard input; never a stack trace. */
async function run(argv: string[], stdin: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array> = []): Promise<Result> {
  const r = await runInProcess(argv, stdin);
  expect(r.stderr, "a stack trace on stderr").not.toMatch(STACK);
  return r;
}

/** The real program (node --import tsx src/cli/main.ts), with `input` piped to its stdin. */
function spawnCli(args: string[], input?: string | Buffer, shell?: string): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = shell
      ? spawn("sh", ["-c", shell], { cwd: ROOT })
      : spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.stdin.on("error", () => {}); // the program may stop reading (too large): not our concern
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(input ?? "");
  });
}

describe("inputs", () => {
  it("a missing file: exit 2, a one-line message", async () => {
    const r = await run(["analyze", join(dir, "nope.yaml")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot read ${join(dir, "nope.yaml")}: no such file\n`);
    expect(r.stdout).toBe("");
  });

  it("a directory: exit 2", async () => {
    const r = await run(["analyze", join(dir, "a-directory")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: cannot read ${join(dir, "a-directory")}: it is a directory\n`);
  });

  it.runIf(process.platform === "linux")("an unreadable file (/proc/self/mem fails with EIO, even for root): exit 2", async () => {
    const r = await run(["analyze", "/proc/self/mem"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: cannot read \/proc\/self\/mem: .+\n$/);
  });

  it.runIf(process.platform === "linux")("a file that never ends (/dev/zero): exit 2 once 64 MB are read", async () => {
    const r = await run(["analyze", "/dev/zero"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: /dev/zero is larger than 64 MB: an input that big is analysed as a stream, which needs --json or --json=summary\n");
  }, 60_000);

  it.runIf(process.platform === "linux")("a file that never ends, streamed (--json): exit 2 once one line holds 64 MB, nothing printed", async () => {
    const r = await run(["analyze", "/dev/zero", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: /dev/zero: the document or List item that starts on line 1 is larger than 64 MB, the most this command holds at once: analyse it in parts\n");
    expect(r.stdout).toBe("");
  }, 60_000);

  it("a file over 64 MB without --json: exit 2 before reading it", async () => {
    const big = join(dir, "big.yaml");
    writeFileSync(big, "");
    truncateSync(big, 65 * 1024 * 1024); // sparse: no 65 MB written
    const r = await run(["analyze", big]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${big} is 65 MB, more than 64 MB: an input that big is analysed as a stream, which needs --json or --json=summary\n`);
  });

  it("an empty file: exit 0, no workloads", async () => {
    const r = await run(["analyze", join(dir, "empty.yaml"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ diagnostics: [], workloads: [] });
    expect(r.stderr).toBe("");
  });

  it("empty standard input: exit 0, no workloads", async () => {
    const r = await run(["analyze", "-", "--json"], []);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ diagnostics: [], workloads: [] });
  });

  it("standard input in many chunks, split inside UTF-8 characters", async () => {
    const bytes = Buffer.from(`${POD.replace("web", "wéb-✓")}`);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1));
    const r = await run(["analyze", "-", "--json"], chunks);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).workloads[0].name).toBe("wéb-✓");
  });

  it("a binary file: analysed (exit 0), the binary data and the YAML error reported", async () => {
    const r = await run(["analyze", join(dir, "binary.yaml"), "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).diagnostics.map((d: { code: string; line: number }) => [d.code, d.line])).toEqual([["binary-input", 1], ["yaml-syntax", 1]]);
  });

  it(`standard input over ${MAX_INPUT_BYTES / 1024 / 1024} MB: exit 2, said so, read no further`, async () => {
    const mb = Buffer.alloc(1024 * 1024, "a");
    let read = 0;
    const r = await run(["analyze", "-"], {
      *[Symbol.iterator]() {
        for (let i = 0; i < 1000; i++) {
          read++;
          yield mb;
        }
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: standard input is larger than 64 MB: an input that big is analysed as a stream, which needs --json or --json=summary\n");
    expect(read).toBe(65);
  });
});

describe("inputs over 64 MB, streamed", () => {
  // 70 pods with a 1 MB annotation each: over the limit, yet quick to analyse.
  const blob = "x".repeat(1024 * 1024);
  const item = (i: number) => `- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p${i}\n    namespace: ns\n    annotations: {big: ${blob}}\n  spec:\n    containers:\n    - name: app\n      image: x\n      securityContext: {runAsUser: ${i}}\n`;
  const chunks = function* () {
    yield "apiVersion: v1\nitems:\n";
    for (let i = 0; i < 70; i++) yield item(i);
    yield "kind: List\nmetadata: {}\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: last}\nspec:\n  containers: [{name: c, image: x, securityContext: {privileged: true}}]\n";
  };

  it("--json: every workload, one at a time; the diagnostics after them; lines of the whole input", async () => {
    const r = await run(["analyze", "-", "--json"], chunks());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a)).toEqual(["kubernetes", "runtime", "runtimeVersion", "workloads", "diagnostics"]);
    expect(a.workloads.map((w: { name: string }) => w.name)).toEqual([...Array.from({ length: 70 }, (_, i) => `p${i}`), "last"]);
    expect(a.workloads[69]).toMatchObject({ document: 0, podSpecPath: "items[69].spec", line: 3 + 69 * 11 });
    expect(a.workloads[69].containers[0].effective.runAsUser).toMatchObject({ value: 69, source: "container", line: 3 + 69 * 11 + 10 });
    expect(a.workloads[70]).toMatchObject({ document: 1, podSpecPath: "spec" });
  }, 120_000);

  it("a file over 64 MB is streamed from its first byte: the same JSON as from standard input", async () => {
    const file = join(dir, "over64.yaml");
    const fd = openSync(file, "w");
    for (const c of chunks()) writeSync(fd, c);
    closeSync(fd);
    const [fromFile, fromStdin] = [await run(["analyze", file, "--json"]), await run(["analyze", "-", "--json"], chunks())];
    rmSync(file);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr).toBe("");
    expect(fromFile.stdout).toBe(fromStdin.stdout);
  }, 120_000);

  it("readCapped: a source known to be over the limit is read on as a stream, nothing held first", async () => {
    let pulled = 0;
    const pieces = async function* () {
      for (let i = 0; i < 3; i++) {
        pulled++;
        yield Buffer.from(`piece ${i}\n`);
      }
    };
    const r = await readCapped(pieces(), "a file", true, true);
    expect(pulled).toBe(0);
    if (!("streamed" in r)) throw new Error("not streamed");
    let text = "";
    for await (const s of r.streamed) text += s;
    expect(text).toBe("piece 0\npiece 1\npiece 2\n");
    // A source of unknown size is read whole while it stays under the limit.
    pulled = 0;
    const whole = await readCapped(pieces(), "standard input", true);
    expect(pulled).toBe(3);
    expect(whole).toMatchObject({ text: "piece 0\npiece 1\npiece 2\n" });
  });

  it("--json=summary and --fail-on restricted: exit 1 with the reasons", async () => {
    const r = await run(["analyze", "-", "--json=summary", "--fail-on", "baseline"], chunks());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^--fail-on baseline: Pod last \(document 2, line \d+\) is not allowed at baseline: privileged\n$/);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(73);
    expect(JSON.parse(r.stdout).workloads[3].containers[0].set).toEqual({ runAsUser: 3 });
  }, 120_000);
});

describe("output", () => {
  it("an analysis too large to print: exit 2 at once, not minutes and gigabytes later", async () => {
    // 3,000 containers share a pod's 100,000 supplementalGroups: 600 kB in, ~3 GB of JSON out.
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  securityContext:\n    supplementalGroups: [${Array.from({ length: 100_000 }, (_, i) => i).join(",")}]\n  containers:\n${Array.from({ length: 3000 }, (_, i) => `  - {name: c${i}, image: x}\n`).join("")}`;
    const t0 = performance.now();
    for (const json of [["--json"], []]) {
      const r = await run(["analyze", "-", ...json], [text]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^error: the analysis of 1 workload and 3000 containers is too large to print \(about \d+ MB of JSON\): analyse the input in parts\n$/);
      expect(r.stdout).toBe("");
    }
    expect(performance.now() - t0).toBeLessThan(20_000);
  }, 30_000);

  it("jsonSize measures a shared value once per reference, as JSON.stringify prints it", async () => {
    const { jsonSize } = await import("./main");
    const shared = { list: [1, 22, "x"], flag: true, none: null };
    const value = { a: shared, b: [shared, shared], s: "é" };
    expect(jsonSize(value)).toBe(JSON.stringify(value).length);
  });

  const shared = { list: [1, 22, "x"], flag: true, none: null, empty: {}, nothing: [] };
  it.each([
    ["a string", "é\"q"],
    ["a number", -12.5],
    ["an empty array", []],
    ["an empty object", {}],
    ["nested values", { a: [1, [2, []], { b: null }], c: "text", d: false }],
    ["a value shared by reference", { a: shared, b: [shared, shared, { shared }] }],
    ["an analysis", analyze(POD)],
  ])("jsonFits(%s, budget) says whether its jsonSize is within the budget", async (_, value) => {
    const { jsonFits, jsonSize } = await import("./jsonOut");
    const size = jsonSize(value);
    expect(jsonFits(value, size)).toBe(true);
    expect(jsonFits(value, size - 1)).toBe(false);
  });

  it("jsonFits stops once the budget is spent (it answers even for an endless value)", async () => {
    const { jsonFits } = await import("./jsonOut");
    const endless: unknown[] = ["x"];
    endless.push(endless, { again: endless });
    expect(jsonFits(endless, 1000)).toBe(false);
  });
});

describe("usage", () => {
  it.each([
    [[]],
    [["analyze"]],
    [["analyze", "a.yaml", "b.yaml"]],
    [["lint", "a.yaml"]],
    [["analyze", "-", "--bogus"]],
    [["analyze", "-", "--runtime", "docker"]],
    [["analyze", "-", "--runtime", "containerd@1.9"]],
    [["analyze", "-", "--runtime", "cri-o@"]],
    [["analyze", "-", "--ptrace-scope", "4"]],
    [["analyze", "-", "--probe=yes"]],
    [["analyze", "-", "--runtime"]],
    [["analyze", "-", "--kubernetes", "1.2"]],
    [["analyze", "-", "--kubernetes=2.0"]],
    [["analyze", "-", "--image-user", "app"]],
    [["analyze", "-", "--image-user", "=5"]],
    [["analyze", "-", "--fail-on", "warning"]],
  ])("%j: exit 2, usage on stderr", async (argv) => {
    const r = await run(argv, [POD]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Usage: secctx analyze");
    expect(r.stdout).toBe("");
  });

  it("--help: usage on stdout, exit 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage:");
  });
});

describe("runtime lines, --probe and --observed", () => {
  it("--runtime containerd@1.7: the JSON names the line; a plain name the newest", async () => {
    expect(JSON.parse((await run(["analyze", "-", "--json", "--runtime", "containerd@1.7"], [POD])).stdout).runtimeVersion).toBe("1.7");
    expect(JSON.parse((await run(["analyze", "-", "--json", "--runtime", "cri-o"], [POD])).stdout).runtimeVersion).toMatch(/^1\.\d+$/);
  });

  it("--probe prints one kubectl exec per container; --observed explains a difference", async () => {
    const probe = await run(["analyze", join(dir, "pod.yaml"), "--probe"]);
    expect(probe.code).toBe(0);
    expect(probe.stdout).toContain("kubectl exec 'web' -c 'app' -- sh -c '");
    writeFileSync(join(dir, "observed.txt"), "container=app\nUid=101\nip_unprivileged_port_start=1024\n");
    const r = await run(["analyze", join(dir, "pod.yaml"), "--runtime", "containerd@2.1", "--observed", join(dir, "observed.txt")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("≠ Uid: predicted 0, observed 101");
    expect(r.stdout).toContain("image's USER");
    expect(r.stdout).toContain("≠ ip_unprivileged_port_start: predicted 0, observed 1024");
  });

  it("the readable report lists what the container can do", async () => {
    const r = await run(["analyze", join(dir, "pod.yaml"), "--runtime", "cri-o"]);
    expect(r.stdout).toMatch(/what it can do:\n\s+bind-privileged-port\s+allowed/);
  });
});

describe("--fail-on", () => {
  it("error, with an error: exit 1 (the analysis still printed)", async () => {
    const r = await run(["analyze", join(dir, "error.yaml"), "--json", "--fail-on", "error"]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics.some((d: { severity: string }) => d.severity === "error")).toBe(true);
  });

  it("error, without one: exit 0", async () => {
    const r = await run(["analyze", join(dir, "pod.yaml"), "--fail-on", "error"]);
    expect(r.code).toBe(0);
  });

  it("restricted, for a pod restricted refuses: exit 1; baseline allows it: exit 0", async () => {
    expect((await run(["analyze", join(dir, "pod.yaml"), "--fail-on", "restricted"])).code).toBe(1);
    expect((await run(["analyze", join(dir, "pod.yaml"), "--fail-on", "baseline"])).code).toBe(0);
  });

  it("an image user for a container named __proto__ is kept as an own key", async () => {
    const r = await run(["analyze", "-", "--json", "--image-user", "__proto__=1000"], [POD.replace("name: app", "name: __proto__")]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).workloads[0].containers[0].process.uid).toBe(1000);
  });
});

describe.concurrent("the real program", () => {
  it("a missing file: exit 2, no stack trace", async () => {
    const r = await spawnCli(["analyze", "/nonexistent/manifest.yaml"]);
    expect(r).toEqual({ code: 2, stdout: "", stderr: "error: cannot read /nonexistent/manifest.yaml: no such file\n" });
  }, 90_000);

  it("bad flags: exit 2, usage on stderr", async () => {
    const r = await spawnCli(["analyze", "-", "--runtime", "docker"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: --runtime must be containerd or cri-o, not "docker"\n\nUsage:/);
    expect(r.stderr).not.toMatch(STACK);
  }, 90_000);

  it("20 MB on standard input: exit 0", async () => {
    const blob = "x".repeat(1000);
    const configMaps = Array.from({ length: 20 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm${i}}\ndata:\n${Array.from({ length: 1000 }, (_, j) => `  k${j}: ${blob}`).join("\n")}\n`);
    const input = [...configMaps, POD].join("---\n");
    expect(input.length).toBeGreaterThan(20_000_000);
    const r = await spawnCli(["analyze", "-", "--json"], input);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(a.workloads.map((w: { name: string }) => w.name)).toEqual(["web"]);
    expect(a.diagnostics.filter((d: { code: string }) => d.code === "skipped-kind")).toHaveLength(20);
  }, 60_000);

  it("a reader that goes away early (| head): no EPIPE stack trace", async () => {
    const r = await spawnCli([], undefined, `yes '${POD.replace(/\n/g, "\\n").replace(/'/g, "")}---' | head -c 200000 | sed 's/\\\\n/\\n/g' | node --import tsx src/cli/main.ts analyze - --json | head -c 100 > /dev/null`);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).toBe("");
  }, 60_000);
});

describe("standard output left non-blocking by whoever started the command", () => {
  // The command writes with fs.writeSync (processIo.ts); a descriptor opened O_NONBLOCK answers
  // EAGAIN when the pipe is full, and the rest must still arrive, whole and in order.
  it.skipIf(process.platform === "win32")("a slow reader gets all of a big output, as a plain pipe does", async () => {
    const pods = Array.from({ length: 40 }, (_, i) => POD.replace("name: web", `name: web${i}`)).join("---\n");
    writeFileSync(join(dir, "pods.yaml"), pods);
    const plain = await spawnCli(["analyze", join(dir, "pods.yaml"), "--json"]);
    expect(plain.code).toBe(0);
    expect(plain.stdout.length).toBeGreaterThan(1 << 20); // far more than a pipe holds (64 KB)
    const fifo = join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const rfd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const wfd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli/main.ts", "analyze", join(dir, "pods.yaml"), "--json"], { cwd: ROOT, stdio: ["ignore", wfd, "pipe"] });
    closeSync(wfd);
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const code = new Promise<number | null>((resolve) => child.on("close", resolve));
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(16 * 1024);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(300); // the pipe fills while no one reads
    for (;;) {
      let n: number;
      try {
        n = readSync(rfd, buf);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
        await pause(2);
        continue;
      }
      if (n === 0) break; // the writer closed: all read
      chunks.push(Buffer.from(buf.subarray(0, n)));
      await pause(1); // a slow reader
    }
    closeSync(rfd);
    expect(await code).toBe(0);
    expect(stderr).toBe("");
    expect(Buffer.concat(chunks).toString("utf8")).toBe(plain.stdout);
  }, 120_000);
});

describe("output formats for pipelines", () => {
  it("--sarif prints SARIF 2.1.0 with the diagnostics and Pod Security violations", async () => {
    const r = await run(["analyze", "-", "--sarif"], [`${POD}    securityContext: {runAsUser: -1}\n`]);
    expect(r.code).toBe(0);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe("2.1.0");
    const ids = sarif.runs[0].results.map((x: { ruleId: string }) => x.ruleId);
    expect(ids).toContain("invalid-value");
    expect(ids).toContain("pod-security-restricted/runAsNonRoot");
  });

  it("--markdown prints the report; --format rejects an unknown format", async () => {
    const md = await run(["analyze", "-", "--markdown"], [POD]);
    expect(md.stdout).toContain("### Pod `web`");
    const bad = await run(["analyze", "-", "--format", "xml"], [POD]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--format must be");
  });
});
