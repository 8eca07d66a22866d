// One table per check: each case names the upstream rule it exercises (file and versioned
// implementation in kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/).
import { describe, expect, it } from "vitest";
import { PSS_CHECKS, resolvePolicyMinor, versionedCheckAt } from "./registry.ts";
import { decodePod } from "./decode.ts";
import type { CheckResult } from "./check.ts";

interface Case {
  name: string;
  version: string;
  spec: unknown;
  metadata?: unknown;
  kind?: string;
  /** undefined: the check allows the pod; null: the check does not exist at that version. */
  expect?: { reason: string; detail: string } | null;
}

function runCheck(id: string, c: Case): CheckResult | null {
  const check = PSS_CHECKS.find((x) => x.id === id);
  if (!check) throw new Error(`no check ${id}`);
  const v = versionedCheckAt(check, resolvePolicyMinor(c.version));
  return v ? v.checkPod(decodePod(c.metadata, c.spec, c.kind === "Pod")) : null;
}

function table(id: string, cases: Case[]) {
  describe(id, () => {
    it.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
      const result = runCheck(id, c);
      if (c.expect === null) expect(result).toBeNull();
      else if (c.expect === undefined) expect(result).toEqual({ allowed: true });
      else expect(result).toEqual({ allowed: false, ...c.expect });
    });
  });
}

const ctr = (name: string, securityContext?: unknown, extra: Record<string, unknown> = {}) => ({
  name,
  image: "img",
  ...(securityContext === undefined ? {} : { securityContext }),
  ...extra,
});

// ---------------------------------------------------------------- baseline

table("hostNamespaces", [
  { name: "hostNamespaces_1_0: nothing set is allowed", version: "latest", spec: { containers: [ctr("a")] } },
  {
    name: "hostNamespaces_1_0: hostNetwork=true is listed",
    version: "1.23",
    spec: { hostNetwork: true, containers: [ctr("a")] },
    expect: { reason: "host namespaces", detail: "hostNetwork=true" },
  },
  {
    name: "hostNamespaces_1_0: all three, always in the order network, PID, IPC",
    version: "latest",
    spec: { hostIPC: true, hostPID: true, hostNetwork: true },
    expect: { reason: "host namespaces", detail: "hostNetwork=true, hostPID=true, hostIPC=true" },
  },
  { name: "hostNamespaces_1_0: false is allowed", version: "latest", spec: { hostPID: false, hostIPC: false } },
  { name: "decoding: a string 'true' is not a bool, so not set", version: "latest", spec: { hostPID: "true" } },
]);

table("hostPorts", [
  {
    name: "hostPorts_1_0: one container, one port",
    version: "1.23",
    spec: { containers: [ctr("a", undefined, { ports: [{ containerPort: 80 }] }), ctr("b", undefined, { ports: [{ containerPort: 20, hostPort: 20 }] })] },
    expect: { reason: "hostPort", detail: 'container "b" uses hostPort 20' },
  },
  {
    name: "hostPorts_1_0: containers in visit order, ports as a sorted set",
    version: "latest",
    spec: {
      containers: [ctr("b", undefined, { ports: [{ hostPort: 30 }, { hostPort: 10 }] }), ctr("c", undefined, { ports: [{ hostPort: 20 }, { hostPort: 10 }] })],
    },
    expect: { reason: "hostPort", detail: 'containers "b", "c" use hostPorts 10, 20, 30' },
  },
  {
    name: "hostPorts_1_0: ports are sorted as text (strconv.Itoa into a string set)",
    version: "latest",
    spec: { containers: [ctr("a", undefined, { ports: [{ hostPort: 9 }, { hostPort: 10 }] })] },
    expect: { reason: "hostPort", detail: 'container "a" uses hostPorts 10, 9' },
  },
  {
    name: "hostPorts_1_0: init and ephemeral containers are visited (init first)",
    version: "latest",
    spec: {
      ephemeralContainers: [ctr("debug", undefined, { ports: [{ hostPort: 81 }] })],
      containers: [ctr("app")],
      initContainers: [ctr("init", undefined, { ports: [{ hostPort: 80 }] })],
    },
    expect: { reason: "hostPort", detail: 'containers "init", "debug" use hostPorts 80, 81' },
  },
  { name: "hostPorts_1_0: hostPort 0 is allowed", version: "latest", spec: { containers: [ctr("a", undefined, { ports: [{ hostPort: 0 }] })] } },
  {
    name: "API defaulting (SetDefaults_Pod): a hostNetwork Pod's ports become host ports",
    version: "latest",
    kind: "Pod",
    spec: { hostNetwork: true, containers: [ctr("a", undefined, { ports: [{ containerPort: 8080 }] })] },
    expect: { reason: "hostPort", detail: 'container "a" uses hostPort 8080' },
  },
  {
    name: "API defaulting: pod templates are not defaulted (since 1.28), so no host port",
    version: "latest",
    spec: { hostNetwork: true, containers: [ctr("a", undefined, { ports: [{ containerPort: 8080 }] })] },
  },
]);

