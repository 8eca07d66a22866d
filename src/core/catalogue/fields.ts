// The field catalogue: the one source of truth for every securityContext field, in two typed files
// side by side under the same names. This one holds what the rules read (levels, merge rule, types,
// versions, feature gates): the resolver, the validator and the command line use only it.
// fieldProse.ts holds the words (what each field does, kernel, attacker, mistakes, sources,
// references), which only the app shows (the editor's hover and completion through schema.ts, the
// graph, the panels). Nothing else repeats field knowledge.
//
// How pod and container values merge is the kubelet's rule, read from:
//   kubernetes/kubernetes pkg/securitycontext/util.go — DetermineEffectiveSecurityContext and
//   securityContextFromPodSecurityContext (the pod fields a container inherits: seLinuxOptions,
//   windowsOptions, runAsUser, runAsGroup, runAsNonRoot), and
//   pkg/kubelet/kuberuntime/security_context.go — determineEffectiveSecurityContext (pod-only fields:
//   fsGroup and supplementalGroups become the process's supplementary groups; NoNewPrivs; masked paths),
//   pkg/kubelet/kuberuntime/helpers.go — getSeccompProfile / getAppArmorProfile (container first, then pod).
//
// Where the facts were read (see CATALOGUE_SOURCES): the field list and doc comments of
// PodSecurityContext and SecurityContext from k8s.io/api core/v1/types.go at the 1.37 code freeze;
// feature-gate history from pkg/features/kube_features.go (versioned specs, as of v1.35) and, for
// graduations after 1.35, the KEPs (kubernetes/enhancements kep.yaml) and the k8s.io/api commits
// that removed the gates from the API types. Every entry lists its own sources (in fieldProse.ts).

import type { EffectiveField } from "../types";

export type Level = "pod" | "container";

/**
 * How a container ends up with a value:
 * - `container-wins`: set on either; the container's value replaces the pod's whole.
 * - `per-subfield`: set on either; the container's sub-fields replace the pod's one by one.
 * - `container-only`: only the container has it.
 * - `pod-only`: only the pod has it; it applies to every container (and to the pod's volumes).
 */
export type MergeRule = "container-wins" | "per-subfield" | "container-only" | "pod-only";

export type ValueType = "integer" | "boolean" | "string" | "object" | "array";

/** The life of one feature gate, as the upstream feature-gate specs list it. */
export interface GateHistory {
  gate: string;
  /** First release with the gate in alpha (off by default). */
  alpha?: string;
  /** First release with the gate in beta (whether or not on by default). */
  beta?: string;
  /** First release where the gate is on by default while still beta. */
  betaDefaultOn?: string;
  /** First release where the gate is GA (on, usually locked). */
  ga?: string;
  /** What the gate controls, when that is not obvious. */
  note?: string;
  source: string;
}

export interface SubField {
  name: string;
  type: ValueType;
  enum?: readonly string[];
  items?: ValueType;
  description: string;
  /** The API rejects the parent object without it (or, for `localhostProfile`, with the wrong `type`). */
  required?: boolean;
  minimum?: number;
  maximum?: number;
  added?: string;
  ga?: string;
  featureGate?: string;
}

/** What every catalogue entry (securityContext field or pod setting) says to the rules; its prose is in fieldProse.ts. */
export interface CatalogueEntry {
  name: string;
  type: ValueType;
  /** Allowed values of a string field, or of an object's `type`. */
  enum?: readonly string[];
  /** Item type of an array field. */
  items?: ValueType | "object";
  /** Sub-fields of an object field (and of array items that are objects). */
  fields?: readonly SubField[];
  /** Bounds of an integer field (or of the items of an integer array), as API validation enforces them. */
  minimum?: number;
  maximum?: number;
  /** Kubernetes minor version that added the field to the API (alpha when gated), and made it GA. */
  added?: string;
  ga?: string;
  /** The feature gate that guards the field (or its behaviour), if any. */
  featureGate?: string;
  /** First release where `featureGate` is on by default while beta. */
  betaDefaultOn?: string;
  /** Every gate that shaped the field, with its history. */
  gates?: readonly GateHistory[];
  /** Linux or Windows only (the API rejects Linux fields when spec.os.name is windows, and back). */
  os?: "linux" | "windows";
}

