// The API server's rules for the annotation era of seccomp and AppArmor, on a Pod and on every pod
// template (kubernetes/kubernetes pkg/apis/core/validation/validation.go, read at master
// a7264f95 / 000f2605):
//  - ValidatePodSpecificAnnotations: the mirror-pod annotation needs spec.nodeName, the tolerations
//    annotation must decode and validate (tolerationsAnnotation.ts), the pod-deletion-cost
//    annotation must be a 32-bit integer, then ValidateSeccompPodAnnotations and
//    ValidateAppArmorPodAnnotations;
//  - validateSeccompAnnotationsAndFields: an annotation and a field set for the same pod or
//    container must agree;
//  - validateAppArmorAnnotationsAndFieldsMatchOnCreate (1.30+, with the appArmorProfile fields):
//    the same for AppArmor, after the registry's applyAppArmorVersionSkew (pkg/registry/core/pod/
//    strategy.go) copied annotations into fields of a Pod being created.
// All four are called by ValidatePodCreate/validatePodMetadataAndSpec for a Pod and by
// ValidatePodTemplateSpec for a template. Upstream prints a template's annotations as
// "<template>.annotations" (fldPath.Child("annotations") of the PodTemplateSpec), not
// "<template>.metadata.annotations"; the editor is pointed at the real key.

import { get, type YMap } from "../yaml/access";
import { POD_SPEC_PATHS } from "../workloads";
import { child, report, type Ctx } from "./findings";
import { goQuote } from "./format";
import { forbidden, invalid, src } from "./rules";
import { isDropped } from "./featureGates";
import { mapAt, stringAt } from "./values";
import { visitContainers } from "./securityContext";
import { fieldSpec, podSettingSpec, stageAt } from "../catalogue/fields";
import { sinceOf } from "./scTypes";
import { checkTolerationsAnnotation, TOLERATIONS_ANNOTATION } from "./tolerationsAnnotation";

export const MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
export const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
export const SECCOMP_POD_ANNOTATION = "seccomp.security.alpha.kubernetes.io/pod";
export const SECCOMP_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";
export const APPARMOR_CONTAINER_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

const STRATEGY = "kubernetes/kubernetes pkg/registry/core/pod/strategy.go (applyAppArmorVersionSkew)";

/** Where a pod's (or template's) annotations are: upstream's message path and the real YAML path. */
export interface AnnotationsAt {
  annotations: YMap;
  /** e.g. "metadata.annotations" (Pod) or "spec.template.annotations" (template), relative to the object. */
  msgBase: string;
  /** e.g. "metadata.annotations" or "spec.template.metadata.annotations", relative to the object. */
  relBase: string;
}

/** The annotations of the pod (or the template) a workload carries, with upstream's path for them. */
export function annotationsOf(kind: string, object: unknown): AnnotationsAt | undefined {
  const steps = Object.hasOwn(POD_SPEC_PATHS, kind) ? POD_SPEC_PATHS[kind] : undefined;
  if (!steps) return undefined;
  let node: unknown = object;
  for (const s of steps.slice(0, -1)) node = get(node, s);
  const annotations = mapAt(mapAt(node, "metadata"), "annotations");
  if (!annotations) return undefined;
  const template = steps.slice(0, -1).join(".");
  return kind === "Pod"
    ? { annotations, msgBase: "metadata.annotations", relBase: "metadata.annotations" }
    : { annotations, msgBase: `${template}.annotations`, relBase: `${template}.metadata.annotations` };
}

/** field.Path.Key: "[key]", unquoted. */
const keyPath = (base: string, key: string) => `${base}[${key}]`;
/** field.Path.Child: ".key" — what ValidateSeccompPodAnnotations uses for its annotation keys. */
const childPath = (base: string, key: string) => `${base}.${key}`;

/** Annotation keys in text order, string values only (others fail decoding of map[string]string). */
function entries(a: YMap): [string, string][] {
  const out: [string, string][] = [];
  for (const k of Object.keys(a)) {
    const v = get(a, k);
    if (typeof v === "string") out.push([k, v]);
  }
  return out;
}