table("hostPathVolumes", [
  {
    name: "hostPathVolumes_1_0: one volume",
    version: "latest",
    spec: { volumes: [{ name: "a", hostPath: { path: "/" } }, { name: "e", emptyDir: {} }] },
    expect: { reason: "hostPath volumes", detail: 'volume "a"' },
  },
  {
    name: "hostPathVolumes_1_0: several volumes, in order",
    version: "1.23",
    spec: { volumes: [{ name: "a", hostPath: { path: "/a" } }, { name: "b", hostPath: {} }] },
    expect: { reason: "hostPath volumes", detail: 'volumes "a", "b"' },
  },
  { name: "hostPathVolumes_1_0: hostPath: null is not set", version: "latest", spec: { volumes: [{ name: "a", hostPath: null }] } },
]);

table("privileged", [
  {
    name: "privileged_1_0: privileged=true containers are listed, init first",
    version: "latest",
    spec: {
      containers: [ctr("a"), ctr("b", { privileged: false }), ctr("d", { privileged: true })],
      initContainers: [ctr("i", { privileged: true })],
    },
    expect: { reason: "privileged", detail: 'containers "i", "d" must not set securityContext.privileged=true' },
  },
  { name: "privileged_1_0: false or unset is allowed", version: "1.23", spec: { containers: [ctr("a", { privileged: false }), ctr("b")] } },
]);

table("capabilities_baseline", [
  {
    name: "capabilitiesBaseline_1_0: non-default capabilities as a sorted set",
    version: "latest",
    spec: {
      containers: [ctr("a", { capabilities: { add: ["FOO", "BAR", "CHOWN"] } }), ctr("b", { capabilities: { add: ["BAZ", "FOO"] } })],
    },
    expect: {
      reason: "non-default capabilities",
      detail: 'containers "a", "b" must not include "BAR", "BAZ", "FOO" in securityContext.capabilities.add',
    },
  },
  {
    name: "capabilitiesBaseline_1_0: the default set is allowed",
    version: "latest",
    spec: { containers: [ctr("a", { capabilities: { add: ["AUDIT_WRITE", "CHOWN", "NET_BIND_SERVICE", "SYS_CHROOT"], drop: ["ALL"] } })] },
  },
  {
    name: "capabilitiesBaseline_1_0: names are exact (no CAP_ prefix, case-sensitive)",
    version: "latest",
    spec: { containers: [ctr("a", { capabilities: { add: ["CAP_CHOWN", "chown", "NET_RAW"] } })] },
    expect: {
      reason: "non-default capabilities",
      detail: 'container "a" must not include "CAP_CHOWN", "NET_RAW", "chown" in securityContext.capabilities.add',
    },
  },
]);

