// Plain-scalar resolution as kubectl reads YAML: sigs.k8s.io/yaml decodes with its fork of
// go-yaml v2 (YAML 1.1), so `yes`, `on`, `y`, `True` are booleans and `0755` is octal.
// Source: sigs.k8s.io/yaml goyaml.v2/resolve.go (resolveMapList, resolve()).

// Maps, not object literals: a scalar such as `__proto__` or `constructor` must not find a prototype member.
const BOOLEANS = new Map<string, boolean>(Object.entries({
  y: true, Y: true, yes: true, Yes: true, YES: true,
  true: true, True: true, TRUE: true,
  on: true, On: true, ON: true,
  n: false, N: false, no: false, No: false, NO: false,
  false: false, False: false, FALSE: false,
  off: false, Off: false, OFF: false,
}));

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);

const SPECIAL_FLOATS = new Map<string, number>(Object.entries({
  ".nan": NaN, ".NaN": NaN, ".NAN": NaN,
  ".inf": Infinity, ".Inf": Infinity, ".INF": Infinity,
  "+.inf": Infinity, "+.Inf": Infinity, "+.INF": Infinity,
  "-.inf": -Infinity, "-.Inf": -Infinity, "-.INF": -Infinity,
}));

// go-yaml v2's yamlStyleFloat.
const YAML_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
// strconv.ParseInt(s, 0, 64) accepts: optional sign, then 0x/0o/0b prefixed digits, a leading-0
// octal, or decimal. Underscores were already removed by go-yaml before the call.
const GO_INT = /^[-+]?(0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+|[1-9][0-9]*|0)$/;

export type ScalarKind = "null" | "bool" | "int" | "float" | "str";

export interface Resolved {
  kind: ScalarKind;
  value: unknown;
}

function parseGoInt(text: string): number {
  let sign = 1;
  let s = text;
  if (s[0] === "+" || s[0] === "-") {
    if (s[0] === "-") sign = -1;
    s = s.slice(1);
  }
  let n: number;
  if (/^0[xX]/.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0[bB]/.test(s)) n = parseInt(s.slice(2), 2);
  else if (/^0[oO]/.test(s)) n = parseInt(s.slice(2), 8);
  else if (s.length > 1 && s[0] === "0") n = parseInt(s.slice(1), 8);
  else n = Number(s);
  return sign * n;
}

/** Resolves an untagged plain scalar the way go-yaml v2 does. */
export function resolvePlain(text: string): Resolved {
  if (NULLS.has(text)) return { kind: "null", value: null };
  const b = BOOLEANS.get(text);
  if (b !== undefined) return { kind: "bool", value: b };
  const sf = SPECIAL_FLOATS.get(text);
  if (sf !== undefined) return { kind: "float", value: sf };
  const c = text.charCodeAt(0);
  // go-yaml only tries numbers when the first character is a digit, a sign or a dot.
  const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
  if (!numeric) return { kind: "str", value: text };
  const plain = text.includes("_") ? text.replace(/_/g, "") : text;
  if (GO_INT.test(plain)) {
    const n = parseGoInt(plain);
    // Beyond int64/uint64 ParseInt and ParseUint fail and go-yaml falls through to float.
    if (Number.isFinite(n) && Math.abs(n) <= 18446744073709551615) return { kind: "int", value: n };
  }
  if (YAML_FLOAT.test(plain)) {
    const f = Number(plain);
    if (!Number.isNaN(f)) return { kind: "float", value: f };
  }
  return { kind: "str", value: text };
}

/** Resolves a scalar with an explicit standard tag (`!!str`, `!!int`, …). Unknown tags read as plain. */
export function resolveTagged(tag: string, text: string, plain: boolean): Resolved {
  switch (tag) {
    case "!!str":
    case "tag:yaml.org,2002:str":
    case "!!binary":
    case "tag:yaml.org,2002:binary":
      return { kind: "str", value: text };
    case "!!bool":
    case "tag:yaml.org,2002:bool": {
      const b = BOOLEANS.get(text);
      return b === undefined ? { kind: "str", value: text } : { kind: "bool", value: b };
    }
    case "!!null":
    case "tag:yaml.org,2002:null":
      return { kind: "null", value: null };
    case "!!int":
    case "!!float":
    case "tag:yaml.org,2002:int":
    case "tag:yaml.org,2002:float": {
      const r = resolvePlain(text);
      return r.kind === "int" || r.kind === "float" ? r : { kind: "str", value: text };
    }
    default:
      return plain ? resolvePlain(text) : { kind: "str", value: text };
  }
}

/** Whether a boolean was spelled other than `true`/`false`, which YAML 1.2 tools read as a string. */
export function isYaml11OnlyBoolean(text: string): boolean {
  return BOOLEANS.has(text) && text !== "true" && text !== "false";
}
