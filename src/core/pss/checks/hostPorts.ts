// Baseline: containers must not bind host ports.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { ContainerView, PodView } from "../decode.ts";
import { joinQuote, pluralize, sortedSet } from "../go.ts";

function badContainers(pod: PodView): ContainerView[] {
  return pod.containers.filter((c) => c.hostPorts.length > 0);
}

export const hostPorts: PssCheck = {
  id: "hostPorts",
  level: "baseline",
  source: upstreamFile("check_hostPorts.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "ports[*].hostPort must be unset or 0 in every container",
      checkPod(pod) {
        const bad = badContainers(pod);
        if (bad.length === 0) return ALLOWED;
        // Upstream collects the ports as decimal strings in a string set: sorted as text, not as numbers.
        const ports = sortedSet(bad.flatMap((c) => c.hostPorts.map((p) => String(p.port))));
        return forbidden(
          "hostPort",
          `${pluralize("container", "containers", bad.length)} ${joinQuote(bad.map((c) => c.name))} ` +
            `${pluralize("uses", "use", bad.length)} ${pluralize("hostPort", "hostPorts", ports.length)} ${ports.join(", ")}`,
        );
      },
    },
  ],
  fix(pod) {
    const bad = badContainers(pod);
    const defaulted = bad.some((c) => c.hostPorts.some((p) => p.defaulted));
    return {
      description:
        `Remove hostPort from the ports of ${joinQuote(bad.map((c) => c.name))}; reach the pod through a Service instead.` +
        (defaulted ? " In a hostNetwork pod every port is a host port: remove hostNetwork too." : ""),
      // A defaulted host port has nothing to remove: it goes away with hostNetwork.
      edits: bad.flatMap((c) =>
        c.hostPorts.filter((p) => !p.defaulted).map((p) => ({ path: `${c.path}.ports[${p.index}].hostPort`, value: undefined })),
      ),
    };
  },
};
