// Pod Security Admission (Pod Security Standards baseline and restricted), as upstream implements
// it in kubernetes/kubernetes staging/src/k8s.io/pod-security-admission/. Pure TypeScript.

export { evaluatePss, evaluatePssAt, evaluatePssBoth, suggestFixes, forbiddenDetail, forbiddenReason, type PssInput } from "./evaluate.ts";
export type { FixEdit, FixSuggestion, PssCheck, PssCheckLevel, VersionedCheck, CheckResult } from "./check.ts";
export { PSS_CHECKS, MAX_POLICY_MINOR, checksFor, resolvePolicyMinor, versionedCheckAt } from "./registry.ts";
export {
  parseNamespacePolicy,
  formatLevelVersion,
  formatForbiddenError,
  formatWarning,
  formatAuditViolation,
  kubectlWarning,
  kubectlForbidden,
  admitWorkload,
  POD_CONTROLLER_KINDS,
  PSA_LABELS,
  DEFAULT_LEVEL_VERSION,
  type PsaLevelName,
  type PsaLevelVersion,
  type PsaMode,
  type NamespacePolicy,
  type NamespaceLabelError,
  type AdmissionOutcome,
  type AdmissionRequest,
} from "./namespace.ts";
