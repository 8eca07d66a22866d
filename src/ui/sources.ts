// How each value source is shown: colour (in CSS) plus a letter and a word, never colour alone.
import type { Effective } from "../core/types";

export const SOURCE_META: Record<Effective["source"], { letter: string; label: string; title: string }> = {
  container: { letter: "C", label: "container", title: "Set in the container's securityContext" },
  pod: { letter: "P", label: "pod", title: "Inherited from the pod's securityContext" },
  default: { letter: "D", label: "default", title: "Not set: what the kubelet and the runtime use by default" },
  image: { letter: "I", label: "image", title: "Not set: comes from the image (its USER line)" },
};
