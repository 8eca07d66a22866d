import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { nodeAssumptions, runtimeRefusal, verifyStartup } from "./startup";
import { effective } from "./test-fixture";
import type { Runtime } from "../types";

// Upstream: cri-o/cri-o internal/factory/container/container.go SpecSetupCapabilities (v1.36.0-191-gf954a17e50),
// opencontainers/runtime-tools generate DropProcessCapabilityBounding → validate/capabilities CapValid;
// containerd/containerd internal/cri/opts/spec_opts.go WithCapabilities (v2.4.0-beta.0-70); kubernetes
// kuberuntime_container.go startContainer: CreateContainer error → s.Message(), ErrCreateContainer.
const run = (runtime: Runtime, set: Record<string, unknown>) => runtimeRefusal({ effective: effective(set as never), imageUser: 0, podName: "p", containerName: "app", runtime });

describe("create-time refusals of capabilities", () => {
  it.each([
    ["CRI-O: unknown name in add", "cri-o", { capabilities: { add: ["NET_ADMIN", "FOO"] } }, 'unknown capability "CAP_FOO" to add', "add[1]"],
    ["CRI-O: a cap_ prefix in any case is kept as written", "cri-o", { capabilities: { add: ["cap_foo"] } }, 'unknown capability "cap_foo" to add', "add[0]"],
    ["CRI-O: CAP_ names are known case-insensitively", "cri-o", { capabilities: { add: ["cap_net_admin", "Sys_Time"] } }, undefined, undefined],
    ["CRI-O: unknown name in drop", "cri-o", { capabilities: { drop: ["BOGUS"] } }, "failed to drop cap CAP_BOGUS invalid capability: CAP_BOGUS", "drop[0]"],
    ["CRI-O: drop keeps the written prefix, CapValid upper-cases", "cri-o", { capabilities: { drop: ["cap_bogus"] } }, "failed to drop cap cap_bogus invalid capability: CAP_BOGUS", "drop[0]"],
    ["CRI-O: add is checked before drop", "cri-o", { capabilities: { add: ["X"], drop: ["Y"] } }, 'unknown capability "CAP_X" to add', "add[0]"],
    ["CRI-O: ALL is skipped", "cri-o", { capabilities: { add: ["all"], drop: ["ALL"] } }, undefined, undefined],
    ["CRI-O: privileged containers skip the capability setup", "cri-o", { privileged: true, capabilities: { add: ["FOO"] } }, undefined, undefined],
    ["containerd: runc ignores unknown names", "containerd", { capabilities: { add: ["FOO"], drop: ["BAR"] } }, undefined, undefined],
  ])("%s", (_name, runtime, set, message, at) => {
    const r = run(runtime as Runtime, set);
    if (message === undefined) expect(r).toBeUndefined();
    else expect(r).toMatchObject({ ok: false, reason: "CreateContainerError", message, path: `spec.containers[0].securityContext.capabilities.${at}` });
  });

  it("the kubelet's config check comes first (CreateContainerConfigError before the runtime is asked)", () => {
    const s = verifyStartup({ effective: effective({ runAsNonRoot: true, runAsUser: 0, capabilities: { add: ["FOO"] } }), imageUser: 0, podName: "p", containerName: "app", runtime: "cri-o" });
    expect(s.reason).toBe("CreateContainerConfigError");
  });

  it("is reported as a diagnostic at the capability", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: x\n    securityContext:\n      capabilities:\n        add:\n        - NET_ADMIN\n        - NET_RAWW\n";
    const crio = analyze(text, { runtime: "cri-o" });
    const d = crio.diagnostics.find((x) => x.code === "create-container-error");
    expect(d).toMatchObject({ severity: "error", line: 12, column: 11, message: 'Container "app" will not start: CreateContainerError: unknown capability "CAP_NET_RAWW" to add.' });
    expect(analyze(text).diagnostics.some((x) => x.code === "create-container-error")).toBe(false);
  });
});

describe("node-dependent refusals are stated, not decided", () => {
  const assumptions = (runtime: Runtime, set: Record<string, unknown>) => nodeAssumptions({ effective: effective(set as never), imageUser: 0, podName: "p", containerName: "app", runtime });
  it.each([
    ["Localhost seccomp, containerd", "containerd", { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } }, ['"cannot load seccomp profile %q: %v"']],
    ["Localhost seccomp, CRI-O", "cri-o", { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } }, ['"unable to load local profile %q: %w"']],
    ["Localhost seccomp on a privileged container: no profile is loaded", "containerd", { privileged: true, seccompProfile: { type: "Localhost", localhostProfile: "p.json" } }, []],
    ["AppArmor Localhost, containerd", "containerd", { appArmorProfile: { type: "Localhost", localhostProfile: "k8s-x" } }, ["Cannot enforce AppArmor: AppArmor is not enabled on the host", '"apparmor profile not found k8s-x"']],
    ["AppArmor Unconfined needs nothing", "containerd", { appArmorProfile: { type: "Unconfined" } }, []],
    ["SELinux label", "cri-o", { seLinuxOptions: { level: "s0:c1" } }, ["The node runs SELinux"]],
    ["CRI-O and a capability newer kernels know", "cri-o", { capabilities: { add: ["BPF"] } }, ["CAP_BPF (Linux 5.8+)"]],
    ["nothing node-dependent", "containerd", { runAsUser: 1000 }, []],
  ])("%s", (_name, runtime, set, parts) => {
    const got = assumptions(runtime as Runtime, set);
    expect(got).toHaveLength(parts.length);
    parts.forEach((p, i) => expect(got[i]).toContain(p));
  });
});
