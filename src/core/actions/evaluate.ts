// Decides every action of catalogue.ts for one Linux container: its resolved fields, its process
// (uid, capability sets, no_new_privs, seccomp), the pod's namespaces and volumes, the runtime's
// release line (sandbox sysctls, RuntimeDefault seccomp) and the node assumptions.

import type { Action, Effective, EffectiveField, PodSettingName, PodSettings, Process, Verdict } from "../types";
import type { VolumeOwnership } from "../volumes";
import type { ReleaseLine, SeccompSyscall } from "../runtime/releases";
import { NODE_FACTS, type ResolvedNode } from "./assumptions";
import { ACTIONS, type ActionSpec } from "./catalogue";

export interface ActionInput {
  effective: Record<EffectiveField, Effective>;
  process: Process;
  line: ReleaseLine;
  pod: { hostPID: boolean; hostNetwork: boolean; hostIPC: boolean; shareProcessNamespace: boolean; hostUsers?: boolean };
  /** Where the pod settings are written (for links); optional. */
  podSettings?: PodSettings;
  volumes: VolumeOwnership[];
  mounts: { name: string; mountPath: string; readOnly: boolean }[];
  node: ResolvedNode;
  seccompDefault: boolean;
  /** The container's path relative to the pod spec, e.g. "containers[1]" (for what-if edits). */
  containerPath: string;
  /** Where a new securityContext field would go: its line, or the container's. */
  containerLine: number;
  podSecurityContextPath: string;
  podSecurityContextLine?: number;
  /** How many of the pod's other containers run as the same uid (ptrace with ptrace_scope 0). */
  sameUidOthers: number;
}

type Partial = Omit<Action, "id" | "fields" | "source" | "title"> & { id?: string; extraSource?: string[]; fields?: string[] };

const SECCOMP_RUNTIME_DEFAULT = "RuntimeDefault";

export function evaluateActions(input: ActionInput): Action[] {
  const { actions, volumesAt } = evaluateActionsButVolumes(input);
  return [...actions.slice(0, volumesAt), ...evaluateWriteVolumes(input), ...actions.slice(volumesAt)];
}

/**
 * Every action but the write-volume ones, and the index where those go. Apart from hostPath mounts
 * (read-host-files), these read neither the mounts nor the volumes, whose names differ from pod to
 * pod (kube-api-access-xxxxx): the analysis shares them between containers alike but for those.
 */
export function evaluateActionsButVolumes(input: ActionInput): { actions: Action[]; volumesAt: number } {
  const actions: Action[] = [];
  let volumesAt = 0;
  for (const spec of ACTIONS) {
    if (spec.id === "write-volume") {
      volumesAt = actions.length;
      continue;
    }
    const decide = DECIDERS[spec.id];
    if (decide) actions.push(finish(spec, decide(input), input));
  }
  return { actions, volumesAt };
}

/** The write-volume actions: one per volume the container mounts. */
export function evaluateWriteVolumes(input: ActionInput): Action[] {
  const spec = ACTIONS.find((s) => s.id === "write-volume")!;
  return writeVolumes(input).map((a) => finish(spec, a, input));
}

/** The mount paths of the container's hostPath volumes: all that read-host-files reads of mounts and volumes. */
export function hostPathMounts(input: Pick<ActionInput, "mounts" | "volumes">): string[] {
  const byName = new Map(input.volumes.map((v) => [v.name, v]));
  return input.mounts.filter((m) => byName.get(m.name)?.type === "hostPath").map((m) => m.mountPath);
}

function finish(spec: ActionSpec, p: Partial, input: ActionInput): Action {
  const a: Action = {
    id: p.id ?? spec.id,
    verdict: p.verdict,
    rule: p.rule,
    fields: p.fields ?? spec.fields,
    // The catalogue's own string when nothing is added: one string for every container, not a copy each.
    source: p.extraSource?.length ? [spec.source, ...p.extraSource].join("; ") : spec.source,
    title: spec.title,
  };
  if (p.assumptions?.length) a.assumptions = p.assumptions;
  const at = p.at ?? atOf(input, a.fields[0]);
  if (at) a.at = at;
  if (p.whatIf) a.whatIf = p.whatIf;
  return a;
}

// ---------------------------------------------------------------------------------------------
// Facts about the process

const isRoot = (i: ActionInput) => i.process.uid === 0 || i.process.uid === "root";
const hasEff = (i: ActionInput, cap: string) => i.process.capabilities.effective.includes(cap);
const hasBnd = (i: ActionInput, cap: string) => i.process.capabilities.bounding.includes(cap);
const privileged = (i: ActionInput) => i.effective.privileged?.value === true;
const userNamespaced = (i: ActionInput) => i.pod.hostUsers === false;
const who = (i: ActionInput) => (isRoot(i) ? "uid 0" : `uid ${i.process.uid}`);
const short = (cap: string) => cap.replace(/^CAP_/, "");

