// Resolution with provenance: for one container, the value of every securityContext field the
// kubelet hands to the runtime, and where it came from. The merge rules are the catalogue's
// (kubernetes pkg/securitycontext/util.go DetermineEffectiveSecurityContext and the kubelet's
// kuberuntime helpers); this file only applies them and records positions.

import { EFFECTIVE_FIELDS, type Effective, type EffectiveField } from "./types";
import { effectiveSpec } from "./catalogue/fields";
import { defaultFor, type DefaultContext } from "./catalogue/defaults";
import { get, isMap, isSet, joinPath, keySpan, type YMap } from "./yaml/access";
import { positionAt, type LineIndex } from "./yaml/lines";
import type { Positions } from "./yaml/parse";
import { notAppliedAt } from "./resolve/dropped";
import { annotationCandidates } from "./resolve/annotations";

export interface Located {
  /** The securityContext map, when it is a map. */
  sc: YMap | undefined;
  /** Path of the securityContext key, e.g. `spec.containers[0].securityContext`. */
  path: string;
}

export interface ResolveInput {
  positions: Positions;
  lines: LineIndex;
  pod: Located;
  container: Located;
  defaults: DefaultContext;
  /**
   * The pod's (or template's) metadata.annotations, for the seccomp and AppArmor annotations the
   * kubelet still reads at some versions (resolve/annotations.ts). Optional: without it only
   * fields count.
   */
  annotations?: { map: YMap; path: string };
  /** The container's name, which its annotations carry. */
  containerName?: string;
  /** The node OS (runtime/windows.ts podOsOf): on Windows no Linux-only default applies. */
  os?: "linux" | "windows";
}

export function resolveContainer(input: ResolveInput): Record<EffectiveField, Effective> {
  const out = {} as Record<EffectiveField, Effective>;
  for (const name of EFFECTIVE_FIELDS) out[name] = resolveField(name, input);
  // Defaults that depend on other resolved values (fsGroupChangePolicy needs fsGroup; AppArmor's
  // runtime default is skipped for privileged containers). A field the version does not apply
  // keeps its note of why.
  for (const name of EFFECTIVE_FIELDS) {
    if (out[name].source === "default" || out[name].source === "image") {
      const dropped = out[name].dropped;
      // A Windows container gets none of the Linux defaults (no uid, capabilities, seccomp, AppArmor,
      // /proc masking): nothing is applied, so null (the contract's "null where nothing is applied").
      out[name] = input.os === "windows" && spec(name).os === "linux" ? { value: null, source: "default" } : { ...defaultFor(name, input.defaults, out) };
      if (dropped) out[name].dropped = dropped;
    }
  }
  return out;
}

type Found = { value: unknown; path: string; line: number; annotation?: string };

const spec = (name: EffectiveField) => effectiveSpec(name);

function resolveField(name: EffectiveField, input: ResolveInput): Effective {
  const spec = effectiveSpec(name);
  const minor = input.defaults.minor;
  let dropped: Effective["dropped"];
  // A field the chosen version does not know, or clears while its feature gate is off, never
  // reaches the kubelet: the next source in line applies, down to the default.
  const keep = (f: Found | undefined, level: "pod" | "container"): Found | undefined => {
    if (!f) return undefined;
    const reason = notAppliedAt(name, level, minor);
    if (reason === undefined) return f;
    dropped ??= { reason, path: f.path, line: f.line };
    return undefined;
  };
  let fromContainer: Found | undefined = keep(spec.levels.includes("container") ? located(input, input.container, name) : undefined, "container");
  let fromPod: Found | undefined = keep(spec.levels.includes("pod") ? located(input, input.pod, name) : undefined, "pod");
  // Annotations the kubelet (or the API server's annotation-to-field copy) still honours.
  const a = annotationCandidates(name, input, fromContainer, fromPod);
  if (a) {
    fromContainer = a.container;
    fromPod = a.pod;
  }
  const e = pick(spec.merge, fromContainer, fromPod);
  if (dropped) e.dropped = dropped;
  return e;
}

function pick(merge: string, fromContainer: Found | undefined, fromPod: Found | undefined): Effective {

  if (fromContainer) {
    const e: Effective = { value: fromContainer.value, source: "container", path: fromContainer.path, line: fromContainer.line };
    if (fromContainer.annotation) e.annotation = fromContainer.annotation;
    if (fromPod) {
      if (merge === "per-subfield") e.value = mergeWindowsOptions(fromPod.value, fromContainer.value);
      e.overrides = { value: fromPod.value, path: fromPod.path, line: fromPod.line };
    }
    return e;
  }
  if (fromPod) {
    const e: Effective = { value: fromPod.value, source: "pod", path: fromPod.path, line: fromPod.line };
    if (fromPod.annotation) e.annotation = fromPod.annotation;
    return e;
  }
  // Placeholder; resolveContainer fills the default once every set value is known.
  return { value: null, source: "default" };
}

function located(input: ResolveInput, where: Located, name: string): { value: unknown; path: string; line: number } | undefined {
  if (!where.sc) return undefined;
  const value = get(where.sc, name);
  if (!isSet(value)) return undefined;
  const span = keySpan(input.positions, where.sc, name);
  const line = span ? positionAt(input.lines, span.keyStart).line : 0;
  return { value, path: joinPath(where.path, name), line };
}

const WINDOWS_OPTIONS_FIELDS = ["gmsaCredentialSpecName", "gmsaCredentialSpec", "runAsUserName", "hostProcess"] as const;

/**
 * windowsOptions merge sub-field by sub-field; the two GMSA fields travel together
 * (kubernetes pkg/securitycontext/util.go: "both GMSA fields go hand in hand").
 */
export function mergeWindowsOptions(pod: unknown, container: unknown): unknown {
  if (!isMap(container)) return container;
  // The API's four fields only, not a copy of the pod's map: a pod windowsOptions of 100,000 junk
  // keys was copied once per container (the decoder drops unknown keys anyway).
  const merged: YMap = {};
  for (const k of WINDOWS_OPTIONS_FIELDS) if (isMap(pod) && isSet(get(pod, k))) merged[k] = get(pod, k);
  if (isSet(get(container, "gmsaCredentialSpecName")) || isSet(get(container, "gmsaCredentialSpec"))) {
    merged.gmsaCredentialSpecName = get(container, "gmsaCredentialSpecName") ?? null;
    merged.gmsaCredentialSpec = get(container, "gmsaCredentialSpec") ?? null;
    if (merged.gmsaCredentialSpecName === null) delete merged.gmsaCredentialSpecName;
    if (merged.gmsaCredentialSpec === null) delete merged.gmsaCredentialSpec;
  }
  for (const k of ["runAsUserName", "hostProcess"]) {
    if (isSet(get(container, k))) merged[k] = get(container, k);
  }
  return merged;
}