export interface FieldSpec extends CatalogueEntry {
  levels: readonly Level[];
  merge: MergeRule;
}

/** A pod-level setting outside securityContext that changes what containers get. */
export interface PodSettingSpec extends CatalogueEntry {
  /** Path under the pod spec, e.g. `hostUsers` or `os.name`. */
  path: string;
}

// ------------------------------------------------------------------------------------------------
// Where the catalogue's facts were read.

export const CATALOGUE_SOURCES = {
  apiTypes:
    "kubernetes/kubernetes staging/src/k8s.io/api/core/v1/types.go, read from its published copy kubernetes/api core/v1/types.go at HEAD 10b39a39b (2026-07-24, after tag v0.37.0-beta.0: the 1.37 API); earlier tags kubernetes-1.8.0 … kubernetes-1.36.0 for the release each field first appears in",
  featureGates:
    "kubernetes/kubernetes pkg/features/kube_features.go defaultVersionedKubernetesFeatureGates (the v1.35 file: versions a gate became Alpha/Beta/GA); older gates from earlier versions of the same file and kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/<Gate>.md (stages)",
  graduationsAfter135:
    "kubernetes/enhancements keps/*/kep.yaml milestones (HEAD 64765b4b0, 2026-07-24) and the k8s.io/api commits that removed the gates: #136792 'Migrate UserNamespacesSupport to GA' and #137454 'promote ProcMountType to GA' (both first in kubernetes-1.36.0), #139956 'Graduate SELinuxMount to GA' (first in kubernetes-1.37.0-alpha.3)",
} as const;

// ------------------------------------------------------------------------------------------------
// Upstream files the feature gates' histories cite (fieldProse.ts names the files its sources cite).

export const K8S = "kubernetes/kubernetes";
const FEATURES = `${K8S} pkg/features/kube_features.go`;
export const KEP = "kubernetes/enhancements keps";

// ------------------------------------------------------------------------------------------------
// Feature gates, each with where its history was read.

const FG135 = `${FEATURES} defaultVersionedKubernetesFeatureGates (v1.35)`;

