// Namespace labels and what Pod Security Admission answers for a workload in that namespace.
//
// Sources (kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/):
// - api/constants.go, api/helpers.go: label names, ParseLevel, ParseVersion, PolicyToEvaluate;
// - admission/api/v1/defaults.go: the default policy when no label is set (privileged:latest);
// - admission/admission.go, admission/response.go: which requests are enforced, and the messages;
// - apimachinery api/errors NewForbidden and validation/field Error for the error texts;
// - kubectl cmd/util helpers.go (StandardErrorMessage, AddSourceToErr) and client-go's warning
//   writer for what kubectl adds around them.

import type { PssViolation } from "../types.ts";
import { evaluatePssAt, forbiddenDetail, type PssInput } from "./evaluate.ts";
import { goQuote } from "./go.ts";
import { asObject } from "./decode.ts";
import { resolvePolicyMinor } from "./registry.ts";

export type PsaLevelName = "privileged" | "baseline" | "restricted";
export type PsaMode = "enforce" | "audit" | "warn";

/** A level and a policy version as upstream writes them: version is "latest" or "v1.<minor>". */
export interface PsaLevelVersion {
  level: PsaLevelName;
  version: string;
}

export interface NamespaceLabelError {
  label: string;
  value: string;
  /** e.g. `metadata.labels[pod-security.kubernetes.io/enforce]: Invalid value: "foo": must be one of privileged, baseline, restricted` */
  message: string;
}

export interface NamespacePolicy {
  enforce: PsaLevelVersion;
  audit: PsaLevelVersion;
  warn: PsaLevelVersion;
  /** Invalid labels. Upstream still evaluates the policy above, and rejects the namespace itself. */
  errors: NamespaceLabelError[];
}

const LABEL_PREFIX = "pod-security.kubernetes.io/";
export const PSA_LABELS = {
  enforce: LABEL_PREFIX + "enforce",
  enforceVersion: LABEL_PREFIX + "enforce-version",
  audit: LABEL_PREFIX + "audit",
  auditVersion: LABEL_PREFIX + "audit-version",
  warn: LABEL_PREFIX + "warn",
  warnVersion: LABEL_PREFIX + "warn-version",
} as const;

const LEVELS: readonly PsaLevelName[] = ["privileged", "baseline", "restricted"];
const LEVEL_ERROR = `must be one of ${LEVELS.join(", ")}`;
const VERSION_ERROR = 'must be "latest" or "v1.x"';

/** The admission plugin's default policy (PodSecurityConfiguration defaults). */
export const DEFAULT_LEVEL_VERSION: PsaLevelVersion = { level: "privileged", version: "latest" };

/** Upstream ParseLevel: an invalid level reads as restricted, with an error. */
function parseLevel(value: string): { level: PsaLevelName; ok: boolean } {
  return (LEVELS as readonly string[]).includes(value)
    ? { level: value as PsaLevelName, ok: true }
    : { level: "restricted", ok: false };
}

/** Upstream ParseVersion: only "latest" and "v1.<n>" (no leading zeros); anything else reads as latest. */
function parseVersion(value: string): { version: string; ok: boolean } {
  if (value === "latest") return { version: "latest", ok: true };
  const m = /^v1\.([0-9]|[1-9][0-9]*)$/.exec(value);
  if (!m || !Number.isSafeInteger(Number(m[1]))) return { version: "latest", ok: false };
  return { version: `v1.${Number(m[1])}`, ok: true };
}

/** Upstream CompareLevels: -1, 0 or 1 by strictness. */
function compareLevels(a: PsaLevelName, b: PsaLevelName): number {
  return Math.sign(LEVELS.indexOf(a) - LEVELS.indexOf(b));
}

