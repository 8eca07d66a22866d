import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { findingsOf } from "./testHelpers";
import { appArmorProfileFormatError, validDeletionCost } from "./annotations";

// Upstream: kubernetes/kubernetes pkg/apis/core/validation/validation.go (master a7264f95):
// ValidatePodSpecificAnnotations, ValidateSeccompPodAnnotations, ValidateAppArmorPodAnnotations,
// validateSeccompAnnotationsAndFields, validateAppArmorAnnotationsAndFieldsMatchOnCreate;
// pkg/registry/core/pod/strategy.go applyAppArmorVersionSkew.

const podWith = (annotations: string, spec = "  containers:\n  - name: app\n    image: x\n") =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n${annotations}\nspec:\n${spec}`;

const deploymentWith = (annotations: string, spec = "      containers:\n      - name: app\n        image: x\n") =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      annotations:\n${annotations}\n    spec:\n${spec}`;

const cronJobWith = (annotations: string) =>
  `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        metadata:\n          annotations:\n${annotations}\n        spec:\n          restartPolicy: Never\n          containers:\n          - name: app\n            image: x\n`;

/** Errors only (warnings are tested in warnings.test.ts), as the API server prints them. */
const errors = (text: string, minor = 37) => findingsOf(text, minor).filter((f) => f.severity === "error");

