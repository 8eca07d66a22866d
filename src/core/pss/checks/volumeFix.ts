// Shared fix for the volume checks: keep the volume (its mounts still resolve) but give it an
// allowed source. emptyDir is the smallest allowed source; the data no longer comes from where it did.
import type { FixSuggestion } from "../check.ts";
import type { VolumeView } from "../decode.ts";
import { joinQuote } from "../go.ts";

export function replaceVolumeWithEmptyDir(volumes: VolumeView[]): Omit<FixSuggestion, "check"> {
  return {
    description:
      `Replace the source of ${joinQuote(volumes.map((v) => v.name))} with an allowed one ` +
      `(emptyDir here; a persistentVolumeClaim, configMap, secret, projected or csi volume if the data matters).`,
    edits: volumes.map((v) => ({ path: `volumes[${v.index}]`, value: { name: v.name, emptyDir: {} } })),
  };
}
