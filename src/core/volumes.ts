// What fsGroup does to each of a pod's volumes. The kubelet changes a volume's group to fsGroup
// (SetVolumeOwnership) only for volume plugins that ask for it; others are left as they are.
//
// Sources (kubernetes/kubernetes):
// - pkg/volume/volume_linux.go SetVolumeOwnership: chown(-1, fsGroup), setgid on directories, the
//   OnRootMismatch shortcut.
// - pkg/volume/emptydir/empty_dir.go, secret/secret.go, configmap/configmap.go,
//   downwardapi/downwardapi.go, projected/projected.go: SetUpAt calls SetVolumeOwnership.
// - pkg/volume/hostpath/host_path.go: SetUpAt does nothing to ownership.
// - pkg/volume/nfs/nfs.go: mounts without ownership changes.
// - pkg/volume/csi/csi_mounter.go: decided by the CSIDriver's fsGroupPolicy (ReadWriteOnceWithFSType
//   by default, File, None) or delegated to the driver (VOLUME_MOUNT_GROUP).

import { get, isMap } from "./yaml/access";

export type Ownership = "changed" | "unchanged" | "depends";

export interface VolumeOwnership {
  name: string;
  /** The volume source key, e.g. emptyDir, persistentVolumeClaim, hostPath. */
  type: string;
  ownership: Ownership;
  why: string;
}

const RULES: Record<string, { ownership: Ownership; why: string }> = {
  emptyDir: { ownership: "changed", why: "the kubelet sets its group to fsGroup" },
  configMap: { ownership: "changed", why: "files written by the kubelet get the fsGroup" },
  secret: { ownership: "changed", why: "files written by the kubelet get the fsGroup" },
  downwardAPI: { ownership: "changed", why: "files written by the kubelet get the fsGroup" },
  projected: { ownership: "changed", why: "files written by the kubelet get the fsGroup" },
  ephemeral: { ownership: "depends", why: "a generic ephemeral volume: as for its storage class's driver" },
  persistentVolumeClaim: { ownership: "depends", why: "block and most CSI volumes are changed; NFS and hostPath-backed ones are not; CSI per the driver's fsGroupPolicy" },
  csi: { ownership: "depends", why: "per the CSI driver's fsGroupPolicy" },
  hostPath: { ownership: "unchanged", why: "never changed: the node's files keep their owner" },
  nfs: { ownership: "unchanged", why: "the server's ownership stands" },
  image: { ownership: "unchanged", why: "an image volume is mounted read-only as built" },
};

export function volumeOwnership(spec: unknown): VolumeOwnership[] {
  const volumes = get(spec, "volumes");
  if (!Array.isArray(volumes)) return [];
  const out: VolumeOwnership[] = [];
  for (const v of volumes) {
    if (!isMap(v)) continue;
    const name = get(v, "name");
    const type = Object.keys(v).find((k) => k !== "name") ?? "emptyDir"; // no source: the API defaults to emptyDir
    const rule = Object.prototype.hasOwnProperty.call(RULES, type) ? RULES[type] : { ownership: "depends" as const, why: "depends on the volume plugin" };
    out.push({ name: typeof name === "string" ? name : "", type, ...rule });
  }
  return out;
}
