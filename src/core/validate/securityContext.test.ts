import { describe, expect, it } from "vitest";
import { FIELDS, fieldSpec } from "../catalogue/fields";
import { ENUM_RULES, ID_RULES, isDNS1123Subdomain, normalizeSysctl, sysctlNamespace } from "./securityContext";
import { findingsOf, pod, podWithContainerSc, podWithPodSc } from "./testHelpers";

const V = "pkg/apis/core/validation/validation.go";

/** The validation findings (not decoding ones) as [code, message, path]. */
function rules(text: string, minor = 37): [string, string, string][] {
  return findingsOf(text, minor)
    .filter((f) => !["unknown-field", "wrong-level", "wrong-type", "dropped-field"].includes(f.code))
    .map((f) => [f.code, f.message, f.path]);
}

const RANGE = "must be between 0 and 2147483647, inclusive";

type Case = [rule: string, text: string, expected: [string, string, string][], minor?: number];

const cases: Case[] = [
  // --- user and group ids: IsValidUserID / IsValidGroupID
  [`${V} ValidateSecurityContext: runAsUser -1`, podWithContainerSc("runAsUser: -1"), [["invalid-value", `spec.containers[0].securityContext.runAsUser: Invalid value: -1: ${RANGE}`, "spec.containers[0].securityContext.runAsUser"]]],
  [`${V} ValidateSecurityContext: runAsUser 2147483648`, podWithContainerSc("runAsUser: 2147483648"), [["invalid-value", `spec.containers[0].securityContext.runAsUser: Invalid value: 2147483648: ${RANGE}`, "spec.containers[0].securityContext.runAsUser"]]],
  [`${V} ValidateSecurityContext: runAsUser 0 and 2147483647 pass`, podWithContainerSc("runAsUser: 0\nrunAsGroup: 2147483647"), []],
  [`${V} ValidateSecurityContext: runAsGroup`, podWithContainerSc("runAsGroup: -3"), [["invalid-value", `spec.containers[0].securityContext.runAsGroup: Invalid value: -3: ${RANGE}`, "spec.containers[0].securityContext.runAsGroup"]]],
  [`${V} validatePodSpecSecurityContext: fsGroup`, podWithPodSc("fsGroup: 4294967296"), [["invalid-value", `spec.securityContext.fsGroup: Invalid value: 4294967296: ${RANGE}`, "spec.securityContext.fsGroup"]]],
  [`${V} validatePodSpecSecurityContext: supplementalGroups items`, podWithPodSc("supplementalGroups: [1, -1]"), [["invalid-value", `spec.securityContext.supplementalGroups[1]: Invalid value: -1: ${RANGE}`, "spec.securityContext.supplementalGroups[1]"]]],
  [`${V} validatePodSpecSecurityContext: pod runAsUser passes`, podWithPodSc("runAsUser: 1000\nrunAsGroup: 3000\nfsGroup: 2000\nsupplementalGroups: [4000]"), []],

  // --- allowPrivilegeEscalation
  [
    `${V} ValidateSecurityContext: allowPrivilegeEscalation false with privileged true`,
    podWithContainerSc("allowPrivilegeEscalation: false\nprivileged: true"),
    [["invalid-value", "spec.containers[0].securityContext: Invalid value: core.SecurityContext{…}: cannot set `allowPrivilegeEscalation` to false and `privileged` to true", "spec.containers[0].securityContext.allowPrivilegeEscalation"]],
  ],
  [`${V} ValidateSecurityContext: allowPrivilegeEscalation true with privileged true passes`, podWithContainerSc("allowPrivilegeEscalation: true\nprivileged: true"), []],
  [`${V} ValidateSecurityContext: allowPrivilegeEscalation false, privileged false passes`, podWithContainerSc("allowPrivilegeEscalation: false\nprivileged: false"), []],
  [
    `${V} ValidateSecurityContext: allowPrivilegeEscalation false with capabilities.add CAP_SYS_ADMIN`,
    podWithContainerSc("allowPrivilegeEscalation: false\ncapabilities:\n  add: [NET_BIND_SERVICE, CAP_SYS_ADMIN]"),
    [["invalid-value", "spec.containers[0].securityContext: Invalid value: core.SecurityContext{…}: cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN", "spec.containers[0].securityContext.capabilities.add[1]"]],
  ],
  [
    `${V} ValidateSecurityContext compares the literal "CAP_SYS_ADMIN": SYS_ADMIN is accepted (an info, no error)`,
    podWithContainerSc("allowPrivilegeEscalation: false\ncapabilities:\n  add: [SYS_ADMIN]"),
    [["sys-admin-spelling", '"SYS_ADMIN" is CAP_SYS_ADMIN: the API server rejects allowPrivilegeEscalation: false only with the exact spelling "CAP_SYS_ADMIN", so it accepts this container — with no_new_privs set and CAP_SYS_ADMIN granted.', "spec.containers[0].securityContext.capabilities.add[0]"]],
  ],
  [`${V} ValidateSecurityContext: CAP_SYS_ADMIN without allowPrivilegeEscalation false passes`, podWithContainerSc("capabilities:\n  add: [CAP_SYS_ADMIN]"), []],

  // --- procMount
  [
    `${V} ValidateSecurityContext: procMount Unmasked needs hostUsers false`,
    podWithContainerSc("procMount: Unmasked"),
    [["invalid-value", 'spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`', "spec.containers[0].securityContext.procMount"]],
  ],
  [`${V} ValidateSecurityContext: procMount Unmasked with hostUsers false passes`, podWithContainerSc("procMount: Unmasked", "hostUsers: false\n"), []],
  [`${V} ValidateSecurityContext: hostUsers true does not help`, podWithContainerSc("procMount: Unmasked", "hostUsers: true\n"), [["invalid-value", 'spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`', "spec.containers[0].securityContext.procMount"]]],
  [`pkg/api/pod/util.go dropDisabledProcMountField: reset to Default on 1.32, so no validation error`, podWithContainerSc("procMount: Unmasked"), [], 32],
  [
    `${V} ValidateProcMountType: bad enum`,
    podWithContainerSc("procMount: Masked", "hostUsers: false\n"),
    [["unsupported-value", 'spec.containers[0].securityContext.procMount: Unsupported value: "Masked": supported values: "Default", "Unmasked"', "spec.containers[0].securityContext.procMount"]],
  ],

  // --- seccomp
  [
    `${V} validateSeccompProfileField: Localhost without localhostProfile`,
    podWithContainerSc("seccompProfile:\n  type: Localhost"),
    [["required-value", "spec.containers[0].securityContext.seccompProfile.localhostProfile: Required value: must be set when seccomp type is Localhost", "spec.containers[0].securityContext.seccompProfile"]],
  ],
  [`${V} validateSeccompProfileField: Localhost with a relative profile passes`, podWithPodSc("seccompProfile:\n  type: Localhost\n  localhostProfile: profiles/audit.json"), []],
  [
    `${V} validateSeccompProfileField: localhostProfile only with Localhost`,
    podWithPodSc("seccompProfile:\n  type: RuntimeDefault\n  localhostProfile: x.json"),
    [["invalid-value", 'spec.securityContext.seccompProfile.localhostProfile: Invalid value: core.SeccompProfile{Type:"RuntimeDefault", LocalhostProfile:(*string)(…)}: can only be set when seccomp type is Localhost', "spec.securityContext.seccompProfile.localhostProfile"]],
  ],
  [`${V} validateSeccompProfileField: type required`, podWithPodSc("seccompProfile: {}"), [["required-value", "spec.securityContext.seccompProfile.type: Required value: type is required when seccompProfile is set", "spec.securityContext.seccompProfile"]]],
  [
    `${V} validateSeccompProfileType: bad enum`,
    podWithContainerSc("seccompProfile:\n  type: Default"),
    [["unsupported-value", 'spec.containers[0].securityContext.seccompProfile.type: Unsupported value: "Default": supported values: "Localhost", "RuntimeDefault", "Unconfined"', "spec.containers[0].securityContext.seccompProfile.type"]],
  ],
  [
    `${V} validateLocalDescendingPath: absolute and .. paths`,
    podWithPodSc("seccompProfile:\n  type: Localhost\n  localhostProfile: /etc/../x.json"),
    [
      ["invalid-value", 'spec.securityContext.seccompProfile.localhostProfile: Invalid value: "/etc/../x.json": must be a relative path', "spec.securityContext.seccompProfile.localhostProfile"],
      ["invalid-value", `spec.securityContext.seccompProfile.localhostProfile: Invalid value: "/etc/../x.json": must not contain '..'`, "spec.securityContext.seccompProfile.localhostProfile"],
    ],
  ],

  // --- AppArmor
  [
    `${V} ValidateAppArmorProfileField: Localhost without localhostProfile`,
    podWithContainerSc("appArmorProfile:\n  type: Localhost"),
    [["required-value", "spec.containers[0].securityContext.appArmorProfile.localhostProfile: Required value: must be set when AppArmor type is Localhost", "spec.containers[0].securityContext.appArmorProfile"]],
  ],
  [`${V} ValidateAppArmorProfileField: Localhost with a profile passes`, podWithContainerSc("appArmorProfile:\n  type: Localhost\n  localhostProfile: k8s-nginx"), []],
  [
    `${V} ValidateAppArmorProfileField: padded profile`,
    podWithContainerSc('appArmorProfile:\n  type: Localhost\n  localhostProfile: " k8s-nginx"'),
    [["invalid-value", 'spec.containers[0].securityContext.appArmorProfile.localhostProfile: Invalid value: " k8s-nginx": must not be padded with whitespace', "spec.containers[0].securityContext.appArmorProfile.localhostProfile"]],
  ],
  [
    `${V} ValidateAppArmorProfileField: localhostProfile only with Localhost`,
    podWithPodSc("appArmorProfile:\n  type: RuntimeDefault\n  localhostProfile: x"),
    [["invalid-value", 'spec.securityContext.appArmorProfile.localhostProfile: Invalid value: "x": can only be set when AppArmor type is Localhost', "spec.securityContext.appArmorProfile.localhostProfile"]],
  ],
  [`${V} ValidateAppArmorProfileField: type required`, podWithPodSc('appArmorProfile: {type: ""}'), [["required-value", "spec.securityContext.appArmorProfile.type: Required value: type is required when appArmorProfile is set", "spec.securityContext.appArmorProfile.type"]]],
  [
    `${V} ValidateAppArmorProfileField: bad enum`,
    podWithPodSc("appArmorProfile: {type: Enforce}"),
    [["unsupported-value", 'spec.securityContext.appArmorProfile.type: Unsupported value: "Enforce": supported values: "Localhost", "RuntimeDefault", "Unconfined"', "spec.securityContext.appArmorProfile.type"]],
  ],

  // --- pod enums
  [
    `${V} validateFSGroupChangePolicy`,
    podWithPodSc("fsGroupChangePolicy: Sometimes"),
    [["unsupported-value", 'spec.securityContext.fsGroupChangePolicy: Unsupported value: "Sometimes": supported values: "Always", "OnRootMismatch"', "spec.securityContext.fsGroupChangePolicy"]],
  ],
  [`${V} validateFSGroupChangePolicy passes`, podWithPodSc("fsGroupChangePolicy: OnRootMismatch"), []],
  [
    `${V} validateSupplementalGroupsPolicy`,
    podWithPodSc("supplementalGroupsPolicy: Loose"),
    [["unsupported-value", 'spec.securityContext.supplementalGroupsPolicy: Unsupported value: "Loose": supported values: "Merge", "Strict"', "spec.securityContext.supplementalGroupsPolicy"]],
  ],
  [`dropped on 1.32 (SupplementalGroupsPolicy off): no validation`, podWithPodSc("supplementalGroupsPolicy: Loose"), [], 32],
  [
    `${V} validateSELinuxChangePolicy with AllowOnlyRecursiveSELinuxChangePolicy (SELinuxMount off by default through 1.35)`,
    podWithPodSc("seLinuxChangePolicy: MountOption"),
    [["unsupported-value", 'spec.securityContext.seLinuxChangePolicy: Unsupported value: "MountOption": supported values: "Recursive"', "spec.securityContext.seLinuxChangePolicy"]],
    34,
  ],
  [
    `${V} validateSELinuxChangePolicy: still Recursive only on 1.36 (catalogue: SELinuxMount beta, off by default 1.33–1.36)`,
    podWithPodSc("seLinuxChangePolicy: MountOption"),
    [["unsupported-value", 'spec.securityContext.seLinuxChangePolicy: Unsupported value: "MountOption": supported values: "Recursive"', "spec.securityContext.seLinuxChangePolicy"]],
    36,
  ],
  [`${V} validateSELinuxChangePolicy: MountOption accepted on 1.37 (SELinuxMount GA)`, podWithPodSc("seLinuxChangePolicy: MountOption"), []],
  [
    `${V} validateSELinuxChangePolicy: bad enum`,
    podWithPodSc("seLinuxChangePolicy: Relabel"),
    [["unsupported-value", 'spec.securityContext.seLinuxChangePolicy: Unsupported value: "Relabel": supported values: "MountOption", "Recursive"', "spec.securityContext.seLinuxChangePolicy"]],
  ],

  // --- sysctls
  [
    `${V} validateSysctls: name format`,
    podWithPodSc("sysctls:\n- {name: Net.Core.Somaxconn, value: '1'}"),
    [["invalid-value", 'spec.securityContext.sysctls[0].name: Invalid value: "Net.Core.Somaxconn": must have at most 253 characters and match regex ^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$', "spec.securityContext.sysctls[0].name"]],
  ],
  [
    `${V} validateSysctls: duplicates and empty names`,
    podWithPodSc("sysctls:\n- {name: kernel.shm_rmid_forced, value: '1'}\n- {name: kernel.shm_rmid_forced, value: '0'}\n- {value: '1'}"),
    [
      ["duplicate-value", 'spec.securityContext.sysctls[1].name: Duplicate value: "kernel.shm_rmid_forced"', "spec.securityContext.sysctls[1].name"],
      ["required-value", "spec.securityContext.sysctls[2].name: Required value", "spec.securityContext.sysctls[2]"],
    ],
  ],
  [`${V} validateSysctls: slash form passes`, podWithPodSc("sysctls:\n- {name: net/ipv4/ip_unprivileged_port_start, value: '0'}"), []],
  [
    `${V} ValidateHostSysctl: net.* with hostNetwork`,
    podWithPodSc("sysctls:\n- {name: net.ipv4.ip_local_port_range, value: '40000 65535'}", "hostNetwork: true\n"),
    [["invalid-value", `spec.securityContext.sysctls[0].name: Invalid value: "net.ipv4.ip_local_port_range": may not be specified when 'hostNetwork' is true`, "spec.securityContext.sysctls[0].name"]],
  ],
  [`${V} ValidateHostSysctl arrived in 1.29 (kubernetes/kubernetes#118705)`, podWithPodSc("sysctls:\n- {name: net.ipv4.ip_local_port_range, value: '40000 65535'}", "hostNetwork: true\n"), [], 28],
  [
    `${V} ValidateHostSysctl: IPC sysctls with hostIPC`,
    podWithPodSc("sysctls:\n- {name: kernel.shmmax, value: '1'}", "hostIPC: true\n"),
    [["invalid-value", `spec.securityContext.sysctls[0].name: Invalid value: "kernel.shmmax": may not be specified when 'hostIPC' is true`, "spec.securityContext.sysctls[0].name"]],
  ],

  // --- host namespaces
  [
    `${V} validatePodSpecSecurityContext: shareProcessNamespace with hostPID`,
    pod("hostPID: true\nshareProcessNamespace: true\ncontainers:\n- name: a\n  image: x"),
    [["invalid-value", "spec.securityContext.shareProcessNamespace: Invalid value: true: ShareProcessNamespace and HostPID cannot both be enabled", "spec.shareProcessNamespace"]],
  ],
  [
    `${V} validateHostUsers: user namespaces with host namespaces`,
    pod("hostUsers: false\nhostNetwork: true\nhostPID: true\ncontainers:\n- name: a\n  image: x"),
    [
      ["forbidden", "spec.hostNetwork: Forbidden: when `pod.Spec.HostUsers` is false", "spec.hostNetwork"],
      ["forbidden", "spec.HostPID: Forbidden: when `pod.Spec.HostUsers` is false", "spec.hostPID"],
    ],
  ],
  [`${V} validatePodSpecSecurityContext: shareProcessNamespace without hostPID passes`, pod("shareProcessNamespace: true\ncontainers:\n- name: a\n  image: x"), []],
  [`${V} validateHostUsers: hostUsers false alone passes`, pod("hostUsers: false\ncontainers:\n- name: a\n  image: x"), []],

  // --- OS
  [
    `${V} validateLinux: windowsOptions with os linux`,
    podWithContainerSc("windowsOptions:\n  runAsUserName: ContainerUser", "os: {name: linux}\n"),
    [["forbidden", "spec.containers[0].securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod", "spec.containers[0].securityContext.windowsOptions"]],
  ],
  [
    `${V} validateLinux: pod windowsOptions with os linux`,
    podWithPodSc("windowsOptions:\n  runAsUserName: ContainerUser", "os: {name: linux}\n"),
    [["forbidden", "spec.securityContext.windowsOptions: Forbidden: windows options cannot be set for a linux pod", "spec.securityContext.windowsOptions"]],
  ],
  [`${V} validateLinux: a linux pod with Linux fields passes`, podWithContainerSc("runAsUser: 1000\ncapabilities: {drop: [ALL]}", "os: {name: linux}\n"), []],
  [`${V} validateLinux: windowsOptions without os passes`, podWithContainerSc("windowsOptions:\n  runAsUserName: ContainerUser"), []],
  [
    `${V} validateWindows: Linux fields with os windows`,
    pod("os: {name: windows}\nhostPID: true\nsecurityContext:\n  runAsUser: 1000\n  seccompProfile: {type: RuntimeDefault}\ncontainers:\n- name: a\n  image: x\n  securityContext:\n    capabilities: {drop: [ALL]}\n    runAsNonRoot: true"),
    [
      ["forbidden", "spec.securityContext.runAsUser: Forbidden: cannot be set for a windows pod", "spec.securityContext.runAsUser"],
      ["forbidden", "spec.securityContext.seccompProfile: Forbidden: cannot be set for a windows pod", "spec.securityContext.seccompProfile"],
      ["forbidden", "spec.hostPID: Forbidden: cannot be set for a windows pod", "spec.hostPID"],
      ["forbidden", "spec.containers[0].securityContext.capabilities: Forbidden: cannot be set for a windows pod", "spec.containers[0].securityContext.capabilities"],
    ],
  ],
  [`${V} validateWindows: windows pod with windowsOptions and runAsNonRoot passes`, podWithContainerSc("runAsNonRoot: true\nwindowsOptions:\n  runAsUserName: ContainerUser", "os: {name: windows}\n"), []],
  [`${V} validateOS: unsupported name`, pod("os: {name: macos}\ncontainers:\n- name: a\n  image: x"), [["unsupported-value", 'spec.os: Unsupported value: "macos": supported values: "linux", "windows"', "spec.os.name"]]],
  [`${V} validateOS: name required`, pod("os: {}\ncontainers:\n- name: a\n  image: x"), [["required-value", "spec.os.name: Required value: cannot be empty", "spec.os"]]],

  // --- windowsOptions
  [
    `${V} validateWindowsSecurityContextOptions: gmsaCredentialSpecName is a DNS subdomain`,
    podWithPodSc("windowsOptions:\n  gmsaCredentialSpecName: Web_Spec"),
    [
      [
        "invalid-value",
        `spec.securityContext.windowsOptions.gmsaCredentialSpecName: Invalid value: "Web_Spec": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        "spec.securityContext.windowsOptions.gmsaCredentialSpecName",
      ],
    ],
  ],
  [
    `${V} validateWindowsSecurityContextOptions: one backslash at most`,
    podWithContainerSc('windowsOptions:\n  runAsUserName: "a\\\\b\\\\c"'),
    [["invalid-value", 'spec.containers[0].securityContext.windowsOptions.runAsUserName: Invalid value: "a\\\\b\\\\c": runAsUserName cannot contain more than one backslash', "spec.containers[0].securityContext.windowsOptions.runAsUserName"]],
  ],
  [
    `${V} validateWindowsSecurityContextOptions: forbidden user characters`,
    podWithContainerSc('windowsOptions:\n  runAsUserName: "user@corp"'),
    [["invalid-value", `spec.containers[0].securityContext.windowsOptions.runAsUserName: Invalid value: "user@corp": runAsUserName's User cannot contain the following characters: "/\\:;|=,+*?<>@[]`, "spec.containers[0].securityContext.windowsOptions.runAsUserName"]],
  ],
  [
    `${V} validateWindowsSecurityContextOptions: empty gmsaCredentialSpec`,
    podWithContainerSc('windowsOptions:\n  gmsaCredentialSpec: ""'),
    [["invalid-value", 'spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpec: Invalid value: "": gmsaCredentialSpec cannot be an empty string', "spec.containers[0].securityContext.windowsOptions.gmsaCredentialSpec"]],
  ],
  [`${V} validateWindowsSecurityContextOptions: DOMAIN\\user passes`, podWithContainerSc('windowsOptions:\n  runAsUserName: "CORP\\\\svc-web"\n  gmsaCredentialSpecName: web-spec'), []],

  // --- HostProcess
  [
    `${V} validateWindowsHostProcessPod: all containers, and hostNetwork`,
    pod("containers:\n- name: a\n  image: x\n  securityContext:\n    windowsOptions: {hostProcess: true}\n- name: b\n  image: x"),
    [
      ["invalid-value", 'spec: Invalid value: "": If pod contains any hostProcess containers then all containers must be HostProcess containers', "spec"],
      ["invalid-value", "spec.hostNetwork: Invalid value: false: hostNetwork must be true if pod contains any hostProcess containers", "spec"],
    ],
  ],
  [
    `${V} validateWindowsHostProcessPod: pod and container must agree`,
    pod("hostNetwork: true\nsecurityContext:\n  windowsOptions: {hostProcess: true}\ncontainers:\n- name: a\n  image: x\n  securityContext:\n    windowsOptions: {hostProcess: false}"),
    [
      ["invalid-value", "spec.containers[0].securityContext.windowsOptions.hostProcess: Invalid value: false: pod hostProcess value must be identical if both are specified, was true", "spec.containers[0].securityContext.windowsOptions.hostProcess"],
    ],
  ],
  [`${V} validateWindowsHostProcessPod: inherited hostProcess with hostNetwork passes`, pod("hostNetwork: true\nsecurityContext:\n  windowsOptions: {hostProcess: true}\ncontainers:\n- name: a\n  image: x\n- name: b\n  image: y"), []],
];

describe("securityContext validation rules", () => {
  it.each(cases)("%s", (_rule, text, expected, minor) => {
    expect(rules(text, minor ?? 37)).toEqual(expected);
  });

  it("wrong-typed values never reach a rule (the request fails in decoding first)", () => {
    expect(rules(podWithContainerSc('runAsUser: "-1"\nprocMount: 5\nallowPrivilegeEscalation: "false"\nprivileged: true'))).toEqual([]);
  });

  it("paths in a Deployment are upstream's (spec.template.spec…)", () => {
    const text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers:\n      - name: a\n        image: x\n        securityContext:\n          runAsUser: -1\n";
    expect(rules(text)).toEqual([["invalid-value", `spec.template.spec.containers[0].securityContext.runAsUser: Invalid value: -1: ${RANGE}`, "spec.template.spec.containers[0].securityContext.runAsUser"]]);
  });
});

describe("rule tables agree with the catalogue", () => {
  it("every id and enum rule names a catalogue field at its level", () => {
    for (const r of [...ID_RULES, ...ENUM_RULES]) expect(fieldSpec(r.field)?.levels).toContain(r.level);
  });
  it("every enum rule has the catalogue's values", () => {
    for (const r of ENUM_RULES) expect(fieldSpec(r.field)?.enum?.length).toBeGreaterThan(0);
  });
  it("validateWindows forbids exactly the catalogue's Linux-only fields (checked against upstream's list)", () => {
    const upstreamPod = ["appArmorProfile", "seLinuxOptions", "seccompProfile", "fsGroup", "fsGroupChangePolicy", "sysctls", "runAsUser", "runAsGroup", "supplementalGroups", "supplementalGroupsPolicy", "seLinuxChangePolicy"];
    const upstreamContainer = ["appArmorProfile", "seLinuxOptions", "seccompProfile", "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "procMount", "runAsUser", "runAsGroup"];
    const linux = (level: "pod" | "container") => FIELDS.filter((f) => f.os === "linux" && f.levels.includes(level)).map((f) => f.name).sort();
    expect(linux("pod")).toEqual([...upstreamPod].sort());
    expect(linux("container")).toEqual([...upstreamContainer].sort());
  });
});

describe("helpers", () => {
  it.each([
    ["net.ipv4.ip_local_port_range", "Net"],
    ["net/ipv4/conf/eno2.100/rp_filter", "Net"],
    ["kernel.shm_rmid_forced", "IPC"],
    ["kernel.sem", "IPC"],
    ["fs.mqueue.msg_max", "IPC"],
    ["kernel.domainname", ""],
    ["net.ipv6.neigh.*", "Net"],
  ])("component-helpers sysctl GetNamespace(%s) = %s", (name, ns) => {
    expect(sysctlNamespace(name)).toBe(ns);
  });

  it("NormalizeName swaps the separators of the slash form", () => {
    expect(normalizeSysctl("net/ipv4/conf/eno2.100/rp_filter")).toBe("net.ipv4.conf.eno2/100.rp_filter");
    expect(normalizeSysctl("net.ipv4.conf.eno2/100.rp_filter")).toBe("net.ipv4.conf.eno2/100.rp_filter");
  });

  it("IsDNS1123Subdomain length", () => {
    expect(isDNS1123Subdomain("a".repeat(254))).toContain("must be no more than 253 characters");
    expect(isDNS1123Subdomain("web-spec")).toEqual([]);
  });
});
