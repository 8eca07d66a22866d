// The validator's input and output shapes, and the one place findings are made.

export interface ValidationTarget {
  /** Pod, Deployment, … (workloads.ts POD_SPEC_PATHS). */
  kind: string;
  /** The whole object as parsed (plain objects/arrays/scalars; any value may be wrong-typed). */
  object: unknown;
  /** "" at document top, "items[2]" inside a List. */
  objectPath: string;
  /** The PodSpec. */
  spec: Record<string, unknown>;
  /** Path of the PodSpec from the document root, e.g. "spec.template.spec" or "items[2].spec". */
  specPath: string;
  /** Kubernetes minor version whose rules apply (23..37). */
  minor: number;
}

export interface Finding {
  severity: "error" | "warning" | "info";
  /** "unknown-field", "wrong-level", "wrong-type", "invalid-value", "required-value", … */
  code: string;
  /** Upstream text where Kubernetes reports it (paths relative to the object), plus a short hint where upstream has none. */
  message: string;
  /** Full path from the document root (includes "items[2]." inside a List). */
  path: string;
  /** Whether the editor should mark the key (unknown field) or the value (invalid value). */
  at?: "key" | "value";
  /** Upstream file and function the rule comes from. */
  source: string;
}

export interface Ctx {
  minor: number;
  kind: string;
  /** Path of the object from the document root. */
  objectPath: string;
  /** Path of the PodSpec relative to the object, as upstream prints it ("spec.template.spec"). */
  specPath: string;
  findings: Finding[];
}

export interface Report {
  severity: Finding["severity"];
  code: string;
  message: string;
  /** Path relative to the object. */
  rel: string;
  at?: Finding["at"];
  source: string;
}

/** Joins an object-relative path onto the object's own path. */
export function fullPath(objectPath: string, rel: string): string {
  if (!objectPath) return rel;
  if (!rel) return objectPath;
  return rel.startsWith("[") ? objectPath + rel : `${objectPath}.${rel}`;
}

export function report(ctx: Ctx, r: Report): void {
  const f: Finding = { severity: r.severity, code: r.code, message: r.message, path: fullPath(ctx.objectPath, r.rel), source: r.source };
  if (r.at) f.at = r.at;
  ctx.findings.push(f);
}

/** A child path: `a.b`, or `a[0]` for an index. */
export function child(base: string, key: string | number): string {
  if (typeof key === "number") return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Where the editor should point for a field that is missing: its parent's key, or the item. */
export function atOf(path: string): "key" | "value" {
  return path.endsWith("]") ? "value" : "key";
}
