// Baseline: only sysctls that are namespaced and isolated between pods ("safe") may be set. The safe
// list grows with the policy version.
import { ALLOWED, forbidden, upstreamFile, type PssCheck, type VersionedCheck } from "../check.ts";
import type { PodView } from "../decode.ts";

const V1_0 = [
  "kernel.shm_rmid_forced",
  "net.ipv4.ip_local_port_range",
  "net.ipv4.tcp_syncookies",
  "net.ipv4.ping_group_range",
  "net.ipv4.ip_unprivileged_port_start",
];
const V1_27 = [...V1_0, "net.ipv4.ip_local_reserved_ports"];
const V1_29 = [
  ...V1_27,
  "net.ipv4.tcp_keepalive_time",
  "net.ipv4.tcp_fin_timeout",
  "net.ipv4.tcp_keepalive_intvl",
  "net.ipv4.tcp_keepalive_probes",
];
const V1_32 = [...V1_29, "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"];
const V1_37 = [...V1_32, "net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"];

const ALLOWED_BY_VERSION: { minimumVersion: number; allowed: ReadonlySet<string>; change: string }[] = [
  { minimumVersion: 0, allowed: new Set(V1_0), change: "five safe sysctls" },
  { minimumVersion: 27, allowed: new Set(V1_27), change: "adds net.ipv4.ip_local_reserved_ports" },
  {
    minimumVersion: 29,
    allowed: new Set(V1_29),
    change: "adds net.ipv4.tcp_keepalive_time, tcp_fin_timeout, tcp_keepalive_intvl, tcp_keepalive_probes",
  },
  { minimumVersion: 32, allowed: new Set(V1_32), change: "adds net.ipv4.tcp_rmem, net.ipv4.tcp_wmem" },
  {
    minimumVersion: 37,
    allowed: new Set(V1_37),
    change: "adds net.ipv4.tcp_slow_start_after_idle, net.ipv4.tcp_notsent_lowat",
  },
];

/** The safe sysctls at a policy minor version. */
export function allowedSysctls(minor: number): ReadonlySet<string> {
  let allowed = ALLOWED_BY_VERSION[0].allowed;
  for (const v of ALLOWED_BY_VERSION) if (v.minimumVersion <= minor) allowed = v.allowed;
  return allowed;
}

function forbiddenNames(pod: PodView, allowed: ReadonlySet<string>): string[] {
  return (pod.securityContext?.sysctls ?? []).filter((s) => !allowed.has(s.name)).map((s) => s.name);
}

export const sysctls: PssCheck = {
  id: "sysctls",
  level: "baseline",
  source: upstreamFile("check_sysctls.go"),
  versions: ALLOWED_BY_VERSION.map(
    ({ minimumVersion, allowed, change }): VersionedCheck => ({
      minimumVersion,
      change,
      checkPod(pod) {
        // Listed as written (not sorted, duplicates kept), joined with ", ".
        const names = forbiddenNames(pod, allowed);
        return names.length ? forbidden("forbidden sysctls", names.join(", ")) : ALLOWED;
      },
    }),
  ),
  fix(pod, minor) {
    const allowed = allowedSysctls(minor);
    const names = forbiddenNames(pod, allowed);
    const sc = pod.securityContext!;
    // Keep the allowed entries as written (their values included).
    const keepIndexes = new Set(sc.sysctls.filter((s) => allowed.has(s.name)).map((s) => s.index));
    const keep = sc.rawSysctls.filter((_, i) => keepIndexes.has(i));
    return {
      description: `Remove the sysctls that are not safe at this policy version: ${names.join(", ")}. Unsafe sysctls need the privileged level and the kubelet's --allowed-unsafe-sysctls.`,
      edits: [{ path: "securityContext.sysctls", value: keep.length ? keep : undefined }],
    };
  },
};
