// The field catalogue: the one source of truth for every securityContext field. The resolver, the
// validator, the editor's hover and completion (JSON schema) and the panels read it; nothing else
// repeats field knowledge.
//
// How pod and container values merge is the kubelet's rule, read from:
//   kubernetes/kubernetes pkg/securitycontext/util.go — DetermineEffectiveSecurityContext and
//   securityContextFromPodSecurityContext (which pod fields a container inherits, and how), and
//   pkg/kubelet/kuberuntime/security_context.go — determineEffectiveSecurityContext (pod-only fields:
//   fsGroup and supplementalGroups become the process's supplementary groups; NoNewPrivs; masked paths),
//   pkg/kubelet/kuberuntime/helpers.go — getSeccompProfile / getAppArmorProfile (container first, then pod).

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

export interface Reference {
  title: string;
  url: string;
}

export interface SubField {
  name: string;
  type: ValueType;
  enum?: readonly string[];
  items?: ValueType;
  description: string;
}

export interface FieldSpec {
  name: string;
  levels: readonly Level[];
  merge: MergeRule;
  type: ValueType;
  /** Allowed values of a string field, or of an object's `type`. */
  enum?: readonly string[];
  /** Item type of an array field. */
  items?: ValueType | "object";
  /** Sub-fields of an object field (and of array items that are objects). */
  fields?: readonly SubField[];
  /** Kubernetes version that added the field (alpha) and made it GA, where known. */
  added?: string;
  ga?: string;
  /** Linux or Windows only (the API rejects Linux fields when spec.os.name is windows, and back). */
  os?: "linux" | "windows";
  /** One line: what the field does. */
  summary: string;
  /** What the kubelet and the runtime use when the field is unset. */
  unset: string;
  /** The kernel mechanism the field drives. */
  kernel: string;
  /** Where the merge rule and defaults come from. */
  upstream: string;
  references: readonly Reference[];
}

const K8S_UTIL = "kubernetes/kubernetes pkg/securitycontext/util.go (DetermineEffectiveSecurityContext)";
const K8S_KUBERUNTIME = "kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context.go (determineEffectiveSecurityContext)";
const K8S_HELPERS = "kubernetes/kubernetes pkg/kubelet/kuberuntime/helpers.go (getSeccompProfile, getAppArmorProfile)";

const REF = {
  podSc: { title: "PodSecurityContext (API reference)", url: "https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context" },
  sc: { title: "Configure a Security Context for a Pod or Container", url: "https://kubernetes.io/docs/tasks/configure-pod-container/security-context/" },
  capabilities7: { title: "capabilities(7)", url: "https://man7.org/linux/man-pages/man7/capabilities.7.html" },
  prctl2: { title: "prctl(2) PR_SET_NO_NEW_PRIVS", url: "https://man7.org/linux/man-pages/man2/prctl.2.html" },
  seccomp2: { title: "seccomp(2)", url: "https://man7.org/linux/man-pages/man2/seccomp.2.html" },
  proc5: { title: "proc(5)", url: "https://man7.org/linux/man-pages/man5/proc.5.html" },
  setresuid2: { title: "setresuid(2)", url: "https://man7.org/linux/man-pages/man2/setresuid.2.html" },
  setgroups2: { title: "setgroups(2)", url: "https://man7.org/linux/man-pages/man2/setgroups.2.html" },
  apparmor: { title: "Restrict a Container's Access to Resources with AppArmor", url: "https://kubernetes.io/docs/tutorials/security/apparmor/" },
  seccompTut: { title: "Restrict a Container's Syscalls with seccomp", url: "https://kubernetes.io/docs/tutorials/security/seccomp/" },
  sysctl: { title: "Using sysctls in a Kubernetes Cluster", url: "https://kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/" },
  userns: { title: "User Namespaces", url: "https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/" },
  gmsa: { title: "Configure GMSA for Windows Pods and containers", url: "https://kubernetes.io/docs/tasks/configure-pod-container/configure-gmsa/" },
  hostProcess: { title: "Create a Windows HostProcess Pod", url: "https://kubernetes.io/docs/tasks/configure-pod-container/create-hostprocess-pod/" },
} satisfies Record<string, Reference>;