table("appArmorProfile", [
  {
    name: "appArmorProfile_1_0: pod-level Unconfined",
    version: "1.23",
    spec: { securityContext: { appArmorProfile: { type: "Unconfined" } } },
    expect: { reason: "forbidden AppArmor profile", detail: 'pod must not set AppArmor profile type to "Unconfined"' },
  },
  {
    name: "appArmorProfile_1_0: fields are checked at every policy version (one 1.0 implementation)",
    version: "1.23",
    spec: { initContainers: [ctr("bar", { appArmorProfile: { type: "Unconfined" } })], containers: [ctr("foo", { appArmorProfile: { type: "RuntimeDefault" } })] },
    expect: { reason: "forbidden AppArmor profile", detail: 'container "bar" must not set AppArmor profile type to "Unconfined"' },
  },
  {
    name: "appArmorProfile_1_0: Localhost and RuntimeDefault are allowed",
    version: "latest",
    spec: { securityContext: { appArmorProfile: { type: "Localhost", localhostProfile: "p" } }, containers: [ctr("a", { appArmorProfile: { type: "RuntimeDefault" } })] },
  },
  {
    name: "appArmorProfile_1_0: beta annotations, sorted, key=%q, then quoted again",
    version: "latest",
    metadata: {
      annotations: {
        "container.apparmor.security.beta.kubernetes.io/f": "unknown",
        "container.apparmor.security.beta.kubernetes.io/a": "",
        "container.apparmor.security.beta.kubernetes.io/b": "runtime/default",
        "container.apparmor.security.beta.kubernetes.io/c": "localhost/",
        "container.apparmor.security.beta.kubernetes.io/e": "unconfined",
        "other/annotation": "unconfined",
      },
    },
    spec: {},
    expect: {
      reason: "forbidden AppArmor profiles",
      detail:
        'annotations must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/e="unconfined"", ' +
        '"container.apparmor.security.beta.kubernetes.io/f="unknown""',
    },
  },
  {
    name: "appArmorProfile_1_0: pod, containers and annotation together; field values first",
    version: "latest",
    metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/x": "unconfined" } },
    spec: { securityContext: { appArmorProfile: { type: "Unconfined" } }, containers: [ctr("a", { appArmorProfile: {} })] },
    expect: {
      reason: "forbidden AppArmor profiles",
      detail:
        'pod and container "a" and annotation must not set AppArmor profile type to "", "Unconfined", ' +
        '"container.apparmor.security.beta.kubernetes.io/x="unconfined""',
    },
  },
  {
    name: "appArmorProfile_1_0: annotation values are written with Go %q escapes",
    version: "latest",
    metadata: { annotations: { "container.apparmor.security.beta.kubernetes.io/a": 'un"con\nfined' } },
    spec: {},
    expect: {
      reason: "forbidden AppArmor profile",
      detail: 'annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/a="un\\"con\\nfined""',
    },
  },
]);

table("seLinuxOptions", [
  {
    name: "seLinuxOptions1_0: pod type",
    version: "latest",
    spec: { securityContext: { seLinuxOptions: { type: "bad" } } },
    expect: { reason: "seLinuxOptions", detail: 'pod set forbidden securityContext.seLinuxOptions: type "bad"' },
  },
  {
    name: "seLinuxOptions1_0: pod and containers; types sorted; user and role",
    version: "latest",
    spec: {
      securityContext: { seLinuxOptions: { type: "foo", user: "u" } },
      containers: [ctr("e", { seLinuxOptions: { type: "bar" } }), ctr("f", { seLinuxOptions: { role: "r" } }), ctr("ok", { seLinuxOptions: { level: "s0:c1" } })],
    },
    expect: {
      reason: "seLinuxOptions",
      detail: 'pod and containers "e", "f" set forbidden securityContext.seLinuxOptions: types "bar", "foo"; user may not be set; role may not be set',
    },
  },
  {
    name: "seLinuxOptions1_0: container_engine_t is forbidden before 1.31",
    version: "1.30",
    spec: { containers: [ctr("a", { seLinuxOptions: { type: "container_engine_t" } })] },
    expect: { reason: "seLinuxOptions", detail: 'container "a" set forbidden securityContext.seLinuxOptions: type "container_engine_t"' },
  },
  {
    name: "seLinuxOptions1_31: container_engine_t is allowed from 1.31",
    version: "1.31",
    spec: { containers: [ctr("a", { seLinuxOptions: { type: "container_engine_t" } })] },
  },
  {
    name: "seLinuxOptions1_0: the container types and an empty type are allowed",
    version: "1.23",
    spec: { securityContext: { seLinuxOptions: { level: "s0" } }, containers: [ctr("a", { seLinuxOptions: { type: "container_init_t" } }), ctr("b", { seLinuxOptions: { type: "container_kvm_t" } })] },
  },
]);

