// Records keyed by names from a manifest (container names): a name such as `__proto__`,
// `constructor` or `toString` must be a key like any other. `obj[name]` would read or set the
// object's prototype chain instead, so such records have no prototype and are read by own keys.

/** An empty record with no prototype: `r["__proto__"] = v` stores v under that key. */
export function emptyRecord<V>(): Record<string, V> {
  return Object.create(null) as Record<string, V>;
}

/** The record's own value for `key`, never one inherited from Object.prototype. */
export function ownValue<V>(record: Record<string, V> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** A copy of `record` with `key` set (an own property, whatever the key). */
export function withKey<V>(record: Record<string, V>, key: string, value: V): Record<string, V> {
  const out = emptyRecord<V>();
  for (const k of Object.keys(record)) out[k] = record[k];
  out[key] = value;
  return out;
}
