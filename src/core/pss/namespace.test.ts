// Namespace labels (upstream api/helpers.go PolicyToEvaluate) and the admission answer
// (admission/admission.go EvaluatePod, ValidatePod, ValidatePodController).
import { describe, expect, it } from "vitest";
import {
  admitWorkload,
  formatForbiddenError,
  formatWarning,
  kubectlForbidden,
  kubectlWarning,
  parseNamespacePolicy,
  type NamespacePolicy,
  type PssInput,
} from "./index.ts";

const P = (level: string, version = "latest") => ({ level, version });

describe("parseNamespacePolicy", () => {
  it.each([
    {
      name: "no labels: the default privileged:latest everywhere",
      labels: {},
      expect: { enforce: P("privileged"), audit: P("privileged"), warn: P("privileged"), errors: [] },
    },
    {
      name: "labels that are not a map: defaults",
      labels: "enforce=restricted",
      expect: { enforce: P("privileged"), audit: P("privileged"), warn: P("privileged"), errors: [] },
    },
    {
      name: "enforce without version means latest; warn follows a stricter enforce (with its version)",
      labels: { "pod-security.kubernetes.io/enforce": "restricted" },
      expect: { enforce: P("restricted"), audit: P("privileged"), warn: P("restricted"), errors: [] },
    },
    {
      name: "warn follows enforce's version too, unless warn-version is set",
      labels: { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "v1.30" },
      expect: { enforce: P("baseline", "v1.30"), audit: P("privileged"), warn: P("baseline", "v1.30"), errors: [] },
    },
    {
      name: "an explicit warn-version is kept when warn follows enforce",
      labels: {
        "pod-security.kubernetes.io/enforce": "baseline",
        "pod-security.kubernetes.io/enforce-version": "v1.30",
        "pod-security.kubernetes.io/warn-version": "v1.29",
      },
      expect: { enforce: P("baseline", "v1.30"), audit: P("privileged"), warn: P("baseline", "v1.29"), errors: [] },
    },
    {
      name: "an explicit warn level is not overridden",
      labels: { "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "baseline", "pod-security.kubernetes.io/audit": "restricted" },
      expect: { enforce: P("restricted"), audit: P("restricted"), warn: P("baseline"), errors: [] },
    },
    {
      name: "invalid enforce level reads as restricted (fail closed), and warn does not follow it",
      labels: { "pod-security.kubernetes.io/enforce": "Restricted" },
      expect: {
        enforce: P("restricted"),
        audit: P("privileged"),
        warn: P("privileged"),
        errors: [
          {
            label: "pod-security.kubernetes.io/enforce",
            value: "Restricted",
            message: 'metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "Restricted": must be one of privileged, baseline, restricted',
          },
        ],
      },
    },
    {
      name: "invalid audit and warn levels read as privileged (fail open); a version without v reads as latest",
      labels: {
        "pod-security.kubernetes.io/audit": "strict",
        "pod-security.kubernetes.io/warn": "",
        "pod-security.kubernetes.io/warn-version": "1.30",
      },
      expect: {
        enforce: P("privileged"),
        audit: P("privileged"),
        warn: P("privileged"),
        errors: [
          {
            label: "pod-security.kubernetes.io/audit",
            value: "strict",
            message: 'metadata.labels[pod-security.kubernetes.io/audit]: Invalid value: "strict": must be one of privileged, baseline, restricted',
          },
          {
            label: "pod-security.kubernetes.io/warn",
            value: "",
            message: 'metadata.labels[pod-security.kubernetes.io/warn]: Invalid value: "": must be one of privileged, baseline, restricted',
          },
          {
            label: "pod-security.kubernetes.io/warn-version",
            value: "1.30",
            message: 'metadata.labels[pod-security.kubernetes.io/warn-version]: Invalid value: "1.30": must be "latest" or "v1.x"',
          },
        ],
      },
    },
    {
      name: "versions: v1.x without leading zeros; future versions are valid",
      labels: { "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": "v1.50", "pod-security.kubernetes.io/audit-version": "v1.025" },
      expect: {
        enforce: P("baseline", "v1.50"),
        audit: P("privileged"),
        warn: P("baseline", "v1.50"),
        errors: [
          {
            label: "pod-security.kubernetes.io/audit-version",
            value: "v1.025",
            message: 'metadata.labels[pod-security.kubernetes.io/audit-version]: Invalid value: "v1.025": must be "latest" or "v1.x"',
          },
        ],
      },
    },
    {
      name: "label values that are not strings are ignored",
      labels: { "pod-security.kubernetes.io/enforce": 1 },
      expect: { enforce: P("privileged"), audit: P("privileged"), warn: P("privileged"), errors: [] },
    },
  ])("$name", ({ labels, expect: want }) => {
    expect(parseNamespacePolicy(labels)).toEqual(want);
  });
});

const failing: PssInput = {
  spec: { containers: [{ name: "app", image: "nginx" }] },
};
const restrictedDetail =
  'allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "app" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "app" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

const policy = (labels: Record<string, string>): NamespacePolicy => parseNamespacePolicy(labels);

describe("messages", () => {
  it("Forbidden error for a pod (apierrors.NewForbidden + admission.go)", () => {
    const lv = { level: "restricted" as const, version: "latest" };
    const r = admitWorkload({ kind: "Pod", name: "web", input: failing, policy: policy({ "pod-security.kubernetes.io/enforce": "restricted" }) });
    expect(r).toEqual({
      allowed: false,
      error: `pods "web" is forbidden: violates PodSecurity "restricted:latest": ${restrictedDetail}`,
      warnings: [],
    });
    expect(formatForbiddenError("", lv, [])).toBe('pods is forbidden: violates PodSecurity "restricted:latest": ');
    expect(kubectlForbidden(r.error!, "pod.yaml")).toBe(`Error from server (Forbidden): error when creating "pod.yaml": ${r.error}`);
    expect(kubectlForbidden(r.error!)).toBe(`Error from server (Forbidden): ${r.error}`);
  });

  it("warning text and how kubectl prints it", () => {
    const w = formatWarning({ level: "baseline", version: "v1.30" }, [{ check: "hostNamespaces", reason: "host namespaces", detail: "hostNetwork=true" }]);
    expect(w).toBe('would violate PodSecurity "baseline:v1.30": host namespaces (hostNetwork=true)');
    expect(kubectlWarning(w)).toBe('Warning: would violate PodSecurity "baseline:v1.30": host namespaces (hostNetwork=true)');
  });
});

describe("admitWorkload", () => {
  it("a pod that passes enforce but fails warn is admitted with a warning", () => {
    const r = admitWorkload({
      kind: "Pod",
      name: "web",
      input: failing,
      policy: policy({ "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/warn": "restricted" }),
    });
    expect(r).toEqual({ allowed: true, warnings: [`would violate PodSecurity "restricted:latest": ${restrictedDetail}`] });
  });

  it("a pod rejected by enforce gets no warning, but the audit violation is still recorded", () => {
    const r = admitWorkload({
      kind: "Pod",
      name: "web",
      input: failing,
      policy: policy({ "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/audit": "restricted" }),
    });
    expect(r.allowed).toBe(false);
    expect(r.warnings).toEqual([]);
    expect(r.auditViolation).toBe(`would violate PodSecurity "restricted:latest": ${restrictedDetail}`);
  });

  it("pod controllers are never enforced: a Deployment only gets the warning (warn defaults to enforce)", () => {
    const r = admitWorkload({ kind: "Deployment", name: "web", input: failing, policy: policy({ "pod-security.kubernetes.io/enforce": "restricted" }) });
    expect(r).toEqual({ allowed: true, warnings: [`would violate PodSecurity "restricted:latest": ${restrictedDetail}`] });
  });

  it.each(["ReplicationController", "PodTemplate", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob"])("%s is a pod controller", (kind) => {
    const r = admitWorkload({ kind, name: "x", input: failing, policy: policy({ "pod-security.kubernetes.io/enforce": "restricted" }) });
    expect(r.allowed).toBe(true);
    expect(r.warnings).toHaveLength(1);
  });

  it("kinds without a pod spec PSA reads are not evaluated", () => {
    expect(admitWorkload({ kind: "ConfigMap", name: "x", input: failing, policy: policy({ "pod-security.kubernetes.io/enforce": "restricted" }) })).toEqual({
      allowed: true,
      warnings: [],
    });
  });

  it("a fully privileged namespace admits anything silently", () => {
    expect(admitWorkload({ kind: "Pod", name: "x", input: { spec: { hostPID: true } }, policy: policy({}) })).toEqual({ allowed: true, warnings: [] });
  });

  it("an invalid enforce label is enforced as restricted", () => {
    const r = admitWorkload({ kind: "Pod", name: "web", input: failing, policy: policy({ "pod-security.kubernetes.io/enforce": "strict" }) });
    expect(r.error).toBe(`pods "web" is forbidden: violates PodSecurity "restricted:latest": ${restrictedDetail}`);
  });

  it("the version label picks the policy, and is printed as written", () => {
    const input: PssInput = { spec: { containers: [{ name: "a", livenessProbe: { httpGet: { host: "1.2.3.4", port: 80 } } }] } };
    const at = (v: string) =>
      admitWorkload({ kind: "Pod", name: "p", input, policy: policy({ "pod-security.kubernetes.io/enforce": "baseline", "pod-security.kubernetes.io/enforce-version": v }) });
    expect(at("v1.33")).toEqual({ allowed: true, warnings: [] });
    expect(at("v1.34").error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.34": probe or lifecycle host (container "a" uses probe or lifecycle host "1.2.3.4")');
    // v1.50 is newer than any policy: evaluated as the newest, printed as written.
    expect(at("v1.50").error).toBe('pods "p" is forbidden: violates PodSecurity "baseline:v1.50": probe or lifecycle host (container "a" uses probe or lifecycle host "1.2.3.4")');
  });

  it("an older API server evaluates latest at its own version", () => {
    const input: PssInput = { spec: { containers: [{ name: "a", livenessProbe: { httpGet: { host: "1.2.3.4", port: 80 } } }] } };
    const pol = policy({ "pod-security.kubernetes.io/enforce": "baseline" });
    expect(admitWorkload({ kind: "Pod", name: "p", input, policy: pol, kubernetes: "1.33" })).toEqual({ allowed: true, warnings: [] });
    expect(admitWorkload({ kind: "Pod", name: "p", input, policy: pol, kubernetes: "1.34" }).allowed).toBe(false);
  });

  it("a hostNetwork Pod also reports its ports as host ports (API defaulting); its Deployment does not", () => {
    const input: PssInput = { spec: { hostNetwork: true, containers: [{ name: "a", ports: [{ containerPort: 80 }] }] } };
    const pol = policy({ "pod-security.kubernetes.io/enforce": "baseline" });
    expect(admitWorkload({ kind: "Pod", name: "p", input, policy: pol }).error).toBe(
      'pods "p" is forbidden: violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true), hostPort (container "a" uses hostPort 80)',
    );
    expect(admitWorkload({ kind: "Deployment", name: "p", input, policy: pol }).warnings).toEqual([
      'would violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)',
    ]);
  });
});
