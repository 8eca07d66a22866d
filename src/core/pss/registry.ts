// Which checks run for a level and policy version, and in what order (upstream policy/registry.go).
//
// - A check's implementation for version v is its newest one with minimumVersion <= v.
// - Baseline runs the baseline checks; restricted runs the restricted checks plus every baseline
//   check that no applicable restricted check overrides.
// - Results are ordered by check ID: baseline IDs sorted, then restricted IDs sorted (Go byte order).
//   That is the order PSA prints them in.
// - Versions newer than the newest minimumVersion of any check, and "latest", use that newest one.

import type { CheckPodFn, PssCheck, PssCheckLevel, VersionedCheck } from "./check.ts";
import { allowPrivilegeEscalation } from "./checks/allowPrivilegeEscalation.ts";
import { appArmorProfile } from "./checks/appArmorProfile.ts";
import { capabilitiesBaseline } from "./checks/capabilitiesBaseline.ts";
import { capabilitiesRestricted } from "./checks/capabilitiesRestricted.ts";
import { hostNamespaces } from "./checks/hostNamespaces.ts";
import { hostPathVolumes } from "./checks/hostPathVolumes.ts";
import { hostPorts } from "./checks/hostPorts.ts";
import { hostProbesAndHostLifecycle } from "./checks/hostProbesAndHostLifecycle.ts";
import { privileged } from "./checks/privileged.ts";
import { procMount, procMountRestricted } from "./checks/procMount.ts";
import { restrictedVolumes } from "./checks/restrictedVolumes.ts";
import { runAsNonRoot } from "./checks/runAsNonRoot.ts";
import { runAsUser } from "./checks/runAsUser.ts";
import { seccompProfileBaseline, seccompProfileRestricted } from "./checks/seccompProfile.ts";
import { seLinuxOptions } from "./checks/seLinuxOptions.ts";
import { sysctls } from "./checks/sysctls.ts";
import { windowsHostProcess } from "./checks/windowsHostProcess.ts";
import { compareGo } from "./go.ts";
import { minorOf } from "../versions.ts";

/** Every check upstream registers by default (its DefaultChecks), in no particular order. */
export const PSS_CHECKS: readonly PssCheck[] = [
  allowPrivilegeEscalation,
  appArmorProfile,
  capabilitiesBaseline,
  capabilitiesRestricted,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  procMountRestricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfileBaseline,
  seccompProfileRestricted,
  seLinuxOptions,
  sysctls,
  windowsHostProcess,
];

/** The newest policy minor any check defines: what "latest" (and anything newer) evaluates. */
export const MAX_POLICY_MINOR = Math.max(...PSS_CHECKS.map((c) => c.versions[c.versions.length - 1].minimumVersion));

const ORDERED: readonly PssCheck[] = [
  ...PSS_CHECKS.filter((c) => c.level === "baseline").sort((a, b) => compareGo(a.id, b.id)),
  ...PSS_CHECKS.filter((c) => c.level === "restricted").sort((a, b) => compareGo(a.id, b.id)),
];

/**
 * The policy minor version to evaluate. Accepts "latest", "1.30" and "v1.30". Versions newer than
 * MAX_POLICY_MINOR are evaluated as MAX_POLICY_MINOR, as upstream does; a version that cannot be
 * read at all is evaluated as latest, as upstream does for an invalid namespace label.
 * `capMinor` lowers "latest" (and newer versions) to an older API server's own version.
 */
export function resolvePolicyMinor(version: string, capMinor?: number): number {
  const max = Math.min(MAX_POLICY_MINOR, capMinor ?? MAX_POLICY_MINOR);
  const v = (version ?? "").trim();
  if (v === "latest") return max;
  let minor = minorOf(v);
  if (minor === undefined) {
    const m = /^v?1\.(0|[1-9][0-9]*)$/.exec(v);
    if (!m) return max;
    minor = Number(m[1]);
  }
  return Math.min(minor, max);
}

/** The implementation of a check that applies at a policy minor version, if any. */
export function versionedCheckAt(check: PssCheck, minor: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const v of check.versions) if (v.minimumVersion <= minor) found = v;
  return found;
}

export interface ActiveCheck {
  check: PssCheck;
  checkPod: CheckPodFn;
}

/** The checks that run for a level at a policy minor version, in the order PSA reports them. */
// Per level and minor: the same list for every pod of a dump (it was rebuilt for each one).
const checksCache = new Map<string, readonly ActiveCheck[]>();

export function checksFor(level: PssCheckLevel, minor: number): readonly ActiveCheck[] {
  const key = `${level}/${minor}`;
  let checks = checksCache.get(key);
  if (!checks) checksCache.set(key, (checks = Object.freeze(selectChecks(level, minor))));
  return checks;
}

function selectChecks(level: PssCheckLevel, minor: number): ActiveCheck[] {
  const active = ORDERED.map((check) => ({ check, versioned: versionedCheckAt(check, minor) })).filter(
    (a): a is { check: PssCheck; versioned: VersionedCheck } => a.versioned !== undefined,
  );
  let selected;
  if (level === "baseline") {
    selected = active.filter((a) => a.check.level === "baseline");
  } else {
    const overridden = new Set(active.filter((a) => a.check.level === "restricted").flatMap((a) => a.versioned.overrides ?? []));
    selected = active.filter((a) => !(a.check.level === "baseline" && overridden.has(a.check.id)));
  }
  return selected.map((a) => ({ check: a.check, checkPod: a.versioned.checkPod }));
}
