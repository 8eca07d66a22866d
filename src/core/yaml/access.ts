// Safe reads of parsed YAML values: own properties only (a key such as `constructor` must never
// reach Object.prototype), plus the source position of a key or an item.

import type { MapPos, Positions, SeqPos } from "./parse";

export type YMap = Record<string, unknown>;

export function isMap(v: unknown): v is YMap {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

export function has(obj: YMap, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** The own value of `key`, or undefined. */
export function get(obj: unknown, key: string): unknown {
  return isMap(obj) && has(obj, key) ? obj[key] : undefined;
}

/** Set (present and not null), as a Go pointer field decoded from JSON would be non-nil. */
export function isSet(v: unknown): boolean {
  return v !== undefined && v !== null;
}

export interface Span {
  /** Offset of the key (for a map entry) or of the item (for a sequence). */
  keyStart: number;
  valueStart: number;
  valueEnd: number;
}

export function keySpan(positions: Positions, obj: unknown, key: string): Span | undefined {
  if (!isMap(obj)) return undefined;
  const pos = positions.get(obj) as MapPos | undefined;
  if (!pos || pos.kind !== "map") return undefined;
  const i = indexOfKey(pos, key);
  if (i === -1) return undefined;
  return { keyStart: pos.offs[i * 3], valueStart: pos.offs[i * 3 + 1], valueEnd: pos.offs[i * 3 + 2] };
}

/**
 * Index of a key in a map's positions. Names are unique (the parser keeps one entry per key), so a
 * small map is scanned; a large one gets an index on first use: reporting one finding per key of a
 * 50,000-key map must not cost 50,000 scans.
 */
function indexOfKey(pos: MapPos, key: string): number {
  if (pos.names.length <= 32) return pos.names.indexOf(key);
  if (!pos.lookup || pos.lookup.size !== pos.names.length) pos.lookup = new Map(pos.names.map((k, i) => [k, i] as const));
  return pos.lookup.get(key) ?? -1;
}

export function itemSpan(positions: Positions, arr: unknown, index: number): Span | undefined {
  if (!Array.isArray(arr)) return undefined;
  const pos = positions.get(arr) as SeqPos | undefined;
  if (!pos || pos.kind !== "seq" || index * 2 + 1 >= pos.offs.length) return undefined;
  return { keyStart: pos.offs[index * 2], valueStart: pos.offs[index * 2], valueEnd: pos.offs[index * 2 + 1] };
}

/** Start offset of a map or sequence node. */
export function nodeStart(positions: Positions, node: unknown): number | undefined {
  return node !== null && typeof node === "object" ? positions.get(node)?.start : undefined;
}

/** A path segment list as the contract writes it: `spec.containers[1].securityContext`. */
export function joinPath(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}