export function checkPodAnnotations(ctx: Ctx, object: unknown, spec: YMap): void {
  const at = annotationsOf(ctx.kind, object);
  if (!at) return;
  const all = entries(at.annotations);
  const has = (k: string) => all.some(([key]) => key === k);
  const value = (k: string) => all.find(([key]) => key === k)?.[1];
  const source = src("ValidatePodSpecificAnnotations");

  // Mirror pods are made by the kubelet for static pods; a user's object with the annotation must name its node.
  if (has(MIRROR_POD_ANNOTATION) && !stringAt(spec, "nodeName")) {
    invalid(ctx, { msgPath: keyPath(at.msgBase, MIRROR_POD_ANNOTATION), rel: keyPath(at.relBase, MIRROR_POD_ANNOTATION), at: "value" }, value(MIRROR_POD_ANNOTATION), "must set spec.nodeName if mirror pod annotation is set", source);
  }

  // Tolerations in the old alpha annotation are still decoded and validated when the value is not empty.
  const tolerations = value(TOLERATIONS_ANNOTATION);
  if (tolerations) checkTolerationsAnnotation(ctx, tolerations, at.msgBase, keyPath(at.relBase, TOLERATIONS_ANNOTATION));

  // opts.AllowInvalidPodDeletionCost is false while PodDeletionCost is on (beta, default on since 1.22).
  const cost = value(POD_DELETION_COST);
  if (cost !== undefined && !validDeletionCost(cost)) {
    invalid(ctx, { msgPath: keyPath(at.msgBase, POD_DELETION_COST), rel: keyPath(at.relBase, POD_DELETION_COST), at: "value" }, cost, "must be a 32bit integer", `${source}; kubernetes/kubernetes pkg/apis/core/helper/helpers.go (GetDeletionCostFromPodAnnotations, validFirstDigit)`);
  }

  // ValidateSeccompPodAnnotations: the pod key first, then every container key (Go map order; text order here).
  const seccompSource = `${src("ValidateSeccompPodAnnotations")}; ${src("ValidateSeccompProfile")}`;
  const pod = value(SECCOMP_POD_ANNOTATION);
  if (pod !== undefined) checkSeccompProfile(ctx, pod, childPath(at.msgBase, SECCOMP_POD_ANNOTATION), keyPath(at.relBase, SECCOMP_POD_ANNOTATION), seccompSource);
  for (const [k, v] of all) {
    if (k.startsWith(SECCOMP_CONTAINER_PREFIX)) checkSeccompProfile(ctx, v, childPath(at.msgBase, k), keyPath(at.relBase, k), seccompSource);
  }

  // ValidateAppArmorPodAnnotations.
  const names = containerNames(ctx, spec);
  const apparmorSource = src("ValidateAppArmorPodAnnotations");
  for (const [k, v] of all) {
    if (!k.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
    const name = k.slice(APPARMOR_CONTAINER_PREFIX.length);
    const w = { msgPath: keyPath(at.msgBase, k), rel: keyPath(at.relBase, k) };
    if (!names.has(name)) invalid(ctx, { ...w, at: "key" }, name, "container not found", `${apparmorSource}; ${src("podSpecHasContainer")}`);
    const err = appArmorProfileFormatError(v);
    if (err) invalid(ctx, { ...w, at: "value" }, v, err, `${apparmorSource}; ${src("ValidateAppArmorProfileFormat")}`);
  }
}

/** helper.GetDeletionCostFromPodAnnotations: validFirstDigit, then strconv.ParseInt(value, 10, 32). */
export function validDeletionCost(value: string): boolean {
  if (value === "") return false;
  const c = value[0];
  if (!(c === "-" || value === "0" || (c >= "1" && c <= "9"))) return false;
  if (!/^-?[0-9]+$/.test(value)) return false;
  const n = BigInt(value);
  return n >= -(2n ** 31n) && n <= 2n ** 31n - 1n;
}

/** ValidateSeccompProfile for an annotation value. */
function checkSeccompProfile(ctx: Ctx, p: string, msgPath: string, rel: string, source: string): void {
  if (p === "runtime/default" || p === "docker/default" || p === "unconfined") return;
  if (p.startsWith("localhost/")) {
    // validateLocalDescendingPath(trimmed, fldPath): the value printed is the trimmed path.
    const target = p.slice("localhost/".length);
    if (target.startsWith("/")) invalid(ctx, { msgPath, rel, at: "value" }, target, "must be a relative path", `${source}; ${src("validateLocalDescendingPath")}`);
    if (target.split("/").includes("..")) invalid(ctx, { msgPath, rel, at: "value" }, target, "must not contain '..'", `${source}; ${src("validatePathNoBacksteps")}`);
    return;
  }
  invalid(ctx, { msgPath, rel, at: "value" }, p, "must be a valid seccomp profile", source);
}

/** ValidateAppArmorProfileFormat: the error text, or undefined when the value is accepted. */
export function appArmorProfileFormatError(profile: string): string | undefined {
  if (profile === "" || profile === "runtime/default" || profile === "unconfined") return undefined;
  if (!profile.startsWith("localhost/")) return `invalid AppArmor profile name: ${goQuote(profile)}`;
  return undefined;
}

/** Names of every container (init, regular, ephemeral), as podSpecHasContainer visits them. */
function containerNames(ctx: Ctx, spec: YMap): Set<string> {
  const names = new Set<string>();
  visitContainers(ctx, spec, (c) => names.add(stringAt(c, "name") ?? ""));
  return names;
}

// ---------------------------------------------------------------------------------------------
// Annotation and field must match.

interface Profile {
  type: string;
  localhostProfile?: string;
  /** Whether localhostProfile was given (a non-nil pointer). */
  hasLocalhost: boolean;
}

function profileAt(sc: YMap | undefined, field: string): Profile | undefined {
  const p = mapAt(sc, field);
  if (!p) return undefined;
  const type = get(p, "type");
  const lp = get(p, "localhostProfile");
  if ((type !== undefined && type !== null && typeof type !== "string") || (lp !== undefined && lp !== null && typeof lp !== "string")) return undefined;
  return { type: typeof type === "string" ? type : "", localhostProfile: typeof lp === "string" ? lp : undefined, hasLocalhost: typeof lp === "string" };
}

/** Whether a securityContext field reaches validation at this version (known, not dropped by its gate). */
function fieldKept(ctx: Ctx, level: "pod" | "container", field: string): boolean {
  const f = fieldSpec(field);
  const since = f && sinceOf(f);
  if (since !== undefined && ctx.minor < since) return false;
  return !isDropped(level === "pod" ? "pod-securityContext" : "container-securityContext", field, ctx.minor);
}

/** validateSeccompAnnotationsAndFieldsMatch / the AppArmor switch: the field path and text of a mismatch. */
function mismatch(annotation: string, p: Profile, kind: "seccomp" | "apparmor"): "type" | "localhostProfile" | undefined {
  const runtimeDefault = kind === "seccomp" ? ["runtime/default", "docker/default"] : ["runtime/default"];
  switch (p.type) {
    case "Unconfined":
      return annotation !== "unconfined" ? "type" : undefined;
    case "RuntimeDefault":
      return runtimeDefault.includes(annotation) ? undefined : "type";
    case "Localhost":
      if (!annotation.startsWith("localhost/")) return "type";
      return !p.hasLocalhost || annotation.slice("localhost/".length) !== p.localhostProfile ? "localhostProfile" : undefined;
    default:
      return undefined;
  }
}

function reportMismatch(ctx: Ctx, which: "type" | "localhostProfile", fieldPath: string, present: boolean, kind: "seccomp" | "apparmor", source: string): void {
  const msgPath = child(fieldPath, which);
  const detail = kind === "seccomp" ? `seccomp ${which === "type" ? "type" : "profile"} in annotation and field must match` : `apparmor ${which === "type" ? "type" : "profile"} in annotation and field must match`;
  forbidden(ctx, { msgPath, rel: present ? msgPath : fieldPath, at: "key" }, detail, source);
}

/** validateSeccompAnnotationsAndFields: pod field vs pod annotation, each container's own field vs its annotation. */
export function checkSeccompAnnotationsAndFields(ctx: Ctx, object: unknown, spec: YMap): void {
  const at = annotationsOf(ctx.kind, object);
  if (!at) return;
  const all = new Map(entries(at.annotations));
  const source = `${src("validateSeccompAnnotationsAndFields")}; ${src("validateSeccompAnnotationsAndFieldsMatch")}`;
  const podSc = mapAt(spec, "securityContext");
  const podField = fieldKept(ctx, "pod", "seccompProfile") ? profileAt(podSc, "seccompProfile") : undefined;
  const podAnnotation = all.get(SECCOMP_POD_ANNOTATION);
  if (podField && podAnnotation !== undefined) {
    const path = child(child(ctx.specPath, "securityContext"), "seccompProfile");
    const which = mismatch(podAnnotation, podField, "seccomp");
    if (which) reportMismatch(ctx, which, path, which === "type" || podField.hasLocalhost, "seccomp", source);
  }
  if (!fieldKept(ctx, "container", "seccompProfile")) return;
  visitContainers(ctx, spec, (c, cPath) => {
    const field = profileAt(mapAt(c, "securityContext"), "seccompProfile");
    const annotation = all.get(SECCOMP_CONTAINER_PREFIX + (stringAt(c, "name") ?? ""));
    if (!field || annotation === undefined) return;
    const which = mismatch(annotation, field, "seccomp");
    if (which) reportMismatch(ctx, which, `${cPath}.securityContext.seccompProfile`, which === "type" || field.hasLocalhost, "seccomp", source);
  });
}

/** apparmor ApparmorFieldForAnnotation + ValidateAppArmorProfileField: the field a Pod's annotation is synced into. */
export function appArmorFieldForAnnotation(annotation: string): Profile | undefined {
  if (annotation === "unconfined") return { type: "Unconfined", hasLocalhost: false };
  if (annotation === "runtime/default") return { type: "RuntimeDefault", hasLocalhost: false };
  if (annotation.startsWith("localhost/")) {
    const name = annotation.slice("localhost/".length);
    // The copy is skipped when the field would not validate (padded with white space, or too long).
    if (name !== "" && name.trim() === name && new TextEncoder().encode(name).length <= 4095) return { type: "Localhost", localhostProfile: name, hasLocalhost: true };
  }
  return undefined;
}

const sameProfile = (a: Profile | undefined, b: Profile | undefined) =>
  a !== undefined && b !== undefined && a.type === b.type && a.hasLocalhost === b.hasLocalhost && a.localhostProfile === b.localhostProfile;

/** Whether the pod is a Windows pod as the API server sees it (spec.os.name kept at this version). */
function windowsPod(ctx: Ctx, spec: YMap): boolean {
  const entry = podSettingSpec("os.name");
  if (entry && !stageAt(entry, ctx.minor).present) return false;
  if (isDropped("podSpec", "os", ctx.minor)) return false;
  return stringAt(mapAt(spec, "os"), "name") === "windows";
}

/**
 * validateAppArmorAnnotationsAndFieldsMatchOnCreate (1.30+; Windows pods skipped). A Pod is first
 * passed through applyAppArmorVersionSkew, which gives a container without its own field the
 * field its annotation names (unless that equals the pod's), and warns about the annotation.
 */
export function checkAppArmorAnnotationsAndFields(ctx: Ctx, object: unknown, spec: YMap): void {
  if (ctx.minor < 30 || windowsPod(ctx, spec)) return;
  const at = annotationsOf(ctx.kind, object);
  if (!at) return;
  const all = new Map(entries(at.annotations));
  const podProfile = fieldKept(ctx, "pod", "appArmorProfile") ? profileAt(mapAt(spec, "securityContext"), "appArmorProfile") : undefined;
  const containerKept = fieldKept(ctx, "container", "appArmorProfile");
  const source = src("validateAppArmorAnnotationsAndFieldsMatchOnCreate");
  visitContainers(ctx, spec, (c, cPath) => {
    const key = APPARMOR_CONTAINER_PREFIX + (stringAt(c, "name") ?? "");
    const annotation = all.get(key);
    let own = containerKept ? profileAt(mapAt(c, "securityContext"), "appArmorProfile") : undefined;
    if (ctx.kind === "Pod" && annotation !== undefined && !own) {
      const synced = appArmorFieldForAnnotation(annotation);
      const copied = synced !== undefined && !sameProfile(synced, podProfile);
      if (copied) own = synced;
      if (synced === undefined || copied) {
        report(ctx, {
          severity: "warning",
          code: "deprecated-annotation",
          message: `${keyPath("metadata.annotations", key)}: deprecated since v1.30; use the "appArmorProfile" field instead`,
          rel: keyPath(at.relBase, key),
          at: "key",
          source: STRATEGY,
        });
      }
      // A field copied from the annotation matches it by construction.
      if (copied) return;
    }
    const profile = own ?? podProfile;
    if (!profile || annotation === undefined) return;
    const which = mismatch(annotation, profile, "apparmor");
    if (!which) return;
    // Upstream names the container's field even when the profile is the pod's; the editor shows the one in force.
    const ownPath = `${cPath}.securityContext.appArmorProfile`;
    const fieldPath = own ? ownPath : child(child(ctx.specPath, "securityContext"), "appArmorProfile");
    const msgPath = child(ownPath, which);
    const rel = which === "type" || profile.hasLocalhost ? child(fieldPath, which) : fieldPath;
    forbidden(ctx, { msgPath, rel, at: "key" }, `apparmor ${which === "type" ? "type" : "profile"} in annotation and field must match`, source);
  });
}