export const GATES = {
  SupplementalGroupsPolicy: {
    gate: "SupplementalGroupsPolicy",
    alpha: "1.31",
    beta: "1.33",
    betaDefaultOn: "1.33",
    ga: "1.35",
    source: `${FG135}: 1.31 Alpha, 1.33 Beta default true, 1.35 GA LockToDefault; ${KEP}/sig-node/3619-supplemental-groups-policy/kep.yaml (alpha v1.31, beta v1.33, stable v1.35)`,
  },
  ProcMountType: {
    gate: "ProcMountType",
    alpha: "1.12",
    beta: "1.31",
    betaDefaultOn: "1.33",
    ga: "1.36",
    source: `${FG135}: 1.12 Alpha, 1.31 Beta default false, 1.33 Beta default true; ${KEP}/sig-node/4265-proc-mount/kep.yaml (stable v1.36); kubernetes/api merge of kubernetes#137454 'KEP-4265: feature: promote ProcMountType to GA' (first in kubernetes-1.36.0)`,
  },
  UserNamespacesSupport: {
    gate: "UserNamespacesSupport",
    alpha: "1.25",
    beta: "1.30",
    betaDefaultOn: "1.33",
    ga: "1.36",
    note: "Named UserNamespacesStatelessPodsSupport in 1.25–1.27; renamed in 1.28 when stateful pods became supported.",
    source: `${FG135}: 1.25 Alpha, 1.30 Beta default false, 1.33 Beta default true; ${KEP}/sig-node/127-user-namespaces/README.md ('Kubernetes 1.28: … renamed feature gate', '1.36: Feature goes GA'); kubernetes/api merge of kubernetes#136792 'Migrate UserNamespacesSupport to GA' (first in kubernetes-1.36.0)`,
  },
  UserNamespacesHostNetworkSupport: {
    gate: "UserNamespacesHostNetworkSupport",
    alpha: "1.35",
    note: "Lets hostNetwork pods also set hostUsers: false.",
    source: `${FG135}: 1.35 Alpha; ${KEP}/sig-node/5607-hostnetwork-userns/kep.yaml (stage alpha, latest-milestone v1.36)`,
  },
  UserNamespacesPodSecurityStandards: {
    gate: "UserNamespacesPodSecurityStandards",
    alpha: "1.29",
    note: "Lets Pod Security Admission skip the runAsNonRoot/runAsUser checks for pods with hostUsers: false; documented as never graduating.",
    source: `${FEATURES} (1.29 Alpha; comment: 'will not graduate or be enabled by default')`,
  },
  SELinuxChangePolicy: {
    gate: "SELinuxChangePolicy",
    alpha: "1.32",
    beta: "1.33",
    betaDefaultOn: "1.33",
    ga: "1.36",
    source: `${FG135}: 1.32 Alpha, 1.33 Beta default true; ${KEP}/sig-storage/1710-selinux-relabeling/kep.yaml and README ('SELinuxChangePolicy (alpha in 1.32, beta in 1.33, GA in 1.36)')`,
  },
  SELinuxMount: {
    gate: "SELinuxMount",
    alpha: "1.30",
    beta: "1.33",
    ga: "1.37",
    note: "Beta but off by default in 1.33–1.36: MountOption then applied only to ReadWriteOncePod volumes. GA in 1.37: MountOption for every eligible volume.",
    source: `${FG135}: 1.30 Alpha, 1.33 Beta default false; ${KEP}/sig-storage/1710-selinux-relabeling README ('SELinuxMount (alpha in 1.30, beta in 1.33, GA in 1.37)'); kubernetes/api merge of kubernetes#139956 'Graduate SELinuxMount to GA' (first in kubernetes-1.37.0-alpha.3)`,
  },
  SELinuxMountReadWriteOncePod: {
    gate: "SELinuxMountReadWriteOncePod",
    alpha: "1.25",
    beta: "1.27",
    betaDefaultOn: "1.28",
    ga: "1.36",
    note: "kube_features.go lists alpha in 1.25; the KEP's kep.yaml says alpha v1.24.",
    source: `${FG135}: 1.25 Alpha, 1.27 Beta default false, 1.28 Beta default true; ${KEP}/sig-storage/1710-selinux-relabeling README ('beta in 1.28, GA in 1.36')`,
  },
  AppArmor: {
    gate: "AppArmor",
    beta: "1.4",
    betaDefaultOn: "1.4",
    ga: "1.31",
    source: `${FEATURES} (1.31 file): 1.4 Beta default true, 1.31 GA LockToDefault ('remove in 1.33'); ${KEP}/sig-node/24-apparmor/kep.yaml (stable v1.31)`,
  },
  AppArmorFields: {
    gate: "AppArmorFields",
    beta: "1.30",
    betaDefaultOn: "1.30",
    ga: "1.31",
    note: "Guards the appArmorProfile fields that replaced the container.apparmor.security.beta.kubernetes.io annotations.",
    source: `${FEATURES} (1.31 file): 1.30 Beta default true, 1.31 GA LockToDefault ('remove in 1.33')`,
  },
  SeccompDefault: {
    gate: "SeccompDefault",
    alpha: "1.22",
    beta: "1.25",
    betaDefaultOn: "1.25",
    ga: "1.27",
    note: "The gate only makes the kubelet option available; the KubeletConfiguration field seccompDefault (flag --seccomp-default) stays false unless the node admin sets it.",
    source: `kubernetes/website feature-gates/SeccompDefault.md (alpha 1.22–1.24, beta default true 1.25–1.26, stable 1.27–1.28, removed); ${KEP}/sig-node/2413-seccomp-by-default/kep.yaml`,
  },
  ConfigurableFSGroupPolicy: {
    gate: "ConfigurableFSGroupPolicy",
    alpha: "1.18",
    beta: "1.20",
    betaDefaultOn: "1.20",
    ga: "1.23",
    source: `kubernetes/website feature-gates/ConfigurableFSGroupPolicy.md (alpha 1.18–1.19, beta default true 1.20–1.22, stable 1.23–1.25, removed); ${KEP}/sig-storage/695-skip-permission-change/kep.yaml`,
  },
  Sysctls: {
    gate: "Sysctls",
    beta: "1.11",
    betaDefaultOn: "1.11",
    ga: "1.21",
    note: "Alpha in 1.4 as pod annotations; the field arrived with beta.",
    source: `kubernetes/website feature-gates/Sysctls.md (beta default true 1.11–1.20, stable 1.21–1.22, removed); ${KEP}/sig-node/34-sysctl-fields/kep.yaml (alpha v1.4, beta v1.11, stable v1.21)`,
  },
  RunAsGroup: {
    gate: "RunAsGroup",
    alpha: "1.10",
    beta: "1.14",
    betaDefaultOn: "1.14",
    ga: "1.21",
    source: `${KEP}/sig-node/213-run-as-group/kep.yaml (alpha v1.10, beta v1.14, stable v1.21); kubernetes/website feature-gates/RunAsGroup.md`,
  },
  WindowsGMSA: {
    gate: "WindowsGMSA",
    alpha: "1.14",
    beta: "1.16",
    betaDefaultOn: "1.16",
    ga: "1.18",
    note: "Alpha in 1.14 used annotations; the windowsOptions fields arrived in 1.15 (KEP-1043).",
    source: `kubernetes/website feature-gates/WindowsGMSA.md (alpha 1.14–1.15, beta default true 1.16–1.17, stable 1.18, removed); ${KEP}/sig-windows/1043-windows-security-context`,
  },
  WindowsRunAsUserName: {
    gate: "WindowsRunAsUserName",
    alpha: "1.16",
    beta: "1.17",
    betaDefaultOn: "1.17",
    ga: "1.18",
    source: "kubernetes/website feature-gates/WindowsRunAsUserName.md (alpha 1.16, beta default true 1.17, stable 1.18–1.20, removed)",
  },
  WindowsHostProcessContainers: {
    gate: "WindowsHostProcessContainers",
    alpha: "1.22",
    beta: "1.23",
    betaDefaultOn: "1.23",
    ga: "1.26",
    source: `kubernetes/website feature-gates/WindowsHostProcessContainers.md (alpha 1.22, beta default true 1.23–1.25, stable 1.26–1.27, removed); ${KEP}/sig-windows/1981-windows-privileged-container-support/kep.yaml`,
  },
  IdentifyPodOS: {
    gate: "IdentifyPodOS",
    alpha: "1.23",
    beta: "1.24",
    betaDefaultOn: "1.24",
    ga: "1.25",
    source: `${KEP}/sig-windows/2802-identify-windows-pods-apiserver-admission/kep.yaml (alpha v1.23, beta v1.24, stable v1.25)`,
  },
  PodShareProcessNamespace: {
    gate: "PodShareProcessNamespace",
    alpha: "1.10",
    beta: "1.12",
    betaDefaultOn: "1.12",
    ga: "1.17",
    source: `kubernetes/website feature-gates/PodShareProcessNamespace.md (alpha 1.10–1.11, beta default true 1.12–1.16, stable 1.17–1.19, removed); ${KEP}/sig-node/495-pod-pid-namespace/README.md`,
  },
} satisfies Record<string, GateHistory>;

