import { describe, expect, it } from "vitest";
import { findingsOf } from "./testHelpers";

const W = "pkg/api/pod/warnings.go warningsForPodSpecAndMeta";

const podWith = (annotations: string, sc = "") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${annotations}\nspec:\n${sc}  containers:\n  - name: app\n    image: x\n`;

const deploymentWith = (annotations: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      annotations:\n${annotations}\n    spec:\n      containers:\n      - name: app\n        image: x\n`;

describe("API server warnings about security annotations", () => {
  it.each([
    [`${W}: pod seccomp annotation without the field`, podWith("    seccomp.security.alpha.kubernetes.io/pod: runtime/default"), 37, ['metadata.annotations[seccomp.security.alpha.kubernetes.io/pod]: non-functional in v1.27+; use the "seccompProfile" field instead']],
    [`${W}: pod seccomp annotation with the field`, podWith("    seccomp.security.alpha.kubernetes.io/pod: runtime/default", "  securityContext:\n    seccompProfile: {type: RuntimeDefault}\n"), 37, []],
    [`${W}: the 1.27+ wording is not claimed for 1.26`, podWith("    seccomp.security.alpha.kubernetes.io/pod: runtime/default"), 26, []],
    [
      `${W}: container seccomp annotation in a template`,
      deploymentWith("        container.seccomp.security.alpha.kubernetes.io/app: runtime/default"),
      37,
      ['spec.template.metadata.annotations[container.seccomp.security.alpha.kubernetes.io/app]: non-functional in v1.27+; use the "seccompProfile" field instead'],
    ],
    [
      `${W}: container AppArmor annotation in a template (AppArmorFields on from 1.30)`,
      deploymentWith("        container.apparmor.security.beta.kubernetes.io/app: runtime/default"),
      37,
      ['spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead'],
    ],
    [
      `${W}: for a Pod the AppArmor warning comes from strategy.go applyAppArmorVersionSkew instead`,
      podWith("    container.apparmor.security.beta.kubernetes.io/app: runtime/default"),
      37,
      ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead'],
    ],
    [`${W}: deprecated sysctl annotation`, podWith("    security.alpha.kubernetes.io/sysctls: kernel.shm_rmid_forced=1"), 37, ['metadata.annotations[security.alpha.kubernetes.io/sysctls]: non-functional in v1.11+; use the "sysctls" field instead']],
    [`${W}: other annotations are fine`, podWith("    prometheus.io/scrape: 'true'"), 37, []],
  ])("%s", (_rule, text, minor, expected) => {
    const fs = findingsOf(text, minor);
    expect(fs.map((f) => f.message)).toEqual(expected);
    for (const f of fs) expect(f).toMatchObject({ severity: "warning", code: "deprecated-annotation" });
  });
});
