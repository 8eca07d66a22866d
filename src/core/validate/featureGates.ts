// Feature gates that make the API server drop (or reset) a field it knows. A field in the Go types
// is never an unknown field, but while its gate is off the registry strategy clears it before
// validation (kubernetes/kubernetes pkg/api/pod/util.go, dropDisabledFields and friends), so the
// object is stored without it and no validation rule for it runs.
//
// Only gates whose history was read are listed: their versioned specs in
// kubernetes/kubernetes pkg/features/kube_features.go (defaultVersionedKubernetesFeatureGates).

export interface GateStage {
  /** First minor version of this stage. */
  minor: number;
  /** Default at this stage; null when the default is not known for this stage. */
  on: boolean | null;
  stage: "alpha" | "beta" | "GA";
}

export const GATES = {
  ProcMountType: [
    { minor: 12, on: false, stage: "alpha" },
    { minor: 31, on: false, stage: "beta" },
    { minor: 33, on: true, stage: "beta" },
  ],
  // Named UserNamespacesStatelessPodsSupport before 1.28; same defaults.
  UserNamespacesSupport: [
    { minor: 25, on: false, stage: "alpha" },
    { minor: 30, on: false, stage: "beta" },
    { minor: 33, on: true, stage: "beta" },
  ],
  SupplementalGroupsPolicy: [
    { minor: 31, on: false, stage: "alpha" },
    { minor: 33, on: true, stage: "beta" },
    { minor: 35, on: true, stage: "GA" },
  ],
  SELinuxChangePolicy: [
    { minor: 32, on: false, stage: "alpha" },
    { minor: 33, on: true, stage: "beta" },
  ],
  // Off by default through 1.35 (kube_features.go); GA in 1.37 (openshift/api#3023: "It is GA in
  // Kubernetes 1.37"); 1.36 not read.
  SELinuxMount: [
    { minor: 30, on: false, stage: "alpha" },
    { minor: 33, on: false, stage: "beta" },
    { minor: 36, on: null, stage: "beta" },
    { minor: 37, on: true, stage: "GA" },
  ],
  AppArmorFields: [
    { minor: 30, on: true, stage: "beta" },
    { minor: 31, on: true, stage: "GA" },
  ],
} satisfies Record<string, readonly GateStage[]>;

export type GateName = keyof typeof GATES;

/** The gate's stage at a minor version, or undefined before the gate existed. */
export function gateStage(gate: GateName, minor: number): GateStage | undefined {
  let found: GateStage | undefined;
  for (const s of GATES[gate] as readonly GateStage[]) if (s.minor <= minor) found = s;
  return found;
}

/** Whether the gate is on by default at a minor version: true, false, or null when not known. */
export function gateOn(gate: GateName, minor: number): boolean | null {
  const s = gateStage(gate, minor);
  return s ? s.on : false;
}

export type DropEffect = "drop" | "reset-default";

export interface GatedField {
  /** Where the field lives. */
  at: "podSpec" | "pod-securityContext" | "container-securityContext";
  field: string;
  gate: GateName;
  effect: DropEffect;
  source: string;
}

const UTIL = "kubernetes/kubernetes pkg/api/pod/util.go";

export const GATED_FIELDS: readonly GatedField[] = [
  { at: "container-securityContext", field: "procMount", gate: "ProcMountType", effect: "reset-default", source: `${UTIL} (dropDisabledProcMountField)` },
  { at: "podSpec", field: "hostUsers", gate: "UserNamespacesSupport", effect: "drop", source: `${UTIL} (dropDisabledFields)` },
  { at: "pod-securityContext", field: "supplementalGroupsPolicy", gate: "SupplementalGroupsPolicy", effect: "drop", source: `${UTIL} (dropDisabledFields)` },
  { at: "pod-securityContext", field: "seLinuxChangePolicy", gate: "SELinuxChangePolicy", effect: "drop", source: `${UTIL} (dropSELinuxChangePolicy)` },
];

export function gatedField(at: GatedField["at"], field: string): GatedField | undefined {
  return GATED_FIELDS.find((g) => g.at === at && g.field === field);
}

/** True when the API server at this minor version drops or resets the field (its gate is off by default). */
export function isDropped(at: GatedField["at"], field: string, minor: number): boolean {
  const g = gatedField(at, field);
  return g !== undefined && gateOn(g.gate, minor) === false;
}
