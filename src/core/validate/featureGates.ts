// Fields the API server knows but clears while their feature gate is off. A gated field is in the
// Go types from its alpha release, so strict decoding accepts it; but the registry strategy drops
// (or resets) it before validation (kubernetes/kubernetes pkg/api/pod/util.go, dropDisabledFields
// and friends), so the object is stored without it and no validation rule for it runs.
//
// Which fields are cleared, and how, is read from util.go and listed here. When each gate is on by
// default comes from the field catalogue (featureGate, betaDefaultOn, ga, and its GATES histories).

import { GATES, fieldSpec, minorNumber, podSettingSpec, stageAt, type CatalogueEntry, type GateHistory } from "../catalogue/fields";

export type DropEffect = "drop" | "reset-default";

export interface GatedField {
  /** Where the field lives. */
  at: "podSpec" | "pod-securityContext" | "container-securityContext";
  field: string;
  effect: DropEffect;
  source: string;
}

const UTIL = "kubernetes/kubernetes pkg/api/pod/util.go";

export const GATED_FIELDS: readonly GatedField[] = [
  { at: "container-securityContext", field: "procMount", effect: "reset-default", source: `${UTIL} (dropDisabledProcMountField)` },
  { at: "podSpec", field: "hostUsers", effect: "drop", source: `${UTIL} (dropDisabledFields)` },
  { at: "podSpec", field: "os", effect: "drop", source: `${UTIL} (dropDisabledFields, podOSInUse)` },
  { at: "pod-securityContext", field: "supplementalGroupsPolicy", effect: "drop", source: `${UTIL} (dropDisabledFields)` },
  { at: "pod-securityContext", field: "seLinuxChangePolicy", effect: "drop", source: `${UTIL} (dropSELinuxChangePolicy)` },
];

export function gatedField(at: GatedField["at"], field: string): GatedField | undefined {
  return GATED_FIELDS.find((g) => g.at === at && g.field === field);
}

/** The catalogue entry that carries the field's version and gate history. */
function entryOf(g: GatedField): CatalogueEntry | undefined {
  if (g.at === "podSpec") return podSettingSpec(g.field === "os" ? "os.name" : g.field);
  return fieldSpec(g.field);
}

/** True when the API server at this minor version drops or resets the field (its gate is off by default). */
export function isDropped(at: GatedField["at"], field: string, minor: number): boolean {
  const g = gatedField(at, field);
  const e = g && entryOf(g);
  if (!e?.featureGate) return false;
  const s = stageAt(e, minor);
  return s.present && !s.onByDefault;
}

export interface GateState {
  gate: string;
  stage: string;
  /** First minor version where the gate is on by default, when known. */
  onFrom?: number;
}

/** The gate behind a gated field, as the catalogue tells it, at a minor version. */
export function gateState(at: GatedField["at"], field: string, minor: number): GateState | undefined {
  const g = gatedField(at, field);
  const e = g && entryOf(g);
  if (!e?.featureGate) return undefined;
  const history = e.gates?.find((h) => h.gate === e.featureGate);
  const onFrom = minorNumber(e.betaDefaultOn ?? history?.betaDefaultOn) ?? minorNumber(e.ga ?? history?.ga);
  return { gate: e.featureGate, stage: stageAt(e, minor).stage ?? "alpha", onFrom };
}

/** Whether a gate from the catalogue's GATES is on by default at a minor version (undefined when not listed). */
export function gateOnByDefault(gate: string, minor: number): boolean | undefined {
  const h: GateHistory | undefined = Object.prototype.hasOwnProperty.call(GATES, gate) ? (GATES as Record<string, GateHistory>)[gate] : undefined;
  if (!h) return undefined;
  const on = minorNumber(h.betaDefaultOn);
  const ga = minorNumber(h.ga);
  return (on !== undefined && minor >= on) || (ga !== undefined && minor >= ga);
}