const PROFILE_TYPES = ["RuntimeDefault", "Unconfined", "Localhost"] as const;

export const FIELDS: readonly FieldSpec[] = [
  {
    name: "runAsUser",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "integer",
    os: "linux",
    summary: "The user id the container's first process runs as.",
    unset: "The image's USER (root, uid 0, for most images).",
    kernel: "The runtime calls setresuid(2) with this uid before execve; it decides file access and whether the capability rules for root apply.",
    upstream: K8S_UTIL,
    references: [REF.sc, REF.setresuid2, REF.capabilities7],
  },
  {
    name: "runAsGroup",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "integer",
    os: "linux",
    summary: "The primary group id of the container's first process.",
    unset: "The primary group of the image's user in the image's /etc/passwd, else group 0.",
    kernel: "The runtime calls setresgid(2) with this gid; new files are owned by it.",
    upstream: K8S_UTIL,
    references: [REF.sc, REF.setresuid2],
  },
  {
    name: "runAsNonRoot",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "boolean",
    summary: "The kubelet refuses to start the container if it would run as uid 0.",
    unset: "No check: the container may run as root.",
    kernel: "No kernel mechanism: the kubelet checks the uid (runAsUser, else the image's USER) before it asks the runtime to create the container.",
    upstream: `${K8S_UTIL}; kubernetes/kubernetes pkg/kubelet/kuberuntime/security_context_others.go (verifyRunAsNonRoot)`,
    references: [REF.sc],
  },
  {
    name: "privileged",
    levels: ["container"],
    merge: "container-only",
    type: "boolean",
    os: "linux",
    summary: "Runs the container with every capability, all host devices and no masked /proc paths, seccomp or AppArmor.",
    unset: "false.",
    kernel: "The runtime grants the full capability bounding set, exposes host devices, and skips the seccomp filter, the LSM profile and the masked/read-only /proc paths.",
    upstream: K8S_UTIL,
    references: [REF.sc, REF.capabilities7],
  },
  {
    name: "allowPrivilegeEscalation",
    levels: ["container"],
    merge: "container-only",
    type: "boolean",
    os: "linux",
    summary: "Whether a process can gain more privileges than its parent (setuid binaries, file capabilities).",
    unset: "true: no_new_privs is not set (escalation is allowed).",
    kernel: "false makes the runtime call prctl(PR_SET_NO_NEW_PRIVS, 1): execve then never grants setuid/setgid or file capabilities (NoNewPrivs: 1 in /proc/1/status).",
    upstream: `${K8S_UTIL} (AddNoNewPrivileges)`,
    references: [REF.sc, REF.prctl2],
  },
  {
    name: "readOnlyRootFilesystem",
    levels: ["container"],
    merge: "container-only",
    type: "boolean",
    os: "linux",
    summary: "Mounts the container's root filesystem read-only.",
    unset: "false: the root filesystem is writable.",
    kernel: "The runtime mounts the container's rootfs with MS_RDONLY; writes fail with EROFS except on volumes mounted writable.",
    upstream: K8S_UTIL,
    references: [REF.sc],
  },
  {
    name: "capabilities",
    levels: ["container"],
    merge: "container-only",
    type: "object",
    os: "linux",
    fields: [
      { name: "add", type: "array", items: "string", description: "Capabilities added to the runtime's default set, e.g. NET_BIND_SERVICE." },
      { name: "drop", type: "array", items: "string", description: "Capabilities removed from the runtime's default set; ALL removes every one." },
    ],
    summary: "Capabilities added to or dropped from the runtime's default set.",
    unset: "The runtime's default capability set (containerd: 14 capabilities; CRI-O: fewer).",
    kernel: "Sets the process's capability bounding set; after execve root gets it as permitted and effective, any other uid gets none (capabilities(7)).",
    upstream: K8S_UTIL,
    references: [REF.sc, REF.capabilities7],
  },
  {
    name: "procMount",
    levels: ["container"],
    merge: "container-only",
    type: "string",
    enum: ["Default", "Unmasked"],
    os: "linux",
    added: "1.12",
    summary: "Whether /proc keeps its masked and read-only paths.",
    unset: "Default: the runtime's masked and read-only /proc paths apply.",
    kernel: "Default bind-mounts /dev/null over masked paths (e.g. /proc/kcore) and remounts others read-only (e.g. /proc/sys); Unmasked leaves /proc as it is.",
    upstream: "kubernetes/kubernetes pkg/securitycontext/util.go (ConvertToRuntimeMaskedPaths, ConvertToRuntimeReadonlyPaths)",
    references: [REF.sc, REF.proc5],
  },
  {
    name: "seccompProfile",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "object",
    enum: PROFILE_TYPES,
    fields: [
      { name: "type", type: "string", enum: PROFILE_TYPES, description: "RuntimeDefault, Unconfined or Localhost." },
      { name: "localhostProfile", type: "string", description: "Path of a profile under the kubelet's seccomp directory; required with Localhost." },
    ],
    os: "linux",
    ga: "1.19",
    summary: "The seccomp filter that limits which system calls the process may make.",
    unset: "Unconfined, unless the kubelet runs with --seccomp-default (then RuntimeDefault).",
    kernel: "The runtime installs a seccomp BPF filter (seccomp(2), SECCOMP_SET_MODE_FILTER) before execve; /proc/1/status shows Seccomp: 2.",
    upstream: K8S_HELPERS,
    references: [REF.seccompTut, REF.seccomp2],
  },
  {
    name: "appArmorProfile",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "object",
    enum: PROFILE_TYPES,
    fields: [
      { name: "type", type: "string", enum: PROFILE_TYPES, description: "RuntimeDefault, Unconfined or Localhost." },
      { name: "localhostProfile", type: "string", description: "Name of a profile loaded on the node; required with Localhost." },
    ],
    os: "linux",
    ga: "1.30",
    summary: "The AppArmor profile that confines the process (on nodes with AppArmor).",
    unset: "The runtime's default profile on nodes where AppArmor is enabled (none when privileged).",
    kernel: "The runtime sets the process's AppArmor label at exec; the LSM then checks file, mount and capability use against the profile.",
    upstream: K8S_HELPERS,
    references: [REF.apparmor],
  },
  {
    name: "seLinuxOptions",
    levels: ["pod", "container"],
    merge: "container-wins",
    type: "object",
    fields: [
      { name: "user", type: "string", description: "SELinux user." },
      { name: "role", type: "string", description: "SELinux role." },
      { name: "type", type: "string", description: "SELinux type, e.g. container_t." },
      { name: "level", type: "string", description: "SELinux level (MCS categories), e.g. s0:c123,c456." },
    ],
    os: "linux",
    summary: "The SELinux label of the process (on nodes with SELinux).",
    unset: "The runtime picks a label (a unique MCS level) on SELinux nodes; nothing elsewhere.",
    kernel: "The runtime sets the process's SELinux context at exec; the kernel checks every access against the policy.",
    upstream: `${K8S_UTIL} (the container's seLinuxOptions replace the pod's whole)`,
    references: [REF.sc],
  },
  {
    name: "windowsOptions",
    levels: ["pod", "container"],
    merge: "per-subfield",
    type: "object",
    fields: [
      { name: "gmsaCredentialSpecName", type: "string", description: "Name of the GMSACredentialSpec resource to use." },
      { name: "gmsaCredentialSpec", type: "string", description: "Inlined GMSA credential spec (set by the GMSA admission webhook)." },
      { name: "runAsUserName", type: "string", description: "Windows user name to run the entrypoint as." },
      { name: "hostProcess", type: "boolean", description: "Run as a Windows HostProcess container (host network required)." },
    ],
    os: "windows",
    summary: "Windows settings: GMSA credentials, the user name, HostProcess containers.",
    unset: "Nothing: the image's default Windows user.",
    kernel: "No Linux effect; on Windows the runtime creates the process under this identity or as a HostProcess on the host.",
    upstream: `${K8S_UTIL} (only the sub-fields set on the container replace the pod's; both GMSA fields go together)`,
    references: [REF.gmsa, REF.hostProcess],
  },
  {
    name: "fsGroup",
    levels: ["pod"],
    merge: "pod-only",
    type: "integer",
    os: "linux",
    summary: "A group that owns the pod's volumes and is added to every container's supplementary groups.",
    unset: "No volume ownership change and no extra group.",
    kernel: "The kubelet chowns supported volumes to this gid with the setgid bit on directories; the runtime passes it to setgroups(2).",
    upstream: K8S_KUBERUNTIME,
    references: [REF.sc, REF.setgroups2],
  },
  {
    name: "fsGroupChangePolicy",
    levels: ["pod"],
    merge: "pod-only",
    type: "string",
    enum: ["OnRootMismatch", "Always"],
    os: "linux",
    ga: "1.23",
    summary: "When the kubelet changes volume ownership to fsGroup: always, or only when the root directory does not match.",
    unset: "Always, when fsGroup is set.",
    kernel: "Controls the kubelet's recursive chown/chmod of volume contents before the containers start.",
    upstream: "kubernetes/kubernetes pkg/volume/volume_linux.go (SetVolumeOwnership)",
    references: [REF.sc],
  },
  {
    name: "supplementalGroups",
    levels: ["pod"],
    merge: "pod-only",
    type: "array",
    items: "integer",
    os: "linux",
    summary: "Extra groups added to every container's first process.",
    unset: "Only the groups the image's /etc/group gives the user (and fsGroup).",
    kernel: "Passed with fsGroup to setgroups(2) before execve; shown as Groups in /proc/1/status.",
    upstream: K8S_KUBERUNTIME,
    references: [REF.sc, REF.setgroups2],
  },
  {
    name: "supplementalGroupsPolicy",
    levels: ["pod"],
    merge: "pod-only",
    type: "string",
    enum: ["Merge", "Strict"],
    os: "linux",
    added: "1.31",
    summary: "Whether the groups from the image's /etc/group are merged in (Merge) or ignored (Strict).",
    unset: "Merge.",
    kernel: "Decides the list the runtime passes to setgroups(2).",
    upstream: K8S_KUBERUNTIME,
    references: [REF.sc],
  },
  {
    name: "sysctls",
    levels: ["pod"],
    merge: "pod-only",
    type: "array",
    items: "object",
    fields: [
      { name: "name", type: "string", description: "Name of a namespaced sysctl, e.g. net.ipv4.ip_unprivileged_port_start." },
      { name: "value", type: "string", description: "Value to set." },
    ],
    os: "linux",
    summary: "Namespaced kernel parameters set for the pod.",
    unset: "The node's defaults for the pod's namespaces.",
    kernel: "The runtime writes each value under /proc/sys in the pod's network/IPC namespace when the sandbox starts.",
    upstream: "kubernetes/kubernetes pkg/kubelet/kuberuntime/kuberuntime_sandbox.go (sysctls passed to the sandbox)",
    references: [REF.sysctl],
  },
  {
    name: "seLinuxChangePolicy",
    levels: ["pod"],
    merge: "pod-only",
    type: "string",
    enum: ["MountOption", "Recursive"],
    os: "linux",
    added: "1.32",
    summary: "How volumes get the pod's SELinux label: a mount option, or a recursive relabel.",
    unset: "Decided by the kubelet's SELinux feature gates (only on SELinux nodes).",
    kernel: "MountOption mounts volumes with -o context=…; Recursive has the runtime relabel every file.",
    upstream: "kubernetes/kubernetes pkg/apis/core/types.go (PodSELinuxChangePolicy)",
    references: [REF.sc],
  },
];

/** Pod-level settings outside securityContext that change what containers get. */
export const POD_SETTINGS = ["hostUsers", "hostPID", "hostIPC", "hostNetwork", "shareProcessNamespace"] as const;

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
