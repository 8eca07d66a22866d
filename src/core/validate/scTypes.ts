// The two securityContext types, built from the field catalogue (the one list of securityContext
// fields): PodSecurityContext from the fields whose levels include "pod", SecurityContext from
// those that include "container". What the catalogue does not carry is added here: the Go type
// names that encoding/json prints ("of type v1.ProcMountType"), from k8s.io/api/core/v1 types.go.

import { FIELDS, POD_SETTINGS, fieldsAt, minorNumber, type FieldSpec, type Level, type SubField, type ValueType } from "../catalogue/fields";
import { BOOL, INT64, OPEN, arrayOf, struct, type FieldDesc, type MisplacedAt, type StructDesc, type TypeDesc } from "./schema";

/** Go type names of catalogue fields and sub-fields whose Go type is a named type. */
const GO_TYPE: Readonly<Record<string, string>> = {
  procMount: "v1.ProcMountType",
  fsGroupChangePolicy: "v1.PodFSGroupChangePolicy",
  supplementalGroupsPolicy: "v1.SupplementalGroupsPolicy",
  seLinuxChangePolicy: "v1.PodSELinuxChangePolicy",
  capabilities: "v1.Capabilities",
  "capabilities.add": "v1.Capability",
  "capabilities.drop": "v1.Capability",
  seccompProfile: "v1.SeccompProfile",
  "seccompProfile.type": "v1.SeccompProfileType",
  appArmorProfile: "v1.AppArmorProfile",
  "appArmorProfile.type": "v1.AppArmorProfileType",
  seLinuxOptions: "v1.SELinuxOptions",
  windowsOptions: "v1.WindowsSecurityContextOptions",
  sysctls: "v1.Sysctl",
};

function goTypeName(key: string, fallback: string): string {
  return Object.prototype.hasOwnProperty.call(GO_TYPE, key) ? GO_TYPE[key] : fallback;
}

function scalar(type: ValueType, key: string): TypeDesc {
  switch (type) {
    case "integer":
      return INT64;
    case "boolean":
      return BOOL;
    case "string":
      return { kind: "string", go: goTypeName(key, "string") };
    default:
      return OPEN;
  }
}

function subStruct(key: string, fields: readonly SubField[] | undefined): StructDesc {
  const goName = goTypeName(key, `v1.${key.charAt(0).toUpperCase()}${key.slice(1)}`);
  const out: Record<string, FieldDesc> = {};
  for (const sub of fields ?? []) {
    const subKey = `${key}.${sub.name}`;
    const type = sub.type === "array" ? arrayOf(scalar(sub.items ?? "string", subKey)) : scalar(sub.type, subKey);
    out[sub.name] = { type, since: minorNumber(sub.added) ?? minorNumber(sub.ga) };
  }
  return struct(goName, out);
}

function typeOf(f: FieldSpec): TypeDesc {
  switch (f.type) {
    case "object":
      return subStruct(f.name, f.fields);
    case "array":
      return arrayOf(f.items === "object" ? subStruct(f.name, f.fields) : scalar(f.items ?? "string", f.name));
    default:
      return scalar(f.type, f.name);
  }
}

/**
 * The first minor version whose API types have the field. The catalogue gives `added` (alpha), and
 * for some fields only `ga`; a field is GA no earlier than it exists, so `ga` is the fallback.
 */
export function sinceOf(f: FieldSpec): number | undefined {
  return minorNumber(f.added) ?? minorNumber(f.ga);
}

const OTHER: Record<Level, Level> = { pod: "container", container: "pod" };

/** Where the other level's securityContext is, for the wrong-level explanation. */
export function levelPath(level: Level, specPath: string): string {
  return level === "pod" ? `${specPath}.securityContext` : `${specPath}.containers[*].securityContext`;
}

function misplacedInSc(level: Level) {
  const own = new Set(fieldsAt(level));
  const other = new Set(fieldsAt(OTHER[level]));
  const podSettings = new Set<string>(POD_SETTINGS);
  return (key: string, at: MisplacedAt): string | undefined => {
    if (other.has(key) && !own.has(key)) {
      return OTHER[level] === "pod"
        ? `${key} exists only in the pod's securityContext (${levelPath("pod", at.specPath)})`
        : `${key} exists only in a container's securityContext (${levelPath("container", at.specPath)})`;
    }
    if (podSettings.has(key)) return `${key} is a field of the pod spec (${at.specPath}.${key}), not of a securityContext`;
    return undefined;
  };
}

function scStruct(level: Level, go: string): StructDesc {
  const fields: Record<string, FieldDesc> = {};
  for (const f of FIELDS) {
    if (!f.levels.includes(level)) continue;
    fields[f.name] = { type: typeOf(f), since: sinceOf(f) };
  }
  return struct(go, fields, misplacedInSc(level));
}

export const POD_SECURITY_CONTEXT = scStruct("pod", "v1.PodSecurityContext");
export const SECURITY_CONTEXT = scStruct("container", "v1.SecurityContext");

/**
 * A securityContext field written directly on a container or on the pod spec: which securityContext
 * it belongs in. `on` is where it was written.
 */
export function misplacedScField(key: string, on: "container" | "podSpec", at: MisplacedAt): string | undefined {
  const f = FIELDS.find((x) => x.name === key);
  if (!f) return undefined;
  if (on === "container") {
    return f.levels.includes("container")
      ? `${key} belongs in the container's securityContext (${at.structPath}.securityContext.${key})`
      : `${key} belongs in the pod's securityContext (${levelPath("pod", at.specPath)}.${key})`;
  }
  return f.levels.includes("pod")
    ? `${key} belongs in the pod's securityContext (${levelPath("pod", at.specPath)}.${key})`
    : `${key} belongs in a container's securityContext (${levelPath("container", at.specPath)}.${key})`;
}
