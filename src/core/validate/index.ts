// The validator: what the Kubernetes API server (with kubectl's default --validate=strict) would
// reject or warn about in one workload, with upstream's wording.
//
// Order: decoding first (strict.ts: unknown fields, wrong levels, wrong types, gated fields), then
// validation (podSpec.ts and securityContext.ts, in the order ValidatePodSpec runs them), then the
// warnings the API server returns with an accepted object (warnings.ts). Upstream stops at the first
// stage that fails; the playground shows every stage, each finding as upstream would word it.

import { isMap } from "../yaml/access";
import type { Ctx, Finding, ValidationTarget } from "./findings";
import { checkContainers } from "./podSpec";
import { checkHostProcess, checkHostUsers, checkOS, checkPodSecurityContext, podFacts } from "./securityContext";
import { checkStrict } from "./strict";
import { checkAnnotationWarnings } from "./warnings";
import { checkAppArmorAnnotationsAndFields, checkPodAnnotations, checkSeccompAnnotationsAndFields } from "./annotations";

export type { Finding, ValidationTarget } from "./findings";

/** The PodSpec's path relative to its object: "items[2].spec" inside "items[2]" is "spec". */
function relativeSpecPath(objectPath: string, specPath: string): string {
  if (!objectPath) return specPath;
  if (specPath.startsWith(`${objectPath}.`)) return specPath.slice(objectPath.length + 1);
  return specPath;
}

export function validateWorkload(t: ValidationTarget): Finding[] {
  const ctx = contextFor(t);
  try {
    runChecks(ctx, t);
  } catch {
    // Never throw on any input: what was found so far stands. (Tests call runChecks directly.)
  }
  return ctx.findings;
}

/** All checks, unguarded. */
export function runChecks(ctx: Ctx, t: Pick<ValidationTarget, "object" | "spec">): void {
  checkStrict(ctx, t.object);
  if (!isMap(t.spec)) return;
  // ValidatePodSpecificAnnotations runs before ValidatePodSpec; the annotation/field agreement after it.
  checkPodAnnotations(ctx, t.object, t.spec);
  const pod = podFacts(ctx, t.spec);
  checkContainers(ctx, pod);
  checkPodSecurityContext(ctx, pod);
  checkHostProcess(ctx, pod);
  checkHostUsers(ctx, pod);
  checkOS(ctx, pod);
  checkSeccompAnnotationsAndFields(ctx, t.object, t.spec);
  checkAppArmorAnnotationsAndFields(ctx, t.object, t.spec);
  checkAnnotationWarnings(ctx, t.object, t.spec);
}

/** The context validateWorkload builds, for callers that want to run the checks themselves. */
export function contextFor(t: ValidationTarget): Ctx {
  return {
    minor: t.minor,
    kind: t.kind,
    objectPath: t.objectPath ?? "",
    specPath: relativeSpecPath(t.objectPath ?? "", t.specPath ?? ""),
    findings: [],
  };
}