/** What holds or lacks a capability, in words: "uid 0 holds NET_RAW", "uid 1000 has no effective capabilities". */
function capWords(i: ActionInput, cap: string): string {
  if (hasEff(i, cap)) return `${who(i)} holds ${short(cap)}`;
  if (!isRoot(i) && hasBnd(i, cap)) return `${who(i)} has no effective capabilities (${short(cap)} is only in the bounding set: capabilities reach a non-root process only through ambient or file capabilities)`;
  return `${short(cap)} is not in the process's sets (${dropDescription(i, cap)})`;
}

function dropDescription(i: ActionInput, cap: string): string {
  const v = i.effective.capabilities?.value as { drop?: unknown; add?: unknown } | null | undefined;
  // Only strings: a wrong-typed entry may be an object without a prototype (no String()).
  const drop = Array.isArray(v?.drop) ? (v!.drop as unknown[]).filter((d): d is string => typeof d === "string") : [];
  if (drop.some((d) => d.toUpperCase() === "ALL")) return "capabilities.drop has ALL";
  if (drop.some((d) => `CAP_${d.toUpperCase()}` === cap || d.toUpperCase() === cap)) return `capabilities.drop has ${short(cap)}`;
  return `not among the ${i.line.runtime === "cri-o" ? "CRI-O" : "containerd"} defaults`;
}

type SeccompKind = "none" | "runtime-default" | "localhost";

function seccompKind(i: ActionInput): SeccompKind {
  if (i.process.seccomp === "disabled") return "none";
  const e = i.effective.seccompProfile;
  const type = e?.value && typeof e.value === "object" ? (e.value as Record<string, unknown>).type : undefined;
  if (e?.source === "default" || type === undefined) return i.seccompDefault ? "runtime-default" : "none";
  return type === SECCOMP_RUNTIME_DEFAULT ? "runtime-default" : "localhost";
}

interface SeccompAnswer {
  pass: boolean | "unknown";
  words: string;
  source?: string;
}

function seccomp(i: ActionInput, call: SeccompSyscall): SeccompAnswer {
  const kind = seccompKind(i);
  if (kind === "none") return { pass: true, words: privileged(i) ? "no seccomp filter (privileged)" : "no seccomp filter (Unconfined)" };
  if (kind === "localhost") return { pass: "unknown", words: "a Localhost seccomp profile on the node decides" };
  const fact = i.line.seccomp.syscalls[call];
  const name = `${i.line.runtime === "cri-o" ? "CRI-O" : "containerd"} ${i.line.line} RuntimeDefault`;
  const r = fact.value;
  if (r === "always") return { pass: true, words: `${name} allows ${call}`, source: fact.source };
  if (r === "never") return { pass: false, words: `${name} refuses ${call}`, source: fact.source };
  const held = r.anyOf.filter((c) => hasBnd(i, c));
  return held.length
    ? { pass: true, words: `${name} allows ${call} because the bounding set has ${held.map(short).join(", ")}`, source: fact.source }
    : { pass: false, words: `${name} refuses ${call} without ${r.anyOf.map(short).join(" or ")} in the bounding set`, source: fact.source };
}

