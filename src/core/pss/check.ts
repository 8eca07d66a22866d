// The shape every Pod Security check has: an upstream ID and level, the upstream file it is taken
// from, and one implementation per policy version where its behaviour changes (upstream
// policy/checks.go: Check and VersionedCheck).

import type { PodView } from "./decode.ts";

export type PssCheckLevel = "baseline" | "restricted";

/** What one check says about a pod (upstream CheckResult). */
export type CheckResult = { allowed: true } | { allowed: false; reason: string; detail: string };

export const ALLOWED: CheckResult = Object.freeze({ allowed: true });

export function forbidden(reason: string, detail: string): CheckResult {
  return { allowed: false, reason, detail };
}

/** One edit that helps satisfy a check. `value: undefined` means remove the key. */
export interface FixEdit {
  /**
   * Dotted/bracket path, relative to the PodSpec (e.g. `containers[0].securityContext.privileged`),
   * or to the pod (template) metadata when `base` is "metadata" (e.g. `annotations["key"]`).
   * Objects on the way are created when missing.
   */
  path: string;
  value: unknown;
  base?: "metadata";
}

export interface FixSuggestion {
  check: string;
  description: string;
  edits: FixEdit[];
}

export type CheckPodFn = (pod: PodView) => CheckResult;
/** Builds the fix for a failing pod at the given policy minor version. */
export type FixFn = (pod: PodView, minor: number) => Omit<FixSuggestion, "check">;

export interface VersionedCheck {
  /** First policy minor version (major is always 1) this implementation applies to. */
  minimumVersion: number;
  /** What changed at this version, in a few words. */
  change: string;
  checkPod: CheckPodFn;
  /** Baseline checks this restricted check replaces while it applies (upstream OverrideCheckIDs). */
  overrides?: string[];
}

export interface PssCheck {
  id: string;
  level: PssCheckLevel;
  /** Upstream file the check is taken from. */
  source: string;
  versions: VersionedCheck[];
  /** The smallest edits that make a failing pod pass this check. Only called when it fails. */
  fix: FixFn;
}

const UPSTREAM_POLICY_DIR = "kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/policy/";

export function upstreamFile(name: string): string {
  return UPSTREAM_POLICY_DIR + name;
}
