// What the API server says while decoding, before any validation rule runs:
//  - strict field validation (kubectl's default --validate=strict since 1.27, done by the server):
//    a key the Go type does not have is an unknown field — including a field newer than the
//    server's version, and a securityContext field at the wrong level;
//  - a value of the wrong JSON type is an encoding/json UnmarshalTypeError;
//  - a field the server knows but whose feature gate is off by default is dropped silently (a
//    warning here: upstream says nothing).
// Duplicate keys never reach this module: the YAML reader reports them (a parsed object keeps one
// value per key).

import { get, isMap, type YMap } from "../yaml/access";
import { gatedField, gateState, isDropped, type GatedField } from "./featureGates";
import { objectType, POD_SPEC } from "./fieldNames";
import { child, report, type Ctx } from "./findings";
import { goNumber, unknownField, unmarshalTypeError, unsupportedValue } from "./format";
import { POD_SECURITY_CONTEXT, SECURITY_CONTEXT } from "./scTypes";
import { fieldExists, type FieldDesc, type StructDesc, type TypeDesc } from "./schema";
import { suggest } from "./suggest";

export const STRICT_SOURCE =
  "sigs.k8s.io/json internal/golang/encoding/json decode.go (object: unknown field %q, with the field path); k8s.io/apimachinery pkg/runtime/serializer/json (strict decoding error)";
export const TYPE_SOURCE = "encoding/json UnmarshalTypeError, via sigs.k8s.io/json (decodeState.addErrorContext)";
const GATE_SOURCE = "field catalogue (featureGate, betaDefaultOn, GATES), from kubernetes/kubernetes pkg/features/kube_features.go";

/** Which gated-field table applies inside which struct. */
const GATED_AT = new Map<StructDesc, GatedField["at"]>([
  [POD_SPEC, "podSpec"],
  [POD_SECURITY_CONTEXT, "pod-securityContext"],
  [SECURITY_CONTEXT, "container-securityContext"],
]);

/** Walks the object from its top: unknown fields, wrong levels, wrong types, gated fields. */
export function checkStrict(ctx: Ctx, object: unknown): void {
  const root = objectType(ctx.kind);
  if (!root || !isMap(object)) return;
  walkStruct(ctx, object, root, "", []);
}

function walkStruct(ctx: Ctx, value: YMap, t: StructDesc, rel: string, stack: string[]): void {
  const gatedAt = GATED_AT.get(t);
  for (const key of Object.keys(value)) {
    const path = child(rel, key);
    const f = t.fields.get(key);
    if (!f || !fieldExists(f, ctx.minor)) {
      unknown(ctx, t, key, f, rel, path);
      continue;
    }
    const v = get(value, key);
    if (gatedAt && v !== null && v !== undefined && isDropped(gatedAt, key, ctx.minor)) dropped(ctx, gatedAt, key, path);
    walkValue(ctx, v, f.type, path, [...stack, key], t.name);
  }
}

function walkValue(ctx: Ctx, v: unknown, t: TypeDesc, rel: string, stack: string[], structName: string): void {
  if (v === null || v === undefined || t.kind === "open") return;
  const bad = mismatch(v, t);
  if (bad !== undefined) {
    const message = typeof bad === "number" ? unsupportedValue(bad) : unmarshalTypeError(bad, structName, stack.join("."), t.go);
    report(ctx, { severity: "error", code: "wrong-type", message, rel, at: "value", source: TYPE_SOURCE });
    return;
  }
  if (t.kind === "struct") walkStruct(ctx, v as YMap, t, rel, stack);
  else if (t.kind === "array") (v as unknown[]).forEach((item, i) => walkValue(ctx, item, t.items, child(rel, i), stack, structName));
}

const INT64_MIN = -(2 ** 63);
const INT64_LIMIT = 2 ** 63;

/**
 * undefined when the value decodes into the type; otherwise the UnmarshalTypeError "Value" text
 * ("string", "number", "number 1.5", "bool", "array", "object"), or the number itself when it is
 * NaN/±Inf (kubectl cannot even encode it).
 */
function mismatch(v: unknown, t: TypeDesc): string | number | undefined {
  if (typeof v === "number" && !Number.isFinite(v)) return v;
  switch (t.kind) {
    case "open":
      return undefined;
    case "struct":
      return isMap(v) ? undefined : jsonKind(v);
    case "array":
      return Array.isArray(v) ? undefined : jsonKind(v);
    case "bool":
      return typeof v === "boolean" ? undefined : jsonKind(v);
    case "string":
      return typeof v === "string" ? undefined : jsonKind(v);
    case "int64":
      if (typeof v === "number") {
        // encoding/json: a number that does not parse as int64 is reported with its text.
        return Number.isInteger(v) && v >= INT64_MIN && v < INT64_LIMIT ? undefined : `number ${goNumber(v)}`;
      }
      return jsonKind(v);
  }
}

function jsonKind(v: unknown): string | undefined {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return "array";
  if (isMap(v)) return "object";
  return undefined;
}

function unknown(ctx: Ctx, t: StructDesc, key: string, f: FieldDesc | undefined, structRel: string, path: string): void {
  let code = "unknown-field";
  let hint: string | undefined;
  if (f) {
    hint =
      f.since !== undefined && ctx.minor < f.since
        ? `${key} was added in Kubernetes 1.${f.since}; a 1.${ctx.minor} API server does not know it`
        : `${key} was removed after Kubernetes 1.${f.until}`;
  } else {
    const misplaced = t.misplaced?.(key, { specPath: ctx.specPath, structPath: structRel });
    if (misplaced) {
      code = "wrong-level";
      hint = misplaced;
    } else {
      const names: string[] = [];
      for (const [name, d] of t.fields) if (fieldExists(d, ctx.minor)) names.push(name);
      const s = suggest(key, names);
      if (s !== undefined) hint = `did you mean "${s}"?`;
    }
  }
  report(ctx, {
    severity: "error",
    code,
    message: hint ? `${unknownField(path)} — ${hint}` : unknownField(path),
    rel: path,
    at: "key",
    source: STRICT_SOURCE,
  });
}

function dropped(ctx: Ctx, at: GatedField["at"], key: string, path: string): void {
  const g = gatedField(at, key);
  const state = gateState(at, key, ctx.minor);
  if (!g || !state) return;
  const what = g.effect === "reset-default" ? `${key} is reset to "Default"` : `${key} is dropped`;
  const when = state.onFrom !== undefined ? `; it is on by default from 1.${state.onFrom}` : "";
  report(ctx, {
    severity: "warning",
    code: "dropped-field",
    message: `${what} by a Kubernetes 1.${ctx.minor} API server: the ${state.gate} feature gate is off by default in 1.${ctx.minor} (${state.stage})${when}.`,
    rel: path,
    at: "key",
    source: `${g.source}; ${GATE_SOURCE} (${state.gate})`,
  });
}
