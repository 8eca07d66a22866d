import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { compareProbe, parseProbe, probeBody, probeScript } from "./probe";

const POD = [
  "apiVersion: v1",
  "kind: Pod",
  "metadata: {name: web, namespace: shop}",
  "spec:",
  "  securityContext: {runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000}",
  "  containers:",
  "  - name: app",
  "    image: x",
  "    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}",
  "    volumeMounts: [{name: tmp, mountPath: /tmp}]",
  "  volumes: [{name: tmp, emptyDir: {}}]",
  "",
].join("\n");

const REALITY_CTRD2 = `container=app
Uid=1000
Gid=3000
Groups=2000 3000
CapInh=0000000000000000
CapPrm=0000000000000000
CapEff=0000000000000000
CapBnd=0000000000000000
CapAmb=0000000000000000
NoNewPrivs=1
Seccomp=2
Seccomp_filters=1
ip_unprivileged_port_start=0
ping_group_range=0 2147483647
rootfs_readonly=0
proc_kcore_masked=1
proc_sys_readonly=1
write:/tmp=yes
`;

describe("the node probe", () => {
  it("the script is one kubectl exec with the namespace, the container and the quoted body", () => {
    const a = analyze(POD);
    const s = probeScript(a.workloads[0], a.workloads[0].containers[0]);
    expect(s).toContain("kubectl exec -n 'shop' 'web' -c 'app' -- sh -c '");
    expect(s).toContain("kubectl debug");
  });

  it("a hostile mount path is quoted, never run", () => {
    const a = analyze(POD.replace("mountPath: /tmp", "mountPath: \"/tmp/$(touch /tmp/pwned)'x\""));
    const body = probeBody(a.workloads[0].containers[0]);
    const out = execFileSync("sh", ["-c", body], { encoding: "utf8" });
    expect(out).toContain("write:/tmp/$(touch /tmp/pwned)'x=no");
  });

  it("runs in a POSIX sh with only builtins and prints the keys it compares", () => {
    const a = analyze(POD);
    const out = execFileSync("/bin/sh", ["-c", probeBody(a.workloads[0].containers[0])], { encoding: "utf8", env: { PATH: "/nonexistent" } });
    const parsed = parseProbe(out).get("app")!;
    for (const key of ["Uid", "Gid", "CapEff", "CapBnd", "NoNewPrivs", "Seccomp", "rootfs_readonly", "proc_kcore_masked", "write:/tmp"]) expect(parsed.has(key), key).toBe(true);
    expect(parsed.get("CapBnd")).toMatch(/^[0-9a-f]{16}$/);
  });

  it.each([
    // runtime line, keys expected to differ from REALITY_CTRD2 (seccomp: the node runs --seccomp-default)
    ["containerd", "2.1", ["Seccomp"]],
    ["containerd", "1.7", ["Seccomp", "ip_unprivileged_port_start", "ping_group_range"]],
    ["cri-o", "1.33", ["Seccomp", "ip_unprivileged_port_start", "ping_group_range"]],
  ] as const)("against %s %s: differences %j, each explained", (runtime, version, differ) => {
    const a = analyze(POD, { runtime, runtimeVersion: version });
    const rows = compareProbe(a.workloads[0], a.workloads[0].containers[0], parseProbe(REALITY_CTRD2).get("app")!, runtime, version);
    expect(rows.filter((r) => !r.match).map((r) => r.key).sort()).toEqual([...differ].sort());
    for (const r of rows.filter((x) => !x.match)) expect(r.explanation).toMatch(/\w{4}/);
    expect(rows.find((r) => r.key === "Seccomp")!.explanation).toContain("--seccomp-default");
  });

  it("explains an image USER and another runtime's capabilities", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - {name: c, image: x}\n";
    const a = analyze(text, { runtime: "containerd" });
    const rows = compareProbe(a.workloads[0], a.workloads[0].containers[0], new Map([["Uid", "101"], ["CapBnd", "00000000000005fb"]]), "containerd");
    expect(rows.find((r) => r.key === "Uid")!.explanation).toMatch(/image's USER/);
    expect(rows.find((r) => r.key === "CapBnd")!.explanation).toMatch(/the node runs CRI-O/);
  });
});