function sysctl(i: ActionInput, name: string): string | undefined {
  const list = i.effective.sysctls?.value;
  if (!Array.isArray(list)) return undefined;
  for (const s of list) {
    if (s && typeof s === "object" && (s as Record<string, unknown>).name === name) {
      const v = (s as Record<string, unknown>).value;
      return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// What-if edits (relative to the pod spec; core/fixes applies them)

function capList(i: ActionInput, key: "add" | "drop"): string[] {
  const v = i.effective.capabilities?.source === "container" ? (i.effective.capabilities.value as Record<string, unknown> | null) : null;
  const list = v && Array.isArray(v[key]) ? (v[key] as unknown[]) : [];
  return list.filter((x): x is string => typeof x === "string");
}

function dropCap(i: ActionInput, cap: string): Action["whatIf"] {
  if (privileged(i)) return undefined;
  const name = short(cap);
  return { label: `drop ${name}`, edits: [{ path: `${i.containerPath}.securityContext.capabilities.drop`, value: [...capList(i, "drop"), name] }] };
}

function addCap(i: ActionInput, cap: string): Action["whatIf"] {
  const name = short(cap);
  if (privileged(i) || capList(i, "drop").some((d) => d.toUpperCase() === name)) return undefined;
  return { label: `add ${name}`, edits: [{ path: `${i.containerPath}.securityContext.capabilities.add`, value: [...capList(i, "add"), name] }] };
}

function setContainer(i: ActionInput, field: string, value: unknown, label: string): Action["whatIf"] {
  return { label, edits: [{ path: `${i.containerPath}.securityContext.${field}`, value }] };
}

function setPod(field: PodSettingName, value: boolean): Action["whatIf"] {
  return { label: `${value ? "set" : "unset"} ${field}`, edits: [{ path: field, value: value ? true : undefined }] };
}

function seccompWhatIf(i: ActionInput, pass: SeccompAnswer): Action["whatIf"] {
  if (privileged(i)) return undefined;
  const kind = seccompKind(i);
  if (kind === "none") return setContainer(i, "seccompProfile", { type: "RuntimeDefault" }, "seccompProfile RuntimeDefault");
  if (kind === "runtime-default" && pass.pass === false) return setContainer(i, "seccompProfile", { type: "Unconfined" }, "seccompProfile Unconfined");
  return undefined;
}

function atOf(i: ActionInput, field: string | undefined): Action["at"] {
  if (!field) return undefined;
  if (field === "hostPID" || field === "hostNetwork" || field === "hostIPC" || field === "shareProcessNamespace") {
    const s = i.podSettings?.[field];
    return s?.line ? { path: s.path, line: s.line } : undefined;
  }
  if (field === "sysctls" || field === "fsGroup") {
    const e = i.effective[field];
    if (e?.line && e.path) return { path: e.path, line: e.line };
    return i.podSecurityContextLine ? { path: i.podSecurityContextPath, line: i.podSecurityContextLine } : undefined;
  }
  const e = (i.effective as Record<string, Effective | undefined>)[field];
  if (e?.line && e.path) return { path: e.path, line: e.line };
  return { path: `${i.containerPath}.securityContext`, line: i.containerLine };
}

// ---------------------------------------------------------------------------------------------
// The deciders

const DECIDERS: Record<string, (i: ActionInput) => Partial> = {
  "bind-privileged-port": (i) => {
    const set = sysctl(i, "net.ipv4.ip_unprivileged_port_start");
    const runtimeValue = i.line.sandboxSysctls.ipUnprivilegedPortStart;
    let start: number;
    let why: string;
    const extraSource: string[] = [];
    const assumptions: string[] = [];
    if (set !== undefined) {
      start = Number(set);
      why = `the pod sets net.ipv4.ip_unprivileged_port_start=${set}`;
    } else if (i.pod.hostNetwork) {
      start = 1024;
      why = "with hostNetwork the node's net.ipv4.ip_unprivileged_port_start applies (1024 unless the node changed it)";
      assumptions.push("the node keeps net.ipv4.ip_unprivileged_port_start at the kernel default, 1024");
    } else if (runtimeValue.value !== null) {
      start = Number(runtimeValue.value);
      why = `${runtimeName(i)} sets net.ipv4.ip_unprivileged_port_start=${runtimeValue.value} in the pod's network namespace`;
      extraSource.push(runtimeValue.source);
    } else {
      start = 1024;
      why = `${runtimeName(i)} leaves net.ipv4.ip_unprivileged_port_start at the new namespace's 1024`;
      extraSource.push(runtimeValue.source);
    }
    if (!Number.isFinite(start)) start = 1024;
    if (hasEff(i, "CAP_NET_BIND_SERVICE")) {
      return {
        verdict: "allowed",
        rule: `${who(i)} holds NET_BIND_SERVICE${start === 0 ? ` (and ${why})` : ""}.`,
        extraSource,
        assumptions,
        whatIf: start === 0 ? undefined : dropCap(i, "CAP_NET_BIND_SERVICE"),
      };
    }
    if (start === 0) return { verdict: "allowed", rule: `Any uid may bind any port: ${why}.`, extraSource, assumptions, fields: ["sysctls", "hostNetwork"] };
    if (start < 1024) return { verdict: "depends", rule: `Ports from ${start} up are open to any uid (${why}); below that ${capWords(i, "CAP_NET_BIND_SERVICE")}.`, extraSource, assumptions };
    return {
      verdict: "blocked",
      rule: `${why}, and ${capWords(i, "CAP_NET_BIND_SERVICE")}.`,
      extraSource,
      assumptions,
      whatIf: isRoot(i)
        ? addCap(i, "CAP_NET_BIND_SERVICE")
        : i.pod.hostNetwork || i.effective.sysctls?.source !== "default"
          ? undefined
          : { label: "set pod sysctl net.ipv4.ip_unprivileged_port_start=0", edits: [{ path: "securityContext.sysctls", value: [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }] }] },
    };
  },

  ping: (i) => {
    const set = sysctl(i, "net.ipv4.ping_group_range");
    const runtimeValue = i.line.sandboxSysctls.pingGroupRange;
    const extraSource: string[] = [];
    let range: [number, number] | "node";
    let why: string;
    if (set !== undefined) {
      range = parseRange(set);
      why = `the pod sets net.ipv4.ping_group_range="${set}"`;
    } else if (i.pod.hostNetwork) {
      range = "node";
      why = "with hostNetwork the node's net.ipv4.ping_group_range applies";
    } else if (runtimeValue.value !== null && !(runtimeValue.notWithUserNamespace && userNamespaced(i))) {
      range = parseRange(runtimeValue.value);
      why = `${runtimeName(i)} sets net.ipv4.ping_group_range="${runtimeValue.value}" in the pod's network namespace`;
      extraSource.push(runtimeValue.source);
    } else {
      range = [1, 0];
      why =
        runtimeValue.value !== null
          ? `${runtimeName(i)} does not set net.ipv4.ping_group_range for a user-namespaced pod, so it stays "1 0" (nobody)`
          : `${runtimeName(i)} leaves net.ipv4.ping_group_range at the new namespace's "1 0" (nobody)`;
      extraSource.push(runtimeValue.source);
    }
    if (hasEff(i, "CAP_NET_RAW")) return { verdict: "allowed", rule: `${who(i)} holds NET_RAW, so ping may use a raw ICMP socket.`, extraSource, whatIf: range !== "node" && inRange(i, range) ? undefined : dropCap(i, "CAP_NET_RAW") };
    if (range === "node") return { verdict: "depends", rule: `${capWords(i, "CAP_NET_RAW")}; ${why} (systemd sets "0 2147483647", the kernel default is "1 0").`, extraSource, assumptions: ["the node's net.ipv4.ping_group_range"] };
    if (inRange(i, range)) return { verdict: "allowed", rule: `Without NET_RAW ping uses an ICMP datagram socket: ${why}, which includes gid ${i.process.gid}.`, extraSource, fields: ["sysctls", "hostNetwork", "runAsGroup"] };
    return { verdict: "blocked", rule: `${capWords(i, "CAP_NET_RAW")}, and ${why}.`, extraSource, whatIf: isRoot(i) ? addCap(i, "CAP_NET_RAW") : undefined };
  },

  "raw-socket": (i) => {
    const host = i.pod.hostNetwork ? " On the host network it sees the node's traffic." : "";
    if (hasEff(i, "CAP_NET_RAW")) return { verdict: "allowed", rule: `${who(i)} holds NET_RAW.${host}`, whatIf: dropCap(i, "CAP_NET_RAW") };
    return { verdict: "blocked", rule: `Raw and packet sockets need NET_RAW: ${capWords(i, "CAP_NET_RAW")}.`, whatIf: isRoot(i) ? addCap(i, "CAP_NET_RAW") : undefined };
  },

  "chown-others-file": (i) =>
    hasEff(i, "CAP_CHOWN")
      ? { verdict: "allowed", rule: `${who(i)} holds CHOWN.`, whatIf: dropCap(i, "CAP_CHOWN") }
      : { verdict: "blocked", rule: `Changing a file's owner needs CHOWN: ${capWords(i, "CAP_CHOWN")}.`, whatIf: isRoot(i) ? addCap(i, "CAP_CHOWN") : undefined },

  "read-others-file": (i) => {
    if (hasEff(i, "CAP_DAC_OVERRIDE")) return { verdict: "allowed", rule: `${who(i)} holds DAC_OVERRIDE: file permission bits do not stop it.`, whatIf: dropCap(i, "CAP_DAC_OVERRIDE") };
    if (hasEff(i, "CAP_DAC_READ_SEARCH")) return { verdict: "allowed", rule: `${who(i)} holds DAC_READ_SEARCH: it may read any file.`, whatIf: dropCap(i, "CAP_DAC_READ_SEARCH") };
    return { verdict: "blocked", rule: `Without DAC_OVERRIDE or DAC_READ_SEARCH only the permission bits count (${capWords(i, "CAP_DAC_OVERRIDE")}); a file readable by "others" stays readable.`, whatIf: isRoot(i) ? addCap(i, "CAP_DAC_OVERRIDE") : undefined };
  },

  "write-root-filesystem": (i) => {
    const ro = i.process.rootFilesystemReadOnly;
    if (ro) {
      const mount = seccomp(i, "mount");
      if (hasEff(i, "CAP_SYS_ADMIN") && mount.pass === true && apparmorAllowsMount(i))
        return { verdict: "allowed", rule: `The root filesystem is read-only, but ${who(i)} holds SYS_ADMIN and ${mount.words}: it can remount / read-write.`, extraSource: src(mount) };
      return { verdict: "blocked", rule: "readOnlyRootFilesystem mounts / read-only: every write fails with EROFS, whatever the uid.", whatIf: setContainer(i, "readOnlyRootFilesystem", undefined, "unset readOnlyRootFilesystem") };
    }
    if (isRoot(i)) return { verdict: "allowed", rule: "The root filesystem is writable and uid 0 owns the image's files.", whatIf: setContainer(i, "readOnlyRootFilesystem", true, "readOnlyRootFilesystem: true") };
    return {
      verdict: "depends",
      rule: `The root filesystem is writable; ${who(i)} can write where the image's modes let it (/tmp is world-writable in most images).`,
      whatIf: setContainer(i, "readOnlyRootFilesystem", true, "readOnlyRootFilesystem: true"),
    };
  },

  "setuid-to-root": (i) => {
    if (isRoot(i)) return { verdict: "allowed", rule: "The process already runs as uid 0.", fields: ["runAsUser", "runAsNonRoot"] };
    if (i.process.noNewPrivs)
      return { verdict: "blocked", rule: "allowPrivilegeEscalation: false sets no_new_privs: execve ignores set-user-ID bits, so sudo or su cannot make it root.", whatIf: setContainer(i, "allowPrivilegeEscalation", undefined, "unset allowPrivilegeEscalation") };
    return {
      verdict: "depends",
      rule: `no_new_privs is not set, so a set-user-ID-root binary in the image (sudo, su, passwd) would run as uid 0 with the bounding set (${i.process.capabilities.bounding.length} capabilities); whether the image has one decides.`,
      whatIf: setContainer(i, "allowPrivilegeEscalation", false, "allowPrivilegeEscalation: false"),
    };
  },

  "file-capabilities": (i) => {
    if (i.process.capabilities.bounding.length === 0) return { verdict: "blocked", rule: "The bounding set is empty: a file's capabilities are masked by it, so nothing can be gained." };
    if (i.process.noNewPrivs) return { verdict: "blocked", rule: "no_new_privs (allowPrivilegeEscalation: false): execve grants no capability the process did not have.", whatIf: setContainer(i, "allowPrivilegeEscalation", undefined, "unset allowPrivilegeEscalation") };
    if (isRoot(i)) return { verdict: "allowed", rule: "uid 0 already holds every capability of the bounding set; file capabilities add none beyond it." };
    return {
      verdict: "depends",
      rule: `no_new_privs is not set: a binary with file capabilities in the image (e.g. ping with cap_net_raw) would give them, up to the bounding set (${i.process.capabilities.bounding.map(short).join(", ")}).`,
      whatIf: setContainer(i, "allowPrivilegeEscalation", false, "allowPrivilegeEscalation: false"),
    };
  },

  "set-system-clock": (i) => kernelCap(i, "CAP_SYS_TIME", "settimeofday", "the clock is the node's, not namespaced"),
  "load-kernel-module": (i) => kernelCap(i, "CAP_SYS_MODULE", "init_module", "a module runs in the node's kernel", ["the node has not set kernel.modules_disabled=1"]),

  "mount-filesystem": (i) => {
    const s = seccomp(i, "mount");
    if (!hasEff(i, "CAP_SYS_ADMIN")) return { verdict: "blocked", rule: `mount(2) needs SYS_ADMIN in the container's user namespace: ${capWords(i, "CAP_SYS_ADMIN")}.`, extraSource: src(s) };
    if (s.pass === false) return { verdict: "blocked", rule: `${who(i)} holds SYS_ADMIN, but ${s.words}.`, extraSource: src(s), whatIf: seccompWhatIf(i, s) };
    if (s.pass === "unknown") return { verdict: "depends", rule: `${who(i)} holds SYS_ADMIN; ${s.words}.`, extraSource: src(s) };
    if (!apparmorAllowsMount(i))
      return {
        verdict: "depends",
        rule: `${who(i)} holds SYS_ADMIN and ${s.words}; on an AppArmor node the runtime's default profile denies mount, elsewhere it succeeds.`,
        extraSource: src(s),
        assumptions: ["whether the node runs AppArmor (the default profile has \"deny mount,\")"],
      };
    return { verdict: "allowed", rule: `${who(i)} holds SYS_ADMIN and ${s.words}${privileged(i) ? "; a privileged container has no AppArmor profile" : ""}.`, extraSource: src(s), whatIf: dropCap(i, "CAP_SYS_ADMIN") };
  },

  "create-user-namespace": (i) => {
    const viaUnshare = seccomp(i, "unshare");
    const viaClone = seccomp(i, "clone(CLONE_NEWUSER)");
    const extraSource = [...src(viaUnshare), ...(viaClone.source && viaClone.source !== viaUnshare.source ? [viaClone.source] : [])];
    const assumption = NODE_FACTS.unprivilegedUserns.describe(i.node.unprivilegedUserns);
    if (viaUnshare.pass === false && viaClone.pass === false) return { verdict: "blocked", rule: `${viaUnshare.words}, and clone with CLONE_NEWUSER likewise.`, extraSource, whatIf: seccompWhatIf(i, viaUnshare) };
    if (viaUnshare.pass === "unknown") return { verdict: "depends", rule: `${viaUnshare.words}.`, extraSource };
    const path = viaUnshare.pass ? "unshare -U" : "clone(CLONE_NEWUSER) (unshare -U itself is refused)";
    if (!i.node.unprivilegedUserns && !hasEff(i, "CAP_SYS_ADMIN"))
      return { verdict: "blocked", rule: `Seccomp lets ${path} through, but ${assumption} and ${who(i)} lacks SYS_ADMIN.`, extraSource: [...extraSource, NODE_FACTS.unprivilegedUserns.source], assumptions: [assumption] };
    return {
      verdict: "allowed",
      rule: `${viaUnshare.pass ? viaUnshare.words : viaClone.words}, and ${i.node.unprivilegedUserns ? "the kernel lets any process create one" : `${who(i)} holds SYS_ADMIN`}: ${path} works (inside it the process is root over nothing it did not own).`,
      extraSource: [...extraSource, NODE_FACTS.unprivilegedUserns.source],
      assumptions: [assumption],
      whatIf: seccompWhatIf(i, viaUnshare),
    };
  },

  "ptrace-other-process": (i) => {
    const shared = i.pod.hostPID || i.pod.shareProcessNamespace;
    const scope = i.node.ptraceScope;
    const assumption = NODE_FACTS.ptraceScope.describe(scope);
    const extraSource = [NODE_FACTS.ptraceScope.source];
    if (!shared) return { verdict: "blocked", rule: "Each container has its own PID namespace: the pod's other processes are not visible (no shareProcessNamespace or hostPID).", whatIf: setPod("shareProcessNamespace", true), fields: ["shareProcessNamespace", "hostPID"] };
    const s = seccomp(i, "ptrace");
    if (s.pass === false) return { verdict: "blocked", rule: `${s.words}.`, extraSource: [...extraSource, ...src(s)] };
    const scopeNote = i.pod.hostPID ? "the node's processes too (hostPID)" : "shareProcessNamespace";
    if (scope === 3) return { verdict: "blocked", rule: `The processes are visible (${scopeNote}), but ptrace_scope 3 forbids every attach.`, extraSource, assumptions: [assumption] };
    if (hasEff(i, "CAP_SYS_PTRACE"))
      return { verdict: "allowed", rule: `The processes are visible (${scopeNote}) and ${who(i)} holds SYS_PTRACE, which passes the uid and Yama checks.`, extraSource: [...extraSource, ...src(s)], assumptions: [assumption], whatIf: dropCap(i, "CAP_SYS_PTRACE"), fields: ["capabilities", "shareProcessNamespace", "hostPID"] };
    if (scope >= 1)
      return {
        verdict: "blocked",
        rule: `The processes are visible (${scopeNote}), but ptrace_scope ${scope} lets a process without SYS_PTRACE attach only to its own descendants, and another container's process is not one.`,
        extraSource,
        assumptions: [assumption],
        whatIf: isRoot(i) ? addCap(i, "CAP_SYS_PTRACE") : undefined,
      };
    const same = i.sameUidOthers;
    return {
      verdict: same > 0 ? "allowed" : "depends",
      rule:
        same > 0
          ? `With ptrace_scope 0 the classic rule applies: another container runs as ${who(i)} too, so it may attach (if that process's capabilities are a subset of its own).`
          : `With ptrace_scope 0 only processes of the same uid (and no more capabilities) can be attached; the other containers' uids decide.`,
      extraSource,
      assumptions: [assumption],
    };
  },

  "see-host-processes": (i) =>
    i.pod.hostPID
      ? { verdict: "allowed", rule: "hostPID: the container shares the node's PID namespace, so ps and /proc show every process of the node.", whatIf: setPod("hostPID", false) }
      : { verdict: "blocked", rule: "The pod has its own PID namespace (hostPID is not set).", whatIf: setPod("hostPID", true) },

  "host-network": (i) =>
    i.pod.hostNetwork
      ? { verdict: "allowed", rule: "hostNetwork: the container uses the node's network namespace, its interfaces and every port the node listens on.", whatIf: setPod("hostNetwork", false) }
      : { verdict: "blocked", rule: "The pod has its own network namespace (hostNetwork is not set).", whatIf: setPod("hostNetwork", true) },

  "read-host-files": (i) => {
    if (privileged(i)) return { verdict: "allowed", rule: "A privileged container sees every host device under /dev and holds SYS_ADMIN: it can mount the node's disks.", fields: ["privileged"], whatIf: setContainer(i, "privileged", undefined, "unset privileged") };
    const host = hostPathMounts(i);
    if (host.length === 0) return { verdict: "blocked", rule: "No hostPath volume is mounted in this container.", fields: ["volumes", "volumeMounts", "privileged"] };
    const paths = host.join(", ");
    if (isRoot(i) && hasEff(i, "CAP_DAC_OVERRIDE")) return { verdict: "allowed", rule: `hostPath mounted at ${paths}: uid 0 with DAC_OVERRIDE reads every file there.` };
    return { verdict: "depends", rule: `hostPath mounted at ${paths}: the node's file modes decide what ${who(i)} can read.` };
  },

  "read-masked-proc": (i) => {
    const masked = i.process.maskedPaths.includes("/proc/kcore") && i.process.maskedPaths.includes("/proc/keys");
    if (masked) return { verdict: "blocked", rule: "/proc/kcore and /proc/keys are masked (the runtime bind-mounts /dev/null over them).", fields: ["procMount", "privileged"] };
    const why = privileged(i) ? "privileged: no paths are masked" : "procMount: Unmasked: no paths are masked";
    return { verdict: "allowed", rule: `${why}; /proc/keys is readable by any process and /proc/kcore by one holding SYS_RAWIO${hasEff(i, "CAP_SYS_RAWIO") && !userNamespaced(i) ? " (it does)" : ""}.`, fields: ["procMount", "privileged"] };
  },

  "write-proc-sys": (i) => {
    if (i.process.readonlyPaths.includes("/proc/sys")) return { verdict: "blocked", rule: "/proc/sys is mounted read-only (a readonly path).", fields: ["procMount", "privileged"] };
    const why = privileged(i) ? "privileged: /proc/sys is writable" : "procMount: Unmasked: /proc/sys is writable";
    if (isRoot(i) && !userNamespaced(i)) return { verdict: "allowed", rule: `${why}, and uid 0 owns its files: node-wide kernel settings can be changed.`, fields: ["privileged", "procMount", "runAsUser"] };
    return { verdict: "blocked", rule: `${why}, but its files belong to root of the node and ${who(i)} is not.`, fields: ["privileged", "procMount", "runAsUser"] };
  },

  "create-device-nodes": (i) => {
    const s = seccomp(i, "mknod");
    if (userNamespaced(i)) return { verdict: "blocked", rule: "In a user namespace (hostUsers: false) mknod of a device needs MKNOD in the node's initial namespace, which the process never has.", fields: ["hostUsers"] };
    if (hasEff(i, "CAP_MKNOD") && s.pass !== false)
      return { verdict: "allowed", rule: `${who(i)} holds MKNOD: it can create device nodes; the device cgroup still refuses to open the devices it does not allow.`, extraSource: src(s), whatIf: dropCap(i, "CAP_MKNOD") };
    return { verdict: "blocked", rule: `Device nodes need MKNOD: ${capWords(i, "CAP_MKNOD")}.`, extraSource: src(s), whatIf: isRoot(i) ? addCap(i, "CAP_MKNOD") : undefined };
  },

  "kernel-keyring-bpf-perf": (i) => {
    const keyctl = seccomp(i, "keyctl");
    const bpf = seccomp(i, "bpf");
    const perf = seccomp(i, "perf_event_open");
    const extraSource = [...new Set([keyctl, bpf, perf].flatMap(src))];
    const kind = seccompKind(i);
    if (kind === "localhost") return { verdict: "depends", rule: `${keyctl.words}.`, extraSource };
    if (kind === "none") return { verdict: "allowed", rule: `${keyctl.words}: keyctl reaches the kernel (no capability needed); bpf and perf_event_open then depend on the kernel's unprivileged_bpf_disabled and perf_event_paranoid.`, extraSource, whatIf: seccompWhatIf(i, keyctl) };
    const passed = ([["keyctl", keyctl], ["bpf", bpf], ["perf_event_open", perf]] as const).filter(([, a]) => a.pass === true).map(([n]) => n);
    if (passed.length === 0) return { verdict: "blocked", rule: `${runtimeName(i)} RuntimeDefault refuses keyctl, bpf and perf_event_open for this bounding set.`, extraSource, whatIf: seccompWhatIf(i, keyctl) };
    return {
      verdict: "allowed",
      rule: `${runtimeName(i)} RuntimeDefault lets ${passed.join(", ")} through${passed.length < 3 ? ` (not ${["keyctl", "bpf", "perf_event_open"].filter((n) => !passed.includes(n as never)).join(", ")})` : ""}.`,
      extraSource,
    };
  },
};

function kernelCap(i: ActionInput, cap: string, call: SeccompSyscall, why: string, assumptions: string[] = []): Partial {
  const s = seccomp(i, call);
  if (userNamespaced(i)) return { verdict: "blocked", rule: `It needs ${short(cap)} in the node's initial user namespace (${why}); a user-namespaced pod (hostUsers: false) never has it.`, extraSource: src(s), fields: ["hostUsers", "capabilities"] };
  if (!hasEff(i, cap)) return { verdict: "blocked", rule: `It needs ${short(cap)} (${why}): ${capWords(i, cap)}.`, extraSource: src(s), assumptions, whatIf: isRoot(i) ? addCap(i, cap) : undefined };
  if (s.pass === false) return { verdict: "blocked", rule: `${who(i)} holds ${short(cap)}, but ${s.words}.`, extraSource: src(s), whatIf: seccompWhatIf(i, s) };
  if (s.pass === "unknown") return { verdict: "depends", rule: `${who(i)} holds ${short(cap)}; ${s.words}.`, extraSource: src(s), assumptions };
  return { verdict: "allowed", rule: `${who(i)} holds ${short(cap)} and ${s.words} (${why}).`, extraSource: src(s), assumptions, whatIf: dropCap(i, cap) };
}

function writeVolumes(i: ActionInput): Partial[] {
  const byName = new Map(i.volumes.map((v) => [v.name, v]));
  const seen = new Set<string>();
  const out: Partial[] = [];
  i.mounts.forEach((m, index) => {
    if (seen.has(m.name)) return;
    seen.add(m.name);
    const v = byName.get(m.name);
    const id = `write-volume:${m.name}`;
    const readOnlyEdit: Action["whatIf"] = { label: `mount ${m.name} readOnly`, edits: [{ path: `${i.containerPath}.volumeMounts[${index}].readOnly`, value: true }] };
    if (!v) return out.push({ id, verdict: "depends", rule: `No volume named "${m.name}" in the pod: the kubelet would refuse to start it.`, fields: ["volumes", "volumeMounts"] });
    if (m.readOnly) return out.push({ id, verdict: "blocked", rule: `${m.mountPath} is mounted readOnly.`, fields: ["volumeMounts"], whatIf: { label: `mount ${m.name} read-write`, edits: [{ path: `${i.containerPath}.volumeMounts[${index}].readOnly`, value: undefined }] } });
    if (["secret", "configMap", "downwardAPI", "projected", "image"].includes(v.type))
      return out.push({ id, verdict: "blocked", rule: `A ${v.type} volume is always mounted read-only by the kubelet.`, fields: ["volumes"] });
    if (v.type === "emptyDir") return out.push({ id, verdict: "allowed", rule: `${m.mountPath} is an emptyDir: the kubelet creates it with mode 0777, writable by any uid.`, fields: ["volumeMounts"], whatIf: readOnlyEdit });
    if (isRoot(i) && hasEff(i, "CAP_DAC_OVERRIDE") && v.type !== "nfs") return out.push({ id, verdict: "allowed", rule: `uid 0 with DAC_OVERRIDE writes to ${m.mountPath} whatever its modes.`, fields: ["volumeMounts", "runAsUser", "capabilities"], whatIf: readOnlyEdit });
    const fsGroup = i.effective.fsGroup?.value;
    if (typeof fsGroup === "number" && v.ownership === "changed")
      return out.push({ id, verdict: "allowed", rule: `fsGroup ${fsGroup}: the kubelet gives ${m.mountPath} that group with group write, and the process has it.`, fields: ["fsGroup", "volumeMounts"], whatIf: readOnlyEdit });
    return out.push({
      id,
      verdict: "depends",
      rule: `${m.mountPath} (${v.type}): ${typeof fsGroup === "number" ? `fsGroup ${fsGroup} ${v.ownership === "depends" ? "applies only if the volume plugin supports it" : "is not applied to it"}` : "no fsGroup"}, so the volume's own owner and modes decide for ${who(i)}.`,
      fields: ["fsGroup", "runAsUser", "volumeMounts"],
    });
  });
  return out;
}

function apparmorAllowsMount(i: ActionInput): boolean {
  if (privileged(i)) return true;
  const v = i.effective.appArmorProfile?.value;
  const type = v && typeof v === "object" ? (v as Record<string, unknown>).type : undefined;
  return type === "Unconfined";
}

function runtimeName(i: ActionInput): string {
  return `${i.line.runtime === "cri-o" ? "CRI-O" : "containerd"} ${i.line.line}`;
}

function src(a: SeccompAnswer): string[] {
  return a.source ? [a.source] : [];
}

function parseRange(s: string): [number, number] {
  const [a, b] = s.trim().split(/\s+/).map(Number);
  return [Number.isFinite(a) ? a : 1, Number.isFinite(b) ? b : 0];
}

function inRange(i: ActionInput, [lo, hi]: [number, number]): boolean {
  // "1 0" (the kernel default) is empty; a pod may carry 100,000 groups, so no copies.
  if (lo > hi) return false;
  if (i.process.gid >= lo && i.process.gid <= hi) return true;
  return i.process.groups.some((g) => g >= lo && g <= hi);
}

export type { Verdict };
