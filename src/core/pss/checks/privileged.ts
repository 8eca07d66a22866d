// Baseline: privileged containers are forbidden.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { PodView } from "../decode.ts";
import { containerNames, scPath } from "./paths.ts";

function bad(pod: PodView) {
  return pod.containers.filter((c) => c.securityContext?.privileged === true);
}

export const privileged: PssCheck = {
  id: "privileged",
  level: "baseline",
  source: upstreamFile("check_privileged.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "securityContext.privileged must be unset or false",
      checkPod(pod) {
        const b = bad(pod);
        return b.length
          ? forbidden("privileged", `${containerNames(b)} must not set securityContext.privileged=true`)
          : ALLOWED;
      },
    },
  ],
  fix(pod) {
    const b = bad(pod);
    return {
      description: `Remove securityContext.privileged from ${containerNames(b)}.`,
      edits: b.map((c) => ({ path: scPath(c, "privileged"), value: undefined })),
    };
  },
};
