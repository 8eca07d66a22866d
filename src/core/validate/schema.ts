// A small description of the Go API types, enough to decode a manifest the way the API server
// does: which keys a struct knows (strict decoding rejects the others), which JSON type each value
// must have (encoding/json rejects the others), and the Go names that appear in those errors.
// Types we do not model are `open`: anything goes inside them, so real manifests (Helm output,
// `kubectl get -o yaml` dumps) never get a false unknown-field finding there.

export type TypeDesc =
  | { kind: "open" }
  | { kind: "int64"; go: string }
  | { kind: "bool"; go: string }
  | { kind: "string"; go: string }
  | { kind: "array"; go: string; items: TypeDesc }
  | StructDesc;

export interface StructDesc {
  kind: "struct";
  /** Go type as %v prints it in "of type …", e.g. "v1.SecurityContext". */
  go: string;
  /** reflect.Type.Name(): the struct name in "Go struct field <Name>.<path>". */
  name: string;
  fields: ReadonlyMap<string, FieldDesc>;
  /** Explains a key that is known elsewhere (a field at the wrong level), for unknown-field findings. */
  misplaced?: (key: string, at: MisplacedAt) => string | undefined;
}

/** What a misplaced-field hint may mention: where the pod spec sits, and the struct's own path. */
export interface MisplacedAt {
  specPath: string;
  structPath: string;
}

export interface FieldDesc {
  type: TypeDesc;
  /** First Kubernetes minor version whose API types have the field (an unknown field before). */
  since?: number;
  /** Last minor version whose API types have the field (an unknown field after). */
  until?: number;
}

export const OPEN: TypeDesc = { kind: "open" };
export const INT64: TypeDesc = { kind: "int64", go: "int64" };
export const BOOL: TypeDesc = { kind: "bool", go: "bool" };
export const STRING: TypeDesc = { kind: "string", go: "string" };

export function arrayOf(items: TypeDesc): TypeDesc {
  return { kind: "array", go: `[]${items.kind === "open" ? "interface {}" : items.go}`, items };
}

type FieldInput = TypeDesc | FieldDesc;

function isFieldDesc(f: FieldInput): f is FieldDesc {
  return "type" in f;
}

/** A struct from an object literal of fields (names are our own constants, so a literal is safe here). */
export function struct(
  go: string,
  fields: Record<string, FieldInput>,
  misplaced?: StructDesc["misplaced"],
): StructDesc {
  const map = new Map<string, FieldDesc>();
  // for…in over the literal's own keys (same order as Object.entries): the structs are built at
  // every start of the command, in the interpreter, where Object.entries' pairs and each step of
  // for…of are objects to allocate (~75 KB a start, past which a one-pod run needs a GC).
  for (const k in fields) {
    const f = fields[k];
    map.set(k, isFieldDesc(f) ? f : { type: f });
  }
  const name = go.slice(go.lastIndexOf(".") + 1);
  return { kind: "struct", go, name, fields: map, misplaced };
}

/** Whether a field exists in the API types of a minor version. */
export function fieldExists(f: FieldDesc, minor: number): boolean {
  return (f.since === undefined || minor >= f.since) && (f.until === undefined || minor <= f.until);
}
