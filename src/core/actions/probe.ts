// Checking the prediction against a real node: a POSIX sh probe per container (run with kubectl
// exec, no tool the image might lack: only sh builtins reading /proc) that prints key=value lines,
// and a comparison of those lines with what the analysis predicts, each difference explained.
//
// The probe runs as an exec'd process: the runtime starts it with the container's process spec
// (uid, gid, groups, capabilities, no_new_privs, seccomp), so /proc/self/status shows what the
// first process got (containerd internal/cri/server/container_execsync.go and CRI-O
// internal/oci/runtime_oci.go ExecSyncContainer both reuse the container's spec.Process).

import type { Container, Workload } from "../types";
import { capHex, decodeCapHex } from "../runtime/capabilities";
import { RUNTIME_DEFAULTS } from "../runtime/defaults";
import { resolveLine, type ReleaseLine } from "../runtime/releases";
import type { Runtime } from "../types";

const STATUS_KEYS = ["Uid", "Gid", "Groups", "CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp", "Seccomp_filters"] as const;

/** Single-quoted for sh: a quote inside becomes '\''. */
function shQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/** The body of the probe: POSIX sh, builtins only (read, case, echo, redirections). */
export function probeBody(container: Container): string {
  const mounts = (container.mounts ?? []).map((m) => m.mountPath.replace(/[\r\n]/g, "")).filter((p) => p.startsWith("/"));
  const lines = [
    // Names and paths come from the manifest: always quoted, never run.
    `echo ${shQuote(`container=${container.name.replace(/[\r\n]/g, " ")}`)}`,
    "while IFS= read -r l; do case \"$l\" in " + STATUS_KEYS.map((k) => `${k}:*`).join("|") + ") k=${l%%:*}; v=${l#*:}; set -- $v; case $k in Uid|Gid) echo $k=$1;; *) echo $k=$*;; esac;; esac; done < /proc/self/status",
    // A sysctl file answers only a read at offset 0 (proc_dointvec), and sh's read builtin reads
    // byte by byte: cat when the image has it, else read (which then shows the first byte only).
    "for s in ip_unprivileged_port_start ping_group_range; do f=/proc/sys/net/ipv4/$s; if [ -r $f ]; then if command -v cat >/dev/null 2>&1; then v=$(cat $f); else read -r v < $f; fi; set -- $v; echo $s=$*; fi; done",
    // Mount options from /proc/self/mounts: "/" read-only, /proc/kcore masked, /proc/sys read-only.
    "rootro=0; kcore=0; sysro=0; while read -r d m t o r; do case \"$m\" in /) case \",$o,\" in *,ro,*) rootro=1;; *) rootro=0;; esac;; /proc/kcore) kcore=1;; /proc/sys) case \",$o,\" in *,ro,*) sysro=1;; esac;; esac; done < /proc/self/mounts; echo rootfs_readonly=$rootro; echo proc_kcore_masked=$kcore; echo proc_sys_readonly=$sysro",
    ...mounts.map((p) => `f=${shQuote(`${p.replace(/\/$/, "")}/.secctx-probe`)}; if ( : > "$f" ) 2>/dev/null; then rm -f "$f"; echo ${shQuote(`write:${p}=yes`)}; else echo ${shQuote(`write:${p}=no`)}; fi`),
  ];
  return lines.join("\n");
}

/** The whole command for a person to copy: kubectl exec running the probe with sh. */
export function probeScript(w: Workload, c: Container): string {
  const target = w.kind === "Pod" ? w.name : `${w.kind.toLowerCase()}/${w.name}`;
  const ns = w.namespace ? ` -n ${shQuote(w.namespace)}` : "";
  return [
    `# ${w.kind} ${w.name}, container ${c.name}: prints key=value lines; paste them back to compare.`,
    `# If the image has no sh, run it from a debug container instead: kubectl debug -it${ns} ${shQuote(target)} --image=busybox --target=${shQuote(c.name)} -- sh`,
    `kubectl exec${ns} ${shQuote(target)} -c ${shQuote(c.name)} -- sh -c ${shQuote(probeBody(c))}`,
  ].join("\n");
}

