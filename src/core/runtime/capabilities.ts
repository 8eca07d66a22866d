// Linux capabilities: the kernel's numbering, the names runtimes accept, and the 64-bit masks
// /proc/<pid>/status prints (CapInh, CapPrm, CapEff, CapBnd, CapAmb).

import type { Runtime } from "../types";

export interface Capability {
  name: string;
  number: number;
}

/** The kernel's table; CAP_LAST_CAP is CAP_CHECKPOINT_RESTORE (40). */
export const CAPABILITY_TABLE = {
  source: "torvalds/linux include/uapi/linux/capability.h (#define CAP_* and CAP_LAST_CAP)",
  capabilities: [
    { name: "CAP_CHOWN", number: 0 },
    { name: "CAP_DAC_OVERRIDE", number: 1 },
    { name: "CAP_DAC_READ_SEARCH", number: 2 },
    { name: "CAP_FOWNER", number: 3 },
    { name: "CAP_FSETID", number: 4 },
    { name: "CAP_KILL", number: 5 },
    { name: "CAP_SETGID", number: 6 },
    { name: "CAP_SETUID", number: 7 },
    { name: "CAP_SETPCAP", number: 8 },
    { name: "CAP_LINUX_IMMUTABLE", number: 9 },
    { name: "CAP_NET_BIND_SERVICE", number: 10 },
    { name: "CAP_NET_BROADCAST", number: 11 },
    { name: "CAP_NET_ADMIN", number: 12 },
    { name: "CAP_NET_RAW", number: 13 },
    { name: "CAP_IPC_LOCK", number: 14 },
    { name: "CAP_IPC_OWNER", number: 15 },
    { name: "CAP_SYS_MODULE", number: 16 },
    { name: "CAP_SYS_RAWIO", number: 17 },
    { name: "CAP_SYS_CHROOT", number: 18 },
    { name: "CAP_SYS_PTRACE", number: 19 },
    { name: "CAP_SYS_PACCT", number: 20 },
    { name: "CAP_SYS_ADMIN", number: 21 },
    { name: "CAP_SYS_BOOT", number: 22 },
    { name: "CAP_SYS_NICE", number: 23 },
    { name: "CAP_SYS_RESOURCE", number: 24 },
    { name: "CAP_SYS_TIME", number: 25 },
    { name: "CAP_SYS_TTY_CONFIG", number: 26 },
    { name: "CAP_MKNOD", number: 27 },
    { name: "CAP_LEASE", number: 28 },
    { name: "CAP_AUDIT_WRITE", number: 29 },
    { name: "CAP_AUDIT_CONTROL", number: 30 },
    { name: "CAP_SETFCAP", number: 31 },
    { name: "CAP_MAC_OVERRIDE", number: 32 },
    { name: "CAP_MAC_ADMIN", number: 33 },
    { name: "CAP_SYSLOG", number: 34 },
    { name: "CAP_WAKE_ALARM", number: 35 },
    { name: "CAP_BLOCK_SUSPEND", number: 36 },
    { name: "CAP_AUDIT_READ", number: 37 },
    { name: "CAP_PERFMON", number: 38 },
    { name: "CAP_BPF", number: 39 },
    { name: "CAP_CHECKPOINT_RESTORE", number: 40 },
  ] as readonly Capability[],
} as const;

const BY_NAME = new Map(CAPABILITY_TABLE.capabilities.map((c) => [c.name, c.number]));
const BY_NUMBER = new Map(CAPABILITY_TABLE.capabilities.map((c) => [c.number, c.name]));

/** Every capability of the kernel, by number: what "ALL" and privileged mean on a 5.9+ kernel. */
export const ALL_CAPABILITIES: readonly string[] = CAPABILITY_TABLE.capabilities.map((c) => c.name);

export function capabilityNumber(name: string): number | undefined {
  return BY_NAME.get(name);
}