table("procMount", [
  {
    name: "procMount_1_0: any value but Default; containers in order, types as a sorted set",
    version: "latest",
    spec: { containers: [ctr("a", { procMount: "Default" }), ctr("d", { procMount: "Unmasked" }), ctr("e", { procMount: "other" })] },
    expect: { reason: "procMount", detail: 'containers "d", "e" must not set securityContext.procMount to "Unmasked", "other"' },
  },
  {
    name: "procMount_1_0: before 1.35 hostUsers: false does not help",
    version: "1.34",
    spec: { hostUsers: false, containers: [ctr("a", { procMount: "Unmasked" })] },
    expect: { reason: "procMount", detail: 'container "a" must not set securityContext.procMount to "Unmasked"' },
  },
  {
    name: "procMount1_35baseline: from 1.35 any procMount is allowed with hostUsers: false",
    version: "1.35",
    spec: { hostUsers: false, containers: [ctr("a", { procMount: "Unmasked" })] },
  },
  {
    name: "procMount1_35baseline: hostUsers: true is not a user namespace",
    version: "1.35",
    spec: { hostUsers: true, containers: [ctr("a", { procMount: "Unmasked" })] },
    expect: { reason: "procMount", detail: 'container "a" must not set securityContext.procMount to "Unmasked"' },
  },
]);

table("sysctls", [
  {
    name: "sysctlsV1Dot0: forbidden names listed as written",
    version: "1.23",
    spec: { securityContext: { sysctls: [{ name: "b", value: "1" }, { name: "kernel.shm_rmid_forced", value: "0" }, { name: "a", value: "1" }] } },
    expect: { reason: "forbidden sysctls", detail: "b, a" },
  },
  {
    name: "sysctlsV1Dot0: net.ipv4.ip_local_reserved_ports is not yet safe at 1.26",
    version: "1.26",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.ip_local_reserved_ports", value: "1024" }] } },
    expect: { reason: "forbidden sysctls", detail: "net.ipv4.ip_local_reserved_ports" },
  },
  {
    name: "sysctlsV1Dot27: net.ipv4.ip_local_reserved_ports is safe from 1.27",
    version: "1.27",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.ip_local_reserved_ports", value: "1024" }] } },
  },
  {
    name: "sysctlsV1Dot27: the keepalive sysctls are not yet safe at 1.28",
    version: "1.28",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.tcp_keepalive_time" }, { name: "net.ipv4.tcp_fin_timeout" }, { name: "net.ipv4.tcp_keepalive_intvl" }, { name: "net.ipv4.tcp_keepalive_probes" }] } },
    expect: { reason: "forbidden sysctls", detail: "net.ipv4.tcp_keepalive_time, net.ipv4.tcp_fin_timeout, net.ipv4.tcp_keepalive_intvl, net.ipv4.tcp_keepalive_probes" },
  },
  {
    name: "sysctlsV1Dot29: the keepalive sysctls are safe from 1.29",
    version: "1.29",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.tcp_keepalive_time" }, { name: "net.ipv4.tcp_fin_timeout" }, { name: "net.ipv4.tcp_keepalive_intvl" }, { name: "net.ipv4.tcp_keepalive_probes" }] } },
  },
  {
    name: "sysctlsV1Dot29: tcp_rmem and tcp_wmem are not yet safe at 1.31",
    version: "1.31",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.tcp_rmem" }, { name: "net.ipv4.tcp_wmem" }] } },
    expect: { reason: "forbidden sysctls", detail: "net.ipv4.tcp_rmem, net.ipv4.tcp_wmem" },
  },
  {
    name: "sysctlsV1Dot32: tcp_rmem and tcp_wmem are safe from 1.32",
    version: "1.32",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.tcp_rmem" }, { name: "net.ipv4.tcp_wmem" }] } },
  },
  {
    name: "sysctlsV1Dot32: tcp_slow_start_after_idle and tcp_notsent_lowat are not yet safe at 1.36",
    version: "1.36",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.tcp_slow_start_after_idle" }, { name: "net.ipv4.tcp_notsent_lowat" }] } },
    expect: { reason: "forbidden sysctls", detail: "net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat" },
  },
  {
    name: "sysctlsV1Dot37: tcp_slow_start_after_idle and tcp_notsent_lowat are safe from 1.37 (and latest)",
    version: "latest",
    spec: { securityContext: { sysctls: [{ name: "net.ipv4.tcp_slow_start_after_idle" }, { name: "net.ipv4.tcp_notsent_lowat" }] } },
  },
  {
    name: "decoding: a sysctl without a name has the empty name, which is not safe",
    version: "latest",
    spec: { securityContext: { sysctls: [{ value: "1" }, "junk", { name: "kernel.shm_rmid_forced" }] } },
    expect: { reason: "forbidden sysctls", detail: "" },
  },
]);