// ------------------------------------------------------------------------------------------------
// Shared values.

const PROFILE_TYPES = ["RuntimeDefault", "Unconfined", "Localhost"] as const;
const ID_MAX = 2147483647;

/** Capability names as capabilities(7) lists them, without CAP_ (the API accepts any string; used for completion). */
export const CAPABILITY_NAMES = [
  "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID", "SETPCAP",
  "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
  "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
  "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
  "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF",
  "CHECKPOINT_RESTORE",
] as const;

// ------------------------------------------------------------------------------------------------
// The securityContext fields of the newest Kubernetes (1.37): 13 in PodSecurityContext, 12 in
// SecurityContext, 18 distinct names.

const FIELD_LIST = [
  {
    name: "runAsUser",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "integer",
    minimum: 0,
    maximum: ID_MAX,
    os: "linux",
    added: "1.0",
    ga: "1.0",
  },
  {
    name: "runAsGroup",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "integer",
    minimum: 0,
    maximum: ID_MAX,
    os: "linux",
    added: "1.10",
    ga: "1.21",
    featureGate: "RunAsGroup",
    betaDefaultOn: "1.14",
    gates: [GATES.RunAsGroup],
  },
  {
    name: "runAsNonRoot",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "boolean",
    added: "1.1",
    ga: "1.1",
  },
  {
    name: "privileged",
    levels: ["container"],
    merge: "container-only",
    type: "boolean",
    os: "linux",
    added: "1.0",
    ga: "1.0",
  },
  {
    name: "allowPrivilegeEscalation",
    levels: ["container"],
    merge: "container-only",
    type: "boolean",
    os: "linux",
    added: "1.8",
    ga: "1.8",
  },
  {
    name: "readOnlyRootFilesystem",
    levels: ["container"],
    merge: "container-only",
    type: "boolean",
    os: "linux",
    added: "1.2",
    ga: "1.2",
  },
  {
    name: "capabilities",
    levels: ["container"],
    merge: "container-only",
    type: "object",
    os: "linux",
    added: "1.0",
    ga: "1.0",
    fields: [
      { name: "add", type: "array", items: "string", description: "Capabilities added to the runtime's default set, e.g. NET_BIND_SERVICE (with or without the CAP_ prefix)." },
      { name: "drop", type: "array", items: "string", description: "Capabilities removed from the runtime's default set; ALL removes every one (the runtime applies add after drop ALL)." },
    ],
  },
  {
    name: "procMount",
    levels: ["container"],
    merge: "container-only",
    type: "string",
    enum: ["Default", "Unmasked"],
    os: "linux",
    added: "1.12",
    ga: "1.36",
    featureGate: "ProcMountType",
    betaDefaultOn: "1.33",
    gates: [GATES.ProcMountType],
  },
  {
    name: "seccompProfile",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "object",
    enum: PROFILE_TYPES,
    fields: [
      { name: "type", type: "string", enum: PROFILE_TYPES, required: true, description: "RuntimeDefault (the runtime's profile), Unconfined (no filter) or Localhost (a file on the node)." },
      { name: "localhostProfile", type: "string", description: "Path of a profile file relative to <kubelet root>/seccomp; required with Localhost and forbidden otherwise." },
    ],
    os: "linux",
    added: "1.19",
    ga: "1.19",
  },
  {
    name: "appArmorProfile",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "object",
    enum: PROFILE_TYPES,
    fields: [
      { name: "type", type: "string", enum: PROFILE_TYPES, required: true, description: "RuntimeDefault (the runtime's profile), Unconfined (none) or Localhost (a profile loaded on the node)." },
      { name: "localhostProfile", type: "string", description: "Name of a profile loaded on the node; required with Localhost and forbidden otherwise." },
    ],
    os: "linux",
    added: "1.30",
    ga: "1.31",
    featureGate: "AppArmorFields",
    betaDefaultOn: "1.30",
    gates: [GATES.AppArmorFields, GATES.AppArmor],
  },
  {
    name: "seLinuxOptions",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "object",
    fields: [
      { name: "user", type: "string", description: "SELinux user, e.g. system_u." },
      { name: "role", type: "string", description: "SELinux role, e.g. system_r." },
      { name: "type", type: "string", description: "SELinux type, e.g. container_t." },
      { name: "level", type: "string", description: "SELinux level (MLS/MCS categories), e.g. s0:c123,c456." },
    ],
    os: "linux",
    added: "1.0",
    ga: "1.0",
    gates: [GATES.SELinuxMountReadWriteOncePod, GATES.SELinuxMount],
  },
  {
    name: "windowsOptions",
    levels: ["pod", "container"],
    merge: "per-subfield",
    type: "object",
    fields: [
      { name: "gmsaCredentialSpecName", type: "string", description: "Name of the GMSACredentialSpec resource to use.", added: "1.15", ga: "1.18", featureGate: "WindowsGMSA" },
      { name: "gmsaCredentialSpec", type: "string", description: "Inlined GMSA credential spec (normally written by the GMSA admission webhook).", added: "1.15", ga: "1.18", featureGate: "WindowsGMSA" },
      { name: "runAsUserName", type: "string", description: "Windows user name to run the entrypoint as.", added: "1.16", ga: "1.18", featureGate: "WindowsRunAsUserName" },
      { name: "hostProcess", type: "boolean", description: "Run as a Windows HostProcess container (requires hostNetwork: true; all containers alike).", added: "1.22", ga: "1.26", featureGate: "WindowsHostProcessContainers" },
    ],
    os: "windows",
    added: "1.15",
    ga: "1.18",
    featureGate: "WindowsGMSA",
    betaDefaultOn: "1.16",
    gates: [GATES.WindowsGMSA, GATES.WindowsRunAsUserName, GATES.WindowsHostProcessContainers],
  },
  {
    name: "fsGroup",
    levels: ["pod"],
    merge: "pod-only",
    type: "integer",
    minimum: 0,
    maximum: ID_MAX,
    os: "linux",
  },
  {
    name: "fsGroupChangePolicy",
    levels: ["pod"],
    merge: "pod-only",
    type: "string",
    enum: ["OnRootMismatch", "Always"],
    os: "linux",
    added: "1.18",
    ga: "1.23",
    featureGate: "ConfigurableFSGroupPolicy",
    betaDefaultOn: "1.20",
    gates: [GATES.ConfigurableFSGroupPolicy],
  },
  {
    name: "supplementalGroups",
    levels: ["pod"],
    merge: "pod-only",
    type: "array",
    items: "integer",
    minimum: 0,
    maximum: ID_MAX,
    os: "linux",
  },
  {
    name: "supplementalGroupsPolicy",
    levels: ["pod"],
    merge: "pod-only",
    type: "string",
    enum: ["Merge", "Strict"],
    os: "linux",
    added: "1.31",
    ga: "1.35",
    featureGate: "SupplementalGroupsPolicy",
    betaDefaultOn: "1.33",
    gates: [GATES.SupplementalGroupsPolicy],
  },
  {
    name: "sysctls",
    levels: ["pod"],
    merge: "pod-only",
    type: "array",
    items: "object",
    fields: [
      { name: "name", type: "string", required: true, description: "Name of a namespaced sysctl, e.g. net.ipv4.ip_unprivileged_port_start." },
      { name: "value", type: "string", required: true, description: "Value to set." },
    ],
    os: "linux",
    added: "1.11",
    ga: "1.21",
    featureGate: "Sysctls",
    betaDefaultOn: "1.11",
    gates: [GATES.Sysctls],
  },
  {
    name: "seLinuxChangePolicy",
    levels: ["pod"],
    merge: "pod-only",
    type: "string",
    enum: ["MountOption", "Recursive"],
    os: "linux",
    added: "1.32",
    ga: "1.36",
    featureGate: "SELinuxChangePolicy",
    betaDefaultOn: "1.33",
    gates: [GATES.SELinuxChangePolicy, GATES.SELinuxMount, GATES.SELinuxMountReadWriteOncePod],
  },
] as const satisfies readonly FieldSpec[];