describe("ValidatePodSpecificAnnotations", () => {
  it.each([
    ["ValidateAppArmorPodAnnotations: container not found", podWith("    container.apparmor.security.beta.kubernetes.io/web: runtime/default"), 37, ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: "web": container not found']],
    ["ValidateAppArmorPodAnnotations: the same at 1.23", podWith("    container.apparmor.security.beta.kubernetes.io/web: runtime/default"), 23, ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: "web": container not found']],
    ["ValidateAppArmorProfileFormat: invalid name", podWith("    container.apparmor.security.beta.kubernetes.io/app: docker-default"), 37, ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: Invalid value: "docker-default": invalid AppArmor profile name: "docker-default"']],
    ["ValidateAppArmorProfileFormat: empty, runtime/default, unconfined, localhost/x accepted", podWith('    container.apparmor.security.beta.kubernetes.io/app: ""'), 37, []],
    ["ValidateAppArmorPodAnnotations: both errors for one key", podWith("    container.apparmor.security.beta.kubernetes.io/db: Unconfined"), 29, ['metadata.annotations[container.apparmor.security.beta.kubernetes.io/db]: Invalid value: "db": container not found', 'metadata.annotations[container.apparmor.security.beta.kubernetes.io/db]: Invalid value: "Unconfined": invalid AppArmor profile name: "Unconfined"']],
    [
      "podSpecHasContainer: init and ephemeral containers count",
      podWith("    container.apparmor.security.beta.kubernetes.io/setup: runtime/default", "  initContainers:\n  - name: setup\n    image: x\n  containers:\n  - name: app\n    image: x\n"),
      37,
      [],
    ],
    ["ValidatePodSpecificAnnotations: a template prints <template>.annotations", deploymentWith("        container.apparmor.security.beta.kubernetes.io/web: runtime/default"), 37, ['spec.template.annotations[container.apparmor.security.beta.kubernetes.io/web]: Invalid value: "web": container not found']],
    ["ValidatePodSpecificAnnotations: a CronJob's template", cronJobWith("            container.apparmor.security.beta.kubernetes.io/app: foo"), 37, ['spec.jobTemplate.spec.template.annotations[container.apparmor.security.beta.kubernetes.io/app]: Invalid value: "foo": invalid AppArmor profile name: "foo"']],
    ["ValidateSeccompProfile: pod annotation (field.Path.Child)", podWith("    seccomp.security.alpha.kubernetes.io/pod: runtime/audit"), 37, ['metadata.annotations.seccomp.security.alpha.kubernetes.io/pod: Invalid value: "runtime/audit": must be a valid seccomp profile']],
    ["ValidateSeccompProfile: docker/default and unconfined accepted", podWith("    seccomp.security.alpha.kubernetes.io/pod: docker/default\n    container.seccomp.security.alpha.kubernetes.io/app: unconfined"), 37, []],
    ["validateLocalDescendingPath: absolute", podWith("    container.seccomp.security.alpha.kubernetes.io/app: localhost//etc/p.json"), 26, ['metadata.annotations.container.seccomp.security.alpha.kubernetes.io/app: Invalid value: "/etc/p.json": must be a relative path']],
    ["validatePathNoBacksteps: '..'", deploymentWith("        container.seccomp.security.alpha.kubernetes.io/app: localhost/../p.json"), 24, ['spec.template.annotations.container.seccomp.security.alpha.kubernetes.io/app: Invalid value: "../p.json": must not contain \'..\'']],
    ["ValidateSeccompPodAnnotations: a container key for no container is still checked", podWith("    container.seccomp.security.alpha.kubernetes.io/ghost: x"), 37, ['metadata.annotations.container.seccomp.security.alpha.kubernetes.io/ghost: Invalid value: "x": must be a valid seccomp profile']],
    ["mirror pod annotation without spec.nodeName", podWith("    kubernetes.io/config.mirror: abc"), 37, ['metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "abc": must set spec.nodeName if mirror pod annotation is set']],
    ["mirror pod annotation with spec.nodeName", podWith("    kubernetes.io/config.mirror: abc", "  nodeName: n1\n  containers:\n  - name: app\n    image: x\n"), 37, []],
    ["GetDeletionCostFromPodAnnotations: leading plus", podWith('    controller.kubernetes.io/pod-deletion-cost: "+10"'), 37, ['metadata.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "+10": must be a 32bit integer']],
    ["GetDeletionCostFromPodAnnotations: beyond int32", deploymentWith('        controller.kubernetes.io/pod-deletion-cost: "2147483648"'), 37, ['spec.template.annotations[controller.kubernetes.io/pod-deletion-cost]: Invalid value: "2147483648": must be a 32bit integer']],
  ])("%s", (_name, text, minor, expected) => {
    expect(errors(text, minor).map((f) => f.message)).toEqual(expected);
  });

  it.each([
    ["0", true],
    ["-0", true],
    ["-2147483648", true],
    ["2147483647", true],
    ["2147483648", false],
    ["008", false],
    ["+1", false],
    ["", false],
    ["-", false],
    ["1e3", false],
  ])("GetDeletionCostFromPodAnnotations accepts %j: %s", (value, ok) => {
    expect(validDeletionCost(value)).toBe(ok);
  });

  it.each([
    ["", undefined],
    ["runtime/default", undefined],
    ["unconfined", undefined],
    ["localhost/k8s-nginx", undefined],
    ["localhost/", undefined],
    ["Localhost/x", 'invalid AppArmor profile name: "Localhost/x"'],
  ])("ValidateAppArmorProfileFormat(%j)", (value, err) => {
    expect(appArmorProfileFormatError(value)).toBe(err);
  });
});

describe("validateSeccompAnnotationsAndFields", () => {
  const podSc = (a: string, sc: string) => podWith(a, `  securityContext:\n${sc}\n  containers:\n  - name: app\n    image: x\n`);
  const ctrSc = (a: string, sc: string) => podWith(a, `  containers:\n  - name: app\n    image: x\n    securityContext:\n${sc}\n`);
  it.each([
    ["pod: type differs", podSc("    seccomp.security.alpha.kubernetes.io/pod: unconfined", "    seccompProfile: {type: RuntimeDefault}"), 37, ["spec.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match"]],
    ["pod: docker/default matches RuntimeDefault", podSc("    seccomp.security.alpha.kubernetes.io/pod: docker/default", "    seccompProfile: {type: RuntimeDefault}"), 37, []],
    ["container: Localhost profile differs", ctrSc("    container.seccomp.security.alpha.kubernetes.io/app: localhost/a.json", "      seccompProfile: {type: Localhost, localhostProfile: b.json}"), 25, ["spec.containers[0].securityContext.seccompProfile.localhostProfile: Forbidden: seccomp profile in annotation and field must match"]],
    ["container: Unconfined vs runtime/default", ctrSc("    container.seccomp.security.alpha.kubernetes.io/app: runtime/default", "      seccompProfile: {type: Unconfined}"), 37, ["spec.containers[0].securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match"]],
    ["a container inheriting the pod field is not compared with its annotation", podSc("    container.seccomp.security.alpha.kubernetes.io/app: unconfined", "    seccompProfile: {type: RuntimeDefault}"), 37, []],
    ["template", deploymentWith("        seccomp.security.alpha.kubernetes.io/pod: unconfined", "      securityContext:\n        seccompProfile: {type: Localhost, localhostProfile: p.json}\n      containers:\n      - name: app\n        image: x\n"), 30, ["spec.template.spec.securityContext.seccompProfile.type: Forbidden: seccomp type in annotation and field must match"]],
  ])("%s", (_name, text, minor, expected) => {
    expect(errors(text, minor).map((f) => f.message)).toEqual(expected);
  });
});

describe("validateAppArmorAnnotationsAndFieldsMatchOnCreate", () => {
  const A = "    container.apparmor.security.beta.kubernetes.io/app: ";
  const ctr = (sc: string, podSc = "") => `${podSc}  containers:\n  - name: app\n    image: x\n${sc ? `    securityContext:\n${sc}\n` : ""}`;
  it.each([
    ["Pod: container field differs from its annotation", podWith(`${A}unconfined`, ctr("      appArmorProfile: {type: RuntimeDefault}")), 37, ["spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match"]],
    ["Pod: Localhost name differs", podWith(`${A}localhost/a`, ctr("      appArmorProfile: {type: Localhost, localhostProfile: b}")), 31, ["spec.containers[0].securityContext.appArmorProfile.localhostProfile: Forbidden: apparmor profile in annotation and field must match"]],
    ["Pod: the annotation is synced into the container's field first (no error)", podWith(`${A}unconfined`, ctr("", "  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n")), 37, []],
    ["Pod: an annotation that cannot be synced is compared with the pod's field", podWith(`${A}localhost/`, ctr("", "  securityContext:\n    appArmorProfile: {type: RuntimeDefault}\n")), 37, ["spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match"]],
    ["Deployment: no sync, the pod's field is compared", deploymentWith(`    ${A}unconfined`, "      securityContext:\n        appArmorProfile: {type: RuntimeDefault}\n      containers:\n      - name: app\n        image: x\n"), 37, ["spec.template.spec.containers[0].securityContext.appArmorProfile.type: Forbidden: apparmor type in annotation and field must match"]],
    ["before 1.30 there are no fields to compare", podWith(`${A}unconfined`, ctr("")), 29, []],
    ["Windows pods are skipped", podWith(`${A}unconfined`, "  os: {name: windows}\n" + ctr("      appArmorProfile: {type: RuntimeDefault}")), 37, ["spec.containers[0].securityContext.appArmorProfile: Forbidden: cannot be set for a windows pod"]],
  ])("%s", (_name, text, minor, expected) => {
    expect(errors(text, minor).map((f) => f.message)).toEqual(expected);
  });

  it("applyAppArmorVersionSkew warns about a Pod's annotation it syncs (1.30+)", () => {
    const fs = findingsOf(podWith(`${A}runtime/default`), 37).filter((f) => f.code === "deprecated-annotation");
    expect(fs.map((f) => f.message)).toEqual(['metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]: deprecated since v1.30; use the "appArmorProfile" field instead']);
    expect(findingsOf(podWith(`${A}runtime/default`), 29).filter((f) => f.code === "deprecated-annotation")).toEqual([]);
  });
});

describe("diagnostics point at what the message names", () => {
  it("an AppArmor annotation naming no container: the annotation's key", () => {
    const text = podWith("    container.apparmor.security.beta.kubernetes.io/web: runtime/default");
    const d = analyze(text).diagnostics.find((x) => x.message.includes("container not found"))!;
    expect(d).toMatchObject({ line: 6, column: 5, path: "metadata.annotations[container.apparmor.security.beta.kubernetes.io/web]", severity: "error" });
  });
  it("an invalid profile name: the annotation's value", () => {
    const text = deploymentWith("        container.apparmor.security.beta.kubernetes.io/app: bogus");
    const d = analyze(text).diagnostics.find((x) => x.message.includes("invalid AppArmor profile name"))!;
    expect(d).toMatchObject({ line: 8, column: 61, path: "spec.template.metadata.annotations[container.apparmor.security.beta.kubernetes.io/app]" });
  });
  it("a seccomp mismatch: the field's type key", () => {
    const text = podWith("    seccomp.security.alpha.kubernetes.io/pod: unconfined", "  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n  containers:\n  - name: app\n    image: x\n");
    const d = analyze(text, { kubernetes: "1.26" }).diagnostics.find((x) => x.message.includes("must match"))!;
    expect(d).toMatchObject({ line: 10, column: 7, path: "spec.securityContext.seccompProfile.type" });
  });
});
