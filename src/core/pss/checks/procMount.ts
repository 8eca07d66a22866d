// procMount: the default /proc masks must stay. Baseline relaxes this for pods in a user namespace
// from policy 1.35; restricted keeps the unconditional rule by replacing the baseline check there.
import { ALLOWED, forbidden, upstreamFile, type CheckResult, type PssCheck, type FixFn } from "../check.ts";
import { inUserNamespace, type PodView } from "../decode.ts";
import { joinQuote, sortedSet } from "../go.ts";
import { containerNames, scPath } from "./paths.ts";

function bad(pod: PodView) {
  return pod.containers.filter((c) => c.securityContext?.procMount !== undefined && c.securityContext.procMount !== "Default");
}

/** Upstream procMount_1_0: any procMount other than "Default" is forbidden. */
function procMount1_0(pod: PodView): CheckResult {
  const b = bad(pod);
  if (b.length === 0) return ALLOWED;
  const types = sortedSet(b.map((c) => c.securityContext!.procMount!));
  return forbidden("procMount", `${containerNames(b)} must not set securityContext.procMount to ${joinQuote(types)}`);
}

const fix: FixFn = (pod) => {
  const b = bad(pod);
  return {
    description: `Remove securityContext.procMount from ${containerNames(b)} so /proc keeps its default masks.`,
    edits: b.map((c) => ({ path: scPath(c, "procMount"), value: undefined })),
  };
};

export const procMount: PssCheck = {
  id: "procMount",
  level: "baseline",
  source: upstreamFile("check_procMount_baseline.go"),
  versions: [
    { minimumVersion: 0, change: "procMount must be unset or Default", checkPod: procMount1_0 },
    {
      minimumVersion: 35,
      change: "any procMount is allowed when hostUsers is false",
      checkPod: (pod) => (inUserNamespace(pod) ? ALLOWED : procMount1_0(pod)),
    },
  ],
  fix,
};

export const procMountRestricted: PssCheck = {
  id: "procMount_restricted",
  level: "restricted",
  source: upstreamFile("check_procMount_restricted.go"),
  versions: [
    {
      minimumVersion: 35,
      change: "restricted keeps procMount unset or Default even with hostUsers: false (replaces procMount)",
      checkPod: procMount1_0,
      overrides: ["procMount"],
    },
  ],
  fix,
};