/** The securityContext fields' names, as the catalogue lists them. */
export type FieldName = (typeof FIELD_LIST)[number]["name"];
export const FIELDS: readonly FieldSpec[] = FIELD_LIST;

// ------------------------------------------------------------------------------------------------
// Pod-level settings outside securityContext that change what containers get.

/** Pod-level settings outside securityContext that change what containers get. */
export const POD_SETTINGS = ["hostUsers", "hostPID", "hostIPC", "hostNetwork", "shareProcessNamespace"] as const;

const POD_SETTING_LIST = [
  {
    name: "hostUsers",
    path: "hostUsers",
    type: "boolean",
    os: "linux",
    added: "1.25",
    ga: "1.36",
    featureGate: "UserNamespacesSupport",
    betaDefaultOn: "1.33",
    gates: [GATES.UserNamespacesSupport, GATES.UserNamespacesHostNetworkSupport, GATES.UserNamespacesPodSecurityStandards],
  },
  {
    name: "hostPID",
    path: "hostPID",
    type: "boolean",
    os: "linux",
    added: "1.1",
    ga: "1.1",
  },
  {
    name: "hostIPC",
    path: "hostIPC",
    type: "boolean",
    os: "linux",
    added: "1.1",
    ga: "1.1",
  },
  {
    name: "hostNetwork",
    path: "hostNetwork",
    type: "boolean",
    added: "1.0",
    ga: "1.0",
  },
  {
    name: "shareProcessNamespace",
    path: "shareProcessNamespace",
    type: "boolean",
    os: "linux",
    added: "1.10",
    ga: "1.17",
    featureGate: "PodShareProcessNamespace",
    betaDefaultOn: "1.12",
    gates: [GATES.PodShareProcessNamespace],
  },
  {
    name: "os.name",
    path: "os.name",
    type: "string",
    enum: ["linux", "windows"],
    added: "1.23",
    ga: "1.25",
    featureGate: "IdentifyPodOS",
    betaDefaultOn: "1.24",
    gates: [GATES.IdentifyPodOS],
  },
] as const satisfies readonly PodSettingSpec[];