table("seccompProfile_baseline", [
  {
    name: "seccompProfileBaseline_1_19: pod and containers set Unconfined",
    version: "latest",
    spec: { securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [ctr("c", { seccompProfile: { type: "Unconfined" } }), ctr("d", { seccompProfile: { type: "Unconfined" } })] },
    expect: { reason: "seccompProfile", detail: 'pod and containers "c", "d" must not set securityContext.seccompProfile.type to "Unconfined"' },
  },
  {
    name: "seccompProfileBaseline_1_19: unset is allowed at baseline",
    version: "1.23",
    spec: { containers: [ctr("a"), ctr("b", { seccompProfile: { type: "Localhost", localhostProfile: "x.json" } })] },
  },
  {
    name: "seccompProfileBaseline_1_19: annotations are no longer read from 1.19",
    version: "1.23",
    metadata: { annotations: { "seccomp.security.alpha.kubernetes.io/pod": "unconfined" } },
    spec: { containers: [ctr("a")] },
  },
  {
    name: "seccompProfileBaseline_1_0: before 1.19 the alpha annotations are checked, sorted",
    version: "1.18",
    metadata: {
      annotations: {
        "seccomp.security.alpha.kubernetes.io/pod": "unconfined",
        "container.seccomp.security.alpha.kubernetes.io/b": "unknown",
        "container.seccomp.security.alpha.kubernetes.io/a": "unconfined",
        "container.seccomp.security.alpha.kubernetes.io/c": "docker/default",
        "container.seccomp.security.alpha.kubernetes.io/gone": "unconfined",
      },
    },
    spec: { containers: [ctr("a"), ctr("b"), ctr("c")] },
    expect: {
      reason: "seccompProfile",
      detail:
        'forbidden annotations container.seccomp.security.alpha.kubernetes.io/a="unconfined", ' +
        'container.seccomp.security.alpha.kubernetes.io/b="unknown", seccomp.security.alpha.kubernetes.io/pod="unconfined"',
    },
  },
]);

table("windowsHostProcess", [
  {
    name: "windowsHostProcess_1_0: pod and containers",
    version: "latest",
    spec: {
      securityContext: { windowsOptions: { hostProcess: true } },
      containers: [ctr("e", { windowsOptions: { hostProcess: true } }), ctr("f", { windowsOptions: { hostProcess: true } }), ctr("g", { windowsOptions: { hostProcess: false } })],
    },
    expect: { reason: "hostProcess", detail: 'pod and containers "e", "f" must not set securityContext.windowsOptions.hostProcess=true' },
  },
  {
    name: "windowsHostProcess_1_0: a container alone",
    version: "1.23",
    spec: { containers: [ctr("e", { windowsOptions: { hostProcess: true } })] },
    expect: { reason: "hostProcess", detail: 'container "e" must not set securityContext.windowsOptions.hostProcess=true' },
  },
]);

