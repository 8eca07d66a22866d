// Effective maps for the tests: every field unset (as src/core/catalogue/defaults.ts resolves an
// unset field), with the given fields set at container or pod level.

import { EFFECTIVE_FIELDS, type Effective, type EffectiveField } from "../types";

const UNSET: Record<EffectiveField, Effective> = {
  runAsUser: { value: 0, source: "image" },
  runAsGroup: { value: 0, source: "image" },
  runAsNonRoot: { value: false, source: "default" },
  privileged: { value: false, source: "default" },
  allowPrivilegeEscalation: { value: true, source: "default" },
  readOnlyRootFilesystem: { value: false, source: "default" },
  capabilities: { value: null, source: "default" },
  procMount: { value: "Default", source: "default" },
  seccompProfile: { value: { type: "Unconfined" }, source: "default" },
  appArmorProfile: { value: { type: "RuntimeDefault" }, source: "default" },
  seLinuxOptions: { value: null, source: "default" },
  windowsOptions: { value: null, source: "default" },
  fsGroup: { value: null, source: "default" },
  fsGroupChangePolicy: { value: null, source: "default" },
  supplementalGroups: { value: null, source: "default" },
  supplementalGroupsPolicy: { value: "Merge", source: "default" },
  sysctls: { value: null, source: "default" },
  seLinuxChangePolicy: { value: null, source: "default" },
};

const POD_LEVEL = new Set<EffectiveField>(["fsGroup", "fsGroupChangePolicy", "supplementalGroups", "supplementalGroupsPolicy", "sysctls", "seLinuxChangePolicy"]);

/** Fields given here are "set": pod-only fields at pod level, the rest at container level. */
export function effective(set: Partial<Record<EffectiveField, unknown>> = {}, level?: "pod" | "container"): Record<EffectiveField, Effective> {
  const out = {} as Record<EffectiveField, Effective>;
  for (const f of EFFECTIVE_FIELDS) {
    out[f] =
      f in set
        ? { value: set[f], source: level ?? (POD_LEVEL.has(f) ? "pod" : "container"), path: `spec.containers[0].securityContext.${f}`, line: 1 }
        : { ...UNSET[f] };
  }
  return out;
}
