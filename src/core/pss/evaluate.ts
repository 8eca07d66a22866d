// Evaluating a pod against a level, and the fixes for what fails.

import type { PssLevel, PssViolation } from "../types.ts";
import type { CheckPodFn, FixSuggestion, PssCheck, PssCheckLevel } from "./check.ts";
import { decodePod, type PodView } from "./decode.ts";
import { checksFor, resolvePolicyMinor } from "./registry.ts";
import { APPARMOR_ANNOTATION_PREFIX } from "./checks/appArmorProfile.ts";
import { ANNOTATION_CONTAINER_PREFIX, ANNOTATION_POD } from "./checks/seccompProfile.ts";
import { valueKey } from "../memo.ts";

/** A pod, or a pod template: its metadata and its PodSpec, as parsed YAML of any shape. */
export interface PssInput {
  metadata?: unknown;
  spec: unknown;
  /**
   * "Pod" when this is a Pod rather than a pod template: the API server then defaults hostPort to
   * containerPort for hostNetwork pods before admission, which the hostPorts check sees.
   */
  kind?: string;
}

/** Upstream's placeholder for a check that fails without a reason (never expected). */
const UNKNOWN_FORBIDDEN_REASON = "unknown forbidden reason";

function run(pod: PodView, level: PssCheckLevel, minor: number, memo?: Map<unknown, ReturnType<CheckPodFn>>) {
  const failed: { check: PssCheck; reason: string; detail: string }[] = [];
  // The privileged level (or anything else) has no checks.
  if (level !== "baseline" && level !== "restricted") return [];
  for (const { check, checkPod } of checksFor(level, minor)) {
    // Restricted repeats most baseline checks: with a memo each runs once per pod.
    let result = memo?.get(checkPod);
    if (!result) {
      result = checkPod(pod);
      memo?.set(checkPod, result);
    }
    if (!result.allowed) failed.push({ check, reason: result.reason || UNKNOWN_FORBIDDEN_REASON, detail: result.detail });
  }
  return failed;
}

function decode(input: PssInput | undefined): PodView {
  const { metadata, spec, kind } = input && typeof input === "object" ? input : ({ spec: undefined } as PssInput);
  return decodePod(metadata, spec, kind === "Pod");
}

/**
 * Evaluates a pod (template) against a Pod Security level at a policy version ("1.23".."1.37",
 * "v1.30" or "latest"). Violations come in the order Pod Security Admission reports them.
 */
export function evaluatePss(input: PssInput, level: PssCheckLevel, version: string): PssLevel {
  return evaluatePssAt(input, level, resolvePolicyMinor(version));
}

/** evaluatePss with an already resolved policy minor version. */
export function evaluatePssAt(input: PssInput, level: PssCheckLevel, minor: number): PssLevel {
  const violations: PssViolation[] = run(decode(input), level, minor).map((f) => ({
    check: f.check.id,
    reason: f.reason,
    detail: f.detail,
  }));
  return { allowed: violations.length === 0, violations };
}

/**
 * Both levels at once, decoding the pod a single time (the analysis asks for both of every pod).
 * With `shared`, pods the checks cannot tell apart (podViewKey) get one result, the same object.
 */
export function evaluatePssBoth(input: PssInput, version: string, shared?: Map<string, { baseline: PssLevel; restricted: PssLevel }>): { baseline: PssLevel; restricted: PssLevel } {
  const minor = resolvePolicyMinor(version);
  const pod = decode(input);
  if (!shared) return evaluateBoth(pod, minor);
  const key = `${minor}|${podViewKey(pod)}`;
  let verdicts = shared.get(key);
  if (!verdicts) shared.set(key, (verdicts = evaluateBoth(pod, minor)));
  return verdicts;
}

/**
 * All that the checks read of a pod, as a key: they see only its PodView (checkPod(pod)), and of
 * its annotations only the AppArmor and seccomp ones; the others differ from pod to pod (kubectl's
 * last-applied-configuration) and are left out.
 */
function podViewKey(pod: PodView): string {
  const read: Record<string, string> = {};
  for (const k of Object.keys(pod.annotations))
    if (k === ANNOTATION_POD || k.startsWith(ANNOTATION_CONTAINER_PREFIX) || k.startsWith(APPARMOR_ANNOTATION_PREFIX)) read[k] = pod.annotations[k];
  // JSON.stringify (native, several times faster than valueKey) is exact here: the view holds
  // strings, booleans, whole numbers (-0 prints as 0, and so do the checks) and undefined for an
  // unset field (left out, the same as absent to the checks); the exceptions are the volumes'
  // source sets and the raw sysctls (any parsed value), keyed apart.
  const sc = pod.securityContext;
  return JSON.stringify([
    { ...pod, annotations: read, securityContext: sc && { ...sc, rawSysctls: undefined }, volumes: pod.volumes.map((v) => [v.name, v.index, [...v.sources]]) },
    sc ? valueKey(sc.rawSysctls) : "",
  ]);
}

function evaluateBoth(pod: PodView, minor: number): { baseline: PssLevel; restricted: PssLevel } {
  const memo = new Map<unknown, ReturnType<CheckPodFn>>();
  const level = (l: PssCheckLevel): PssLevel => {
    const violations = run(pod, l, minor, memo).map((f) => ({ check: f.check.id, reason: f.reason, detail: f.detail }));
    return { allowed: violations.length === 0, violations };
  };
  return { baseline: level("baseline"), restricted: level("restricted") };
}

/**
 * For every violation (same order), the smallest edits that make the pod pass that check.
 * Paths are relative to the PodSpec (or to the metadata when an edit has base "metadata");
 * `value: undefined` means remove the key.
 */
export function suggestFixes(input: PssInput, level: PssCheckLevel, version: string): FixSuggestion[] {
  const minor = resolvePolicyMinor(version);
  const pod = decode(input);
  return run(pod, level, minor).map(({ check }) => ({ check: check.id, ...check.fix(pod, minor) }));
}

/**
 * Upstream AggregateCheckResult.ForbiddenDetail: "reason (detail), reason (detail), ...", the
 * parenthesised part only when the detail is not empty.
 */
export function forbiddenDetail(violations: readonly PssViolation[]): string {
  return violations.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(", ");
}

/** Upstream AggregateCheckResult.ForbiddenReason: the reasons alone, comma-separated. */
export function forbiddenReason(violations: readonly PssViolation[]): string {
  return violations.map((v) => v.reason).join(", ");
}
