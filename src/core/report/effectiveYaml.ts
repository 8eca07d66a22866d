// A container's effective securityContext as YAML: the merged result of pod, container and the
// defaults that can be written down, ready to paste at container level.

import { dump } from "js-yaml";
import type { Container, EffectiveField } from "../types";
import { EFFECTIVE_FIELDS } from "../types";
import { fieldSpec } from "../catalogue/fields";

/** Fields a container's securityContext can hold (the catalogue's container level). */
const CONTAINER_FIELDS = EFFECTIVE_FIELDS.filter((f) => fieldSpec(f)?.levels.includes("container"));

/**
 * Values the runtime uses that can be written at container level. Left out: values from the
 * image (writing runAsUser would change behaviour when the image changes) and nulls.
 */
export function effectiveSecurityContext(c: Container): Partial<Record<EffectiveField, unknown>> {
  const out: Partial<Record<EffectiveField, unknown>> = {};
  for (const f of CONTAINER_FIELDS) {
    const e = c.effective[f];
    if (e.source === "image" || e.value === null || e.value === undefined) continue;
    out[f] = e.value;
  }
  return out;
}

export function effectiveSecurityContextYaml(c: Container): string {
  const lines = [`# Effective securityContext of container "${c.name}" (pod values merged in, defaults written out)`];
  const pod = podOnlyNote(c);
  if (pod) lines.push(`# Pod-level only, keep at spec.securityContext: ${pod}`);
  return `${lines.join("\n")}\n${dump({ securityContext: effectiveSecurityContext(c) }, { lineWidth: 120, noRefs: true })}`;
}

function podOnlyNote(c: Container): string {
  return (["fsGroup", "fsGroupChangePolicy", "supplementalGroups", "supplementalGroupsPolicy", "sysctls", "seLinuxChangePolicy"] as const)
    .filter((f) => c.effective[f].source === "pod")
    .map((f) => `${f}=${JSON.stringify(c.effective[f].value)}`)
    .join(", ");
}
