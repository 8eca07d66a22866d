// The container's first process as the kernel shows it in /proc/1/status: what the kubelet sends
// over CRI (kuberuntime determineEffectiveSecurityContext), what containerd or CRI-O makes of it in
// the OCI spec, and what execve(2) then does to the capability sets. Rules and lists: defaults.ts.

import type { CapabilitySets, Effective, EffectiveField, Process, Runtime } from "../types";
import { ALL_CAPABILITIES, capHex, isAllEntry, isKnownCapability, runtimeCapabilityName, sortCapabilities } from "./capabilities";
import { KUBELET_MASKED_PATHS, KUBELET_PROC_MOUNT_RULE, KUBELET_READONLY_PATHS, RUNTIME_DEFAULTS } from "./defaults";
import { integer, parseImageUser, setValue, sourceOf, valueOf } from "./user";

export { decodeCapHex } from "./capabilities";

export interface ProcessInput {
  runtime: Runtime;
  /** Already resolved pod → container; values shaped as in the Kubernetes API, possibly wrong-typed. */
  effective: Record<EffectiveField, Effective>;
  /** The image's USER: a uid, or a name the manifest cannot check. Default 0. */
  imageUser: number | string;
  /** The kubelet's --seccomp-default. */
  seccompDefault: boolean;
  /**
   * spec.hostUsers (false = user namespace). Ids, capabilities and paths read the same from inside
   * the container's user namespace, so it changes nothing here.
   */
  hostUsers?: boolean;
}

/** The effective fields computeProcess reads (the analysis caches processes by these alone). */
export const PROCESS_INPUT_FIELDS = [
  "runAsUser",
  "runAsGroup",
  "privileged",
  "allowPrivilegeEscalation",
  "readOnlyRootFilesystem",
  "capabilities",
  "procMount",
  "seccompProfile",
  "fsGroup",
  "supplementalGroups",
  "supplementalGroupsPolicy",
] as const satisfies readonly EffectiveField[];

export function computeProcess(input: ProcessInput): Process {
  const runtime: Runtime = input?.runtime === "cri-o" ? "cri-o" : "containerd";
  const eff = input?.effective;
  const privileged = valueOf(eff, "privileged") === true;

  const { uid, root } = processUser(eff, input?.imageUser ?? 0);
  const gid = primaryGid(eff);
  const groups = supplementaryGroups(runtime, gid, eff);

  const capabilities = execve(specCapabilities(runtime, privileged, valueOf(eff, "capabilities")), root);
  const paths = procPaths(runtime, privileged, valueOf(eff, "procMount"));

  return {
    uid,
    gid,
    groups,
    capabilities,
    capHex: {
      CapInh: capHex(capabilities.inheritable),
      CapPrm: capHex(capabilities.permitted),
      CapEff: capHex(capabilities.effective),
      CapBnd: capHex(capabilities.bounding),
      CapAmb: capHex(capabilities.ambient),
    },
    // kubernetes pkg/securitycontext/util.go AddNoNewPrivileges: only allowPrivilegeEscalation false sets it.
    noNewPrivs: valueOf(eff, "allowPrivilegeEscalation") === false,
    seccomp: seccompMode(privileged, eff, input?.seccompDefault === true),
    rootFilesystemReadOnly: valueOf(eff, "readOnlyRootFilesystem") === true,
    maskedPaths: paths.masked,
    readonlyPaths: paths.readonly,
  };
}

/**
 * uid: runAsUser when the manifest sets it; otherwise the image's user as the kubelet passes it
 * (a uid, or a name; no USER at all is root, kuberuntime helpers.go getImageUser).
 * A name stays a string: the image's /etc/passwd decides its uid. For capabilities a name counts as
 * root only when it is "root"; any other name is taken to be a non-root user.
 */
function processUser(eff: unknown, imageUser: unknown): { uid: number | string; root: boolean } {
  const explicit = integer(setValue(eff, "runAsUser"));
  if (explicit !== undefined) return { uid: explicit, root: explicit === 0 };
  const image = parseImageUser(imageUser);
  if (image.username !== undefined) return { uid: image.username, root: image.username === "root" };
  const uid = image.uid === undefined ? 0 : Number(image.uid);
  return { uid, root: uid === 0 };
}

/**
 * gid: runAsGroup when the manifest sets it. Otherwise the runtime takes the user's group from the
 * image's /etc/passwd, which a manifest cannot see; 0 stands in, which is also what containerd
 * (pkg/oci/spec_opts.go WithUserID) and CRI-O use for a uid without a passwd entry.
 */
function primaryGid(eff: unknown): number {
  const explicit = integer(setValue(eff, "runAsGroup"));
  return explicit !== undefined && explicit >= 0 ? explicit : 0;
}

/**
 * The kubelet sends fsGroup, then supplementalGroups (kuberuntime determineEffectiveSecurityContext;
 * groups it adds for volumes are not in the manifest). Both runtimes add the primary GID. With
 * supplementalGroupsPolicy Merge (the default) they would also add the groups the image's
 * /etc/group lists for the user; that file is unknown here, so Merge and Strict give the same list.
 */
