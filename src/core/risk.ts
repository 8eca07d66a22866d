// Effective values a reviewer should look at twice, with the reason in a few words. These are the
// settings the restricted Pod Security Standard and the kernel model flag; the graph marks them.

import type { Effective, EffectiveField, Process } from "./types";
import { formatValue } from "./format";

type RiskRule = (e: Effective, all: Record<EffectiveField, Effective>, p?: Process) => string | undefined;

const RULES: Partial<Record<EffectiveField, RiskRule>> = {
  runAsUser: (e) => (e.value === 0 ? "runs as root (uid 0)" : typeof e.value === "string" && e.value !== "" ? "runs as a named user the manifest cannot check" : undefined),
  runAsNonRoot: (e, all) => (e.value !== true && all.runAsUser.value === 0 ? "nothing stops it from running as root" : undefined),
  privileged: (e) => (e.value === true ? "privileged: every capability, host devices, no seccomp/AppArmor" : undefined),
  allowPrivilegeEscalation: (e, all) =>
    e.value !== false && all.privileged.value !== true ? "setuid binaries and file capabilities can raise privileges (NoNewPrivs 0)" : undefined,
  capabilities: (e) => {
    const add = (e.value as { add?: unknown } | null)?.add;
    // formatValue, not String: an entry such as {toString: 3} made String throw.
    return Array.isArray(add) && add.length > 0 ? `adds ${add.map(formatValue).join(", ")}` : undefined;
  },
  seccompProfile: (e) => ((e.value as { type?: unknown } | null)?.type === "Unconfined" ? "no seccomp filter: every system call is allowed" : undefined),
  readOnlyRootFilesystem: (e) => (e.value !== true ? "writable root filesystem" : undefined),
  procMount: (e) => (e.value === "Unmasked" ? "/proc is not masked" : undefined),
  appArmorProfile: (e) => ((e.value as { type?: unknown } | null)?.type === "Unconfined" ? "no AppArmor confinement" : undefined),
};

export function risksOf(effective: Record<EffectiveField, Effective>, process?: Process): Partial<Record<EffectiveField, string>> {
  const out: Partial<Record<EffectiveField, string>> = {};
  for (const [field, rule] of Object.entries(RULES) as [EffectiveField, RiskRule][]) {
    const r = rule(effective[field], effective, process);
    if (r) out[field] = r;
  }
  return out;
}
