import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyze } from "./analyze";
import type { EffectiveField } from "./types";

const UTIL = "pkg/securitycontext/util.go DetermineEffectiveSecurityContext";

function pod(podSc: string, containerSc: string): string {
  const indent = (s: string, n: number) => s.split("\n").map((l) => " ".repeat(n) + l).join("\n");
  return [
    "apiVersion: v1",
    "kind: Pod",
    "metadata: {name: p}",
    "spec:",
    ...(podSc ? ["  securityContext:", indent(podSc, 4)] : []),
    "  containers:",
    "  - name: c",
    "    image: x",
    ...(containerSc ? ["    securityContext:", indent(containerSc, 6)] : []),
  ].join("\n");
}

function effective(text: string, field: EffectiveField, opts = {}) {
  const a = analyze(text, opts);
  return a.workloads[0].containers[0].effective[field];
}

describe(`merge rules (${UTIL})`, () => {
  it.each<[string, EffectiveField, string, string, unknown, string]>([
    ["runAsUser: the container's replaces the pod's", "runAsUser", "runAsUser: 1000", "runAsUser: 2000", 2000, "container"],
    ["runAsUser: inherited from the pod", "runAsUser", "runAsUser: 1000", "", 1000, "pod"],
    ["runAsGroup: the container's replaces the pod's", "runAsGroup", "runAsGroup: 1", "runAsGroup: 2", 2, "container"],
    ["runAsNonRoot: inherited from the pod", "runAsNonRoot", "runAsNonRoot: true", "", true, "pod"],
    ["runAsNonRoot: container false beats pod true", "runAsNonRoot", "runAsNonRoot: true", "runAsNonRoot: false", false, "container"],
    ["seLinuxOptions: replaced whole, not merged", "seLinuxOptions", "seLinuxOptions: {level: 's0:c1', user: u}", "seLinuxOptions: {type: t}", { type: "t" }, "container"],
    ["seccompProfile: container first (kuberuntime helpers getSeccompProfile)", "seccompProfile", "seccompProfile: {type: RuntimeDefault}", "seccompProfile: {type: Unconfined}", { type: "Unconfined" }, "container"],
    ["seccompProfile: pod's when the container has none", "seccompProfile", "seccompProfile: {type: RuntimeDefault}", "", { type: "RuntimeDefault" }, "pod"],
    ["appArmorProfile: pod's when the container has none (getAppArmorProfile)", "appArmorProfile", "appArmorProfile: {type: Unconfined}", "", { type: "Unconfined" }, "pod"],
    ["fsGroup: pod only", "fsGroup", "fsGroup: 2000", "", 2000, "pod"],
    ["supplementalGroups: pod only", "supplementalGroups", "supplementalGroups: [4, 5]", "", [4, 5], "pod"],
    ["sysctls: pod only", "sysctls", "sysctls: [{name: kernel.shm_rmid_forced, value: '1'}]", "", [{ name: "kernel.shm_rmid_forced", value: "1" }], "pod"],
    ["capabilities: container only", "capabilities", "", "capabilities: {drop: [ALL]}", { drop: ["ALL"] }, "container"],
    ["privileged: container only", "privileged", "", "privileged: true", true, "container"],
    ["readOnlyRootFilesystem: container only", "readOnlyRootFilesystem", "", "readOnlyRootFilesystem: true", true, "container"],
    ["procMount: container only", "procMount", "", "procMount: Unmasked", "Unmasked", "container"],
    ["null is unset, as a nil pointer", "runAsUser", "runAsUser: 7", "runAsUser: null", 7, "pod"],
  ])("%s", (_name, field, podSc, containerSc, value, source) => {
    const e = effective(pod(podSc, containerSc), field);
    expect(e.value).toEqual(value);
    expect(e.source).toBe(source);
  });

  it("windowsOptions merge sub-field by sub-field; the GMSA pair travels together", () => {
    const e = effective(
      pod(
        "windowsOptions: {runAsUserName: podUser, gmsaCredentialSpecName: podSpec, gmsaCredentialSpec: podInline}",
        "windowsOptions: {gmsaCredentialSpecName: mine, hostProcess: false}",
      ),
      "windowsOptions",
    );
    expect(e.source).toBe("container");
    expect(e.value).toEqual({ runAsUserName: "podUser", gmsaCredentialSpecName: "mine", hostProcess: false });
    expect(e.overrides?.value).toEqual({ runAsUserName: "podUser", gmsaCredentialSpecName: "podSpec", gmsaCredentialSpec: "podInline" });
  });

  it("records the pod value a container value replaced, with its path and line", () => {
    const e = effective(pod("runAsUser: 1000", "runAsUser: 2000"), "runAsUser");
    expect(e).toEqual({
      value: 2000,
      source: "container",
      path: "spec.containers[0].securityContext.runAsUser",
      line: 11,
      overrides: { value: 1000, path: "spec.securityContext.runAsUser", line: 6 },
    });
  });
});