function supplementaryGroups(runtime: Runtime, gid: number, eff: unknown): number[] {
  const fromKubelet: number[] = [];
  const fsGroup = integer(valueOf(eff, "fsGroup"));
  if (fsGroup !== undefined) fromKubelet.push(fsGroup);
  const supplemental = valueOf(eff, "supplementalGroups");
  if (Array.isArray(supplemental)) {
    for (const g of supplemental) {
      const n = integer(g);
      if (n !== undefined) fromKubelet.push(n);
    }
  }
  // The spec holds uint32 GIDs.
  const all = [gid, ...fromKubelet].filter((g) => g >= 0 && g <= 0xffffffff);
  const unique = [...new Set(all)];
  return RUNTIME_DEFAULTS[runtime].groups.value === "sorted" ? unique.sort((a, b) => a - b) : unique;
}

interface SpecCapabilities {
  bounding: string[];
  inheritable: string[];
  ambient: string[];
}

/** The capability sets the runtime writes into the OCI spec (defaults.ts addDrop, privileged). */
function specCapabilities(runtime: Runtime, privileged: boolean, value: unknown): SpecCapabilities {
  const defaults = RUNTIME_DEFAULTS[runtime];
  if (privileged) {
    return {
      bounding: [...defaults.privileged.bounding.value],
      inheritable: [...defaults.privileged.inheritable.value],
      ambient: [...defaults.privileged.ambient.value],
    };
  }
  const add = stringList(value, "add");
  const drop = stringList(value, "drop");
  const addAll = add.some(isAllEntry);
  const dropAll = drop.some(isAllEntry);

  let set = new Set<string>(defaults.capabilities.value);
  if (runtime === "cri-o") {
    // CRI-O starts empty and adds its defaults only when neither list says ALL.
    set = new Set(addAll || dropAll ? [] : defaults.capabilities.value);
  }
  if (addAll) set = new Set(ALL_CAPABILITIES);
  if (dropAll) set = new Set();
  for (const entry of add) {
    if (isAllEntry(entry)) continue;
    // Unknown names: runc skips them (containerd); CRI-O refuses to create the container.
    const name = runtimeCapabilityName(runtime, entry);
    if (isKnownCapability(name)) set.add(name);
  }
  for (const entry of drop) {
    if (isAllEntry(entry)) continue;
    set.delete(runtimeCapabilityName(runtime, entry));
  }
  return {
    bounding: sortCapabilities(set),
    inheritable: [...defaults.inheritable.value],
    ambient: [...defaults.ambient.value],
  };
}

function stringList(value: unknown, key: "add" | "drop"): string[] {
  if (!value || typeof value !== "object") return [];
  const list = (value as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
}

/** capabilities(7) at execve of an entrypoint without file capabilities or set-user-ID bit. */
function execve(spec: SpecCapabilities, root: boolean): CapabilitySets {
  const bounding = sortCapabilities(spec.bounding);
  const inheritable = sortCapabilities(spec.inheritable);
  const ambient = sortCapabilities(spec.ambient);
  // Root: the file's sets count as full, P' = bounding | inheritable | ambient, E' = P'.
  // Others: P' = E' = ambient.
  const permitted = root ? sortCapabilities([...bounding, ...inheritable, ...ambient]) : ambient;
  return { bounding, effective: [...permitted], permitted: [...permitted], inheritable, ambient: [...ambient] };
}

function seccompMode(privileged: boolean, eff: unknown, seccompDefault: boolean): Process["seccomp"] {
  if (privileged) return "disabled";
  const value = valueOf(eff, "seccompProfile");
  const source = sourceOf(eff, "seccompProfile");
  const type = value && typeof value === "object" ? (value as Record<string, unknown>).type : undefined;
  // Unset: the kubelet sends Unconfined, or RuntimeDefault with SeccompDefault.
  if (source === "default" || source === undefined || type === undefined) return seccompDefault ? "filter" : "disabled";
  return type === "RuntimeDefault" || type === "Localhost" ? "filter" : "disabled";
}

function procPaths(runtime: Runtime, privileged: boolean, procMount: unknown): { masked: string[]; readonly: string[] } {
  if (privileged) return { masked: [], readonly: [] };
  const unmasked = procMount === KUBELET_PROC_MOUNT_RULE.unmasked;
  const kubeletMasked = unmasked ? [] : [...KUBELET_MASKED_PATHS.value];
  const kubeletReadonly = unmasked ? [] : [...KUBELET_READONLY_PATHS.value];
  if (runtime === "containerd") return { masked: kubeletMasked, readonly: kubeletReadonly };
  const masked = kubeletMasked.length === 0 ? [] : [...new Set([...RUNTIME_DEFAULTS["cri-o"].maskedPaths.runtimeList.value, ...kubeletMasked])].sort();
  return { masked, readonly: kubeletReadonly };
}
