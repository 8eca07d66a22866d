// The seccomp and AppArmor annotations as the node honours them, version by version.
//
// Seccomp (kubernetes/enhancements keps/sig-node/135-seccomp, "Kubelet Backwards compatibility";
// kubelet pkg/kubelet/kuberuntime/helpers.go getSeccompProfilePath up to release-1.26): the
// container's field, then the container's annotation, then the pod's field, then the pod's
// annotation. The API server also copied annotations into missing fields of a created Pod, so the
// outcome is the same for Pods and for the pods a template makes. From 1.27 the annotations do
// nothing (pkg/api/pod/warnings.go: "non-functional in v1.27+").
//
// AppArmor: before 1.30 only the container annotation exists (pkg/security/apparmor helpers.go
// GetProfileNameFromPodAnnotations). From 1.30 (kubernetes#123435, "AppArmor fields API": "the
// Kubelet just falls back to the annotation value when computing the AppArmor profile"; GetProfile):
// the container's field, then the container's annotation, then the pod's field; the registry's
// applyAppArmorVersionSkew copies a Pod's annotation into the container's field to the same effect.

import type { EffectiveField } from "../types";
import { get, keySpan } from "../yaml/access";
import { positionAt } from "../yaml/lines";
import type { ResolveInput } from "../resolve";

type Found = { value: unknown; path: string; line: number; annotation?: string };

export const SECCOMP_ANNOTATIONS_UNTIL = 26;
export const APPARMOR_FIELDS_FROM = 30;

/** apis/core/v1 SeccompFieldForAnnotation semantics; undefined for a value the API server rejects. */
export function seccompFromAnnotation(v: string): object | undefined {
  if (v === "runtime/default" || v === "docker/default") return { type: "RuntimeDefault" };
  if (v === "unconfined") return { type: "Unconfined" };
  if (v.startsWith("localhost/")) return { type: "Localhost", localhostProfile: v.slice("localhost/".length) };
  return undefined;
}

/** pod util ApparmorFieldForAnnotation; "" and unknown values name no profile. */
export function appArmorFromAnnotation(v: string): object | undefined {
  if (v === "runtime/default") return { type: "RuntimeDefault" };
  if (v === "unconfined") return { type: "Unconfined" };
  if (v.startsWith("localhost/") && v.length > "localhost/".length) return { type: "Localhost", localhostProfile: v.slice("localhost/".length) };
  return undefined;
}

function annotation(input: ResolveInput, key: string, convert: (v: string) => object | undefined): Found | undefined {
  const a = input.annotations;
  if (!a) return undefined;
  const v = get(a.map, key);
  if (typeof v !== "string") return undefined;
  const value = convert(v);
  if (!value) return undefined;
  const span = keySpan(input.positions, a.map, key);
  return { value, path: `${a.path}[${key}]`, line: span ? positionAt(input.lines, span.keyStart).line : 0, annotation: key };
}

/** The container-level and pod-level values in force once annotations are counted, or undefined when they change nothing. */
export function annotationCandidates(
  field: EffectiveField,
  input: ResolveInput,
  fromContainer: Found | undefined,
  fromPod: Found | undefined,
): { container: Found | undefined; pod: Found | undefined } | undefined {
  const minor = input.defaults.minor;
  const name = input.containerName ?? "";
  // Windows nodes have neither seccomp nor AppArmor (the registry skips Windows pods, too).
  if (input.os === "windows") return undefined;
  if (field === "seccompProfile" && minor <= SECCOMP_ANNOTATIONS_UNTIL) {
    return {
      container: fromContainer ?? annotation(input, `container.seccomp.security.alpha.kubernetes.io/${name}`, seccompFromAnnotation),
      pod: fromPod ?? annotation(input, "seccomp.security.alpha.kubernetes.io/pod", seccompFromAnnotation),
    };
  }
  if (field === "appArmorProfile") {
    const key = `container.apparmor.security.beta.kubernetes.io/${name}`;
    // Before 1.30 the fields are unknown (already dropped): the annotation is all there is.
    return { container: fromContainer ?? annotation(input, key, appArmorFromAnnotation), pod: minor >= APPARMOR_FIELDS_FROM ? fromPod : undefined };
  }
  return undefined;
}

