// seccomp. Baseline forbids turning seccomp off (Unconfined); restricted also requires a profile
// on every container, set on the container or inherited from the pod. Before policy 1.19 the
// profile lived in alpha annotations, which is what the 1.0 baseline implementation reads.
import { ALLOWED, forbidden, upstreamFile, type CheckResult, type FixEdit, type PssCheck } from "../check.ts";
import { isWindowsPod, type ContainerView, type PodView } from "../decode.ts";
import { joinQuote, pluralize, sortedSet, goQuote } from "../go.ts";
import { containerNames, scPath } from "./paths.ts";

export const ANNOTATION_POD = "seccomp.security.alpha.kubernetes.io/pod";
export const ANNOTATION_CONTAINER_PREFIX = "container.seccomp.security.alpha.kubernetes.io/";

function validType(t: string): boolean {
  return t === "Localhost" || t === "RuntimeDefault";
}

function validAnnotationValue(v: string): boolean {
  return v === "runtime/default" || v === "docker/default" || v.startsWith("localhost/");
}

/** Annotation keys (pod, then one per container name) with a forbidden value, without repeats. */
function badAnnotationKeys(pod: PodView): string[] {
  const keys = [ANNOTATION_POD, ...pod.containers.map((c) => ANNOTATION_CONTAINER_PREFIX + c.name)];
  return [...new Set(keys.filter((k) => Object.hasOwn(pod.annotations, k) && !validAnnotationValue(pod.annotations[k])))];
}

function seccompBaseline1_0(pod: PodView): CheckResult {
  // Upstream keeps a set of key="value" strings and lists it sorted.
  const items = sortedSet(badAnnotationKeys(pod).map((k) => `${k}=${goQuote(pod.annotations[k])}`));
  if (items.length === 0) return ALLOWED;
  return forbidden("seccompProfile", `forbidden ${pluralize("annotation", "annotations", items.length)} ${items.join(", ")}`);
}

interface FieldFindings {
  pod: boolean;
  explicit: ContainerView[];
  implicit: ContainerView[];
  badValues: string[];
}

function fieldFindings(pod: PodView): FieldFindings {
  const podType = pod.securityContext?.seccompType;
  const podBad = podType !== undefined && !validType(podType);
  const podSet = podType !== undefined && validType(podType);
  const explicit: ContainerView[] = [];
  const implicit: ContainerView[] = [];
  for (const c of pod.containers) {
    const t = c.securityContext?.seccompType;
    if (t !== undefined) {
      if (!validType(t)) explicit.push(c);
    } else if (!podSet) {
      implicit.push(c);
    }
  }
  const badValues = sortedSet([...(podBad ? [podType!] : []), ...explicit.map((c) => c.securityContext!.seccompType!)]);
  return { pod: podBad, explicit, implicit, badValues };
}

function explicitResult(f: FieldFindings): CheckResult | undefined {
  const setters: string[] = [];
  if (f.pod) setters.push("pod");
  if (f.explicit.length) setters.push(containerNames(f.explicit));
  if (setters.length === 0) return undefined;
  return forbidden(
    "seccompProfile",
    `${setters.join(" and ")} must not set securityContext.seccompProfile.type to ${joinQuote(f.badValues)}`,
  );
}

function seccompBaseline1_19(pod: PodView): CheckResult {
  return explicitResult(fieldFindings(pod)) ?? ALLOWED;
}

function seccompRestricted1_19(pod: PodView): CheckResult {
  const f = fieldFindings(pod);
  const explicit = explicitResult(f);
  if (explicit) return explicit;
  if (f.implicit.length) {
    return forbidden(
      "seccompProfile",
      `pod or ${containerNames(f.implicit)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    );
  }
  return ALLOWED;
}

const RUNTIME_DEFAULT = { type: "RuntimeDefault" };

function fieldFix(pod: PodView, requireSet: boolean) {
  const f = fieldFindings(pod);
  const edits: FixEdit[] = [];
  // One pod-level profile covers the pod itself and every container that does not set its own.
  if (f.pod || (requireSet && f.implicit.length)) edits.push({ path: scPath("pod", "seccompProfile"), value: RUNTIME_DEFAULT });
  for (const c of f.explicit) edits.push({ path: scPath(c, "seccompProfile"), value: RUNTIME_DEFAULT });
  return edits;
}

export const seccompProfileBaseline: PssCheck = {
  id: "seccompProfile_baseline",
  level: "baseline",
  source: upstreamFile("check_seccompProfile_baseline.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "alpha seccomp annotations must be runtime/default, docker/default or localhost/*",
      checkPod: seccompBaseline1_0,
    },
    {
      minimumVersion: 19,
      change: "seccompProfile.type (pod and containers) must be unset, RuntimeDefault or Localhost; annotations no longer read",
      checkPod: seccompBaseline1_19,
    },
  ],
  fix(pod, minor) {
    if (minor < 19) {
      return {
        description: "Remove the forbidden seccomp annotations (or set them to runtime/default).",
        edits: badAnnotationKeys(pod).map((k) => ({ base: "metadata" as const, path: `annotations[${JSON.stringify(k)}]`, value: undefined })),
      };
    }
    return {
      description: "Use the runtime's default seccomp profile instead of Unconfined: seccompProfile {type: RuntimeDefault}.",
      edits: fieldFix(pod, false),
    };
  },
};

export const seccompProfileRestricted: PssCheck = {
  id: "seccompProfile_restricted",
  level: "restricted",
  source: upstreamFile("check_seccompProfile_restricted.go"),
  versions: [
    {
      minimumVersion: 19,
      change: "every container needs RuntimeDefault or Localhost, set on it or on the pod (replaces seccompProfile_baseline)",
      checkPod: seccompRestricted1_19,
      overrides: ["seccompProfile_baseline"],
    },
    {
      minimumVersion: 25,
      change: "pods with spec.os.name: windows are exempt",
      checkPod: (pod) => (isWindowsPod(pod) ? ALLOWED : seccompRestricted1_19(pod)),
      overrides: ["seccompProfile_baseline"],
    },
  ],
  fix(pod) {
    return {
      description: "Set seccompProfile {type: RuntimeDefault} on the pod, and on containers that set another type.",
      edits: fieldFix(pod, true),
    };
  },
};
