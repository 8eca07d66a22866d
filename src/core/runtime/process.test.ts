import { describe, expect, it } from "vitest";
import type { EffectiveField, Process, Runtime } from "../types";
import { computeProcess, decodeCapHex, type ProcessInput } from "./process";
import { ALL_CAPABILITIES, sortCapabilities } from "./capabilities";
import { KUBELET_MASKED_PATHS, KUBELET_READONLY_PATHS, RUNTIME_DEFAULTS } from "./defaults";
import { effective } from "./test-fixture";

const ZERO = "0000000000000000";
const FULL = "000001ffffffffff";
const CONTAINERD_CAPS = sortCapabilities(RUNTIME_DEFAULTS.containerd.capabilities.value);
const CRIO_CAPS = sortCapabilities(RUNTIME_DEFAULTS["cri-o"].capabilities.value);
// cri-o server/masked_paths.go appendDefaultMaskedPaths: containers/common list + asound + interrupts
// + the kubelet's list, sorted and de-duplicated (matches the list in cri-o PR #9069, without the
// host's thermal_throttle paths).
const CRIO_MASKED = [
  "/proc/acpi",
  "/proc/asound",
  "/proc/interrupts",
  "/proc/kcore",
  "/proc/keys",
  "/proc/latency_stats",
  "/proc/sched_debug",
  "/proc/scsi",
  "/proc/timer_list",
  "/proc/timer_stats",
  "/sys/devices/virtual/powercap",
  "/sys/firmware",
  "/sys/fs/selinux",
];

interface Case {
  name: string;
  rule: string;
  runtime?: Runtime;
  set?: Partial<Record<EffectiveField, unknown>>;
  imageUser?: number | string;
  seccompDefault?: boolean;
  hostUsers?: boolean;
  expect: Partial<Omit<Process, "capabilities" | "capHex">> & {
    capabilities?: Partial<Process["capabilities"]>;
    capHex?: Partial<Process["capHex"]>;
  };
}

function run(c: Case): Process {
  const input: ProcessInput = {
    runtime: c.runtime ?? "containerd",
    effective: effective(c.set ?? {}),
    imageUser: c.imageUser ?? 0,
    seccompDefault: c.seccompDefault ?? false,
    hostUsers: c.hostUsers,
  };
  return computeProcess(input);
}

function check(c: Case) {
  const p = run(c);
  const { capabilities, capHex, ...rest } = c.expect;
  expect(p).toMatchObject(rest);
  if (capabilities) expect(p.capabilities).toMatchObject(capabilities);
  if (capHex) expect(p.capHex).toMatchObject(capHex);
  // Every hex agrees with its list.
  expect(decodeCapHex(p.capHex.CapBnd)).toEqual(p.capabilities.bounding);
  expect(decodeCapHex(p.capHex.CapPrm)).toEqual(p.capabilities.permitted);
  expect(decodeCapHex(p.capHex.CapEff)).toEqual(p.capabilities.effective);
  expect(decodeCapHex(p.capHex.CapInh)).toEqual(p.capabilities.inheritable);
  expect(decodeCapHex(p.capHex.CapAmb)).toEqual(p.capabilities.ambient);
}

