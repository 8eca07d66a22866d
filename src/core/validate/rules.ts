// Helpers the rule files share: the upstream source of each rule, and the finding makers that pair a
// field.Error text with a code.

import { atOf, report, type Ctx } from "./findings";
import { fieldError, type GoValue } from "./format";

export const VALIDATION = "kubernetes/kubernetes pkg/apis/core/validation/validation.go";
export const APIMACHINERY_VALIDATION = "kubernetes/kubernetes staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go";

export const src = (fn: string): string => `${VALIDATION} (${fn})`;

/**
 * `msgPath` is the field path upstream prints (relative to the object); `rel` is where the editor
 * should point, which differs when upstream names a field that is absent or lives elsewhere in v1
 * (e.g. spec.securityContext.shareProcessNamespace for spec.shareProcessNamespace).
 */
export interface Where {
  msgPath: string;
  rel?: string;
  at?: "key" | "value";
}

function where(w: Where, defaultAt: "key" | "value" = "value"): { rel: string; at: "key" | "value" } {
  const rel = w.rel ?? w.msgPath;
  return { rel, at: w.at ?? (rel !== w.msgPath ? atOf(rel) : defaultAt) };
}

export function invalid(ctx: Ctx, w: Where, value: GoValue, detail: string, source: string): void {
  report(ctx, { severity: "error", code: "invalid-value", message: fieldError.invalid(w.msgPath, value, detail), ...where(w), source });
}

export function required(ctx: Ctx, w: Where, detail: string, source: string): void {
  report(ctx, { severity: "error", code: "required-value", message: fieldError.required(w.msgPath, detail), ...where(w), source });
}

export function forbidden(ctx: Ctx, w: Where, detail: string, source: string, severity: "error" | "warning" = "error"): void {
  report(ctx, { severity, code: "forbidden", message: fieldError.forbidden(w.msgPath, detail), ...where(w, "key"), source });
}

export function notSupported(ctx: Ctx, w: Where, value: GoValue, supported: readonly string[], source: string): void {
  report(ctx, { severity: "error", code: "unsupported-value", message: fieldError.notSupported(w.msgPath, value, supported), ...where(w), source });
}

export function duplicate(ctx: Ctx, w: Where, value: GoValue, source: string): void {
  report(ctx, { severity: "error", code: "duplicate-value", message: fieldError.duplicate(w.msgPath, value), ...where(w), source });
}

export function notFound(ctx: Ctx, w: Where, value: GoValue, source: string): void {
  report(ctx, { severity: "error", code: "not-found", message: fieldError.notFound(w.msgPath, value), ...where(w), source });
}

export function tooLong(ctx: Ctx, w: Where, max: number, source: string): void {
  report(ctx, { severity: "error", code: "too-long", message: fieldError.tooLong(w.msgPath, max), ...where(w), source });
}

/** Go's sort.Strings for ASCII values, as sets.List returns them. */
export function sortedList(values: readonly string[]): string[] {
  return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
