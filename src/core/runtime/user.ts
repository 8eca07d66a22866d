// The image's USER as the kubelet learns it from the runtime, and the few reads of `effective`
// that need care because a wrong manifest can put anything there.

import type { EffectiveField } from "../types";

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/**
 * What ImageStatus reports for an image USER: a uid, a user name, or neither.
 * containerd internal/cri/server/images/image_status.go and cri-o server/image_status.go
 * getUserFromImage (identical): "" → neither; the part before ":" is a uid when strconv.ParseInt
 * (base 10, 64 bits) accepts it, otherwise a user name.
 */
export interface ImageUser {
  /** Decimal text of the uid, as Go's %d prints it (int64). */
  uid?: string;
  username?: string;
}

export function parseImageUser(user: unknown): ImageUser {
  if (typeof user === "number") {
    if (Number.isSafeInteger(user)) return { uid: String(user) };
    return parseImageUser(String(user));
  }
  if (typeof user !== "string" || user === "") return {};
  const first = user.split(":")[0];
  if (/^[+-]?[0-9]+$/.test(first)) {
    const value = BigInt(first);
    if (value >= INT64_MIN && value <= INT64_MAX) return { uid: value.toString() };
  }
  return { username: first };
}

/** The field's value when the manifest set it (container or pod level), else undefined. */
export function setValue(effective: unknown, field: EffectiveField): unknown {
  const e = entry(effective, field);
  if (!e || (e.source !== "container" && e.source !== "pod")) return undefined;
  return e.value;
}

/** The field's resolved value, whatever its source. */
export function valueOf(effective: unknown, field: EffectiveField): unknown {
  return entry(effective, field)?.value;
}

export function sourceOf(effective: unknown, field: EffectiveField): string | undefined {
  const source = entry(effective, field)?.source;
  return typeof source === "string" ? source : undefined;
}

function entry(effective: unknown, field: EffectiveField): { value?: unknown; source?: unknown } | undefined {
  if (!effective || typeof effective !== "object") return undefined;
  const e = (effective as Record<string, unknown>)[field];
  return e && typeof e === "object" ? (e as { value?: unknown; source?: unknown }) : undefined;
}

/** An int64-like integer from the manifest, or undefined when the value is of another type. */
export function integer(value: unknown): number | undefined {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : undefined;
}
