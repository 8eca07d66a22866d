// Runtime release lines: what differs between containerd 1.7 / 2.0 / 2.1 / 2.2 / 2.3 and between
// CRI-O 1.28 … 1.36 in what a container's process may do. Each line is modelled by the newest patch
// release of that line read from upstream (the `tag`); every difference names the file it was read
// from. Capabilities, masked/readonly paths and the add/drop rules are the same in every modelled
// line and stay in defaults.ts (containerd pkg/oci/spec.go defaultUnixCaps is unchanged from v1.7.0
// to v2.3.4; CRI-O's internal/config/capabilities Default has been the 9-name list since v1.18.0).

import type { Runtime } from "../types";
import type { Sourced } from "./defaults";

/** Syscalls whose RuntimeDefault treatment decides an action (core/actions). */
export type SeccompSyscall =
  | "keyctl"
  | "bpf"
  | "perf_event_open"
  | "unshare"
  | "clone(CLONE_NEWUSER)"
  | "mount"
  | "init_module"
  | "settimeofday"
  | "ptrace"
  | "mknod"
  | "io_uring_setup";

/**
 * When the runtime's default seccomp profile lets a syscall through: "always", "never" (the
 * profile's default errno action), or when any of these capabilities is in the container's
 * bounding set (both runtimes pick profile rules by the spec's Bounding capabilities).
 */
export type SeccompRule = "always" | "never" | { anyOf: readonly string[] };

export interface SeccompProfileFacts {
  /** The profile a RuntimeDefault container gets. */
  profile: string;
  source: string;
  syscalls: Record<SeccompSyscall, Sourced<SeccompRule>>;
}

export interface ReleaseLine {
  runtime: Runtime;
  /** "2.1", "1.33". */
  line: string;
  /** The upstream tag read for this line (its newest patch release in the sources). */
  tag: string;
  /**
   * Sysctls the runtime sets in the pod's network namespace unless the pod uses the host network
   * (and unless the manifest sets the same key in spec.securityContext.sysctls).
   */
  sandboxSysctls: {
    ipUnprivilegedPortStart: Sourced<string | null>;
    pingGroupRange: Sourced<string | null> & { notWithUserNamespace: boolean };
  };
  seccomp: SeccompProfileFacts;
  /** Other defaults that differ between lines of this runtime (shown, not used by rules). */
  notes: Sourced<string>[];
}

// ---------------------------------------------------------------------------------------------
// containerd

const CTRD_SANDBOX_SYSCTLS_2 =
  "containerd/containerd internal/cri/server/podsandbox/sandbox_run_linux.go (*Controller).sandboxContainerSpec: unless the network namespace is NODE, EnableUnprivilegedPorts sets net.ipv4.ip_unprivileged_port_start=0 and EnableUnprivilegedICMP sets net.ipv4.ping_group_range=\"0 2147483647\" (not for a user-namespaced pod), each only when the pod's sysctls do not set it";
const CTRD_SANDBOX_SYSCTLS_17 =
  "containerd/containerd pkg/cri/server/sandbox_run_linux.go (*criService).sandboxContainerSpec (and pkg/cri/sbserver/podsandbox): the same code as 2.x, but the settings default to false";