const probeWithHost = (host: string) => ({ httpGet: { host, port: 80 } });
table("hostProbesAndHostLifecycle", [
  {
    name: "hostProbesAndHostLifecycleV1Dot34: the check does not exist before 1.34",
    version: "1.33",
    spec: { containers: [ctr("a", undefined, { livenessProbe: probeWithHost("8.8.8.8") })] },
    expect: null,
  },
  {
    name: "hostProbesAndHostLifecycleV1Dot34: a probe host",
    version: "1.34",
    spec: { containers: [ctr("a", undefined, { livenessProbe: probeWithHost("8.8.8.8") })] },
    expect: { reason: "probe or lifecycle host", detail: 'container "a" uses probe or lifecycle host "8.8.8.8"' },
  },
  {
    name: "hostProbesAndHostLifecycleV1Dot34: containers and hosts are sorted sets",
    version: "latest",
    spec: {
      containers: [
        ctr("invalid2", undefined, { readinessProbe: { tcpSocket: { host: "b.com", port: 1 } }, lifecycle: { preStop: { httpGet: { host: "a.com", port: 1 } } } }),
        ctr("ok", undefined, { startupProbe: { httpGet: { host: "", port: 1 } } }),
      ],
      initContainers: [ctr("invalid1", undefined, { startupProbe: probeWithHost("a.com") })],
    },
    expect: { reason: "probe or lifecycle host", detail: 'containers "invalid1", "invalid2" use probe or lifecycle hosts "a.com", "b.com"' },
  },
  {
    name: "hostProbesAndHostLifecycleV1Dot34: lifecycle tcpSocket host (deprecated handler) counts too",
    version: "latest",
    spec: { containers: [ctr("a", undefined, { lifecycle: { postStart: { tcpSocket: { host: "::1", port: 1 } } } })] },
    expect: { reason: "probe or lifecycle host", detail: 'container "a" uses probe or lifecycle host "::1"' },
  },
]);

// ---------------------------------------------------------------- restricted

table("allowPrivilegeEscalation", [
  {
    name: "allowPrivilegeEscalation_1_8: unset, true and missing securityContext all fail",
    version: "1.23",
    spec: { containers: [ctr("a"), ctr("b", {}), ctr("c", { allowPrivilegeEscalation: true }), ctr("d", { allowPrivilegeEscalation: false })] },
    expect: { reason: "allowPrivilegeEscalation != false", detail: 'containers "a", "b", "c" must set securityContext.allowPrivilegeEscalation=false' },
  },
  {
    name: "allowPrivilegeEscalation_1_8: Windows pods are not exempt before 1.25",
    version: "1.24",
    spec: { os: { name: "windows" }, containers: [ctr("a")] },
    expect: { reason: "allowPrivilegeEscalation != false", detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false' },
  },
  {
    name: "allowPrivilegeEscalation_1_25: Windows pods are exempt from 1.25",
    version: "1.25",
    spec: { os: { name: "windows" }, containers: [ctr("a")] },
  },
  {
    name: "allowPrivilegeEscalation_1_25: os.name linux is not exempt",
    version: "latest",
    spec: { os: { name: "linux" }, containers: [ctr("a")] },
    expect: { reason: "allowPrivilegeEscalation != false", detail: 'container "a" must set securityContext.allowPrivilegeEscalation=false' },
  },
]);

table("capabilities_restricted", [
  {
    name: "capabilitiesRestricted_1_22: missing drop ALL",
    version: "1.23",
    spec: { containers: [ctr("a", { capabilities: { drop: ["NET_RAW"] } }), ctr("b", { capabilities: { drop: ["ALL"] } })] },
    expect: { reason: "unrestricted capabilities", detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]' },
  },
  {
    name: "capabilitiesRestricted_1_22: both parts joined with '; ', adds as a sorted set",
    version: "latest",
    spec: {
      containers: [
        ctr("a", { capabilities: { add: ["FOO", "NET_BIND_SERVICE"] } }),
        ctr("b"),
        ctr("c", { capabilities: { drop: ["ALL"], add: ["CHOWN", "BAR", "BAZ"] } }),
      ],
    },
    expect: {
      reason: "unrestricted capabilities",
      detail: 'containers "a", "b" must set securityContext.capabilities.drop=["ALL"]; containers "a", "c" must not include "BAR", "BAZ", "CHOWN", "FOO" in securityContext.capabilities.add',
    },
  },
  {
    name: "capabilitiesRestricted_1_22: drop ALL and add NET_BIND_SERVICE is allowed",
    version: "latest",
    spec: { containers: [ctr("a", { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } })] },
  },
  {
    name: "capabilitiesRestricted_1_22: 'all' in lower case is not ALL",
    version: "latest",
    spec: { containers: [ctr("a", { capabilities: { drop: ["all"] } })] },
    expect: { reason: "unrestricted capabilities", detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]' },
  },
  {
    name: "capabilitiesRestricted_1_25: Windows pods are exempt from 1.25",
    version: "1.25",
    spec: { os: { name: "windows" }, containers: [ctr("a")] },
  },
  {
    name: "capabilitiesRestricted_1_22: Windows pods are not exempt at 1.24",
    version: "1.24",
    spec: { os: { name: "windows" }, containers: [ctr("a")] },
    expect: { reason: "unrestricted capabilities", detail: 'container "a" must set securityContext.capabilities.drop=["ALL"]' },
  },
]);

