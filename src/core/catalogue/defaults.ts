// What a container gets for a field nobody set: the value the kubelet and the runtime really use.
// Each rule names the upstream code it reproduces; the catalogue's `unset` text says it in words.

import type { Effective, EffectiveField } from "../types";

export interface DefaultContext {
  /** The image's USER: a uid, or a name the manifest cannot check. */
  imageUser: number | string;
  /** The kubelet's --seccomp-default (SeccompDefault). */
  seccompDefault: boolean;
  /** Kubernetes minor version whose behaviour applies. */
  minor: number;
}

type Rule = (ctx: DefaultContext, resolved: Record<EffectiveField, Effective>) => Pick<Effective, "value" | "source">;

const fixed = (value: unknown): Rule => () => ({ value, source: "default" });

const RULES: Record<EffectiveField, Rule> = {
  // kuberuntime determineEffectiveSecurityContext: without runAsUser the image's user (uid or name) is passed.
  runAsUser: (ctx) => ({ value: ctx.imageUser, source: "image" }),
  // The runtime takes the group of that user from the image's /etc/passwd; a manifest cannot see it,
  // so 0 (root's group, and what runc uses when the user has no entry) stands in.
  runAsGroup: () => ({ value: 0, source: "image" }),
  // verifyRunAsNonRoot returns early when RunAsNonRoot is nil: no check.
  runAsNonRoot: fixed(false),
  privileged: fixed(false),
  // securitycontext.AddNoNewPrivileges: nil → no_new_privs is not set, so escalation stays allowed.
  allowPrivilegeEscalation: fixed(true),
  readOnlyRootFilesystem: fixed(false),
  // No add/drop: the runtime's default capability set applies (see the process view).
  capabilities: fixed(null),
  // securitycontext.ConvertToRuntimeMaskedPaths: anything but Unmasked gets the default paths.
  procMount: fixed("Default"),
  // kuberuntime helpers getSeccompProfile: no profile → Unconfined, or RuntimeDefault with SeccompDefault.
  seccompProfile: (ctx) => ({ value: { type: ctx.seccompDefault ? "RuntimeDefault" : "Unconfined" }, source: "default" }),
  // containerd and CRI-O apply their default AppArmor profile when none is given, except to
  // privileged containers (containerd internal/cri/server generateApparmorSpecOpts), on AppArmor nodes.
  appArmorProfile: (_ctx, r) => ({ value: r.privileged.value === true ? { type: "Unconfined" } : { type: "RuntimeDefault" }, source: "default" }),
  seLinuxOptions: fixed(null),
  windowsOptions: fixed(null),
  fsGroup: fixed(null),
  // pkg/volume/volume_linux.go: without a policy the kubelet always changes ownership when fsGroup is set.
  fsGroupChangePolicy: (_ctx, r) => ({ value: r.fsGroup.value !== null && r.fsGroup.value !== undefined ? "Always" : null, source: "default" }),
  supplementalGroups: fixed(null),
  // PodSecurityContext.SupplementalGroupsPolicy: "If not specified, Merge is used."
  supplementalGroupsPolicy: fixed("Merge"),
  sysctls: fixed(null),
  // Only pods with an SELinux label get one: from 1.37 (SELinuxMount GA) volumes are mounted with
  // -o context (MountOption); before, most volumes were relabelled recursively (KEP-1710).
  seLinuxChangePolicy: (ctx, r) => ({
    value: r.seLinuxOptions.value === null || r.seLinuxOptions.value === undefined ? null : ctx.minor >= 37 ? "MountOption" : "Recursive",
    source: "default",
  }),
};

export function defaultFor(name: EffectiveField, ctx: DefaultContext, resolved: Record<EffectiveField, Effective>): Pick<Effective, "value" | "source"> {
  return RULES[name](ctx, resolved);
}