const ctrdSeccomp = (tag: string, ioUring: boolean): SeccompProfileFacts => {
  const file = `containerd/containerd contrib/seccomp/seccomp_default.go DefaultProfile (${tag})`;
  const cap = (anyOf: string[], note?: string): Sourced<SeccompRule> => ({ value: { anyOf }, source: `${file}: the case for ${anyOf.join(" / ")} in the loop over sp.Process.Capabilities.Bounding`, note });
  return {
    profile: "containerd's RuntimeDefault (contrib/seccomp DefaultProfile); default action SCMP_ACT_ERRNO (EPERM)",
    source: `${file}; applied by internal/cri/sputil/seccomp_linux.go GenerateSeccompSpecOpts for runtime/default`,
    syscalls: {
      keyctl: { value: "never", source: `${file}: keyctl, add_key and request_key are in no allow rule, so the default action (ActErrno) answers` },
      bpf: cap(["CAP_SYS_ADMIN", "CAP_BPF"]),
      perf_event_open: cap(["CAP_SYS_ADMIN", "CAP_PERFMON"]),
      unshare: cap(["CAP_SYS_ADMIN"]),
      "clone(CLONE_NEWUSER)": cap(["CAP_SYS_ADMIN"], "without CAP_SYS_ADMIN clone is allowed only with none of the CLONE_NEW* flags (OpMaskedEqual), and clone3 returns ENOSYS"),
      mount: cap(["CAP_SYS_ADMIN"]),
      init_module: cap(["CAP_SYS_MODULE"]),
      settimeofday: cap(["CAP_SYS_TIME"]),
      ptrace: { value: "always", source: `${file}: ptrace, process_vm_readv and process_vm_writev are allowed on kernels >= 4.8 (kernelversion.GreaterEqualThan 4.8)` },
      mknod: { value: "always", source: `${file}: mknod and mknodat are in the main allow list` },
      io_uring_setup: ioUring
        ? { value: "always", source: `${file}: io_uring_enter, io_uring_register and io_uring_setup are in the main allow list (added by 325bac7c7; 2.0 removed them in a48ddf4a2, 1.7 kept them)` }
        : { value: "never", source: `${file}: io_uring syscalls are not allowed (a48ddf4a2 "Don't allow io_uring related syscalls in the RuntimeDefault seccomp profile.")` },
    },
  };
};

const ctrdLine = (line: string, tag: string): ReleaseLine => {
  const v2 = !line.startsWith("1.");
  const config = v2 ? `containerd/containerd internal/cri/config/config_unix.go DefaultRuntimeConfig (${tag})` : `containerd/containerd pkg/cri/config/config_unix.go DefaultConfig (${tag})`;
  let seccomp: SeccompProfileFacts | undefined;
  return {
    runtime: "containerd",
    line,
    tag,
    sandboxSysctls: {
      ipUnprivilegedPortStart: v2
        ? { value: "0", source: `${config}: EnableUnprivilegedPorts: true; ${CTRD_SANDBOX_SYSCTLS_2}` }
        : { value: null, source: `${config}: EnableUnprivilegedPorts not set (false); ${CTRD_SANDBOX_SYSCTLS_17}`, note: "enable_unprivileged_ports = true in the node's config.toml changes it" },
      pingGroupRange: v2
        ? { value: "0 2147483647", notWithUserNamespace: true, source: `${config}: EnableUnprivilegedICMP: true; ${CTRD_SANDBOX_SYSCTLS_2}` }
        : { value: null, notWithUserNamespace: true, source: `${config}: EnableUnprivilegedICMP not set (false); ${CTRD_SANDBOX_SYSCTLS_17}`, note: "enable_unprivileged_icmp = true in the node's config.toml changes it" },
    },
    // Each line's seccomp facts are made when first read: a run uses one line of the fourteen.
    get seccomp() {
      return (seccomp ??= ctrdSeccomp(tag, !v2));
    },
    notes: [
      v2
        ? { value: "CDI device injection on by default (enable_cdi = true)", source: `${config}: EnableCDI: true` }
        : { value: "CDI device injection off by default (enable_cdi = false)", source: `${config}: EnableCDI: false` },
    ],
  };
};

// ---------------------------------------------------------------------------------------------
// CRI-O

const CRIO_SYSCTLS =
  "cri-o/cri-o pkg/config/config.go DefaultSysctls (default_sysctls, empty by default; docs/crio.conf.5.md \"default_sysctls=[]\") and server/sandbox_run_linux.go configureGeneratorForSysctls: only the configured list and the pod's own sysctls are set";

