// Fix suggestions: each is the smallest edit for its check, and applying all of them makes the pod
// pass the level (checked by re-evaluating with the same upstream rules).
import { describe, expect, it } from "vitest";
import { golden } from "./testFixtures.ts";
import { evaluatePss, suggestFixes, type FixEdit, type PssInput } from "./index.ts";

/** Applies edits to a copy of the input: paths are dotted/bracket, objects are created on the way. */
function apply(input: PssInput, edits: FixEdit[]): PssInput {
  const out = structuredClone({ metadata: input.metadata ?? {}, spec: input.spec ?? {} }) as { metadata: unknown; spec: unknown };
  for (const e of edits) {
    const tokens = [...e.path.matchAll(/([^.[\]]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/g)].map((m) =>
      m[1] !== undefined ? m[1] : m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]) as string),
    );
    let node = (e.base === "metadata" ? out.metadata : out.spec) as Record<string | number, unknown>;
    for (let i = 0; i < tokens.length - 1; i++) {
      const next = node[tokens[i]];
      if (typeof next !== "object" || next === null) node[tokens[i]] = typeof tokens[i + 1] === "number" ? [] : {};
      node = node[tokens[i]] as Record<string | number, unknown>;
    }
    const last = tokens[tokens.length - 1];
    if (e.value === undefined) delete node[last];
    else node[last] = structuredClone(e.value);
  }
  return out;
}


