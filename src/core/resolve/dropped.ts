// Whether a securityContext field set in a manifest is applied at a Kubernetes version, and if not
// why. Two ways a set field never reaches the kubelet:
//  - the version's API types do not have it: strict field validation (kubectl's default) rejects
//    the object with "unknown field"; with validation off the decoder drops it;
//  - its feature gate is off by default: the registry clears it before storing the object
//    (kubernetes/kubernetes pkg/api/pod/util.go dropDisabledFields and friends; the table is
//    validate/featureGates.ts).
// Either way the pod runs with what that version does when the field is absent.

import { fieldSpec } from "../catalogue/fields";
import { gateState, gatedField, isDropped } from "../validate/featureGates";
import { sinceOf } from "../validate/scTypes";

export function notAppliedAt(field: string, level: "pod" | "container", minor: number): string | undefined {
  const f = fieldSpec(field);
  const since = f && sinceOf(f);
  if (since !== undefined && minor < since) {
    return `not applied: a Kubernetes 1.${minor} API server does not know ${field} (added in 1.${since}); strict field validation rejects the object, and without it the field is dropped`;
  }
  const at = level === "pod" ? "pod-securityContext" : "container-securityContext";
  if (!isDropped(at, field, minor)) return undefined;
  const g = gatedField(at, field);
  const state = gateState(at, field, minor);
  if (!g || !state) return undefined;
  const what = g.effect === "reset-default" ? `reset to "Default"` : "dropped";
  const when = state.onFrom !== undefined ? `; on by default from 1.${state.onFrom}` : "";
  return `not applied: ${what} by a Kubernetes 1.${minor} API server, whose ${state.gate} feature gate is off by default (${state.stage}${when}) — ${g.source}`;
}