describe("unset fields carry what the runtime really uses", () => {
  it.each<[EffectiveField, unknown, string]>([
    ["runAsUser", 0, "image"],
    ["runAsGroup", 0, "image"],
    ["runAsNonRoot", false, "default"],
    ["privileged", false, "default"],
    ["allowPrivilegeEscalation", true, "default"],
    ["readOnlyRootFilesystem", false, "default"],
    ["capabilities", null, "default"],
    ["procMount", "Default", "default"],
    ["seccompProfile", { type: "Unconfined" }, "default"],
    ["seLinuxOptions", null, "default"],
    ["windowsOptions", null, "default"],
    ["fsGroup", null, "default"],
    ["fsGroupChangePolicy", null, "default"],
    ["supplementalGroups", null, "default"],
    ["supplementalGroupsPolicy", "Merge", "default"],
    ["sysctls", null, "default"],
  ])("%s → %j (%s)", (field, value, source) => {
    const e = effective(pod("", ""), field);
    expect(e.value).toEqual(value);
    expect(e.source).toBe(source);
    expect(e.path).toBeUndefined();
  });

  it("seccomp defaults to RuntimeDefault when the kubelet runs with --seccomp-default", () => {
    expect(effective(pod("", ""), "seccompProfile", { seccompDefault: true }).value).toEqual({ type: "RuntimeDefault" });
  });

  it("the image user stands in for runAsUser (--image-user)", () => {
    expect(effective(pod("", ""), "runAsUser", { imageUsers: { c: 1001 } })).toMatchObject({ value: 1001, source: "image" });
    expect(effective(pod("", ""), "runAsUser", { imageUsers: { c: "nginx" } })).toMatchObject({ value: "nginx", source: "image" });
  });

  it("fsGroupChangePolicy behaves as Always once fsGroup is set (pkg/volume/volume_linux.go)", () => {
    expect(effective(pod("fsGroup: 1", ""), "fsGroupChangePolicy").value).toBe("Always");
  });
});

describe("the seeds", () => {
  const golden = readFileSync(new URL("./examples/golden-standard.yaml", import.meta.url), "utf8");

  it("golden standard: runAsUser 1000 comes from the pod, runAsNonRoot from the container", () => {
    const c = analyze(golden).workloads[0].containers[0];
    expect(c.effective.runAsUser).toMatchObject({ value: 1000, source: "pod", path: "spec.securityContext.runAsUser", line: 9 });
    expect(c.effective.runAsNonRoot).toMatchObject({ value: true, source: "container", path: "spec.containers[0].securityContext.runAsNonRoot", line: 16 });
    expect(c.effective.runAsGroup).toMatchObject({ value: 3000, source: "pod" });
    expect(c.effective.fsGroup).toMatchObject({ value: 2000, source: "pod" });
  });

  it("golden standard with a second container that sets runAsUser: 2000 overrides the pod's 1000", () => {
    const text = golden.replace("  volumes:", "  - name: second\n    image: x\n    securityContext:\n      runAsUser: 2000\n  volumes:");
    const [first, second] = analyze(text).workloads[0].containers;
    expect(first.effective.runAsUser).toMatchObject({ value: 1000, source: "pod" });
    expect(second.effective.runAsUser).toMatchObject({ value: 2000, source: "container", overrides: { value: 1000, line: 9 } });
  });
});

describe("version-dependent defaults", () => {
  it("seLinuxChangePolicy: MountOption from 1.37 for a pod with an SELinux label (KEP-1710, SELinuxMount GA), Recursive before, nothing without a label", () => {
    const labelled = pod("seLinuxOptions: {level: 's0:c1,c2'}", "");
    expect(effective(labelled, "seLinuxChangePolicy", { kubernetes: "1.37" }).value).toBe("MountOption");
    expect(effective(labelled, "seLinuxChangePolicy", { kubernetes: "1.34" }).value).toBe("Recursive");
    expect(effective(pod("", ""), "seLinuxChangePolicy").value).toBeNull();
  });
});