table("procMount_restricted", [
  {
    name: "procMount_restricted: does not exist before 1.35 (baseline procMount covers restricted)",
    version: "1.34",
    spec: { containers: [ctr("a", { procMount: "Unmasked" })] },
    expect: null,
  },
  {
    name: "procMount_restricted: from 1.35, hostUsers: false does not relax it",
    version: "1.35",
    spec: { hostUsers: false, containers: [ctr("a", { procMount: "Unmasked" })] },
    expect: { reason: "procMount", detail: 'container "a" must not set securityContext.procMount to "Unmasked"' },
  },
]);

table("restrictedVolumes", [
  {
    name: "restrictedVolumes_1_0: restricted types as a sorted set; volumes in order",
    version: "latest",
    spec: {
      volumes: [
        { name: "ok1", configMap: { name: "x" } },
        { name: "b1", nfs: { server: "s", path: "/" } },
        { name: "b2", hostPath: { path: "/" } },
        { name: "b3", gitRepo: { repository: "r" } },
        { name: "ok2", image: { reference: "r" } },
      ],
    },
    expect: {
      reason: "restricted volume types",
      detail: 'volumes "b1", "b2", "b3" use restricted volume types "gitRepo", "hostPath", "nfs"',
    },
  },
  {
    name: "restrictedVolumes_1_0: one volume",
    version: "1.23",
    spec: { volumes: [{ name: "a", hostPath: { path: "/" } }] },
    expect: { reason: "restricted volume types", detail: 'volume "a" uses restricted volume type "hostPath"' },
  },
  {
    name: "restrictedVolumes_1_0: every allowed source, and a volume without source (defaulted to emptyDir)",
    version: "latest",
    spec: {
      volumes: [
        { name: "a", configMap: {} },
        { name: "b", csi: { driver: "d" } },
        { name: "c", downwardAPI: {} },
        { name: "d", emptyDir: {} },
        { name: "e", ephemeral: {} },
        { name: "f", image: {} },
        { name: "g", persistentVolumeClaim: { claimName: "c" } },
        { name: "h", projected: {} },
        { name: "i", secret: {} },
        { name: "j" },
      ],
    },
  },
]);

table("runAsNonRoot", [
  {
    name: "runAsNonRoot1_0: nothing set",
    version: "latest",
    spec: { containers: [ctr("a"), ctr("b", { runAsNonRoot: true })] },
    expect: { reason: "runAsNonRoot != true", detail: 'pod or container "a" must set securityContext.runAsNonRoot=true' },
  },
  {
    name: "runAsNonRoot1_0: pod-level true covers containers that do not set it",
    version: "1.23",
    spec: { securityContext: { runAsNonRoot: true }, containers: [ctr("a"), ctr("b")] },
  },
  {
    name: "runAsNonRoot1_0: explicit false is reported (alone) before implicit ones",
    version: "latest",
    spec: { securityContext: { runAsNonRoot: false }, containers: [ctr("a"), ctr("c", { runAsNonRoot: false }), ctr("d", { runAsNonRoot: false })] },
    expect: { reason: "runAsNonRoot != true", detail: 'pod and containers "c", "d" must not set securityContext.runAsNonRoot=false' },
  },
  {
    name: "runAsNonRoot1_0: before 1.35 hostUsers: false does not exempt",
    version: "1.34",
    spec: { hostUsers: false, containers: [ctr("a")] },
    expect: { reason: "runAsNonRoot != true", detail: 'pod or container "a" must set securityContext.runAsNonRoot=true' },
  },
  { name: "runAsNonRoot1_35: hostUsers: false exempts from 1.35", version: "1.35", spec: { hostUsers: false, containers: [ctr("a")] } },
]);

