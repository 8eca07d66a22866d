// ValidateTolerationsInPodAnnotations (kubernetes/kubernetes pkg/apis/core/validation/validation.go,
// called by ValidatePodSpecificAnnotations when scheduler.alpha.kubernetes.io/tolerations is not
// empty): helper.GetTolerationsFromPodAnnotations json.Unmarshals the value into []core.Toleration
// (encoding/json: case-insensitive field names, unknown fields ignored, the first type error kept),
// then ValidateTolerations checks each one under "<annotations>.scheduler.alpha.kubernetes.io/tolerations[i]".

import { goJsonSyntaxError } from "../go/json";
import type { Ctx } from "./findings";
import { goNumber, MaxLenError, RegexError, unmarshalTypeError } from "./format";
import { invalid, notSupported, src } from "./rules";
import { isDNS1123Subdomain } from "./securityContext";

export const TOLERATIONS_ANNOTATION = "scheduler.alpha.kubernetes.io/tolerations";

interface Toleration {
  key: string;
  operator: string;
  value: string;
  effect: string;
  tolerationSeconds?: number;
}

const FIELDS = [
  { json: "key", go: "string" },
  { json: "operator", go: "core.TolerationOperator" },
  { json: "value", go: "string" },
  { json: "effect", go: "core.TaintEffect" },
  { json: "tolerationSeconds", go: "int64" },
] as const;

const kindOf = (v: unknown): string => (typeof v === "string" ? "string" : typeof v === "number" ? "number" : typeof v === "boolean" ? "bool" : Array.isArray(v) ? "array" : "object");
const goValueError = (what: string, type: string) => `json: cannot unmarshal ${what} into Go value of type ${type}`;

/** GetTolerationsFromPodAnnotations: the tolerations, or encoding/json's error text. */
export function decodeTolerations(text: string): { tolerations: Toleration[] } | { error: string } {
  const syntax = goJsonSyntaxError(text);
  if (syntax) return { error: syntax };
  const v: unknown = JSON.parse(text);
  if (v === null) return { tolerations: [] };
  if (!Array.isArray(v)) return { error: goValueError(kindOf(v), "[]core.Toleration") };
  let first: string | undefined;
  const out: Toleration[] = [];
  for (const item of v) {
    const t: Toleration = { key: "", operator: "", value: "", effect: "" };
    out.push(t);
    if (item === null) continue;
    if (typeof item !== "object" || Array.isArray(item)) {
      first ??= goValueError(kindOf(item), "core.Toleration");
      continue;
    }
    for (const [k, raw] of Object.entries(item as Record<string, unknown>)) {
      // encoding/json: an exact match first, else a case-insensitive one.
      const f = FIELDS.find((x) => x.json === k) ?? FIELDS.find((x) => x.json.toLowerCase() === k.toLowerCase());
      if (!f || raw === null) continue;
      if (f.json === "tolerationSeconds") {
        if (typeof raw === "number" && Number.isInteger(raw) && Math.abs(raw) < 2 ** 63) t.tolerationSeconds = raw;
        else first ??= unmarshalTypeError(typeof raw === "number" ? `number ${goNumber(raw)}` : kindOf(raw), "Toleration", f.json, f.go);
      } else if (typeof raw === "string") t[f.json] = raw;
      else first ??= unmarshalTypeError(kindOf(raw), "Toleration", f.json, f.go);
    }
  }
  return first ? { error: first } : { tolerations: out };
}

const QNAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
const QNAME_RE = new RegExp(`^${QNAME_FMT}$`);
const QNAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_VALUE_FMT = `(${QNAME_FMT})?`;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** apimachinery IsQualifiedName. */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split("/");
  let name: string;
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push("prefix part must be non-empty");
    else errs.push(...isDNS1123Subdomain(prefix).map((m) => `prefix part ${m}`));
  } else {
    return [`a qualified name ${RegexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`];
  }
  if (name.length === 0) errs.push("name part must be non-empty");
  else if (name.length > 63) errs.push(`name part ${MaxLenError(63)}`);
  if (!QNAME_RE.test(name)) errs.push(`name part ${RegexError(QNAME_MSG, QNAME_FMT, "MyName", "my.name", "123-abc")}`);
  return errs;
}

/** apimachinery IsValidLabelValue. */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 63) errs.push(MaxLenError(63));
  if (!LABEL_VALUE_RE.test(value)) {
    errs.push(RegexError("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
  }
  return errs;
}

/** ValidateTolerationsInPodAnnotations; `msgBase`/`rel` are the annotations map's paths (upstream's and the real one). */
export function checkTolerationsAnnotation(ctx: Ctx, value: string, msgBase: string, rel: string): void {
  const source = src("ValidateTolerationsInPodAnnotations");
  const decoded = decodeTolerations(value);
  if ("error" in decoded) {
    invalid(ctx, { msgPath: msgBase, rel, at: "value" }, TOLERATIONS_ANNOTATION, decoded.error, `${source}; kubernetes/kubernetes pkg/apis/core/helper/helpers.go (GetTolerationsFromPodAnnotations); encoding/json`);
    return;
  }
  const base = `${msgBase}.${TOLERATIONS_ANNOTATION}`;
  const vsrc = src("ValidateTolerations");
  decoded.tolerations.forEach((t, i) => {
    const w = (child: string) => ({ msgPath: `${base}[${i}].${child}`, rel, at: "value" as const });
    if (t.key.length > 0) for (const m of isQualifiedName(t.key)) invalid(ctx, w("key"), t.key, m, `${vsrc}; ValidateLabelName`);
    if (t.key.length === 0 && t.operator !== "Exists") invalid(ctx, w("operator"), t.operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"', vsrc);
    if (t.tolerationSeconds !== undefined && t.effect !== "NoExecute") invalid(ctx, w("effect"), t.effect, "effect must be 'NoExecute' when `tolerationSeconds` is set", vsrc);
    if (t.operator === "Equal" || t.operator === "") {
      const errs = isValidLabelValue(t.value);
      if (errs.length) invalid(ctx, w("operator"), t.value, errs.join(";"), vsrc);
    } else if (t.operator === "Exists") {
      if (t.value.length > 0) invalid(ctx, w("operator"), t.value, "value must be empty when `operator` is 'Exists'", vsrc);
    } else notSupported(ctx, w("operator"), t.operator, ["Equal", "Exists"], vsrc);
    if (t.effect.length > 0 && !["NoSchedule", "PreferNoSchedule", "NoExecute"].includes(t.effect)) notSupported(ctx, w("effect"), t.effect, ["NoSchedule", "PreferNoSchedule", "NoExecute"], `${vsrc}; validateTaintEffect`);
  });
}