describe("suggestFixes", () => {
  it("the golden pod needs only a pod-level RuntimeDefault seccomp profile for restricted", () => {
    expect(suggestFixes(golden, "restricted", "latest")).toEqual([
      {
        check: "seccompProfile_restricted",
        description: expect.any(String),
        edits: [{ path: "securityContext.seccompProfile", value: { type: "RuntimeDefault" } }],
      },
    ]);
    expect(suggestFixes(golden, "baseline", "latest")).toEqual([]);
  });

  it("a bare container at restricted: one edit per missing field, container-level where upstream demands it", () => {
    const input: PssInput = { spec: { containers: [{ name: "app", image: "nginx" }] } };
    expect(suggestFixes(input, "restricted", "latest").map(({ check, edits }) => ({ check, edits }))).toEqual([
      { check: "allowPrivilegeEscalation", edits: [{ path: "containers[0].securityContext.allowPrivilegeEscalation", value: false }] },
      { check: "capabilities_restricted", edits: [{ path: "containers[0].securityContext.capabilities.drop", value: ["ALL"] }] },
      { check: "runAsNonRoot", edits: [{ path: "securityContext.runAsNonRoot", value: true }] },
      { check: "seccompProfile_restricted", edits: [{ path: "securityContext.seccompProfile", value: { type: "RuntimeDefault" } }] },
    ]);
  });

  it("keeps what is allowed: safe sysctls, default capabilities, NET_BIND_SERVICE", () => {
    const input: PssInput = {
      spec: {
        securityContext: { sysctls: [{ name: "kernel.msgmax", value: "1" }, { name: "net.ipv4.tcp_rmem", value: "4096 87380 6291456" }] },
        containers: [{ name: "a", securityContext: { capabilities: { add: ["CHOWN", "SYS_ADMIN"] } } }],
      },
    };
    expect(suggestFixes(input, "baseline", "1.31").map((s) => s.edits)).toEqual([
      [{ path: "containers[0].securityContext.capabilities.add", value: ["CHOWN"] }],
      // tcp_rmem is not safe before 1.32.
      [{ path: "securityContext.sysctls", value: undefined }],
    ]);
    expect(suggestFixes(input, "baseline", "1.32").map((s) => s.edits)).toEqual([
      [{ path: "containers[0].securityContext.capabilities.add", value: ["CHOWN"] }],
      [{ path: "securityContext.sysctls", value: [{ name: "net.ipv4.tcp_rmem", value: "4096 87380 6291456" }] }],
    ]);
    const restricted: PssInput = { spec: { containers: [{ name: "a", securityContext: { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE", "NET_RAW"] } } }] } };
    expect(suggestFixes(restricted, "restricted", "latest").find((s) => s.check === "capabilities_restricted")!.edits).toEqual([
      { path: "containers[0].securityContext.capabilities.add", value: ["NET_BIND_SERVICE"] },
    ]);
  });

  it("annotations are edited on the metadata", () => {
    const input: PssInput = { metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/a": "unconfined" } }, spec: { containers: [{ name: "a" }] } };
    expect(suggestFixes(input, "baseline", "latest")[0].edits).toEqual([
      { base: "metadata", path: 'annotations["container.apparmor.security.beta.kubernetes.io/a"]', value: undefined },
    ]);
  });

  it("a host volume is replaced by an emptyDir of the same name (its mounts still resolve)", () => {
    const input: PssInput = { spec: { volumes: [{ name: "ok", secret: { secretName: "s" } }, { name: "data", hostPath: { path: "/data" } }] } };
    expect(suggestFixes(input, "baseline", "latest")[0]).toMatchObject({ check: "hostPathVolumes", edits: [{ path: "volumes[1]", value: { name: "data", emptyDir: {} } }] });
  });

  it("the index in the path is the index as written, even after entries that are not containers", () => {
    const input: PssInput = { spec: { containers: ["junk", { name: "b", securityContext: { privileged: true } }] } };
    expect(suggestFixes(input, "baseline", "latest")[0].edits).toEqual([{ path: "containers[1].securityContext.privileged", value: undefined }]);
  });
});

describe("applying every fix makes the pod pass", () => {
  const everything: PssInput = {
    metadata: {
      annotations: {
        "container.apparmor.security.beta.kubernetes.io/app": "unconfined",
        "seccomp.security.alpha.kubernetes.io/pod": "unconfined",
      },
    },
    spec: {
      hostNetwork: true,
      hostPID: true,
      securityContext: {
        runAsUser: 0,
        runAsNonRoot: false,
        seLinuxOptions: { type: "spc_t", user: "system_u", level: "s0" },
        sysctls: [{ name: "kernel.msgmax", value: "1" }, { name: "kernel.shm_rmid_forced", value: "1" }],
        seccompProfile: { type: "Unconfined" },
        appArmorProfile: { type: "Unconfined" },
        windowsOptions: { hostProcess: true },
      },
      volumes: [{ name: "host", hostPath: { path: "/" } }, { name: "nfs", nfs: { server: "s", path: "/" } }, { name: "cm", configMap: { name: "c" } }],
      initContainers: [{ name: "init", securityContext: { runAsUser: 0, procMount: "Unmasked", seccompProfile: { type: "Unconfined" } } }],
      containers: [
        {
          name: "app",
          ports: [{ containerPort: 80, hostPort: 8080 }],
          livenessProbe: { httpGet: { host: "10.0.0.1", port: 80 }, tcpSocket: { host: "10.0.0.2", port: 80 } },
          lifecycle: { preStop: { httpGet: { host: "example.com", port: 80 } } },
          securityContext: {
            privileged: true,
            allowPrivilegeEscalation: true,
            runAsNonRoot: false,
            capabilities: { add: ["SYS_ADMIN", "NET_BIND_SERVICE"], drop: ["NET_RAW"] },
            appArmorProfile: { type: "Unconfined" },
            seLinuxOptions: { role: "r" },
            windowsOptions: { hostProcess: true },
          },
        },
        { name: "side" },
      ],
      ephemeralContainers: [{ name: "debug", securityContext: { privileged: true } }],
    },
  };

  it.each([
    ["baseline", "1.23"],
    ["baseline", "1.30"],
    ["baseline", "1.35"],
    ["baseline", "latest"],
    ["restricted", "1.23"],
    ["restricted", "1.25"],
    ["restricted", "1.34"],
    ["restricted", "latest"],
    ["baseline", "1.18"],
    ["restricted", "1.18"],
  ] as const)("%s at %s", (level, version) => {
    const before = evaluatePss(everything, level, version);
    expect(before.allowed).toBe(false);
    const fixes = suggestFixes(everything, level, version);
    expect(fixes.map((f) => f.check)).toEqual(before.violations.map((v) => v.check));
    for (const f of fixes) expect(f.description).not.toBe("");
    const fixed = apply(everything, fixes.flatMap((f) => f.edits));
    expect(evaluatePss(fixed, level, version)).toEqual({ allowed: true, violations: [] });
  });

  it("each fix alone clears its own check", () => {
    for (const level of ["baseline", "restricted"] as const) {
      for (const fix of suggestFixes(everything, level, "latest")) {
        const after = evaluatePss(apply(everything, fix.edits), level, "latest");
        expect(after.violations.map((v) => v.check), `${level} ${fix.check}`).not.toContain(fix.check);
      }
    }
  });

  it("a hostNetwork Pod's defaulted host ports go away with hostNetwork", () => {
    const pod: PssInput = { kind: "Pod", spec: { hostNetwork: true, containers: [{ name: "a", ports: [{ containerPort: 80 }] }] } };
    const fixes = suggestFixes(pod, "baseline", "latest");
    expect(fixes.map((f) => f.check)).toEqual(["hostNamespaces", "hostPorts"]);
    expect(fixes[1].edits).toEqual([]);
    expect(evaluatePss({ ...apply(pod, fixes.flatMap((f) => f.edits)), kind: "Pod" }, "baseline", "latest").allowed).toBe(true);
  });
});
