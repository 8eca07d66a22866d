// The Analysis contract (../shared/analysis-contract.md, v1). Tests outside the project read these
// names: change none of them; add fields only.

export type Runtime = "containerd" | "cri-o";
export type Severity = "error" | "warning" | "info";

export interface Analysis {
  kubernetes: string;
  runtime: Runtime;
  /** The runtime release line whose defaults applied, e.g. "2.1" (core/runtime/releases.ts). */
  runtimeVersion: string;
  diagnostics: Diagnostic[];
  workloads: Workload[];
}

export interface Diagnostic {
  severity: Severity;
  code: string;
  message: string;
  path?: string;
  line: number;
  column: number;
  /** 1-based end of the range the diagnostic covers (for editor markers); optional, not in the contract. */
  endLine?: number;
  endColumn?: number;
  /** Upstream source of the rule, when the rule comes from Kubernetes or a runtime. */
  source?: string;
}

export type WorkloadKind =
  | "Pod"
  | "Deployment"
  | "StatefulSet"
  | "DaemonSet"
  | "ReplicaSet"
  | "Job"
  | "CronJob"
  | "ReplicationController"
  | "PodTemplate";

export interface Workload {
  kind: string;
  name: string;
  namespace?: string;
  document: number;
  podSpecPath: string;
  line: number;
  containers: Container[];
  pss?: { baseline: PssLevel; restricted: PssLevel };
  /** The pod-level securityContext as written (with positions), for the graph's pod node. */
  pod: PodLevel;
  /** The pod's volumes and what fsGroup does to each (core/volumes.ts). */
  volumes?: { name: string; type: string; ownership: "changed" | "unchanged" | "depends"; why: string }[];
  /** Pod settings outside securityContext that decide actions (hostPID, hostNetwork, …), as written. */
  podSettings?: PodSettings;
  /** Set by the app's worker on a light copy of a big analysis: containers are fetched on demand. */
  light?: boolean;
  containerCount?: number;
  /** What Pod Security Admission answers when a Namespace in the same text carries its labels. */
  admission?: { namespace: string; allowed: boolean; error?: string; warnings: string[] };
}

export interface PodLevel {
  /** Path of spec.securityContext (whether or not it is set). */
  path: string;
  line?: number;
  /** Last line of the pod's securityContext, when set. */
  endLine?: number;
  /** Fields set in the pod's securityContext, in text order. */
  fields: { name: string; value: unknown; path: string; line: number }[];
  /** Pod-level settings outside securityContext that change what containers get (hostUsers, os.name, …). */
  hostUsers?: boolean;
  os?: string;
  /** The node OS the pod runs on and why (runtime/windows.ts podOsOf). Additive. */
  runsOn?: { os: "linux" | "windows"; why: string };
}

export type PodSettingName = "hostPID" | "hostNetwork" | "hostIPC" | "shareProcessNamespace";
export type PodSettings = Record<PodSettingName, { value: boolean; path: string; line?: number }>;

export type ContainerType = "init" | "sidecar" | "regular" | "ephemeral";

export interface Container {
  name: string;
  type: ContainerType;
  path: string;
  line: number;
  effective: Record<EffectiveField, Effective>;
  /** null for a Windows container: no Linux /proc/1/status applies (see `windows`). */
  process?: Process | null;
  startup?: Startup;
  /** For a Windows container: what applies to its process instead of Linux /proc/1/status. Additive. */
  windows?: WindowsProcessInfo;
  /** Lines the container's map spans in the text (for the editor ↔ graph link). */
  endLine?: number;
  /** Line of the container's securityContext key, when it has one: where a new field would go. */
  securityContextLine?: number;
  /** Effective values worth a second look (root, privileged, escalation allowed, …), from core/risk. */
  risks?: Partial<Record<EffectiveField, string>>;
  /** What the first process can and cannot do (core/actions); absent for Windows containers. */
  actions?: Action[];
  /** The container's volumeMounts as written (for write-volume actions and the probe script). */
  mounts?: { name: string; mountPath: string; readOnly: boolean }[];
}

export type Verdict = "allowed" | "blocked" | "depends";

