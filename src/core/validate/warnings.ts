// The API server's warnings about security annotations on a pod or pod template
// (kubernetes/kubernetes pkg/api/pod/warnings.go, warningsForPodSpecAndMeta). kubectl prints them
// as "Warning: <text>"; the object is still accepted.

import { get, isMap, type YMap } from "../yaml/access";
import { POD_SPEC_PATHS } from "../workloads";
import { report, type Ctx } from "./findings";
import { mapAt } from "./values";

const SOURCE = "kubernetes/kubernetes pkg/api/pod/warnings.go (warningsForPodSpecAndMeta)";

const DEPRECATED: readonly { key: string; message: string }[] = [
  { key: "security.alpha.kubernetes.io/sysctls", message: 'non-functional in v1.11+; use the "sysctls" field instead' },
  { key: "security.alpha.kubernetes.io/unsafe-sysctls", message: 'non-functional in v1.11+; use the "sysctls" field instead' },
];
const SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
const SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
const APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";

/** The pod's metadata and the path upstream prefixes ("" for a Pod, "spec.template" for a Deployment…). */
function podMeta(ctx: Ctx, object: unknown): { meta: unknown; base: string } | undefined {
  const steps = POD_SPEC_PATHS[ctx.kind];
  if (!steps) return undefined;
  let node: unknown = object;
  for (const s of steps.slice(0, -1)) node = get(node, s);
  return { meta: get(node, "metadata"), base: steps.slice(0, -1).join(".") };
}

function annotationPath(base: string, key: string): string {
  // field.Path.Key prints a map key in brackets, unquoted.
  return `${base ? `${base}.` : ""}metadata.annotations[${key}]`;
}

export function checkAnnotationWarnings(ctx: Ctx, object: unknown, spec: YMap): void {
  const found = podMeta(ctx, object);
  if (!found) return;
  const annotations = mapAt(found.meta, "annotations");
  if (!annotations) return;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(annotations, k);
  const warn = (key: string, text: string) =>
    report(ctx, { severity: "warning", code: "deprecated-annotation", message: `${annotationPath(found.base, key)}: ${text}`, rel: annotationPath(found.base, key), at: "key", source: SOURCE });

  for (const d of DEPRECATED) if (has(d.key)) warn(d.key, d.message);

  const podSc = mapAt(spec, "securityContext");
  // The "non-functional in v1.27+" wording is that of 1.27 and later.
  if (ctx.minor >= 27 && has(SECCOMP_POD) && !isSet(get(podSc, "seccompProfile"))) {
    warn(SECCOMP_POD, 'non-functional in v1.27+; use the "seccompProfile" field instead');
  }
  const podAppArmor = isSet(get(podSc, "appArmorProfile"));
  const isTemplate = ctx.kind !== "Pod"; // for Pods the AppArmor warning comes from another path
  for (const list of ["initContainers", "containers", "ephemeralContainers"]) {
    const arr = get(spec, list);
    if (!Array.isArray(arr)) continue;
    for (const c of arr) {
      if (!isMap(c)) continue;
      const name = get(c, "name");
      if (typeof name !== "string") continue;
      const sc = mapAt(c, "securityContext");
      if (ctx.minor >= 27 && has(SECCOMP_CONTAINER + name) && !isSet(get(sc, "seccompProfile"))) {
        warn(SECCOMP_CONTAINER + name, 'non-functional in v1.27+; use the "seccompProfile" field instead');
      }
      if (ctx.minor >= 30 && isTemplate && has(APPARMOR_CONTAINER + name) && !podAppArmor && !isSet(get(sc, "appArmorProfile"))) {
        warn(APPARMOR_CONTAINER + name, 'deprecated since v1.30; use the "appArmorProfile" field instead');
      }
    }
  }
}

function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}