/**
 * Reads the pod-security.kubernetes.io/* labels of a namespace the way upstream PolicyToEvaluate does:
 * - a missing level or version keeps the default (privileged, latest);
 * - an invalid enforce level means restricted; an invalid audit or warn level means privileged
 *   ("fail open"); an invalid version means latest; each adds an error;
 * - when warn is not labelled and a valid enforce level is stricter than warn, warn follows
 *   enforce (and its version, unless warn-version is labelled).
 */
export function parseNamespacePolicy(
  labels: unknown,
  defaults: Partial<Record<PsaMode, PsaLevelVersion>> = {},
): NamespacePolicy {
  const policy: NamespacePolicy = {
    enforce: { ...(defaults.enforce ?? DEFAULT_LEVEL_VERSION) },
    audit: { ...(defaults.audit ?? DEFAULT_LEVEL_VERSION) },
    warn: { ...(defaults.warn ?? DEFAULT_LEVEL_VERSION) },
    errors: [],
  };
  // map[string]string: entries that are not strings could not have been decoded; skip them.
  const raw = asObject(labels) ?? {};
  const get = (key: string): string | undefined =>
    Object.hasOwn(raw, key) && typeof raw[key] === "string" ? (raw[key] as string) : undefined;
  const invalid = (label: string, value: string, detail: string) =>
    policy.errors.push({ label, value, message: `metadata.labels[${label}]: Invalid value: ${goQuote(value)}: ${detail}` });

  let hasEnforceLevel = false;
  const modes = [
    { mode: "enforce", level: PSA_LABELS.enforce, version: PSA_LABELS.enforceVersion, onInvalid: undefined },
    { mode: "audit", level: PSA_LABELS.audit, version: PSA_LABELS.auditVersion, onInvalid: "privileged" },
    { mode: "warn", level: PSA_LABELS.warn, version: PSA_LABELS.warnVersion, onInvalid: "privileged" },
  ] as const;
  for (const m of modes) {
    const level = get(m.level);
    if (level !== undefined) {
      const parsed = parseLevel(level);
      policy[m.mode].level = parsed.ok ? parsed.level : (m.onInvalid ?? parsed.level);
      if (!parsed.ok) invalid(m.level, level, LEVEL_ERROR);
      if (m.mode === "enforce") hasEnforceLevel = parsed.ok;
    }
    const version = get(m.version);
    if (version !== undefined) {
      const parsed = parseVersion(version);
      policy[m.mode].version = parsed.version;
      if (!parsed.ok) invalid(m.version, version, VERSION_ERROR);
    }
  }
  if (get(PSA_LABELS.warn) === undefined && hasEnforceLevel && compareLevels(policy.enforce.level, policy.warn.level) > 0) {
    policy.warn.level = policy.enforce.level;
    if (get(PSA_LABELS.warnVersion) === undefined) policy.warn.version = policy.enforce.version;
  }
  return policy;
}

/** Upstream LevelVersion.String(): "restricted:latest", "baseline:v1.30". */
export function formatLevelVersion(lv: PsaLevelVersion): string {
  return `${lv.level}:${lv.version}`;
}

/**
 * The API server's message when enforce rejects a pod:
 * `pods "name" is forbidden: violates PodSecurity "restricted:latest": reason (detail), ...`.
 * (apimachinery NewForbidden drops the quoted name when the name is empty.)
 */
export function formatForbiddenError(podName: string, lv: PsaLevelVersion, violations: readonly PssViolation[]): string {
  const err = `violates PodSecurity ${goQuote(formatLevelVersion(lv))}: ${forbiddenDetail(violations)}`;
  return podName === "" ? `pods is forbidden: ${err}` : `pods ${goQuote(podName)} is forbidden: ${err}`;
}

/** The warning the API server returns for the warn mode: `would violate PodSecurity "restricted:latest": ...`. */
export function formatWarning(lv: PsaLevelVersion, violations: readonly PssViolation[]): string {
  return `would violate PodSecurity ${goQuote(formatLevelVersion(lv))}: ${forbiddenDetail(violations)}`;
}

