// Typed reads for the validation rules. The API server decodes before it validates, so a value of
// the wrong JSON type never reaches a rule (strict.ts reports it); these readers return undefined
// for such values, as for absent ones. JSON null is absent too (a nil pointer in Go).

import { get, isMap, type YMap } from "../yaml/access";

/** Present and not null: a non-nil Go pointer. */
export function isSetAt(obj: unknown, key: string): boolean {
  const v = get(obj, key);
  return v !== undefined && v !== null;
}

export function int64At(obj: unknown, key: string): number | undefined {
  const v = get(obj, key);
  return typeof v === "number" && Number.isInteger(v) && v >= -(2 ** 63) && v < 2 ** 63 ? v : undefined;
}

export function boolAt(obj: unknown, key: string): boolean | undefined {
  const v = get(obj, key);
  return typeof v === "boolean" ? v : undefined;
}

export function stringAt(obj: unknown, key: string): string | undefined {
  const v = get(obj, key);
  return typeof v === "string" ? v : undefined;
}

export function mapAt(obj: unknown, key: string): YMap | undefined {
  const v = get(obj, key);
  return isMap(v) ? v : undefined;
}

export function arrayAt(obj: unknown, key: string): unknown[] | undefined {
  const v = get(obj, key);
  return Array.isArray(v) ? v : undefined;
}