export type PodSettingName = (typeof POD_SETTING_LIST)[number]["name"];
export const POD_SETTINGS_SPECS: readonly PodSettingSpec[] = POD_SETTING_LIST;

/** The name of every catalogue entry: fieldProse.ts has the prose of each. */
export type CatalogueName = FieldName | PodSettingName;

// ------------------------------------------------------------------------------------------------
// Look-ups.

const BY_NAME = new Map(FIELDS.map((f) => [f.name, f]));

export function fieldSpec(name: string): FieldSpec | undefined {
  return BY_NAME.get(name);
}

/** Field names allowed in a pod's or a container's securityContext. */
export function fieldsAt(level: Level): string[] {
  return FIELDS.filter((f) => f.levels.includes(level)).map((f) => f.name);
}

export function effectiveSpec(name: EffectiveField): FieldSpec {
  const f = BY_NAME.get(name);
  if (!f) throw new Error(`catalogue has no field ${name}`);
  return f;
}

export function podSettingSpec(name: string): PodSettingSpec | undefined {
  return POD_SETTINGS_SPECS.find((s) => s.name === name || s.path === name);
}

/** The catalogue's few version strings, read once: the checks ask for them for every container. */
const MINORS = new Map<string, number | undefined>();

/** "1.33" → 33 (undefined for anything that is not "1.<minor>"). */
export function minorNumber(version: string | undefined): number | undefined {
  if (!version) return undefined;
  if (MINORS.has(version)) return MINORS.get(version);
  const m = /^v?1\.(\d+)$/.exec(version.trim());
  const minor = m ? Number(m[1]) : undefined;
  // Only well-formed versions are kept, so text from a manifest cannot grow the map.
  if (minor !== undefined && MINORS.size < 256) MINORS.set(version, minor);
  return minor;
}