export function isKnownCapability(name: string): boolean {
  return BY_NAME.has(name);
}

/** Known names only, without repeats, ordered by capability number (as the kernel lists bits). */
export function sortCapabilities(names: Iterable<string>): string[] {
  const numbers = new Set<number>();
  for (const n of names) {
    const num = BY_NAME.get(n);
    if (num !== undefined) numbers.add(num);
  }
  return [...numbers].sort((a, b) => a - b).map((n) => BY_NUMBER.get(n) as string);
}

/**
 * How a runtime turns one entry of securityContext.capabilities.add/drop into the name it puts in
 * the OCI spec. The kubelet passes the strings through unchanged
 * (kubernetes pkg/kubelet/kuberuntime/security_context.go convertToRuntimeCapabilities).
 */
export const CAPABILITY_NAME_RULES = {
  containerd: {
    source: "containerd/containerd internal/cri/opts/spec_opts.go WithCapabilities",
    rule: 'ALL is matched case-insensitively (util.InStringSlice uses strings.EqualFold); every other entry becomes "CAP_" + strings.ToUpper(entry), so "CAP_NET_RAW" becomes "CAP_CAP_NET_RAW"',
    unknown:
      "names the kernel does not know stay in the spec and runc skips them with a warning (opencontainers/runc libcontainer/capabilities/capabilities.go New: \"ignoring unknown or unavailable capabilities\"): an add has no effect and a drop removes nothing",
  },
  "cri-o": {
    source: "cri-o/cri-o internal/factory/container/container.go SpecSetupCapabilities (toCAPPrefixed)",
    rule: 'ALL is matched case-insensitively (strings.EqualFold); an entry that starts with "cap_" in any case is kept, any other becomes "CAP_" + strings.ToUpper(entry); runtime-tools generate then upper-cases it (AddProcessCapabilityBounding, DropProcessCapabilityBounding)',
    unknown:
      'an unknown name fails container creation: add → "unknown capability %q to add"; drop → "failed to drop cap %s %w" wrapping runtime-tools CapValid\'s "invalid capability: %s"',
  },
} as const;

/** The OCI spec name a runtime makes of one add/drop entry ("ALL" is handled separately). */
export function runtimeCapabilityName(runtime: Runtime, entry: string): string {
  if (runtime === "cri-o") {
    const prefixed = entry.toLowerCase().startsWith("cap_") ? entry : "CAP_" + entry.toUpperCase();
    return prefixed.toUpperCase();
  }
  return "CAP_" + entry.toUpperCase();
}

export function isAllEntry(entry: string): boolean {
  return entry.toUpperCase() === "ALL";
}

/** 16 lower-case hex digits, as proc(5) shows the sets (fs/proc/array.c render_cap_t). */
export function capHex(names: Iterable<string>): string {
  const nibbles = new Array<number>(16).fill(0);
  for (const n of names) {
    const num = BY_NAME.get(n);
    if (num === undefined) continue;
    nibbles[15 - Math.floor(num / 4)] |= 1 << num % 4;
  }
  return nibbles.map((v) => v.toString(16)).join("");
}

/**
 * The capabilities a /proc hex mask stands for, by number. Bits the kernel table does not name
 * come back as their decimal number (e.g. "41"); text that is not hex gives [].
 */
export function decodeCapHex(hex: string): string[] {
  if (typeof hex !== "string") return [];
  const digits = hex.trim().replace(/^0x/i, "");
  if (!/^[0-9a-fA-F]{1,16}$/.test(digits)) return [];
  const out: string[] = [];
  const len = digits.length;
  for (let i = 0; i < len; i++) {
    const value = parseInt(digits[len - 1 - i], 16);
    for (let b = 0; b < 4; b++) {
      if (value & (1 << b)) {
        const num = i * 4 + b;
        out.push(BY_NUMBER.get(num) ?? String(num));
      }
    }
  }
  return out;
}
