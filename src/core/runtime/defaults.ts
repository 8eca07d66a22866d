// What the kubelet sends and what each runtime starts from, as data with the upstream code it
// comes from. process.ts applies these; nothing here is computed.

import type { Runtime } from "../types";
import { ALL_CAPABILITIES } from "./capabilities";

export interface Sourced<T> {
  value: T;
  source: string;
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// The kubelet: masked and readonly paths it puts in every container's CRI security context.

/**
 * kubelet determineEffectiveSecurityContext always sets MaskedPaths/ReadonlyPaths from
 * ConvertToRuntimeMaskedPaths/ConvertToRuntimeReadonlyPaths: [] for procMount "Unmasked",
 * the default lists otherwise.
 */
export const KUBELET_PROC_MOUNT_RULE = {
  unmasked: "Unmasked",
  source:
    "kubernetes/kubernetes pkg/securitycontext/util.go ConvertToRuntimeMaskedPaths, ConvertToRuntimeReadonlyPaths (called from pkg/kubelet/kuberuntime/security_context.go determineEffectiveSecurityContext)",
} as const;

export const KUBELET_MASKED_PATHS: Sourced<readonly string[]> & { hostDependent: string } = {
  value: [
    "/proc/asound",
    "/proc/acpi",
    "/proc/interrupts",
    "/proc/kcore",
    "/proc/keys",
    "/proc/latency_stats",
    "/proc/timer_list",
    "/proc/timer_stats",
    "/proc/sched_debug",
    "/proc/scsi",
    "/sys/firmware",
    "/sys/devices/virtual/powercap",
  ],
  source:
    "kubernetes/kubernetes pkg/securitycontext/util.go defaultMaskedPaths, after PR #131018 (in 1.34; cherry-picked to release-1.31/1.32/1.33 by #132987/#132986/#132985)",
  hostDependent:
    "/sys/devices/system/cpu/cpu<N>/thermal_throttle, appended for every possible CPU of the node whose path exists (pkg/securitycontext/util_linux.go possibleCPUs); a manifest cannot know the node, so these are left out",
  note:
    "The 11 entries without /proc/interrupts are read from util.go before #131018. The position of /proc/interrupts (after /proc/acpi) follows moby's oci/defaults.go, which util.go says it is kept in sync with, and the kubelet output quoted in kubernetes issue #138512 (\"/proc/asound\", \"/proc/acpi\", \"/proc/interrupts\", ...); the post-#131018 util.go text itself was not available to read.",
};

export const KUBELET_READONLY_PATHS: Sourced<readonly string[]> = {
  value: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
  source: "kubernetes/kubernetes pkg/securitycontext/util.go defaultReadonlyPaths",
};

/** Earlier kubelet lists, newest last but one; release boundaries only where a source states them. */
export const KUBELET_PATHS_HISTORY = [
  {
    change: "original lists",
    masked: ["/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware"],
    readonly: ["/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    source: "kubernetes/kubernetes pkg/securitycontext/util.go (before PR #112037)",
  },
  {
    change: "PR #112037 moved /proc/asound from readonly to masked",
    masked: ["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware"],
    readonly: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    source: "kubernetes/kubernetes PR #112037",
  },
  {
    change: "PR #125970 added /sys/devices/virtual/powercap (cherry-picked to release-1.28/1.29/1.30 by #126000/#125999/#125998)",
    masked: ["/proc/asound", "/proc/acpi", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware", "/sys/devices/virtual/powercap"],
    readonly: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"],
    source: "kubernetes/kubernetes pkg/securitycontext/util.go defaultMaskedPaths (PR #125970)",
  },
  {
    change: "PR #131018 added /proc/interrupts and the per-CPU thermal_throttle paths",
    masked: KUBELET_MASKED_PATHS.value,
    readonly: KUBELET_READONLY_PATHS.value,
    source: KUBELET_MASKED_PATHS.source,
  },
] as const;

// ---------------------------------------------------------------------------------------------
// The runtimes.

export interface RuntimeDefaults {
  runtime: Runtime;
  /** Bounding = permitted = effective of a non-privileged container before add/drop. */
  capabilities: Sourced<readonly string[]>;
  inheritable: Sourced<readonly string[]>;
  ambient: Sourced<readonly string[]>;
  /** How add and drop combine with the defaults and with each other. */
  addDrop: Sourced<string>;
  privileged: {
    bounding: Sourced<readonly string[]>;
    inheritable: Sourced<readonly string[]>;
    ambient: Sourced<readonly string[]>;
    paths: Sourced<"none">;
    seccomp: Sourced<"none">;
  };
  /** How the kubelet's masked paths become the spec's. */
  maskedPaths: Sourced<string> & { runtimeList: Sourced<readonly string[]> };
  readonlyPaths: Sourced<string>;
  /** The order of additional GIDs in the spec. */
  groups: Sourced<"sorted" | "insertion">;
}

export const RUNTIME_DEFAULTS: Record<Runtime, RuntimeDefaults> = {
  containerd: {
    runtime: "containerd",
    capabilities: {
      value: [
        "CAP_CHOWN",
        "CAP_DAC_OVERRIDE",
        "CAP_FSETID",
        "CAP_FOWNER",
        "CAP_MKNOD",
        "CAP_NET_RAW",
        "CAP_SETGID",
        "CAP_SETUID",
        "CAP_SETFCAP",
        "CAP_SETPCAP",
        "CAP_NET_BIND_SERVICE",
        "CAP_SYS_CHROOT",
        "CAP_KILL",
        "CAP_AUDIT_WRITE",
      ],
      source: "containerd/containerd pkg/oci/spec.go defaultUnixCaps (populateDefaultUnixSpec: Bounding, Permitted, Effective)",
      note: "A proposal to drop MKNOD, NET_RAW, SETFCAP, SYS_CHROOT and AUDIT_WRITE (containerd PR #10435) was closed; the list is unchanged in 2.x.",
    },
    inheritable: {
      value: [],
      source: "containerd/containerd pkg/oci/spec.go populateDefaultUnixSpec sets no Inheritable",
      note: "Empty since GHSA-c9cp-9c75-9v8c (CVE-2022-24769): v1.7.0, v1.6.2, v1.5.11. Earlier releases set Inheritable to the default list.",
    },
    ambient: {
      value: [],
      source: "containerd/containerd internal/cri/server/container_create.go buildLinuxSpec: customopts.WithoutAmbientCaps, applied after WithPrivileged",
    },
    addDrop: {
      value:
        'add contains ALL → the full set; drop contains ALL → the empty set (in that order); then every other add is added and every other drop removed, so a drop beats an add of the same capability, and drop ALL + add X leaves X',
      source: "containerd/containerd internal/cri/opts/spec_opts.go WithCapabilities (oci.WithAddedCapabilities before oci.WithDroppedCapabilities)",
      note: 'No capabilities field at all keeps the defaults (WithCapabilities returns nullOpt). "ALL" for add is the containerd process\'s own effective set (internal/cri/server/service_linux.go allCaps = cap.Current()).',
    },
    privileged: {
      bounding: {
        value: ALL_CAPABILITIES,
        source: "containerd/containerd pkg/oci/spec_opts.go WithPrivileged → spec_opts_linux.go WithAllCurrentCapabilities (pkg/cap Current: containerd's effective set, all the kernel has for a root daemon)",
        note: "add/drop have no effect: WithPrivileged runs after WithCapabilities and replaces bounding, permitted and effective.",
      },
      inheritable: { value: [], source: "containerd/containerd pkg/oci/spec_opts.go WithCapabilities keeps only inheritable caps already present, and there are none" },
      ambient: { value: [], source: "containerd/containerd internal/cri/server/container_create.go customopts.WithoutAmbientCaps" },
      paths: { value: "none", source: "containerd/containerd pkg/oci/spec_opts.go WithPrivileged: WithMaskedPaths(nil), WithReadonlyPaths(nil)" },
      seccomp: {
        value: "none",
        source: 'containerd/containerd internal/cri/sputil/seccomp_linux.go GenerateSeccompSpecOpts ("Do not set seccomp profile when container is privileged") and pkg/oci/spec_opts.go WithPrivileged: WithSeccompUnconfined',
      },
    },
    maskedPaths: {
      value: "the kubelet's list replaces the runtime's: the spec's paths are first set to [] and then to securityContext.MaskedPaths when that is not nil",
      source: "containerd/containerd internal/cri/server/container_create.go buildLinuxSpec (unless disable_proc_mount = true)",
      runtimeList: {
        value: [
          "/proc/acpi",
          "/proc/asound",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/sys/firmware",
          "/sys/devices/virtual/powercap",
          "/proc/scsi",
        ],
        source: "containerd/containerd pkg/oci/spec.go populateDefaultUnixSpec MaskedPaths",
        note: "Used by the CRI plugin only with disable_proc_mount = true (default false).",
      },
    },
    readonlyPaths: {
      value: "the kubelet's list replaces the runtime's, as for masked paths",
      source: "containerd/containerd internal/cri/server/container_create.go buildLinuxSpec",
    },
    groups: {
      value: "sorted",
      source:
        "containerd/containerd internal/cri/opts/spec_opts.go WithSupplementalGroups/WithAdditionalGIDs (mergeGids: de-duplicated, slices.Sort) and pkg/oci/spec_opts.go ensureAdditionalGids (the primary GID is always among them; GHSA-hmfx-3pcx-653p, CVE-2023-25173: v1.7.0, v1.6.18, v1.5.18)",
    },
  },
  "cri-o": {
    runtime: "cri-o",
    capabilities: {
      value: [
        "CAP_CHOWN",
        "CAP_DAC_OVERRIDE",
        "CAP_FSETID",
        "CAP_FOWNER",
        "CAP_SETGID",
        "CAP_SETUID",
        "CAP_SETPCAP",
        "CAP_NET_BIND_SERVICE",
        "CAP_KILL",
      ],
      source: "cri-o/cri-o internal/config/capabilities/capabilities_linux.go Default (crio.conf default_capabilities; CRI-O writes them without CAP_)",
    },
    inheritable: {
      value: [],
      source: "cri-o/cri-o pkg/config/config.go AddInheritableCapabilities (add_inheritable_capabilities, default false)",
      note: '"They were pre-1.23 by default, and were dropped in 1.24" (CVE-2022-27652).',
    },
    ambient: {
      value: [],
      source: "cri-o/cri-o internal/factory/container/container.go SpecSetupCapabilities: ClearProcessCapabilities, ambient never added",
    },
    addDrop: {
      value:
        "without ALL in add or drop, the defaults join the adds; add ALL → the full set, drop ALL → the empty set (in that order); then every other add is added and every other drop removed: a drop beats an add of the same capability, and drop ALL + add X leaves X",
      source: "cri-o/cri-o internal/factory/container/container.go SpecSetupCapabilities",
      note: '"ALL" is the kernel\'s list (getOCICapabilitiesList: moby/sys/capability ListKnown up to LastCap).',
    },
    privileged: {
      bounding: {
        value: ALL_CAPABILITIES,
        source: "cri-o/cri-o internal/factory/container/container.go SpecSetPrivileges → opencontainers/runtime-tools generate SetupPrivileged (HostSpecific: capability.ListSupported())",
        note: "add/drop are not applied to a privileged container.",
      },
      inheritable: {
        value: ALL_CAPABILITIES,
        source: "opencontainers/runtime-tools generate/generate.go SetupPrivileged appends the full list to Bounding, Effective, Inheritable, Permitted and Ambient",
      },
      ambient: {
        value: ALL_CAPABILITIES,
        source: "opencontainers/runtime-tools generate/generate.go SetupPrivileged (nothing in CRI-O clears Ambient afterwards)",
      },
      paths: {
        value: "none",
        source: "cri-o/cri-o internal/factory/container/container.go SpecSetPrivileges (paths only added when not privileged) and server/container_create_linux.go setOCIBindMountsPrivileged",
      },
      seccomp: {
        value: "none",
        source: "cri-o/cri-o server/container_create.go setupSeccomp (skipped for privileged containers unless privileged_seccomp_profile is configured; default empty)",
      },
    },
    maskedPaths: {
      value:
        "when the kubelet's list is not empty: the runtime's list plus the kubelet's, sorted and de-duplicated; an empty kubelet list (procMount Unmasked) gives none",
      source: "cri-o/cri-o server/masked_paths.go appendDefaultMaskedPaths (slices.Sort, slices.Compact), server/container_create.go setupLinuxResources",
      runtimeList: {
        value: [
          "/proc/acpi",
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
          "/proc/interrupts",
          "/proc/asound",
          "/proc/interrupts",
        ],
        source:
          'go.podman.io/common (containers/common) pkg/config/default.go getMaskedPaths, vendored by CRI-O, plus "/proc/asound", "/proc/interrupts" from cri-o/cri-o server/masked_paths.go defaultLinuxMaskedPaths',
        note: 'Listed as concatenated upstream (so /proc/interrupts twice; slices.Compact removes the repeat). getMaskedPaths also globs "/sys/devices/system/cpu/cpu*/thermal_throttle" on the node; those host paths are left out.',
      },
    },
    readonlyPaths: {
      value: "the kubelet's list, as sent (runtime-tools generate.New starts with none)",
      source: "cri-o/cri-o internal/factory/container/container.go SpecSetPrivileges (AddLinuxReadonlyPaths)",
    },
    groups: {
      value: "insertion",
      source:
        "cri-o/cri-o server/container_create.go setupContainerUser: the primary GID, then (Merge) the image's groups, then the kubelet's supplemental groups, each once (runtime-tools AddProcessAdditionalGid skips repeats)",
    },
  },
};

// ---------------------------------------------------------------------------------------------
// The kernel at execve: capabilities(7) "Transformation of capabilities during execve()".

export const EXECVE_RULES = {
  source: "man-pages capabilities(7) Transformation of capabilities during execve(), Capabilities and execution of programs by root; torvalds/linux security/commoncap.c cap_bprm_creds_from_file, handle_privileged_root",
  root: "uid 0 without SECBIT_NOROOT: the file sets count as full, so P'(permitted) = P(bounding) | P(inheritable) | P'(ambient) and P'(effective) = P'(permitted)",
  nonRoot: "no file capabilities and no set-user-ID bit: P'(permitted) = P'(effective) = P(ambient)",
  unchanged: "P'(bounding) = P(bounding), P'(inheritable) = P(inheritable), P'(ambient) = P(ambient) (the file is not privileged)",
  assumption: "The entrypoint's file capabilities and set-user-ID bits are in the image and cannot be seen from a manifest: none are assumed.",
} as const;

export const NO_NEW_PRIVS_RULE = {
  source: "kubernetes/kubernetes pkg/securitycontext/util.go AddNoNewPrivileges; containerd internal/cri/server/container_create.go (oci.WithNoNewPrivileges when NoNewPrivs); cri-o internal/factory/container/container.go SpecSetPrivileges (SetProcessNoNewPrivileges)",
  rule: "no_new_privs is set exactly when the effective allowPrivilegeEscalation is false; unset means not set",
  note: "API validation rejects allowPrivilegeEscalation: false together with privileged: true or an added CAP_SYS_ADMIN, so such a pod never reaches the kubelet; if it did, both runtimes would still set the flag (CRI-O only logs that it \"has no effect\").",
} as const;

export const SECCOMP_RULE = {
  source: "kubernetes/kubernetes pkg/kubelet/kuberuntime/helpers.go getSeccompProfile/fieldSeccompProfile; containerd internal/cri/sputil/seccomp_linux.go GenerateSeccompSpecOpts; cri-o internal/config/seccomp/seccomp.go Setup",
  rule: "unset → Unconfined, or RuntimeDefault when the kubelet runs with SeccompDefault; RuntimeDefault and Localhost load a filter (Seccomp: 2); Unconfined and any other type load none (Seccomp: 0); privileged containers get none in both runtimes",
} as const;
