// Paths (relative to the PodSpec) used by the fixes.
import type { ContainerView } from "../decode.ts";
import { joinQuote, pluralize } from "../go.ts";

/** `containers[0].securityContext.<field>`, or `securityContext.<field>` for the pod. */
export function scPath(owner: ContainerView | "pod", field: string): string {
  return owner === "pod" ? `securityContext.${field}` : `${owner.path}.securityContext.${field}`;
}

/** `container "a"` / `containers "a", "b"`, as upstream names containers. */
export function containerNames(containers: readonly ContainerView[]): string {
  return `${pluralize("container", "containers", containers.length)} ${joinQuote(containers.map((c) => c.name))}`;
}
