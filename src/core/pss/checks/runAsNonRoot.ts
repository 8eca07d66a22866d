// Restricted: containers must run as non-root (runAsNonRoot: true on the pod or on every
// container). From policy 1.35 a pod in a user namespace (hostUsers: false) is exempt.
import { ALLOWED, forbidden, upstreamFile, type CheckResult, type FixEdit, type PssCheck } from "../check.ts";
import { inUserNamespace, type ContainerView, type PodView } from "../decode.ts";
import { containerNames, scPath } from "./paths.ts";

function findings(pod: PodView) {
  const podValue = pod.securityContext?.runAsNonRoot;
  const explicit: ContainerView[] = [];
  const implicit: ContainerView[] = [];
  for (const c of pod.containers) {
    const v = c.securityContext?.runAsNonRoot;
    if (v !== undefined) {
      if (!v) explicit.push(c);
    } else if (podValue !== true) {
      implicit.push(c);
    }
  }
  return { podFalse: podValue === false, explicit, implicit };
}

function check1_0(pod: PodView): CheckResult {
  const f = findings(pod);
  const setters: string[] = [];
  if (f.podFalse) setters.push("pod");
  if (f.explicit.length) setters.push(containerNames(f.explicit));
  // Explicit false values are reported first, alone.
  if (setters.length) {
    return forbidden("runAsNonRoot != true", `${setters.join(" and ")} must not set securityContext.runAsNonRoot=false`);
  }
  if (f.implicit.length) {
    return forbidden("runAsNonRoot != true", `pod or ${containerNames(f.implicit)} must set securityContext.runAsNonRoot=true`);
  }
  return ALLOWED;
}

export const runAsNonRoot: PssCheck = {
  id: "runAsNonRoot",
  level: "restricted",
  source: upstreamFile("check_runAsNonRoot.go"),
  versions: [
    { minimumVersion: 0, change: "runAsNonRoot must be true on the pod or on every container, never false", checkPod: check1_0 },
    {
      minimumVersion: 35,
      change: "pods with hostUsers: false are exempt",
      checkPod: (pod) => (inUserNamespace(pod) ? ALLOWED : check1_0(pod)),
    },
  ],
  fix(pod, minor) {
    const f = findings(pod);
    const edits: FixEdit[] = [];
    if (f.podFalse || f.implicit.length) edits.push({ path: scPath("pod", "runAsNonRoot"), value: true });
    for (const c of f.explicit) edits.push({ path: scPath(c, "runAsNonRoot"), value: true });
    return {
      description:
        "Set securityContext.runAsNonRoot to true (the image, or runAsUser, must then give a non-zero UID or the container will not start)" +
        (minor >= 35 ? "; or run the pod in a user namespace with hostUsers: false." : "."),
      edits,
    };
  },
};
