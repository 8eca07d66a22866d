// Live objects through a fake `kubectl` on PATH: a script that records its arguments and prints a
// fixture, or fails as kubectl does when the cluster cannot be reached or the object is missing.

import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main, type Io } from "./main";
import { podDump } from "../../bench/generate";

const POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n  - name: app\n    image: nginx\n    securityContext: {runAsUser: 1000}\n";
const DEPLOY = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: default}\nspec:\n  template:\n    spec:\n      containers:\n      - {name: app, image: x}\n";

let dir: string;
let bin: string;
const savedPath = process.env.PATH;

/** Writes the fake kubectl: it logs its arguments (one per line) and behaves as `script` says. */
function fakeKubectl(script: string): void {
  const file = join(bin, "kubectl");
  writeFileSync(file, `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, "args")}"\n${script}\n`);
  chmodSync(file, 0o755);
}
const argsSeen = () => readFileSync(join(dir, "args"), "utf8").trim().split("\n");

async function run(argv: string[]) {
  let stdout = "";
  let stderr = "";
  const io: Io = { stdin: (async function* () {})(), stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "scp-kubectl-"));
  bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(dir, "pod.yaml"), POD);
  writeFileSync(join(dir, "deploy.yaml"), DEPLOY);
  writeFileSync(join(dir, "pods.yaml"), podDump(3));
  process.env.PATH = `${bin}:${savedPath}`;
});
afterAll(() => {
  process.env.PATH = savedPath;
  rmSync(dir, { recursive: true, force: true });
});

describe("live objects through the user's kubectl", () => {
  it.each([
    [["pod/web", "-n", "shop"], ["get", "pod/web", "-o", "yaml", "--namespace", "shop"], "pod.yaml", "Pod"],
    [["deploy/api"], ["get", "deploy/api", "-o", "yaml"], "deploy.yaml", "Deployment"],
    [["deployments.apps/api", "--namespace=default", "--context", "prod"], ["get", "deployments.apps/api", "-o", "yaml", "--namespace", "default", "--context", "prod"], "deploy.yaml", "Deployment"],
    [["-A"], ["get", "pods", "-o", "yaml", "--all-namespaces", "--chunk-size=500"], "pods.yaml", "Pod"],
    [["pods", "-n", "team-1"], ["get", "pods", "-o", "yaml", "--namespace", "team-1", "--chunk-size=500"], "pods.yaml", "Pod"],
  ])("analyze %j runs kubectl %j and analyses its output", async (operands, expected, fixture, kind) => {
    fakeKubectl(`cat "${join(dir, fixture)}"`);
    const argv = operands[0] === "-A" ? ["analyze", ...operands, "--json"] : ["analyze", ...operands, "--json"];
    const r = await run(argv);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(argsSeen()).toEqual(expected);
    const a = JSON.parse(r.stdout);
    expect(a.workloads.length).toBeGreaterThan(0);
    expect(a.workloads.every((w: { kind: string }) => w.kind === kind)).toBe(true);
  });

  it("names with shell characters reach kubectl as one argument, never a shell", async () => {
    fakeKubectl(`cat "${join(dir, "pod.yaml")}"`);
    await run(["analyze", "pod/web;touch${IFS}pwned", "-n", "$(id)"]);
    expect(argsSeen()).toEqual(["get", "pod/web;touch${IFS}pwned", "-o", "yaml", "--namespace", "$(id)"]);
  });

  it("a file that exists is read as a file, even when it looks like TYPE/NAME", async () => {
    fakeKubectl("exit 99");
    mkdirSync(join(dir, "deploy"), { recursive: true });
    writeFileSync(join(dir, "deploy", "app.yaml"), DEPLOY);
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const r = await run(["analyze", "deploy/app.yaml", "--json"]);
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout).workloads[0].name).toBe("api");
    } finally {
      process.chdir(cwd);
    }
  });

  it("the context unreachable: exit 2 with kubectl's words", async () => {
    fakeKubectl(`echo "The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?" >&2; exit 1`);
    const r = await run(["analyze", "pod/web", "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("error: kubectl get pod/web -o yaml failed (exit 1): The connection to the server 127.0.0.1:6443 was refused - did you specify the right host or port?\n");
  });

  it("an object that does not exist: exit 2 with kubectl's words", async () => {
    fakeKubectl(`echo 'Error from server (NotFound): pods "nope" not found' >&2; exit 1`);
    const r = await run(["analyze", "pod/nope", "-n", "shop"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Error from server (NotFound): pods "nope" not found');
  });

  it("kubectl missing: exit 2, said so", async () => {
    process.env.PATH = join(dir, "empty");
    try {
      const r = await run(["analyze", "pod/web"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe("error: kubectl was not found on PATH: install it (https://kubernetes.io/docs/tasks/tools/) or analyse a file\n");
    } finally {
      process.env.PATH = `${bin}:${savedPath}`;
    }
  });

  it("-n with a file or standard input is bad usage", async () => {
    const r = await run(["analyze", join(dir, "pod.yaml"), "-n", "shop"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^error: -n, -A and --context apply to live objects/);
  });

  it("a missing file that is not TYPE/NAME stays a missing file", async () => {
    fakeKubectl("exit 99");
    const r = await run(["analyze", "manifests/app.yaml"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("error: cannot read manifests/app.yaml: no such file\n");
  });
});
