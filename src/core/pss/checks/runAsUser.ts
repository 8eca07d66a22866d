// Restricted from policy 1.23: neither the pod nor a container may set runAsUser: 0. From 1.35 a pod
// in a user namespace (hostUsers: false) is exempt.
import { ALLOWED, forbidden, upstreamFile, type CheckResult, type PssCheck } from "../check.ts";
import { inUserNamespace, type PodView } from "../decode.ts";
import { containerNames, scPath } from "./paths.ts";

function findings(pod: PodView) {
  return {
    pod: pod.securityContext?.runAsUser === 0,
    containers: pod.containers.filter((c) => c.securityContext?.runAsUser === 0),
  };
}

function check1_23(pod: PodView): CheckResult {
  const f = findings(pod);
  const setters: string[] = [];
  if (f.pod) setters.push("pod");
  if (f.containers.length) setters.push(containerNames(f.containers));
  return setters.length ? forbidden("runAsUser=0", `${setters.join(" and ")} must not set runAsUser=0`) : ALLOWED;
}

export const runAsUser: PssCheck = {
  id: "runAsUser",
  level: "restricted",
  source: upstreamFile("check_runAsUser.go"),
  versions: [
    { minimumVersion: 23, change: "new check: runAsUser must not be 0 (pod or containers)", checkPod: check1_23 },
    {
      minimumVersion: 35,
      change: "pods with hostUsers: false are exempt",
      checkPod: (pod) => (inUserNamespace(pod) ? ALLOWED : check1_23(pod)),
    },
  ],
  fix(pod) {
    const f = findings(pod);
    const owners = [...(f.pod ? ["pod" as const] : []), ...f.containers];
    return {
      description: "Remove runAsUser: 0 (or set a non-zero UID) so the container does not run as root.",
      edits: owners.map((o) => ({ path: scPath(o, "runAsUser"), value: undefined })),
    };
  },
};
