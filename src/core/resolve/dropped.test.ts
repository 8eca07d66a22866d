import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";

// A field the chosen version does not apply runs as that version's default (pkg/api/pod/util.go
// dropDisabledFields; strict decoding for unknown fields); the seccomp and AppArmor annotations as
// the node honours them (KEP-135 "Kubelet Backwards compatibility", kuberuntime getSeccompProfilePath
// ≤1.26; pkg/security/apparmor/helpers.go GetProfile ≥1.30).

const pod = (annotations: string, podSc: string, ctrSc: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${annotations ? `  annotations:\n${annotations}\n` : ""}spec:\n${podSc ? `  securityContext:\n${podSc}\n` : ""}  containers:\n  - name: app\n    image: x\n${ctrSc ? `    securityContext:\n${ctrSc}\n` : ""}`;

const eff = (text: string, kubernetes: string) => analyze(text, { kubernetes }).workloads[0].containers[0].effective;

describe("fields the version does not apply", () => {
  it.each([
    ["supplementalGroupsPolicy at 1.30 (unknown)", pod("", "    supplementalGroupsPolicy: Strict", ""), "1.30", "supplementalGroupsPolicy", "Merge", "default", /does not know supplementalGroupsPolicy \(added in 1\.31\)/],
    ["supplementalGroupsPolicy at 1.32 (gate off)", pod("", "    supplementalGroupsPolicy: Strict", ""), "1.32", "supplementalGroupsPolicy", "Merge", "default", /SupplementalGroupsPolicy feature gate is off by default \(alpha; on by default from 1\.33\)/],
    ["supplementalGroupsPolicy at 1.33 applies", pod("", "    supplementalGroupsPolicy: Strict", ""), "1.33", "supplementalGroupsPolicy", "Strict", "pod", undefined],
    ["procMount Unmasked at 1.30 (ProcMountType off): reset to Default", pod("", "", "      procMount: Unmasked"), "1.30", "procMount", "Default", "default", /reset to "Default"/],
    ["appArmorProfile at 1.29 (unknown): the runtime default", pod("", "", "      appArmorProfile: {type: Unconfined}"), "1.29", "appArmorProfile", { type: "RuntimeDefault" }, "default", /added in 1\.30/],
    ["a container value dropped lets nothing else in: seLinuxChangePolicy at 1.31", pod("", "    seLinuxChangePolicy: MountOption\n    seLinuxOptions: {level: 's0:c1'}", ""), "1.31", "seLinuxChangePolicy", "Recursive", "default", /seLinuxChangePolicy \(added in 1\.32\)/],
  ])("%s", (_name, text, version, field, value, source, reason) => {
    const e = eff(text, version)[field as "procMount"];
    expect(e.value).toEqual(value);
    expect(e.source).toBe(source);
    if (reason) expect(e.dropped?.reason).toMatch(reason);
    else expect(e.dropped).toBeUndefined();
    if (e.dropped) expect(e.dropped.line).toBeGreaterThan(0);
  });

  it("the process follows: Strict dropped at 1.30 means Merge for the runtime", () => {
    const e = eff(pod("", "    supplementalGroupsPolicy: Strict", ""), "1.30");
    expect(e.supplementalGroupsPolicy.dropped?.path).toBe("spec.securityContext.supplementalGroupsPolicy");
  });
});

describe("seccomp and AppArmor annotations as the node honours them", () => {
  const SP = "    seccomp.security.alpha.kubernetes.io/pod: runtime/default";
  const SC = "    container.seccomp.security.alpha.kubernetes.io/app: localhost/p.json";
  const AA = "    container.apparmor.security.beta.kubernetes.io/app: unconfined";
  it.each([
    ["pod seccomp annotation at 1.26", pod(SP, "", ""), "1.26", "seccompProfile", { type: "RuntimeDefault" }, "pod", "seccomp.security.alpha.kubernetes.io/pod"],
    ["pod seccomp annotation at 1.27: non-functional", pod(SP, "", ""), "1.27", "seccompProfile", { type: "Unconfined" }, "default", undefined],
    ["container annotation beats the pod field (≤1.26)", pod(SC, "    seccompProfile: {type: RuntimeDefault}", ""), "1.25", "seccompProfile", { type: "Localhost", localhostProfile: "p.json" }, "container", "container.seccomp.security.alpha.kubernetes.io/app"],
    ["the container field beats its annotation", pod(SC, "", "      seccompProfile: {type: Unconfined}"), "1.23", "seccompProfile", { type: "Unconfined" }, "container", undefined],
    ["AppArmor annotation before the fields (1.23)", pod(AA, "", ""), "1.23", "appArmorProfile", { type: "Unconfined" }, "container", "container.apparmor.security.beta.kubernetes.io/app"],
    ["AppArmor annotation beats the pod field (1.37)", pod(AA, "    appArmorProfile: {type: RuntimeDefault}", ""), "1.37", "appArmorProfile", { type: "Unconfined" }, "container", "container.apparmor.security.beta.kubernetes.io/app"],
    ["the container's AppArmor field beats the annotation", pod(AA, "", "      appArmorProfile: {type: RuntimeDefault}"), "1.37", "appArmorProfile", { type: "RuntimeDefault" }, "container", undefined],
  ])("%s", (_name, text, version, field, value, source, annotation) => {
    const e = eff(text, version)[field as "seccompProfile"];
    expect(e.value).toEqual(value);
    expect(e.source).toBe(source);
    expect(e.annotation).toBe(annotation);
    if (annotation) expect(e).toMatchObject({ path: `metadata.annotations[${annotation}]`, line: 6 });
  });

  it("a seccomp annotation turns the filter on in the process (1.26)", () => {
    const a = analyze(pod(SP, "", ""), { kubernetes: "1.26" });
    expect(a.workloads[0].containers[0].process?.seccomp).toBe("filter");
    expect(analyze(pod(SP, "", ""), { kubernetes: "1.27" }).workloads[0].containers[0].process?.seccomp).toBe("disabled");
  });

  it("a template's annotations count for the pods it makes", () => {
    const text = `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      annotations:\n        seccomp.security.alpha.kubernetes.io/pod: runtime/default\n    spec:\n      containers:\n      - name: app\n        image: x\n`;
    const e = analyze(text, { kubernetes: "1.24" }).workloads[0].containers[0].effective.seccompProfile;
    expect(e).toMatchObject({ value: { type: "RuntimeDefault" }, source: "pod", path: "spec.template.metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]", line: 8 });
  });
});