/** The same text is what the audit mode writes in the pod-security.kubernetes.io/audit-violations audit annotation. */
export const formatAuditViolation = formatWarning;

/** How kubectl prints a warning from the server (client-go's warning writer, without color). */
export function kubectlWarning(warning: string): string {
  return `Warning: ${warning}`;
}

/**
 * How kubectl prints the Forbidden error: `Error from server (Forbidden): <message>`, with
 * `error when creating "<file>": ` before the message when the object came from a file (-f).
 */
export function kubectlForbidden(message: string, file?: string, verb = "creating"): string {
  const msg = file ? `error when ${verb} ${goQuote(file)}: ${message}` : message;
  return `Error from server (Forbidden): ${msg}`;
}

/** Kinds Pod Security Admission reads a pod template from (admission.go defaultPodSpecResources). */
export const POD_CONTROLLER_KINDS: ReadonlySet<string> = new Set([
  "ReplicationController",
  "PodTemplate",
  "ReplicaSet",
  "Deployment",
  "StatefulSet",
  "DaemonSet",
  "Job",
  "CronJob",
]);

export interface AdmissionOutcome {
  /** False only when enforce rejects a Pod. */
  allowed: boolean;
  /** The API server's Forbidden message (a Pod that fails enforce). */
  error?: string;
  /** Warnings returned to the client (kubectl prints each as "Warning: ..."). */
  warnings: string[];
  /** What the audit mode records, when the audit level fails. */
  auditViolation?: string;
}

export interface AdmissionRequest {
  kind: string;
  name: string;
  input: PssInput;
  policy: NamespacePolicy;
  /** The API server's version ("1.30"); "latest" and newer policy versions are evaluated at it. */
  kubernetes?: string;
}

/**
 * What Pod Security Admission answers when a workload is created in a namespace with this policy.
 *
 * - Pods: enforce is checked and a failure rejects the pod with a Forbidden error; warnings are only
 *   added when the pod is admitted (upstream avoids warning on a request it rejects).
 * - Pod controllers (Deployment, Job, CronJob, ...): never enforced, since the pods they create are
 *   checked when those are created; only warn and audit are evaluated on the template, so kubectl
 *   shows a warning and the object is created.
 * - Any other kind carries no pod spec PSA reads: nothing happens.
 * Exemptions (users, namespaces, runtime classes from the admission configuration) are not modelled.
 */
export function admitWorkload(req: AdmissionRequest): AdmissionOutcome {
  const outcome: AdmissionOutcome = { allowed: true, warnings: [] };
  const { policy } = req;
  const isPod = req.kind === "Pod";
  if (!isPod && !POD_CONTROLLER_KINDS.has(req.kind)) return outcome;

  const cap = req.kubernetes !== undefined ? resolvePolicyMinor(req.kubernetes) : undefined;
  const evaluate = (lv: PsaLevelVersion) =>
    lv.level === "privileged"
      ? { allowed: true, violations: [] }
      : evaluatePssAt({ ...req.input, kind: req.kind }, lv.level, resolvePolicyMinor(lv.version, cap));

  const fullyPrivileged = policy.errors.length === 0 && [policy.enforce, policy.audit, policy.warn].every((lv) => lv.level === "privileged");
  if (fullyPrivileged) return outcome;
  if (!isPod && policy.errors.length === 0 && policy.warn.level === "privileged" && policy.audit.level === "privileged") return outcome;

  if (isPod) {
    const result = evaluate(policy.enforce);
    if (!result.allowed) {
      outcome.allowed = false;
      outcome.error = formatForbiddenError(req.name, policy.enforce, result.violations);
    }
  }
  const audit = evaluate(policy.audit);
  if (!audit.allowed) outcome.auditViolation = formatAuditViolation(policy.audit, audit.violations);
  if (outcome.allowed) {
    const warn = evaluate(policy.warn);
    if (!warn.allowed) outcome.warnings.push(formatWarning(policy.warn, warn.violations));
  }
  return outcome;
}