export interface StageAt {
  /** The field exists in the API of that version (unknown `added` counts as present). */
  present: boolean;
  stage: "alpha" | "beta" | "ga" | undefined;
  /** The API server and kubelet of that version honour the field without enabling a gate. */
  onByDefault: boolean;
}

/**
 * The state of a catalogue entry in a Kubernetes minor version, from `added`, `ga`, and the
 * history of its `featureGate` (when that gate is in GATES). An entry without a feature gate is a
 * plain v1 field: GA from the release that added it.
 */
export function stageAt(entry: Pick<CatalogueEntry, "added" | "ga" | "featureGate" | "betaDefaultOn" | "gates">, minor: number): StageAt {
  const added = minorNumber(entry.added);
  const ga = minorNumber(entry.ga);
  if (added !== undefined && minor < added) return { present: false, stage: undefined, onByDefault: false };
  if (ga !== undefined && minor >= ga) return { present: true, stage: "ga", onByDefault: true };
  if (!entry.featureGate) return { present: true, stage: "ga", onByDefault: true };
  const gate = entry.gates?.find((g) => g.gate === entry.featureGate);
  const beta = minorNumber(gate?.beta);
  const on = minorNumber(entry.betaDefaultOn ?? gate?.betaDefaultOn);
  if (beta !== undefined && minor >= beta) return { present: true, stage: "beta", onByDefault: on !== undefined && minor >= on };
  return { present: true, stage: "alpha", onByDefault: false };
}