table("runAsUser", [
  {
    name: "runAsUser1_23: the check does not exist before 1.23",
    version: "1.22",
    spec: { securityContext: { runAsUser: 0 } },
    expect: null,
  },
  {
    name: "runAsUser1_23: pod runAsUser=0",
    version: "1.23",
    spec: { securityContext: { runAsUser: 0 }, containers: [ctr("a", { runAsUser: 1000 })] },
    expect: { reason: "runAsUser=0", detail: "pod must not set runAsUser=0" },
  },
  {
    name: "runAsUser1_23: pod and containers",
    version: "latest",
    spec: { securityContext: { runAsUser: 0 }, containers: [ctr("c", { runAsUser: 0 }), ctr("d", { runAsUser: 0 }), ctr("e")] },
    expect: { reason: "runAsUser=0", detail: 'pod and containers "c", "d" must not set runAsUser=0' },
  },
  {
    name: "runAsUser1_23: hostUsers: false does not exempt at 1.34",
    version: "1.34",
    spec: { hostUsers: false, containers: [ctr("c", { runAsUser: 0 })] },
    expect: { reason: "runAsUser=0", detail: 'container "c" must not set runAsUser=0' },
  },
  { name: "runAsUser1_35: hostUsers: false exempts from 1.35", version: "1.35", spec: { hostUsers: false, containers: [ctr("c", { runAsUser: 0 })] } },
]);

table("seccompProfile_restricted", [
  {
    name: "seccompProfileRestricted_1_19: containers that set nothing, with no pod-level profile",
    version: "latest",
    spec: { containers: [ctr("a"), ctr("b"), ctr("c", { seccompProfile: { type: "RuntimeDefault" } })] },
    expect: { reason: "seccompProfile", detail: 'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"' },
  },
  {
    name: "seccompProfileRestricted_1_19: explicit bad values first",
    version: "1.23",
    spec: { securityContext: { seccompProfile: { type: "Unconfined" } }, containers: [ctr("a")] },
    expect: { reason: "seccompProfile", detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
  },
  {
    name: "seccompProfileRestricted_1_19: pod-level RuntimeDefault covers all containers",
    version: "latest",
    spec: { securityContext: { seccompProfile: { type: "RuntimeDefault" } }, containers: [ctr("a"), ctr("b", { seccompProfile: { type: "Localhost", localhostProfile: "p" } })] },
  },
  {
    name: "seccompProfileRestricted_1_19: Windows pods are not exempt at 1.24",
    version: "1.24",
    spec: { os: { name: "windows" }, containers: [ctr("a")] },
    expect: { reason: "seccompProfile", detail: 'pod or container "a" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"' },
  },
  { name: "seccompProfileRestricted_1_25: Windows pods are exempt from 1.25", version: "1.25", spec: { os: { name: "windows" }, containers: [ctr("a")] } },
]);

describe("registry data", () => {
  it("every check names its upstream file and has versions in increasing order", () => {
    for (const c of PSS_CHECKS) {
      expect(c.source).toMatch(/^kubernetes\/kubernetes staging\/src\/k8s\.io\/pod-security-admission\/policy\/check_\w+\.go$/);
      const mins = c.versions.map((v) => v.minimumVersion);
      expect([...mins].sort((a, b) => a - b)).toEqual(mins);
      expect(new Set(mins).size).toBe(mins.length);
    }
  });
  it("has every upstream default check ID", () => {
    expect(PSS_CHECKS.map((c) => c.id).sort()).toEqual(
      [
        "allowPrivilegeEscalation", "appArmorProfile", "capabilities_baseline", "capabilities_restricted", "hostNamespaces",
        "hostPathVolumes", "hostPorts", "hostProbesAndHostLifecycle", "privileged", "procMount", "procMount_restricted",
        "restrictedVolumes", "runAsNonRoot", "runAsUser", "seLinuxOptions", "seccompProfile_baseline",
        "seccompProfile_restricted", "sysctls", "windowsHostProcess",
      ].sort(),
    );
  });
});