const crioSeccomp = (line: number, tag: string, common: string): SeccompProfileFacts => {
  const lib = `containers/common pkg/seccomp/default_linux.go DefaultProfile (${common}, vendored by CRI-O ${tag})`;
  const crio = `cri-o/cri-o internal/config/seccomp/seccomp.go DefaultProfile (${tag})`;
  const anyOf = (caps: string[], source: string, note?: string): Sourced<SeccompRule> => ({ value: { anyOf: caps }, source, note });
  const cloneFiltered = line >= 29; // 1.31.0, backported to v1.29.9 and v1.30.6; not in any 1.28 release
  return {
    profile: "CRI-O's RuntimeDefault: containers/common DefaultProfile with CRI-O's namespace-creation changes; default action ERRNO (ENOSYS)",
    source: `${lib}; ${crio}; applied by internal/config/seccomp/seccomp.go (*Config).Setup for runtime/default`,
    syscalls: {
      keyctl: { value: "always", source: `${lib}: keyctl is in the main allow list (add_key and request_key are not)` },
      bpf:
        line >= 31
          ? anyOf(["CAP_SYS_ADMIN", "CAP_BPF"], `${lib}: bpf in the CAP_SYS_ADMIN allow rule and in its own rule for CAP_BPF`)
          : anyOf(["CAP_SYS_ADMIN"], `${lib}: bpf in the CAP_SYS_ADMIN allow rule; EPERM otherwise`),
      perf_event_open:
        line >= 35
          ? anyOf(["CAP_SYS_ADMIN", "CAP_PERFMON"], `${lib}: perf_event_open in the CAP_SYS_ADMIN allow rule and in its own rule for CAP_PERFMON`)
          : line >= 31
            ? anyOf(["CAP_PERFMON"], `${lib}: perf_event_open allowed by the CAP_PERFMON rule; EPERM without CAP_SYS_ADMIN or CAP_BPF, and no allow rule for CAP_SYS_ADMIN alone`, "the same profile also lists perf_event_open under EPERM when CAP_SYS_ADMIN is missing; which rule wins for CAP_PERFMON without CAP_SYS_ADMIN is up to libseccomp")
            : anyOf(["CAP_SYS_ADMIN"], `${lib}: perf_event_open in the CAP_SYS_ADMIN allow rule; EPERM otherwise`),
      unshare: anyOf(["CAP_SYS_ADMIN"], `${crio}: unshare is removed from the library's allow list and allowed only with CAP_SYS_ADMIN`),
      "clone(CLONE_NEWUSER)": cloneFiltered
        ? anyOf(["CAP_SYS_ADMIN"], `${crio}: clone with any CLONE_NEW* flag gets EPERM and clone3 ENOSYS without CAP_SYS_ADMIN (commit 7d0d6ad491 "Filter namespace creation args to clone in default seccomp policy", v1.31.0, v1.30.6, v1.29.9)`)
        : { value: "always", source: `${crio} (${tag}): only unshare is filtered; clone and clone3 stay in the library's allow list with any flags`, note: "so a program that calls clone(CLONE_NEWUSER) creates a user namespace where `unshare -U` is refused" },
      mount: { value: "always", source: `${lib}: mount, umount2 and pivot_root are in the main allow list; the kernel still asks for CAP_SYS_ADMIN` },
      init_module: anyOf(["CAP_SYS_MODULE"], `${lib}: init_module and finit_module only with CAP_SYS_MODULE`),
      settimeofday: anyOf(["CAP_SYS_TIME"], `${lib}: settimeofday, stime and clock_settime only with CAP_SYS_TIME`),
      ptrace: { value: "always", source: `${lib}: ptrace, process_vm_readv and process_vm_writev are in the main allow list` },
      mknod: { value: "always", source: `${lib}: mknod and mknodat are in the main allow list` },
      io_uring_setup: { value: "never", source: `${lib}: io_uring syscalls are in no allow rule (default action ENOSYS)` },
    },
  };
};

const CRIO_COMMON: Record<number, { tag: string; common: string }> = {
  28: { tag: "v1.28.11", common: "v0.55.5-0.20240105071436-8fedf2e32c8a" },
  29: { tag: "v1.29.13", common: "v0.57.2-0.20241001170518-3e182bf24c22" },
  30: { tag: "v1.30.14", common: "v0.57.5-0.20241001151712-f77c20871a20" },
  31: { tag: "v1.31.13", common: "v0.60.3-0.20241001153533-18930ed8933b" },
  32: { tag: "v1.32.13", common: "v0.61.0" },
  33: { tag: "v1.33.13", common: "v0.63.0" },
  34: { tag: "v1.34.11", common: "v0.64.2" },
  35: { tag: "v1.35.6", common: "go.podman.io/common v0.66.2-0.20260126213724-1e46b0756b39" },
  36: { tag: "v1.36.3", common: "go.podman.io/common v0.66.2-0.20260126213724-1e46b0756b39" },
};

