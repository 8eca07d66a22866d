// Whole-level evaluation: which checks run, in which order (upstream policy/registry.go), how
// versions resolve, and that malformed input never throws.
import { describe, expect, it } from "vitest";
import { golden } from "./testFixtures.ts";
import { checksFor, evaluatePss, forbiddenDetail, MAX_POLICY_MINOR, resolvePolicyMinor, type PssInput } from "./index.ts";
import { LATEST, SUPPORTED_VERSIONS } from "../versions.ts";


describe("the golden standard pod", () => {
  it.each(SUPPORTED_VERSIONS.map((v) => [v]))("passes baseline at %s", (v) => {
    expect(evaluatePss(golden, "baseline", v)).toEqual({ allowed: true, violations: [] });
  });

  it.each([...SUPPORTED_VERSIONS, "latest"].map((v) => [v]))("fails restricted at %s only for seccompProfile_restricted", (v) => {
    // Nothing at pod level and nothing on the container: the implicit wording "pod or container ...".
    expect(evaluatePss(golden, "restricted", v)).toEqual({
      allowed: false,
      violations: [
        {
          check: "seccompProfile_restricted",
          reason: "seccompProfile",
          detail: 'pod or container "my-app" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
        },
      ],
    });
  });

  it("passes restricted once the pod sets seccompProfile RuntimeDefault", () => {
    const spec = structuredClone(golden.spec) as { securityContext: Record<string, unknown> };
    spec.securityContext.seccompProfile = { type: "RuntimeDefault" };
    expect(evaluatePss({ spec }, "restricted", "latest").allowed).toBe(true);
  });

  it("uses the explicit wording when the pod sets a forbidden type (pod-level vs container-level)", () => {
    const spec = structuredClone(golden.spec) as { securityContext: Record<string, unknown> };
    spec.securityContext.seccompProfile = { type: "Unconfined" };
    expect(evaluatePss({ spec }, "restricted", "latest").violations).toEqual([
      { check: "seccompProfile_restricted", reason: "seccompProfile", detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
    ]);
  });
});

describe("order and overrides (registry.go: baseline IDs sorted, then restricted IDs sorted)", () => {
  const bad: PssInput = {
    metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/app": "unconfined" } },
    spec: {
      hostNetwork: true,
      hostUsers: false,
      securityContext: { runAsUser: 0, seLinuxOptions: { user: "u" }, sysctls: [{ name: "kernel.msgmax", value: "1" }], seccompProfile: { type: "Unconfined" } },
      volumes: [{ name: "host", hostPath: { path: "/" } }],
      containers: [
        {
          name: "app",
          ports: [{ containerPort: 80, hostPort: 80 }],
          securityContext: { privileged: true, procMount: "Unmasked", capabilities: { add: ["NET_ADMIN"] }, windowsOptions: { hostProcess: true } },
          livenessProbe: { httpGet: { host: "10.0.0.1", port: 80 } },
        },
      ],
    },
  };

  it("baseline at latest", () => {
    // hostUsers: false relaxes procMount at baseline from 1.35.
    expect(evaluatePss(bad, "baseline", "latest").violations.map((v) => v.check)).toEqual([
      "appArmorProfile",
      "capabilities_baseline",
      "hostNamespaces",
      "hostPathVolumes",
      "hostPorts",
      "hostProbesAndHostLifecycle",
      "privileged",
      "seLinuxOptions",
      "seccompProfile_baseline",
      "sysctls",
      "windowsHostProcess",
    ]);
  });

  it("restricted at latest: overridden baseline checks give way to their restricted versions", () => {
    expect(evaluatePss(bad, "restricted", "latest").violations.map((v) => v.check)).toEqual([
      "appArmorProfile",
      "hostNamespaces",
      "hostPorts",
      "hostProbesAndHostLifecycle",
      "privileged",
      "seLinuxOptions",
      "sysctls",
      "windowsHostProcess",
      "allowPrivilegeEscalation",
      "capabilities_restricted",
      "procMount_restricted",
      "restrictedVolumes",
      // runAsNonRoot and runAsUser are relaxed by hostUsers: false from 1.35.
      "seccompProfile_restricted",
    ]);
  });

  it("restricted at 1.33: no probe host check yet, procMount is the baseline check, no user-namespace relaxations", () => {
    expect(evaluatePss(bad, "restricted", "1.33").violations.map((v) => v.check)).toEqual([
      "appArmorProfile",
      "hostNamespaces",
      "hostPorts",
      "privileged",
      "procMount",
      "seLinuxOptions",
      "sysctls",
      "windowsHostProcess",
      "allowPrivilegeEscalation",
      "capabilities_restricted",
      "restrictedVolumes",
      "runAsNonRoot",
      "runAsUser",
      "seccompProfile_restricted",
    ]);
  });

  it("the aggregated message joins reason (detail) pairs with commas (checks.go ForbiddenDetail)", () => {
    const r = evaluatePss({ spec: { hostPID: true, containers: [{ name: "c", securityContext: { privileged: true } }] } }, "baseline", "latest");
    expect(forbiddenDetail(r.violations)).toBe('host namespaces (hostPID=true), privileged (container "c" must not set securityContext.privileged=true)');
    expect(forbiddenDetail([{ check: "sysctls", reason: "forbidden sysctls", detail: "" }])).toBe("forbidden sysctls");
  });

  it("checksFor lists the restricted set per version", () => {
    expect(checksFor("restricted", 23).map((c) => c.check.id)).not.toContain("capabilities_baseline");
    expect(checksFor("restricted", 23).map((c) => c.check.id)).not.toContain("hostPathVolumes");
    expect(checksFor("baseline", 23).map((c) => c.check.id)).toContain("hostPathVolumes");
    expect(checksFor("baseline", 34).map((c) => c.check.id)).toContain("hostProbesAndHostLifecycle");
  });
});

describe("versions", () => {
  it("latest is the newest policy version any check defines, which is the newest supported release", () => {
    expect(MAX_POLICY_MINOR).toBe(37);
    expect(`1.${MAX_POLICY_MINOR}`).toBe(LATEST);
    expect(resolvePolicyMinor("latest")).toBe(37);
  });

  it.each([
    ["1.30", 30],
    ["v1.30", 30],
    ["1.23", 23],
    // Newer than any check: evaluated as the newest (registry.go clamps to maxVersion).
    ["v1.40", 37],
    // Older versions are evaluated with the implementations that applied then.
    ["v1.18", 18],
    // Unreadable: latest, as for an invalid namespace label.
    ["banana", 37],
    ["", 37],
  ])("%s resolves to minor %d", (v, minor) => {
    expect(resolvePolicyMinor(v as string)).toBe(minor);
  });

  it("an API server cap lowers latest", () => {
    expect(resolvePolicyMinor("latest", 30)).toBe(30);
    expect(resolvePolicyMinor("v1.35", 30)).toBe(30);
    expect(resolvePolicyMinor("v1.25", 30)).toBe(25);
  });
});

describe("malformed input never throws and is read as upstream decoding would allow", () => {
  const shapes: unknown[] = [
    undefined,
    null,
    "oops",
    42,
    [],
    { securityContext: "oops" },
    { containers: {} },
    { containers: "x", initContainers: 3, ephemeralContainers: [null, 1, "a", []] },
    { containers: [null, 7, "c", { name: 5, securityContext: [], ports: "80" }] },
    { containers: [{ name: "a", securityContext: { capabilities: "ALL", seccompProfile: "RuntimeDefault", seLinuxOptions: 1, windowsOptions: [] } }] },
    { containers: [{ name: "a", securityContext: { capabilities: { add: [1, null, {}], drop: "ALL" } } }] },
    { containers: [{ name: "a", ports: [null, { hostPort: "80" }, { hostPort: 80.5 }], livenessProbe: "x", lifecycle: { preStop: 1 } }] },
    { volumes: {}, os: "windows", hostUsers: "false", securityContext: { sysctls: "a=b" } },
    { volumes: [null, "v", { name: 1, hostPath: "x" }] },
  ];
  const metas: unknown[] = [undefined, null, "m", { annotations: "x" }, { annotations: { a: 1, "container.apparmor.security.beta.kubernetes.io/a": ["x"] } }];

  it.each(shapes.map((s, i) => [i, s]))("spec shape #%i", (_i, spec) => {
    for (const metadata of metas) {
      for (const level of ["baseline", "restricted"] as const) {
        for (const version of ["1.23", "1.25", "1.35", "latest", "nonsense"]) {
          expect(() => evaluatePss({ metadata, spec }, level, version)).not.toThrow();
        }
      }
    }
  });

  it('securityContext: "oops" is no securityContext', () => {
    expect(evaluatePss({ spec: { securityContext: "oops", containers: [{ name: "a", securityContext: "oops" }] } }, "baseline", "latest")).toEqual({
      allowed: true,
      violations: [],
    });
    expect(evaluatePss({ spec: { securityContext: "oops", containers: [{ name: "a" }] } }, "restricted", "latest").violations.map((v) => v.check)).toEqual([
      "allowPrivilegeEscalation",
      "capabilities_restricted",
      "runAsNonRoot",
      "seccompProfile_restricted",
    ]);
  });

  it("containers: {} is no containers, so restricted has nothing to complain about", () => {
    expect(evaluatePss({ spec: { containers: {} } }, "restricted", "latest")).toEqual({ allowed: true, violations: [] });
  });

  it("non-object container entries are skipped; a container without a name is named \"\"", () => {
    const r = evaluatePss({ spec: { containers: ["x", { securityContext: { privileged: true } }] } }, "baseline", "latest");
    expect(r.violations).toEqual([{ check: "privileged", reason: "privileged", detail: 'container "" must not set securityContext.privileged=true' }]);
  });

  it("an input that is not an object, and a level that is not baseline or restricted, do not throw", () => {
    expect(evaluatePss(undefined as unknown as PssInput, "restricted", "latest")).toEqual({ allowed: true, violations: [] });
    expect(evaluatePss(golden, "privileged" as "baseline", "latest")).toEqual({ allowed: true, violations: [] });
  });

  it("an annotation key like __proto__ is an ordinary annotation", () => {
    const metadata = JSON.parse('{"annotations": {"__proto__": "x", "container.apparmor.security.beta.kubernetes.io/a": "unconfined"}}');
    expect(evaluatePss({ metadata, spec: {} }, "baseline", "latest").violations.map((v) => v.check)).toEqual(["appArmorProfile"]);
  });
});
