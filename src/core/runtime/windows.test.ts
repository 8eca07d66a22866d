import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { verifyStartup } from "./startup";
import { podOsOf } from "./windows";
import { effective } from "./test-fixture";

// Upstream: kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_windows.go verifyRunAsNonRoot
// (master 04791b49); pkg/kubelet/lifecycle/predicate.go (os.name must be the node's OS).
const ADMIN_MSG = (user: string, container = "app") =>
  `container's runAsUser (${user}) which will be regarded as root identity and will break non-root policy (pod: "web_default()", container: ${container})`;

describe("verifyRunAsNonRoot on Windows", () => {
  it.each([
    ["runAsNonRoot unset: no check", {}, "ContainerAdministrator", { ok: true }],
    ["runAsNonRoot false: no check", { runAsNonRoot: false }, "ContainerAdministrator", { ok: true }],
    ["runAsUserName ContainerAdministrator: root (the image's user is printed)", { runAsNonRoot: true, windowsOptions: { runAsUserName: "ContainerAdministrator" } }, "ContainerUser", { ok: false, reason: "CreateContainerConfigError", message: ADMIN_MSG("ContainerUser") }],
    ["runAsUserName ContainerAdministrator, image uid: empty name printed", { runAsNonRoot: true, windowsOptions: { runAsUserName: "ContainerAdministrator" } }, 0, { ok: false, reason: "CreateContainerConfigError", message: ADMIN_MSG("") }],
    ["runAsUserName ContainerUser: the image is not looked at", { runAsNonRoot: true, windowsOptions: { runAsUserName: "ContainerUser" } }, "ContainerAdministrator", { ok: true }],
    ["only the image gives ContainerAdministrator", { runAsNonRoot: true }, "ContainerAdministrator", { ok: false, reason: "CreateContainerConfigError", message: ADMIN_MSG("ContainerAdministrator") }],
    ["the comparison is case-sensitive", { runAsNonRoot: true }, "containeradministrator", { ok: true }],
    ["a Linux uid 0 is not root to the Windows kubelet", { runAsNonRoot: true, runAsUser: 0 }, 0, { ok: true }],
  ])("%s", (_name, set, imageUser, expected) => {
    const got = verifyStartup({ effective: effective(set as never), imageUser: imageUser as never, podName: "web", containerName: "app", os: "windows" });
    expect({ ok: got.ok, reason: got.reason, message: got.message }).toEqual({ reason: undefined, message: undefined, ...expected });
    if (!got.ok) expect(got.source).toContain("security_context_windows.go verifyRunAsNonRoot");
  });
});

describe("which kubelet runs the pod", () => {
  it.each([
    ["os.name windows", { os: { name: "windows" } }, true, "windows"],
    ["os.name linux wins over a nodeSelector", { os: { name: "linux" }, nodeSelector: { "kubernetes.io/os": "windows" } }, true, "linux"],
    ["os.name dropped (1.23): the nodeSelector decides", { os: { name: "windows" }, nodeSelector: { "kubernetes.io/os": "windows" } }, false, "windows"],
    ["a hostProcess container", { containers: [{ name: "a", securityContext: { windowsOptions: { hostProcess: true } } }] }, true, "windows"],
    ["pod-level hostProcess", { securityContext: { windowsOptions: { hostProcess: true } } }, true, "windows"],
    ["nothing says Windows", { containers: [{ name: "a" }] }, true, "linux"],
  ])("%s", (_name, spec, osKept, os) => {
    expect(podOsOf(spec, osKept).os).toBe(os);
  });
});

describe("a Windows pod in the analysis", () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: win}
spec:
  os: {name: windows}
  securityContext:
    runAsNonRoot: true
    windowsOptions: {runAsUserName: ContainerUser}
  containers:
  - name: app
    image: servercore
  - name: admin
    image: servercore
    securityContext:
      windowsOptions:
        runAsUserName: ContainerAdministrator
        hostProcess: false
`;
  const a = analyze(text);
  const [app, admin] = a.workloads[0].containers;

  it("has no Linux process (contract v1.1: process null) but what applies instead", () => {
    expect(app.process).toBeNull();
    // Nothing Linux applies: no uid, seccomp, AppArmor or capability defaults.
    for (const f of ["runAsUser", "seccompProfile", "appArmorProfile", "capabilities", "procMount"] as const) expect(app.effective[f]).toEqual({ value: null, source: "default" });
    expect(app.effective.runAsNonRoot).toMatchObject({ value: true, source: "pod" });
    expect(app.windows).toMatchObject({ userName: "ContainerUser", userSource: "pod", administrator: false, hostProcess: false });
    expect(admin.windows).toMatchObject({ userName: "ContainerAdministrator", userSource: "container", administrator: true });
  });

  it("reports the Windows kubelet's refusal, at runAsUserName, and never a Linux uid message", () => {
    expect(app.startup).toMatchObject({ ok: true });
    expect(admin.startup).toMatchObject({ ok: false, reason: "CreateContainerConfigError", message: `container's runAsUser () which will be regarded as root identity and will break non-root policy (pod: "win_default()", container: admin)` });
    const d = a.diagnostics.filter((x) => x.code === "run-as-non-root-conflict");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: "error", line: 16, column: 9 });
    expect(a.diagnostics.some((x) => /image will run as root|runAsUser breaks non-root policy/.test(x.message))).toBe(false);
  });

  it("the same pod without os.name is a Linux pod whose image runs as root", () => {
    const linux = analyze(text.replace("  os: {name: windows}\n", "").replace(/    windowsOptions: \{runAsUserName: ContainerUser\}\n/, ""));
    expect(linux.workloads[0].containers[0].process).not.toBeNull();
    expect(linux.workloads[0].containers[0].startup?.message).toContain("container has runAsNonRoot and image will run as root");
  });
});