const crioLine = (minor: number): ReleaseLine => {
  const { tag, common } = CRIO_COMMON[minor];
  let seccomp: SeccompProfileFacts | undefined;
  return {
    runtime: "cri-o",
    line: `1.${minor}`,
    tag,
    sandboxSysctls: {
      ipUnprivilegedPortStart: { value: null, source: CRIO_SYSCTLS, note: "default_sysctls = [\"net.ipv4.ip_unprivileged_port_start=0\"] in crio.conf changes it" },
      pingGroupRange: { value: null, notWithUserNamespace: false, source: CRIO_SYSCTLS, note: "crio.conf(5) gives \"net.ipv4.ping_group_range = 0   2147483647\" as an example for default_sysctls" },
    },
    get seccomp() {
      return (seccomp ??= crioSeccomp(minor, tag, common));
    },
    notes: [],
  };
};

// ---------------------------------------------------------------------------------------------

/** Every modelled line, oldest first per runtime; the last of each runtime is its newest. */
export const RELEASE_LINES: readonly ReleaseLine[] = [
  ctrdLine("1.7", "v1.7.34"),
  ctrdLine("2.0", "v2.0.11"),
  ctrdLine("2.1", "v2.1.9"),
  ctrdLine("2.2", "v2.2.7"),
  ctrdLine("2.3", "v2.3.4"),
  ...[28, 29, 30, 31, 32, 33, 34, 35, 36].map(crioLine),
];

const LINES_OF = new Map<Runtime, readonly ReleaseLine[]>();

export function linesOf(runtime: Runtime): readonly ReleaseLine[] {
  let lines = LINES_OF.get(runtime);
  if (lines === undefined) LINES_OF.set(runtime, (lines = RELEASE_LINES.filter((l) => l.runtime === runtime)));
  return lines;
}

export function newestLine(runtime: Runtime): ReleaseLine {
  const lines = linesOf(runtime);
  return lines[lines.length - 1];
}

/** The line for a version ("2.1", "v2.1", "2.1.4" → 2.1); undefined when not modelled. */
export function findLine(runtime: Runtime, version: string | undefined): ReleaseLine | undefined {
  if (version === undefined || version === "" || version === "latest") return newestLine(runtime);
  const m = /^v?(\d+)\.(\d+)(?:\.\d+)?$/.exec(version.trim());
  if (!m) return undefined;
  const line = `${Number(m[1])}.${Number(m[2])}`;
  return linesOf(runtime).find((l) => l.line === line);
}

export type RuntimeSpec = { runtime: Runtime; version: string };

/** The runtime names accepted in `--runtime` and shared links (cri-o also as crio). */
const NAMES: Record<string, Runtime> = { containerd: "containerd", "cri-o": "cri-o", crio: "cri-o" };

/**
 * Parses "containerd", "containerd@2.1", "cri-o@1.33": the runtime and the line that applies (the
 * newest line for a plain name). An unknown runtime or line gives an error text listing what is known.
 */
export function parseRuntimeSpec(text: string): RuntimeSpec | { error: string; kind: "runtime" | "line" } {
  const at = text.indexOf("@");
  const name = (at < 0 ? text : text.slice(0, at)).trim().toLowerCase();
  const runtime = Object.hasOwn(NAMES, name) ? NAMES[name] : undefined;
  if (!runtime) return { kind: "runtime", error: `must be containerd or cri-o, not "${text}"` };
  const version = text.slice(at + 1).trim();
  const line = at < 0 ? newestLine(runtime) : version === "" ? undefined : findLine(runtime, version);
  if (!line) return { kind: "line", error: `${runtime} has no release line "${text.slice(at + 1)}" here: known lines are ${linesOf(runtime).map((l) => l.line).join(", ")} (e.g. ${runtime}@${newestLine(runtime).line})` };
  return { runtime, version: line.line };
}

/** The line an analysis uses: the requested one when modelled, else the runtime's newest. */
export function resolveLine(runtime: Runtime, version: string | undefined): ReleaseLine {
  return findLine(runtime, version) ?? newestLine(runtime);
}
