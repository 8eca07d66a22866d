// Restricted: inline volumes limited to the kinds that cannot reach host or network storage
// directly. It replaces hostPathVolumes (hostPath is one of the restricted kinds).
import { ALLOWED, forbidden, upstreamFile, type PssCheck } from "../check.ts";
import type { PodView, VolumeView } from "../decode.ts";
import { joinQuote, pluralize, sortedSet } from "../go.ts";
import { replaceVolumeWithEmptyDir } from "./volumeFix.ts";

/** Volume sources the restricted level allows (the image volume was added without a new policy version). */
const ALLOWED_SOURCES = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image", "persistentVolumeClaim", "projected", "secret"];

/** Restricted sources in upstream's order: the first one a volume sets names its type. */
const RESTRICTED_SOURCES = [
  "hostPath",
  "gcePersistentDisk",
  "awsElasticBlockStore",
  "gitRepo",
  "nfs",
  "iscsi",
  "glusterfs",
  "rbd",
  "flexVolume",
  "cinder",
  "cephfs",
  "flocker",
  "fc",
  "azureFile",
  "vsphereVolume",
  "quobyte",
  "azureDisk",
  "photonPersistentDisk",
  "portworxVolume",
  "scaleIO",
  "storageos",
];

function bad(pod: PodView): VolumeView[] {
  return pod.volumes.filter((v) => !ALLOWED_SOURCES.some((s) => v.sources.has(s)));
}

function typeOf(v: VolumeView): string {
  return RESTRICTED_SOURCES.find((s) => v.sources.has(s)) ?? "unknown";
}

export const restrictedVolumes: PssCheck = {
  id: "restrictedVolumes",
  level: "restricted",
  source: upstreamFile("check_restrictedVolumes.go"),
  versions: [
    {
      minimumVersion: 0,
      change: "only configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected, secret (replaces hostPathVolumes)",
      checkPod(pod) {
        const b = bad(pod);
        if (b.length === 0) return ALLOWED;
        const types = sortedSet(b.map(typeOf));
        return forbidden(
          "restricted volume types",
          `${pluralize("volume", "volumes", b.length)} ${joinQuote(b.map((v) => v.name))} ${pluralize("uses", "use", b.length)} ` +
            `${pluralize("restricted volume type", "restricted volume types", types.length)} ${joinQuote(types)}`,
        );
      },
      overrides: ["hostPathVolumes"],
    },
  ],
  fix(pod) {
    return replaceVolumeWithEmptyDir(bad(pod));
  },
};
