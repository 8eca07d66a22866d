// Baseline: Windows HostProcess containers (full host access) are forbidden.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { PodView } from "../decode.ts";
import { containerNames, scPath } from "./paths.ts";

function findings(pod: PodView) {
  return {
    pod: pod.securityContext?.hostProcess === true,
    containers: pod.containers.filter((c) => c.securityContext?.hostProcess === true),
  };
}

export const windowsHostProcess: PssCheck = {
  id: "windowsHostProcess",
  level: "baseline",
  source: upstreamFile("check_windowsHostProcess.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "windowsOptions.hostProcess must be unset or false (pod and containers)",
      checkPod(pod) {
        const f = findings(pod);
        const setters: string[] = [];
        if (f.pod) setters.push("pod");
        if (f.containers.length) setters.push(containerNames(f.containers));
        return setters.length
          ? forbidden("hostProcess", `${setters.join(" and ")} must not set securityContext.windowsOptions.hostProcess=true`)
          : ALLOWED;
      },
    },
  ],
  fix(pod) {
    const f = findings(pod);
    const owners = [...(f.pod ? ["pod" as const] : []), ...f.containers];
    return {
      description: "Remove securityContext.windowsOptions.hostProcess.",
      edits: owners.map((o) => ({ path: scPath(o, "windowsOptions.hostProcess"), value: undefined })),
    };
  },
};
