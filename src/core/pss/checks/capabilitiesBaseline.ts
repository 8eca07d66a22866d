// Baseline: containers may only add capabilities from the runtime's default set.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { PodView } from "../decode.ts";
import { joinQuote, sortedSet } from "../go.ts";
import { containerNames, scPath } from "./paths.ts";

/** Upstream capabilities_allowed_1_0: the default set of container runtimes (names without CAP_). */
export const BASELINE_ALLOWED_CAPABILITIES: ReadonlySet<string> = new Set([
  "AUDIT_WRITE",
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "KILL",
  "MKNOD",
  "NET_BIND_SERVICE",
  "SETFCAP",
  "SETGID",
  "SETPCAP",
  "SETUID",
  "SYS_CHROOT",
]);

function bad(pod: PodView) {
  return pod.containers.filter((c) =>
    (c.securityContext?.capabilities?.add ?? []).some((cap) => !BASELINE_ALLOWED_CAPABILITIES.has(cap)),
  );
}

export const capabilitiesBaseline: PssCheck = {
  id: "capabilities_baseline",
  level: "baseline",
  source: upstreamFile("check_capabilities_baseline.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "capabilities.add limited to the default set (exact, case-sensitive names)",
      checkPod(pod) {
        const b = bad(pod);
        if (b.length === 0) return ALLOWED;
        const caps = sortedSet(
          b.flatMap((c) => c.securityContext!.capabilities!.add.filter((cap) => !BASELINE_ALLOWED_CAPABILITIES.has(cap))),
        );
        return forbidden(
          "non-default capabilities",
          `${containerNames(b)} must not include ${joinQuote(caps)} in securityContext.capabilities.add`,
        );
      },
    },
  ],
  fix(pod) {
    const b = bad(pod);
    return {
      description: `Drop the non-default capabilities from securityContext.capabilities.add of ${containerNames(b)}.`,
      edits: b.map((c) => {
        const keep = c.securityContext!.capabilities!.add.filter((cap) => BASELINE_ALLOWED_CAPABILITIES.has(cap));
        return { path: scPath(c, "capabilities.add"), value: keep.length ? keep : undefined };
      }),
    };
  },
};
