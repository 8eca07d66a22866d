// What one analysis computes once and reuses for every pod alike: a `kubectl get pods -A` dump has
// thousands of pods and a handful of distinct specs. Everything here is keyed on the inputs the
// computation reads, never on places (lines, paths), which are filled in per pod; and it lives only
// as long as one analyze() call (or, streamed, until it is reset), so it cannot grow without end.

import type { Action, Process, PssLevel } from "./types";

export interface Memo {
  /** Off: every pod computed on its own (the reference the equivalence tests compare against). */
  on: boolean;
  /** Processes already computed, by their inputs (analyze.ts processOf). */
  processes: Map<string, Process>;
  /** Identities of big set values (maps and lists), for keys that must not serialise them. */
  ids: Map<object, number>;
  /** Actions but write-volume, evaluated with placeholders for places (actions/shared.ts). */
  actions: Map<string, { actions: Action[]; volumesAt: number; places: (string | undefined)[]; containerWhatIfs: boolean[] }>;
  /** An action's what-if with the container's path filled in, by action and container path. */
  whatIfs: Map<object, Map<string, Action["whatIf"]>>;
  /** Pod Security verdicts (both levels), by the pod's spec, Pod Security annotations and kind. */
  pss: Map<string, { baseline: PssLevel; restricted: PssLevel }>;
}

export function newMemo(on = true): Memo {
  return { on, processes: new Map(), ids: new Map(), actions: new Map(), whatIfs: new Map(), pss: new Map() };
}

/** Entries past which a long-lived memo (a streamed input) starts again, so memory stays flat. */
export const MEMO_LIMIT = 20_000;

export function memoSize(m: Memo): number {
  return m.ids.size + m.processes.size + m.actions.size + m.pss.size;
}

/** The identity of an object as a short key part (`#n`). */
export function identity(memo: Memo, v: object): string {
  let n = memo.ids.get(v);
  if (n === undefined) memo.ids.set(v, (n = memo.ids.size + 1));
  return `#${n}`;
}

/**
 * A parsed value as a key part: equal keys for values no code can tell apart, by type (NaN is not
 * null, -0 is not 0, "1" is not 1), keys in their order. Parsed YAML has no cycles; big values
 * are keyed by identity instead (valueOrIdentity).
 */
export function valueKey(v: unknown): string {
  if (v === null) return "n";
  switch (typeof v) {
    case "string":
      return JSON.stringify(v);
    case "number":
      return Object.is(v, -0) ? "-0" : `${v}`;
    case "boolean":
      return v ? "t" : "f";
    case "undefined":
      return "u";
    case "object":
      break;
    default:
      return `?${typeof v}`;
  }
  if (v instanceof Set) return `S${valueKey([...v])}`;
  if (Array.isArray(v)) {
    let s = "[";
    for (let i = 0; i < v.length; i++) s += (i ? "," : "") + (i in v ? valueKey(v[i]) : "_");
    return `${s}]`;
  }
  let s = "{";
  let first = true;
  for (const k of Object.keys(v as object)) {
    s += `${first ? "" : ","}${JSON.stringify(k)}:${valueKey((v as Record<string, unknown>)[k])}`;
    first = false;
  }
  return `${s}}`;
}

/** A value cheap to serialise: a scalar, or an object/array with few entries and no big children. */
export function isSmall(v: unknown, depth = 0): boolean {
  if (v === null || typeof v !== "object") return true;
  if (depth > 3) return false;
  const values = Array.isArray(v) ? v : Object.values(v);
  return values.length <= 32 && values.every((x) => isSmall(x, depth + 1));
}

/** Small values by value (alike pods share), big ones by identity (never serialised per container). */
export function valueOrIdentity(memo: Memo, v: unknown, byValue = false): string {
  if (v === null || typeof v !== "object") return valueKey(v);
  return byValue || isSmall(v) ? valueKey(v) : identity(memo, v);
}
