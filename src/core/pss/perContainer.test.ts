import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { podLevelViolations, violationsOfContainer } from "./perContainer";

describe("violations per container (PSA names containers in its details)", () => {
  it("splits a workload's restricted result by container, and keeps pod-wide ones apart", () => {
    const a = analyze(`kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: good
    image: x
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
  - name: bad
    image: x
    securityContext: {privileged: true}
`);
    const r = a.workloads[0].pss!.restricted;
    expect(violationsOfContainer(r, "good")).toEqual([]);
    expect(violationsOfContainer(r, "bad").map((v) => v.check)).toEqual(expect.arrayContaining(["privileged", "allowPrivilegeEscalation", "capabilities_restricted"]));
    expect(podLevelViolations(r).map((v) => v.check)).toContain("hostNamespaces");
    // A name that is a prefix of another does not match it.
    expect(violationsOfContainer(r, "ba")).toEqual([]);
  });
});
