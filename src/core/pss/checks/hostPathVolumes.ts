// Baseline: hostPath volumes are forbidden.
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { PodView, VolumeView } from "../decode.ts";
import { joinQuote, pluralize } from "../go.ts";
import { replaceVolumeWithEmptyDir } from "./volumeFix.ts";

function hostPathVolumesOf(pod: PodView): VolumeView[] {
  return pod.volumes.filter((v) => v.sources.has("hostPath"));
}

export const hostPathVolumes: PssCheck = {
  id: "hostPathVolumes",
  level: "baseline",
  source: upstreamFile("check_hostPathVolumes.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "spec.volumes[*].hostPath must be unset",
      checkPod(pod) {
        const bad = hostPathVolumesOf(pod);
        return bad.length
          ? forbidden("hostPath volumes", `${pluralize("volume", "volumes", bad.length)} ${joinQuote(bad.map((v) => v.name))}`)
          : ALLOWED;
      },
    },
  ],
  fix(pod) {
    return replaceVolumeWithEmptyDir(hostPathVolumesOf(pod));
  },
};
