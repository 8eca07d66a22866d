// Upstream error text, byte for byte.
//
// Field errors: k8s.io/apimachinery/pkg/util/validation/field/errors.go — Error() is
// "<field>: <ErrorBody>", and ErrorBody is the type's words ("Invalid value", "Required value", …),
// then ": <value>" for the types that print one, then ": <detail>" when there is a detail. The
// value is printed the Go way: pointers are dereferenced, int64/bool with %v (plain), strings with
// %q, named string types (ProcMountType, …) with %#v — which is the same quoted form — and structs
// with %#v.
//
// Decoding errors: what the API server says before validation runs. Unknown fields come from
// sigs.k8s.io/json strict decoding ("unknown field %q", with a path such as
// "spec.containers[0].securityContext.runAsUsr"), wrapped by apimachinery's runtime serializer as
// "strict decoding error: …". Wrong JSON types come from encoding/json's UnmarshalTypeError:
// "json: cannot unmarshal <what> into Go struct field <Struct>.<json path without indices> of type
// <Go type>".

/** A value printed verbatim (e.g. a Go struct rendered with %#v). */
export class GoRaw {
  constructor(readonly text: string) {}
}

export type GoValue = number | bigint | string | boolean | null | undefined | GoRaw;


export { goQuote } from "../go/quote";
import { goQuote } from "../go/quote";

/**
 * A number as kubectl puts it in the JSON it sends (Go's encoding/json): integers in full digits,
 * other floats in the shortest form, with an exponent only below 1e-6 or from 1e21 — the same
 * thresholds JavaScript's Number#toString uses.
 */
export function goNumber(n: number | bigint): string {
  if (typeof n === "bigint") return n.toString();
  if (!Number.isFinite(n)) return Number.isNaN(n) ? "NaN" : n > 0 ? "+Inf" : "-Inf";
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** A value as ErrorBody prints it. */
export function goValue(v: GoValue): string {
  if (v === null || v === undefined) return "null";
  if (v instanceof GoRaw) return v.text;
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "boolean") return v ? "true" : "false";
  return goNumber(v);
}

// field.Error constructors. `path` is the field path relative to the object, as upstream prints it.
export const fieldError = {
  required: (path: string, detail = ""): string => withDetail(`${path}: Required value`, detail),
  forbidden: (path: string, detail: string): string => withDetail(`${path}: Forbidden`, detail),
  tooLong: (path: string, max: number): string => `${path}: Too long: must have at most ${max} bytes`,
  invalid: (path: string, value: GoValue, detail: string): string => withDetail(`${path}: Invalid value: ${goValue(value)}`, detail),
  duplicate: (path: string, value: GoValue): string => `${path}: Duplicate value: ${goValue(value)}`,
  notFound: (path: string, value: GoValue): string => `${path}: Not found: ${goValue(value)}`,
  /** field.NotSupported: each supported value through strconv.Quote, joined by ", ". */
  notSupported: (path: string, value: GoValue, supported: readonly string[]): string =>
    withDetail(`${path}: Unsupported value: ${goValue(value)}`, supported.length ? `supported values: ${supported.map(goQuote).join(", ")}` : ""),
};

function withDetail(s: string, detail: string): string {
  return detail ? `${s}: ${detail}` : s;
}

// Messages of apimachinery/pkg/util/validation/validation.go.
export const InclusiveRangeError = (lo: number, hi: number): string => `must be between ${lo} and ${hi}, inclusive`;
export const MaxLenError = (length: number): string => `must be no more than ${length} characters`;
export function RegexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  let out = `${msg} (e.g. `;
  examples.forEach((e, i) => {
    if (i > 0) out += " or ";
    out += `'${e}', `;
  });
  return `${out}regex used for validation is '${fmt}')`;
}

/** sigs.k8s.io/json strict decoding: an unknown field, with its path from the object. */
export const unknownField = (path: string): string => `unknown field ${goQuote(path)}`;
/** sigs.k8s.io/json strict decoding: a key given twice in one JSON object. */
export const duplicateField = (path: string): string => `duplicate field ${goQuote(path)}`;

/** encoding/json UnmarshalTypeError.Error(). */
export function unmarshalTypeError(what: string, struct: string, jsonPath: string, goType: string): string {
  return `json: cannot unmarshal ${what} into Go struct field ${struct}.${jsonPath} of type ${goType}`;
}

/** encoding/json UnsupportedValueError, what kubectl's json.Marshal says for NaN and ±Inf. */
export const unsupportedValue = (n: number): string => `json: unsupported value: ${goNumber(n)}`;

/** Length in bytes of a string's UTF-8 form (Go's len() on a string). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