/** key=value lines, grouped by the `container=` line that opens each probe's output. */
export function parseProbe(text: string): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  let current = new Map<string, string>();
  out.set("", current);
  for (const raw of String(text ?? "").split(/\r?\n/).slice(0, 10_000)) {
    const line = raw.trim();
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    const key = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim().replace(/\s+/g, " ");
    if (key === "container") {
      current = out.get(value) ?? new Map();
      out.set(value, current);
      continue;
    }
    current.set(key, value);
  }
  if (out.get("")!.size === 0) out.delete("");
  return out;
}

export interface ProbeRow {
  key: string;
  predicted: string;
  observed?: string;
  match: boolean;
  /** Why reality may differ, when it does. */
  explanation?: string;
}

interface Predicted {
  key: string;
  value: string;
  explain: (observed: string) => string;
}

const SYSCTL_SOURCE = "core/runtime/releases.ts";

function predictions(w: Workload, c: Container, line: ReleaseLine): Predicted[] {
  const p = c.process;
  if (!p) return [];
  const other: Runtime = line.runtime === "cri-o" ? "containerd" : "cri-o";
  const capExplain = (field: string) => (observed: string) => {
    const seen = decodeCapHex(observed);
    const otherDefault = capHex(RUNTIME_DEFAULTS[other].capabilities.value);
    if (observed === otherDefault) return `${field} is ${other}'s default set: the node runs ${other === "cri-o" ? "CRI-O" : "containerd"}, not ${line.runtime}. Pick that runtime.`;
    const names = seen.map((n) => n.replace(/^CAP_/, ""));
    const list = names.length > 6 ? `${names.slice(0, 6).join(", ")}, … (${names.length} in all)` : names.join(", ") || "nothing";
    return `${field} holds ${list}: the runtime's configured default capabilities (crio.conf default_capabilities, a containerd base spec) or a mutating webhook that changed securityContext.capabilities differ from the prediction.`;
  };
  const runAsUserSet = c.effective.runAsUser?.source === "container" || c.effective.runAsUser?.source === "pod";
  const rows: Predicted[] = [
    {
      key: "Uid",
      value: String(p.uid),
      explain: (o) =>
        runAsUserSet
          ? `The manifest sets runAsUser ${String(p.uid)}, the node ran ${o}: a mutating admission webhook (or policy engine) rewrote it; compare with kubectl get -o yaml.`
          : `No runAsUser is set, so the image's USER decides: it is ${o}. Set the container's image user to ${o} to predict with it.`,
    },
    { key: "Gid", value: String(p.gid), explain: (o) => (c.effective.runAsGroup?.source === "default" ? `No runAsGroup is set: the image's /etc/passwd gives the user group ${o}.` : `runAsGroup says ${p.gid}, the node ran ${o}: a mutating webhook changed it.`) },
    {
      key: "Groups",
      value: p.groups.join(" "),
      explain: () => "Supplementary groups differ: with supplementalGroupsPolicy Merge the image's /etc/group adds the user's groups, and the kubelet adds groups some volumes ask for (both invisible in a manifest).",
    },
    { key: "CapBnd", value: p.capHex.CapBnd, explain: capExplain("CapBnd") },
    { key: "CapEff", value: p.capHex.CapEff, explain: capExplain("CapEff") },
    { key: "CapPrm", value: p.capHex.CapPrm, explain: capExplain("CapPrm") },
    { key: "CapInh", value: p.capHex.CapInh, explain: () => "Inheritable capabilities: an older runtime (containerd before 1.6.2/1.5.11, CRI-O before 1.24) or CRI-O's add_inheritable_capabilities = true." },
    { key: "CapAmb", value: p.capHex.CapAmb, explain: () => "Ambient capabilities: the runtime or a webhook added them; neither containerd nor CRI-O does by default." },
    { key: "NoNewPrivs", value: p.noNewPrivs ? "1" : "0", explain: (o) => (o === "1" ? "no_new_privs is set although allowPrivilegeEscalation is not false: a webhook or policy set allowPrivilegeEscalation: false." : "no_new_privs is not set although allowPrivilegeEscalation is false: a webhook changed it.") },
    {
      key: "Seccomp",
      value: p.seccomp === "filter" ? "2" : "0",
      explain: (o) =>
        o === "2" ? "A seccomp filter is loaded although none was predicted: the kubelet runs with --seccomp-default (turn on \"seccomp default\") or a webhook set seccompProfile." : "No seccomp filter although one was predicted: a webhook set Unconfined, or the kubelet/runtime runs without seccomp support.",
    },
    { key: "rootfs_readonly", value: p.rootFilesystemReadOnly ? "1" : "0", explain: () => "The root filesystem's read-only flag differs: a webhook changed readOnlyRootFilesystem." },
    { key: "proc_kcore_masked", value: p.maskedPaths.includes("/proc/kcore") ? "1" : "0", explain: () => "Masked paths differ: procMount, privileged, or the runtime's own masked-path setting on the node." },
    { key: "proc_sys_readonly", value: p.readonlyPaths.includes("/proc/sys") ? "1" : "0", explain: () => "Read-only paths differ: procMount, privileged, or the runtime's own setting on the node." },
  ];
  const hostNetwork = w.podSettings?.hostNetwork.value === true;
  const sysctls = Array.isArray(c.effective.sysctls?.value) ? (c.effective.sysctls.value as { name?: unknown; value?: unknown }[]) : [];
  const podSysctl = (name: string): string | undefined => {
    const v = sysctls.find((s) => s && typeof s === "object" && s.name === name)?.value;
    return typeof v === "string" || typeof v === "number" ? String(v) : undefined;
  };
  if (!hostNetwork) {
    const port = podSysctl("net.ipv4.ip_unprivileged_port_start") ?? line.sandboxSysctls.ipUnprivilegedPortStart.value ?? "1024";
    rows.push({
      key: "ip_unprivileged_port_start",
      value: String(port),
      explain: (o) =>
        o === "0"
          ? `The node sets 0 (any uid binds :80): containerd 2.x does so by default (enable_unprivileged_ports), or CRI-O has it in default_sysctls. Pick that runtime line (${SYSCTL_SOURCE}).`
          : `The node leaves ${o}: containerd 1.7, CRI-O, or a containerd 2.x with enable_unprivileged_ports = false in config.toml.`,
    });
    const userns = w.pod.hostUsers === false && line.sandboxSysctls.pingGroupRange.notWithUserNamespace;
    const ping = podSysctl("net.ipv4.ping_group_range") ?? (userns ? null : line.sandboxSysctls.pingGroupRange.value) ?? "1 0";
    rows.push({
      key: "ping_group_range",
      value: String(ping).trim().replace(/\s+/g, " "),
      explain: (o) =>
        o === "0 2147483647"
          ? "The node opens ICMP sockets to every group: containerd 2.x (enable_unprivileged_icmp) or CRI-O's default_sysctls."
          : `The node gives "${o}": containerd 1.7, CRI-O without default_sysctls, or containerd 2.x with enable_unprivileged_icmp = false.`,
    });
  }
  for (const m of c.mounts ?? []) {
    if (!m.mountPath.startsWith("/")) continue;
    const v = w.volumes?.find((x) => x.name === m.name);
    const always = v && ["secret", "configMap", "downwardAPI", "projected", "image"].includes(v.type);
    const action = c.actions?.find((a) => a.id === `write-volume:${m.name}`);
    if (!action || action.verdict === "depends") continue;
    rows.push({
      key: `write:${m.mountPath}`,
      value: action.verdict === "allowed" ? "yes" : "no",
      explain: (o) => (o === "yes" ? `${m.mountPath} was writable: a webhook removed readOnly, or the volume's owner is the process's uid.` : `${m.mountPath} was not writable${always ? "" : ": the volume's owner and modes (fsGroup not applied by its plugin), or a webhook set readOnly"}.`),
    });
  }
  return rows;
}

/** Reality against prediction, line by line. */
export function compareProbe(w: Workload, c: Container, observed: Map<string, string>, runtime: Runtime, runtimeVersion?: string): ProbeRow[] {
  const line = resolveLine(runtime, runtimeVersion);
  return predictions(w, c, line).map((p) => {
    const o = observed.get(p.key);
    if (o === undefined) return { key: p.key, predicted: p.value, match: false, explanation: "Not in the probe's output (the line was not printed: another shell, or /proc not readable)." };
    const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
    const match = p.key === "Groups" ? sameSet(p.value, o) : norm(p.value) === norm(o);
    return match ? { key: p.key, predicted: p.value, observed: o, match } : { key: p.key, predicted: p.value, observed: o, match, explanation: p.explain(o) };
  });
}

function sameSet(a: string, b: string): boolean {
  const s = (x: string) => [...new Set(x.split(/\s+/).filter(Boolean))].sort().join(" ");
  return s(a) === s(b);
}
