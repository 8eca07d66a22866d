// Restricted: every container must drop ALL capabilities and may add back only NET_BIND_SERVICE.
// It replaces capabilities_baseline. Windows pods are exempt from policy 1.25.
import { ALLOWED, forbidden, upstreamFile, type CheckResult, type FixEdit, type PssCheck } from "../check.ts";
import { isWindowsPod, type ContainerView, type PodView } from "../decode.ts";
import { joinQuote, sortedSet } from "../go.ts";
import { containerNames, scPath } from "./paths.ts";

function findings(pod: PodView) {
  const missingDropAll: ContainerView[] = [];
  const addingForbidden: ContainerView[] = [];
  for (const c of pod.containers) {
    const caps = c.securityContext?.capabilities;
    // Exact, case-sensitive "ALL"; a nil capabilities struct counts as not dropping it.
    if (!caps || !caps.drop.includes("ALL")) missingDropAll.push(c);
    if (caps && caps.add.some((a) => a !== "NET_BIND_SERVICE")) addingForbidden.push(c);
  }
  return { missingDropAll, addingForbidden };
}

function check1_22(pod: PodView): CheckResult {
  const f = findings(pod);
  const details: string[] = [];
  if (f.missingDropAll.length) {
    details.push(`${containerNames(f.missingDropAll)} must set securityContext.capabilities.drop=["ALL"]`);
  }
  if (f.addingForbidden.length) {
    const caps = sortedSet(f.addingForbidden.flatMap((c) => c.securityContext!.capabilities!.add.filter((a) => a !== "NET_BIND_SERVICE")));
    details.push(`${containerNames(f.addingForbidden)} must not include ${joinQuote(caps)} in securityContext.capabilities.add`);
  }
  return details.length ? forbidden("unrestricted capabilities", details.join("; ")) : ALLOWED;
}

export const capabilitiesRestricted: PssCheck = {
  id: "capabilities_restricted",
  level: "restricted",
  source: upstreamFile("check_capabilities_restricted.go"),
  versions: [
    {
      minimumVersion: 22,
      change: 'capabilities.drop must include "ALL"; add only NET_BIND_SERVICE (replaces capabilities_baseline)',
      checkPod: check1_22,
      overrides: ["capabilities_baseline"],
    },
    {
      minimumVersion: 25,
      change: "pods with spec.os.name: windows are exempt",
      checkPod: (pod) => (isWindowsPod(pod) ? ALLOWED : check1_22(pod)),
      overrides: ["capabilities_baseline"],
    },
  ],
  fix(pod) {
    const f = findings(pod);
    const edits: FixEdit[] = [];
    // ["ALL"] alone is enough: it already covers anything else the list dropped.
    for (const c of f.missingDropAll) edits.push({ path: scPath(c, "capabilities.drop"), value: ["ALL"] });
    for (const c of f.addingForbidden) {
      const keep = c.securityContext!.capabilities!.add.filter((a) => a === "NET_BIND_SERVICE");
      edits.push({ path: scPath(c, "capabilities.add"), value: keep.length ? keep : undefined });
    }
    return {
      description: 'Drop all capabilities (capabilities.drop: ["ALL"]) and add back at most NET_BIND_SERVICE.',
      edits,
    };
  },
};
