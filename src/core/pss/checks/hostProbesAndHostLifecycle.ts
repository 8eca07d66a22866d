// Baseline from policy 1.34: probes and lifecycle handlers may not name a host, which would let the
// kubelet connect to any address on the pod's behalf.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { ContainerView, HostField, PodView } from "../decode.ts";
import { joinQuote, pluralize, sortedSet } from "../go.ts";

function hostsOf(c: ContainerView): HostField[] {
  return [...c.probeHosts.flat(), ...c.lifecycleHosts.flat()];
}

function bad(pod: PodView): ContainerView[] {
  return pod.containers.filter((c) => hostsOf(c).length > 0);
}

export const hostProbesAndHostLifecycle: PssCheck = {
  id: "hostProbesAndHostLifecycle",
  level: "baseline",
  source: upstreamFile("check_hostProbesAndhostLifecycle.go"),
  versions: [
    {
      minimumVersion: 34,
      change: "new check: httpGet.host and tcpSocket.host of probes and lifecycle handlers must be unset or empty",
      checkPod(pod) {
        const b = bad(pod);
        if (b.length === 0) return ALLOWED;
        // Unlike most checks, both the containers and the hosts are sets: sorted, without repeats.
        const names = sortedSet(b.map((c) => c.name));
        const hosts = sortedSet(b.flatMap((c) => hostsOf(c).map((h) => h.host)));
        return forbidden(
          "probe or lifecycle host",
          `${pluralize("container", "containers", names.length)} ${joinQuote(names)} ${pluralize("uses", "use", names.length)} ` +
            `${pluralize("probe or lifecycle host", "probe or lifecycle hosts", hosts.length)} ${joinQuote(hosts)}`,
        );
      },
    },
  ],
  fix(pod) {
    const b = bad(pod);
    return {
      description: "Remove host from the probes and lifecycle handlers; they then target the pod's own IP.",
      edits: b.flatMap((c) => hostsOf(c).map((h) => ({ path: h.path, value: undefined }))),
    };
  },
};