describe("defaults", () => {
  const cases: Case[] = [
    {
      name: "containerd, image root, nothing set",
      rule: "containerd pkg/oci/spec.go defaultUnixCaps; capabilities(7) root: P' = bounding, E' = P'; inheritable empty since CVE-2022-24769",
      expect: {
        uid: 0,
        gid: 0,
        groups: [0],
        capHex: { CapInh: ZERO, CapPrm: "00000000a80425fb", CapEff: "00000000a80425fb", CapBnd: "00000000a80425fb", CapAmb: ZERO },
        capabilities: { bounding: CONTAINERD_CAPS, permitted: CONTAINERD_CAPS, effective: CONTAINERD_CAPS, inheritable: [], ambient: [] },
        noNewPrivs: false,
        seccomp: "disabled",
        rootFilesystemReadOnly: false,
        maskedPaths: [...KUBELET_MASKED_PATHS.value],
        readonlyPaths: [...KUBELET_READONLY_PATHS.value],
      },
    },
    {
      name: "CRI-O, image root, nothing set",
      rule: "cri-o capabilities_linux.go Default; masked_paths.go appendDefaultMaskedPaths; inheritable off (add_inheritable_capabilities=false)",
      runtime: "cri-o",
      expect: {
        uid: 0,
        gid: 0,
        groups: [0],
        capHex: { CapInh: ZERO, CapPrm: "00000000000005fb", CapEff: "00000000000005fb", CapBnd: "00000000000005fb", CapAmb: ZERO },
        capabilities: { bounding: CRIO_CAPS, permitted: CRIO_CAPS, effective: CRIO_CAPS },
        maskedPaths: CRIO_MASKED,
        readonlyPaths: [...KUBELET_READONLY_PATHS.value],
      },
    },
    {
      name: "hostUsers false reads the same from inside the user namespace",
      rule: "user namespaces map ids and scope capabilities; the in-container view is unchanged",
      hostUsers: false,
      expect: { uid: 0, capHex: { CapBnd: "00000000a80425fb", CapEff: "00000000a80425fb" } },
    },
  ];
  it.each(cases)("$name ($rule)", check);
});

describe("capabilities: add, drop and names", () => {
  const nbs = ["CAP_NET_BIND_SERVICE"];
  const cases: Case[] = [
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: runAsUser 1000, drop ALL, add NET_BIND_SERVICE`,
        rule: "drop ALL clears, then adds; capabilities(7) non-root without file caps: P' = E' = ambient = ∅",
        runtime,
        set: { runAsUser: 1000, capabilities: { add: ["NET_BIND_SERVICE"], drop: ["ALL"] } },
        expect: {
          uid: 1000,
          capabilities: { bounding: nbs, permitted: [], effective: [], inheritable: [], ambient: [] },
          capHex: { CapBnd: "0000000000000400", CapPrm: ZERO, CapEff: ZERO, CapInh: ZERO, CapAmb: ZERO },
        },
      }),
    ),
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: root, drop ALL`,
        rule: "drop ALL empties bounding; root P' = bounding = ∅",
        runtime,
        set: { capabilities: { drop: ["ALL"] } },
        expect: { capHex: { CapBnd: ZERO, CapPrm: ZERO, CapEff: ZERO, CapInh: ZERO, CapAmb: ZERO } },
      }),
    ),
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: root, drop all (lower case)`,
        rule: "ALL matched case-insensitively (containerd util.InStringSlice / cri-o inStringSlice: strings.EqualFold)",
        runtime,
        set: { capabilities: { drop: ["all"] } },
        expect: { capHex: { CapBnd: ZERO } },
      }),
    ),
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: add and drop SYS_ADMIN`,
        rule: "adds are applied before drops in both runtimes, so the drop wins",
        runtime,
        set: { capabilities: { add: ["SYS_ADMIN"], drop: ["SYS_ADMIN"] } },
        expect: { capabilities: { bounding: runtime === "containerd" ? CONTAINERD_CAPS : CRIO_CAPS } },
      }),
    ),
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: add ALL, drop CHOWN`,
        rule: "add ALL gives the full set, then individual drops apply",
        runtime,
        set: { capabilities: { add: ["ALL"], drop: ["CHOWN"] } },
        expect: { capabilities: { bounding: ALL_CAPABILITIES.filter((c) => c !== "CAP_CHOWN") }, capHex: { CapBnd: "000001fffffffffe" } },
      }),
    ),
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: add ALL and drop ALL`,
        rule: "ALL add is applied, then ALL drop",
        runtime,
        set: { capabilities: { add: ["ALL"], drop: ["ALL"] } },
        expect: { capHex: { CapBnd: ZERO } },
      }),
    ),
    {
      name: "containerd: add net_admin (lower case)",
      rule: 'containerd WithCapabilities: "CAP_"+strings.ToUpper',
      set: { capabilities: { add: ["net_admin"] } },
      expect: { capabilities: { bounding: sortCapabilities([...CONTAINERD_CAPS, "CAP_NET_ADMIN"]) } },
    },
    {
      name: "containerd: add CAP_NET_ADMIN has no effect",
      rule: "containerd makes it CAP_CAP_NET_ADMIN; runc ignores unknown capabilities",
      set: { capabilities: { add: ["CAP_NET_ADMIN"] } },
      expect: { capabilities: { bounding: CONTAINERD_CAPS } },
    },
    {
      name: "containerd: drop CAP_NET_RAW removes nothing",
      rule: "containerd makes it CAP_CAP_NET_RAW, which is not in the list",
      set: { capabilities: { drop: ["CAP_NET_RAW"] } },
      expect: { capHex: { CapBnd: "00000000a80425fb" } },
    },
    {
      name: "containerd: drop net_raw",
      rule: "containerd WithDroppedCapabilities after ToUpper",
      set: { capabilities: { drop: ["net_raw"] } },
      expect: { capHex: { CapBnd: "00000000a80405fb" } },
    },
    ...["CAP_CHOWN", "cap_chown", "Cap_Chown", "chown", "CHOWN"].map(
      (entry): Case => ({
        name: `CRI-O: drop ${entry}`,
        rule: "cri-o toCAPPrefixed + runtime-tools upper-casing accept both forms in any case",
        runtime: "cri-o",
        set: { capabilities: { drop: [entry] } },
        expect: { capabilities: { bounding: CRIO_CAPS.filter((c) => c !== "CAP_CHOWN") } },
      }),
    ),
    {
      name: "CRI-O: add cap_net_raw",
      rule: "cri-o toCAPPrefixed keeps the prefix; runtime-tools upper-cases",
      runtime: "cri-o",
      set: { capabilities: { add: ["cap_net_raw"] } },
      expect: { capabilities: { bounding: sortCapabilities([...CRIO_CAPS, "CAP_NET_RAW"]) } },
    },
    {
      name: "empty capabilities object keeps the defaults",
      rule: "no add, no drop",
      set: { capabilities: {} },
      expect: { capHex: { CapBnd: "00000000a80425fb" } },
    },
  ];
  it.each(cases)("$name ($rule)", check);
});

