// Baseline: AppArmor may not be turned off or set to anything but the runtime default or a
// profile loaded on the node. One implementation covers both the deprecated beta annotations and
// the appArmorProfile fields (added to the check in 2024 without a new policy version, so it
// applies at every version).
import { ALLOWED, forbidden, upstreamFile, type FixEdit, type PssCheck } from "../check.ts";
import type { ContainerView, PodView } from "../decode.ts";
import { compareGo, goQuote, joinQuote, pluralize, sortedSet } from "../go.ts";
import { containerNames, scPath } from "./paths.ts";

export const APPARMOR_ANNOTATION_PREFIX = "container.apparmor.security.beta.kubernetes.io/";

function allowedAnnotationValue(v: string): boolean {
  return v === "" || v === "runtime/default" || v.startsWith("localhost/");
}

function allowedType(t: string): boolean {
  return t === "RuntimeDefault" || t === "Localhost";
}

interface Findings {
  pod: boolean;
  containers: ContainerView[];
  badTypes: string[];
  annotationKeys: string[];
}

function findings(pod: PodView): Findings {
  const podType = pod.securityContext?.appArmorType;
  const podBad = podType !== undefined && !allowedType(podType);
  const containers = pod.containers.filter((c) => {
    const t = c.securityContext?.appArmorType;
    return t !== undefined && !allowedType(t);
  });
  const badTypes = [...(podBad ? [podType!] : []), ...containers.map((c) => c.securityContext!.appArmorType!)];
  const annotationKeys = Object.keys(pod.annotations).filter(
    (k) => k.startsWith(APPARMOR_ANNOTATION_PREFIX) && !allowedAnnotationValue(pod.annotations[k]),
  );
  return { pod: podBad, containers, badTypes, annotationKeys };
}

export const appArmorProfile: PssCheck = {
  id: "appArmorProfile",
  level: "baseline",
  source: upstreamFile("check_appArmorProfile.go"),
  versions: [
    {
      minimumVersion: 0,
      change:
        "appArmorProfile.type must be RuntimeDefault or Localhost; beta annotations must be runtime/default, localhost/* or empty",
      checkPod(pod) {
        const f = findings(pod);
        const setters: string[] = [];
        if (f.pod) setters.push("pod");
        if (f.containers.length) setters.push(containerNames(f.containers));
        // Field values first (a sorted set), then the annotations as key="value", sorted.
        const values = sortedSet(f.badTypes);
        if (f.annotationKeys.length) {
          values.push(...f.annotationKeys.map((k) => `${k}=${goQuote(pod.annotations[k])}`).sort(compareGo));
          setters.push(pluralize("annotation", "annotations", f.annotationKeys.length));
        }
        if (setters.length === 0) return ALLOWED;
        return forbidden(
          pluralize("forbidden AppArmor profile", "forbidden AppArmor profiles", values.length),
          `${setters.join(" and ")} must not set AppArmor profile type to ${joinQuote(values)}`,
        );
      },
    },
  ],
  fix(pod) {
    const f = findings(pod);
    const edits: FixEdit[] = [];
    if (f.pod) edits.push({ path: scPath("pod", "appArmorProfile"), value: { type: "RuntimeDefault" } });
    for (const c of f.containers) edits.push({ path: scPath(c, "appArmorProfile"), value: { type: "RuntimeDefault" } });
    for (const k of f.annotationKeys) edits.push({ base: "metadata", path: `annotations[${JSON.stringify(k)}]`, value: undefined });
    return {
      description:
        "Use the runtime's default AppArmor profile: set appArmorProfile to {type: RuntimeDefault} " +
        "and remove forbidden AppArmor annotations.",
      edits,
    };
  },
};
