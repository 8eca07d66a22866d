// Baseline: sharing the host's network, PID or IPC namespace is forbidden.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { PodView } from "../decode.ts";

const FIELDS = ["hostNetwork", "hostPID", "hostIPC"] as const;

function setFields(pod: PodView): string[] {
  return FIELDS.filter((f) => pod[f]);
}

export const hostNamespaces: PssCheck = {
  id: "hostNamespaces",
  level: "baseline",
  source: upstreamFile("check_hostNamespaces.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "spec.hostNetwork, hostPID and hostIPC must be unset or false",
      checkPod(pod) {
        const set = setFields(pod);
        // Upstream lists them as "hostNetwork=true, hostPID=true, hostIPC=true", in that order.
        return set.length ? forbidden("host namespaces", set.map((f) => `${f}=true`).join(", ")) : ALLOWED;
      },
    },
  ],
  fix(pod) {
    const set = setFields(pod);
    return {
      description: `Remove ${set.join(", ")} from the pod spec so it gets its own namespaces.`,
      edits: set.map((f) => ({ path: f, value: undefined })),
    };
  },
};
