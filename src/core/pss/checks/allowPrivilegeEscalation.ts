// Restricted: every container must set allowPrivilegeEscalation: false (no_new_privs), except in
// Windows pods from policy 1.25, where the field does not exist.
import { ALLOWED, forbidden, upstreamFile, type CheckResult, type PssCheck } from "../check.ts";
import { isWindowsPod, type PodView } from "../decode.ts";
import { containerNames, scPath } from "./paths.ts";

function bad(pod: PodView) {
  return pod.containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false);
}

function check1_8(pod: PodView): CheckResult {
  const b = bad(pod);
  return b.length
    ? forbidden("allowPrivilegeEscalation != false", `${containerNames(b)} must set securityContext.allowPrivilegeEscalation=false`)
    : ALLOWED;
}

export const allowPrivilegeEscalation: PssCheck = {
  id: "allowPrivilegeEscalation",
  level: "restricted",
  source: upstreamFile("check_allowPrivilegeEscalation.go"),
  versions: [
    { minimumVersion: 8, change: "allowPrivilegeEscalation must be false in every container", checkPod: check1_8 },
    {
      minimumVersion: 25,
      change: "pods with spec.os.name: windows are exempt",
      checkPod: (pod) => (isWindowsPod(pod) ? ALLOWED : check1_8(pod)),
    },
  ],
  fix(pod) {
    const b = bad(pod);
    return {
      description: `Set securityContext.allowPrivilegeEscalation to false in ${containerNames(b)}.`,
      edits: b.map((c) => ({ path: scPath(c, "allowPrivilegeEscalation"), value: false })),
    };
  },
};