describe("privileged", () => {
  const cases: Case[] = [
    {
      name: "containerd: privileged root",
      rule: "containerd WithPrivileged: all current caps, no masked/readonly paths, seccomp unconfined; ambient cleared; inheritable empty",
      set: { privileged: true, seccompProfile: { type: "RuntimeDefault" } },
      expect: {
        capabilities: { bounding: [...ALL_CAPABILITIES], permitted: [...ALL_CAPABILITIES], effective: [...ALL_CAPABILITIES], inheritable: [], ambient: [] },
        capHex: { CapBnd: FULL, CapPrm: FULL, CapEff: FULL, CapInh: ZERO, CapAmb: ZERO },
        maskedPaths: [],
        readonlyPaths: [],
        seccomp: "disabled",
      },
    },
    {
      name: "CRI-O: privileged root",
      rule: "runtime-tools SetupPrivileged fills all five sets; no paths; setupSeccomp skips privileged",
      runtime: "cri-o",
      set: { privileged: true },
      seccompDefault: true,
      expect: {
        capHex: { CapBnd: FULL, CapPrm: FULL, CapEff: FULL, CapInh: FULL, CapAmb: FULL },
        maskedPaths: [],
        readonlyPaths: [],
        seccomp: "disabled",
      },
    },
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: privileged ignores drop ALL`,
        rule: "containerd WithPrivileged runs after WithCapabilities; CRI-O skips SpecSetupCapabilities",
        runtime,
        set: { privileged: true, capabilities: { drop: ["ALL"] } },
        expect: { capHex: { CapBnd: FULL } },
      }),
    ),
    {
      name: "containerd: privileged, runAsUser 1000",
      rule: "ambient cleared (WithoutAmbientCaps), so execve as non-root leaves P' = E' = ∅",
      set: { privileged: true, runAsUser: 1000 },
      expect: { capHex: { CapBnd: FULL, CapPrm: ZERO, CapEff: ZERO, CapAmb: ZERO } },
    },
    {
      name: "CRI-O: privileged, runAsUser 1000",
      rule: "SetupPrivileged sets Ambient to all; capabilities(7): non-root P' = E' = ambient",
      runtime: "cri-o",
      set: { privileged: true, runAsUser: 1000 },
      expect: { capHex: { CapBnd: FULL, CapPrm: FULL, CapEff: FULL, CapInh: FULL, CapAmb: FULL } },
    },
  ];
  it.each(cases)("$name ($rule)", check);
});

describe("paths, no_new_privs, seccomp, read-only root", () => {
  const cases: Case[] = [
    ...(["containerd", "cri-o"] as const).map(
      (runtime): Case => ({
        name: `${runtime}: procMount Unmasked`,
        rule: "kubelet ConvertToRuntimeMaskedPaths/ReadonlyPaths return [] for Unmasked; runtimes apply the kubelet's lists",
        runtime,
        set: { procMount: "Unmasked" },
        expect: { maskedPaths: [], readonlyPaths: [] },
      }),
    ),
    {
      name: "procMount Default",
      rule: "kubelet default lists",
      set: { procMount: "Default" },
      expect: { maskedPaths: [...KUBELET_MASKED_PATHS.value], readonlyPaths: [...KUBELET_READONLY_PATHS.value] },
    },
    {
      name: "allowPrivilegeEscalation false",
      rule: "securitycontext.AddNoNewPrivileges: !*AllowPrivilegeEscalation",
      set: { allowPrivilegeEscalation: false },
      expect: { noNewPrivs: true },
    },
    {
      name: "allowPrivilegeEscalation true",
      rule: "securitycontext.AddNoNewPrivileges",
      set: { allowPrivilegeEscalation: true },
      expect: { noNewPrivs: false },
    },
    {
      name: "allowPrivilegeEscalation unset",
      rule: "securitycontext.AddNoNewPrivileges: nil → false",
      expect: { noNewPrivs: false },
    },
    {
      name: "seccomp unset, SeccompDefault off",
      rule: "kuberuntime fieldSeccompProfile: nil → Unconfined → Seccomp: 0",
      expect: { seccomp: "disabled" },
    },
    {
      name: "seccomp unset, SeccompDefault on",
      rule: "kuberuntime fieldSeccompProfile: nil + fallbackToRuntimeDefault → RuntimeDefault → Seccomp: 2",
      seccompDefault: true,
      expect: { seccomp: "filter" },
    },
    {
      name: "seccomp RuntimeDefault",
      rule: "containerd seccomp.WithDefaultProfile / cri-o LoadProfileFromConfig",
      set: { seccompProfile: { type: "RuntimeDefault" } },
      expect: { seccomp: "filter" },
    },
    {
      name: "seccomp Localhost",
      rule: "the named profile is loaded",
      runtime: "cri-o",
      set: { seccompProfile: { type: "Localhost", localhostProfile: "p.json" } },
      expect: { seccomp: "filter" },
    },
    {
      name: "seccomp Unconfined with SeccompDefault on",
      rule: "an explicit profile wins over SeccompDefault",
      seccompDefault: true,
      set: { seccompProfile: { type: "Unconfined" } },
      expect: { seccomp: "disabled" },
    },
    {
      name: "readOnlyRootFilesystem",
      rule: "containerd oci.WithRootFSReadonly / cri-o ReadOnly",
      set: { readOnlyRootFilesystem: true },
      expect: { rootFilesystemReadOnly: true },
    },
  ];
  it.each(cases)("$name ($rule)", check);
});

describe("users and groups", () => {
  const cases: Case[] = [
    {
      name: "containerd: fsGroup + supplementalGroups",
      rule: "kubelet order fsGroup, supplementalGroups; containerd mergeGids sorts, ensureAdditionalGids adds the primary GID",
      set: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000, 1000, 2000] },
      expect: { uid: 1000, gid: 3000, groups: [1000, 2000, 3000, 4000] },
    },
    {
      name: "CRI-O: fsGroup + supplementalGroups",
      rule: "cri-o setupContainerUser: primary GID, then the kubelet's groups, each once",
      runtime: "cri-o",
      set: { runAsUser: 1000, runAsGroup: 3000, fsGroup: 2000, supplementalGroups: [4000, 1000, 2000] },
      expect: { uid: 1000, gid: 3000, groups: [3000, 2000, 4000, 1000] },
    },
    {
      name: "supplementalGroupsPolicy Strict gives the same list (image /etc/group unknown)",
      rule: "Strict only leaves out the image's /etc/group memberships",
      set: { fsGroup: 2000, supplementalGroupsPolicy: "Strict" },
      expect: { groups: [0, 2000] },
    },
    {
      name: "image uid 1000",
      rule: "kubelet passes the image uid as RunAsUser; capabilities(7) non-root",
      imageUser: 1000,
      expect: { uid: 1000, gid: 0, capHex: { CapBnd: "00000000a80425fb", CapPrm: ZERO, CapEff: ZERO } },
    },
    {
      name: 'image USER "1000:50"',
      rule: "getUserFromImage keeps the part before ':'; the kubelet passes only the uid, so the group comes from /etc/passwd (unknown → 0)",
      imageUser: "1000:50",
      expect: { uid: 1000, gid: 0 },
    },
    {
      name: 'image USER ""',
      rule: "getImageUser: neither uid nor name → root",
      imageUser: "",
      expect: { uid: 0, capHex: { CapEff: "00000000a80425fb" } },
    },
    {
      name: "image user name",
      rule: "a name the manifest cannot check stays a string; taken as non-root",
      imageUser: "nginx",
      expect: { uid: "nginx", gid: 0, capHex: { CapPrm: ZERO, CapEff: ZERO } },
    },
    {
      name: 'image user name "root"',
      rule: "the name root is taken as uid 0",
      imageUser: "root",
      expect: { uid: "root", capHex: { CapEff: "00000000a80425fb" } },
    },
    {
      name: "runAsUser beats the image user",
      rule: "kuberuntime determineEffectiveSecurityContext: image user only when RunAsUser is nil",
      imageUser: "nginx",
      set: { runAsUser: 0 },
      expect: { uid: 0, capHex: { CapEff: "00000000a80425fb" } },
    },
  ];
  it.each(cases)("$name ($rule)", check);
});

describe("wrong-typed values never throw", () => {
  const weird: Partial<Record<EffectiveField, unknown>>[] = [
    { capabilities: "ALL" },
    { capabilities: { add: "NET_ADMIN", drop: [1, null, "ALL"] } },
    { runAsUser: "1000", runAsGroup: -5, fsGroup: "x", supplementalGroups: "1,2" },
    { seccompProfile: "RuntimeDefault", procMount: 7, privileged: "true" },
    { supplementalGroups: [1.5, -1, 4294967296, 5] },
  ];
  it.each(weird)("%o", (set) => {
    expect(() => computeProcess({ runtime: "containerd", effective: effective(set), imageUser: 0, seccompDefault: false })).not.toThrow();
  });

  it("an empty or missing effective map gives the defaults", () => {
    const p = computeProcess({ runtime: "cri-o", effective: {} as never, imageUser: 0, seccompDefault: false });
    expect(p.capHex.CapBnd).toBe("00000000000005fb");
    const q = computeProcess({ runtime: "containerd", effective: undefined as never, imageUser: undefined as never, seccompDefault: false });
    expect(q.uid).toBe(0);
    expect(q.capHex.CapBnd).toBe("00000000a80425fb");
  });

  it("ignores groups outside uint32 and non-integers", () => {
    const p = computeProcess({ runtime: "containerd", effective: effective({ supplementalGroups: [1.5, -1, 4294967296, 5] }), imageUser: 0, seccompDefault: false });
    expect(p.groups).toEqual([0, 5]);
  });

  it("a string runAsUser is not a uid: the image user applies", () => {
    const p = computeProcess({ runtime: "containerd", effective: effective({ runAsUser: "1000" }), imageUser: 7, seccompDefault: false });
    expect(p.uid).toBe(7);
  });
});