/** One concrete thing the container's first process tries (core/actions/catalogue.ts). */
export interface Action {
  /** Stable kebab-case id; per-volume actions are `write-volume:<volume name>`. */
  id: string;
  verdict: Verdict;
  /** One sentence: what decides it here. */
  rule: string;
  /** Effective fields (or pod settings such as hostPID) that would change it. */
  fields: string[];
  /** The upstream file and function (or man page) the rule rests on. */
  source: string;
  /** A short human title, e.g. "Bind a port below 1024". Not in the contract. */
  title?: string;
  /** Node facts the verdict assumes (Yama ptrace_scope, unprivileged user namespaces, …). */
  assumptions?: string[];
  /** Where the deciding setting is (or would go) in the text. */
  at?: { path: string; line: number };
  /** The smallest change that flips the verdict, as edits relative to the pod spec (core/fixes). */
  whatIf?: { label: string; edits: { path: string; /** Absent: remove the key. */ value?: unknown }[] };
}

export type Source = "container" | "pod" | "default" | "image";

export interface WindowsProcessInfo {
  /** windowsOptions.runAsUserName, else the image's USER name; null when neither names one. */
  userName: string | null;
  userSource: "container" | "pod" | "image";
  hostProcess: boolean;
  /** ContainerAdministrator: what the Windows kubelet regards as root. */
  administrator: boolean;
  source: string;
}

export interface Effective {
  value: unknown;
  source: Source;
  path?: string;
  line?: number;
  overrides?: { value: unknown; path: string; line: number };
  /**
   * Set when the manifest sets the field but the chosen Kubernetes version does not apply it (an
   * unknown field, or one its feature gate clears): why, and where it was set. `value` is then
   * what that version runs. Additive to the contract.
   */
  dropped?: { reason: string; path: string; line: number };
  /** Set when the value comes from a seccomp or AppArmor annotation (its key) rather than a field. */
  annotation?: string;
}

/** Whether the container would start, and if not the kubelet's or the runtime's refusal. */
export interface Startup {
  ok: boolean;
  reason?: string;
  message?: string;
  /** Where the setting that fails is (a contract path), when one setting is to blame. Additive. */
  path?: string;
  /** Upstream function whose check failed. Additive. */
  source?: string;
  /** What must hold on the node for the container to start as shown. Additive. */
  assumptions?: string[];
}

export const EFFECTIVE_FIELDS = [
  "runAsUser",
  "runAsGroup",
  "runAsNonRoot",
  "privileged",
  "allowPrivilegeEscalation",
  "readOnlyRootFilesystem",
  "capabilities",
  "procMount",
  "seccompProfile",
  "appArmorProfile",
  "seLinuxOptions",
  "windowsOptions",
  "fsGroup",
  "fsGroupChangePolicy",
  "supplementalGroups",
  "supplementalGroupsPolicy",
  "sysctls",
  "seLinuxChangePolicy",
] as const;
export type EffectiveField = (typeof EFFECTIVE_FIELDS)[number];

export interface CapabilitySets {
  bounding: string[];
  effective: string[];
  permitted: string[];
  inheritable: string[];
  ambient: string[];
}

export interface Process {
  uid: number | string;
  gid: number;
  groups: number[];
  capabilities: CapabilitySets;
  capHex: { CapInh: string; CapPrm: string; CapEff: string; CapBnd: string; CapAmb: string };
  noNewPrivs: boolean;
  seccomp: "disabled" | "filter";
  rootFilesystemReadOnly: boolean;
  maskedPaths: string[];
  readonlyPaths: string[];
}

export interface PssViolation {
  check: string;
  reason: string;
  detail: string;
}

export interface PssLevel {
  allowed: boolean;
  violations: PssViolation[];
}

export interface AnalyzeOptions {
  runtime?: Runtime;
  /** The runtime's release line ("2.1", "1.33"); unset or unknown means the newest modelled line. */
  runtimeVersion?: string;
  /** "1.23" … newest, or "latest". */
  kubernetes?: string;
  /** Image USER per container name: a uid (number) or a user name. Default 0 (root). */
  imageUsers?: Record<string, number | string>;
  /** The kubelet's --seccomp-default: when true, an unset seccompProfile means RuntimeDefault. */
  seccompDefault?: boolean;
  /** Node kernel facts the actions rest on (core/actions/assumptions.ts); defaults there. */
  node?: NodeAssumptions;
}

export interface NodeAssumptions {
  /** kernel.yama.ptrace_scope: 0 classic, 1 restricted (default), 2 admin-only, 3 no attach. */
  ptraceScope?: 0 | 1 | 2 | 3;
  /** Whether the node lets unprivileged processes create user namespaces (default true). */
  unprivilegedUserns?: boolean;
}
