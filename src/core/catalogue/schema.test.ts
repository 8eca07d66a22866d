import { describe, expect, it } from "vitest";
import { FIELDS, POD_SETTINGS_SPECS, fieldsAt, type FieldSpec } from "./fields";
import { entryProse } from "./fieldProse";
import { DRAFT_07, WORKLOAD_KINDS, buildManifestSchema, type JsonSchema } from "./schema";

// ------------------------------------------------------------------------------------------------
// A small draft-07 validator for the keywords the generated schema uses ($ref to #/definitions,
// allOf, if/then/else, not, type, enum, const, properties, required, additionalProperties, items,
// minimum, maximum). Any other keyword makes it throw, so the test notices when the schema grows.

const KNOWN = new Set([
  "$schema", "$ref", "title", "description", "markdownDescription", "definitions", "examples",
  "allOf", "if", "then", "else", "not", "type", "enum", "const", "properties", "required",
  "additionalProperties", "items", "minimum", "maximum",
]);

interface Failure {
  path: string;
  message: string;
}

function typeOf(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === "number" && actual === "integer");
}

function validate(root: JsonSchema, schema: JsonSchema, value: unknown, path = ""): Failure[] {
  for (const k of Object.keys(schema)) if (!KNOWN.has(k)) throw new Error(`validator does not know keyword ${k}`);
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/definitions/", "");
    const target = (root.definitions as Record<string, JsonSchema>)[name];
    if (!target) throw new Error(`unresolved ${schema.$ref}`);
    return validate(root, target, value, path);
  }
  const out: Failure[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeMatches(value, t))) return [{ path, message: `expected ${types.join("|")}, got ${typeOf(value)}` }];
  }
  if (schema.enum && !(schema.enum as unknown[]).some((e) => e === value)) out.push({ path, message: `not one of ${JSON.stringify(schema.enum)}` });
  if ("const" in schema && schema.const !== value) out.push({ path, message: `not ${JSON.stringify(schema.const)}` });
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) out.push({ path, message: `below ${schema.minimum}` });
    if (typeof schema.maximum === "number" && value > schema.maximum) out.push({ path, message: `above ${schema.maximum}` });
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const r of (schema.required ?? []) as string[]) if (!(r in obj)) out.push({ path, message: `missing ${r}` });
    for (const [k, v] of Object.entries(obj)) {
      const p = path ? `${path}.${k}` : k;
      if (props[k]) out.push(...validate(root, props[k], v, p));
      else if (schema.additionalProperties === false) out.push({ path: p, message: `property ${k} is not allowed` });
    }
  }
  if (Array.isArray(value) && schema.items) value.forEach((v, i) => out.push(...validate(root, schema.items as JsonSchema, v, `${path}[${i}]`)));
  for (const s of (schema.allOf ?? []) as JsonSchema[]) out.push(...validate(root, s, value, path));
  if (schema.if) {
    const branch = validate(root, schema.if as JsonSchema, value, path).length === 0 ? schema.then : schema.else;
    if (branch) out.push(...validate(root, branch as JsonSchema, value, path));
  }
  if (schema.not && validate(root, schema.not as JsonSchema, value, path).length === 0) out.push({ path, message: "matches a forbidden schema" });
  return out;
}

const SCHEMA = buildManifestSchema();
const check = (doc: unknown) => validate(SCHEMA, SCHEMA, doc);
const defs = SCHEMA.definitions as Record<string, JsonSchema>;
const podSc = defs.podSecurityContext;
const containerSc = defs.containerSecurityContext;
const props = (s: JsonSchema) => s.properties as Record<string, JsonSchema>;

// ------------------------------------------------------------------------------------------------
// Manifests.

type Obj = Record<string, unknown>;

function podSpec(pod: Obj | undefined, container: Obj | undefined, extra: Obj = {}): Obj {
  return {
    ...(pod ? { securityContext: pod } : {}),
    containers: [{ name: "app", image: "app:1", ...(container ? { securityContext: container } : {}) }],
    ...extra,
  };
}

function wrap(kind: string, spec: Obj): Obj {
  const meta = { apiVersion: "v1", kind, metadata: { name: "x", labels: { a: "b" } } };
  const template = { metadata: { labels: { a: "b" } }, spec };
  switch (kind) {
    case "Pod":
      return { ...meta, spec };
    case "PodTemplate":
      return { ...meta, template };
    case "CronJob":
      return { ...meta, spec: { schedule: "* * * * *", jobTemplate: { spec: { template } } } };
    default:
      return { ...meta, spec: { replicas: 1, selector: { matchLabels: { a: "b" } }, template } };
  }
}

const KINDS = Object.keys(WORKLOAD_KINDS);

// ------------------------------------------------------------------------------------------------

describe("schema shape", () => {
  it("is draft-07 for yaml-language-server", () => {
    expect(SCHEMA.$schema).toBe(DRAFT_07);
  });

  it("closes both securityContext objects and nothing above them", () => {
    expect(podSc.additionalProperties).toBe(false);
    expect(containerSc.additionalProperties).toBe(false);
    for (const name of ["manifest", "podTemplateSpec", "podSpec", "container"]) expect(defs[name].additionalProperties, name).toBeUndefined();
  });
});

describe("every catalogue field appears at its levels and nowhere else", () => {
  it("pod securityContext has exactly the pod fields", () => {
    expect(Object.keys(props(podSc)).sort()).toEqual(fieldsAt("pod").sort());
  });

  it("container securityContext has exactly the container fields", () => {
    expect(Object.keys(props(containerSc)).sort()).toEqual(fieldsAt("container").sort());
  });

  it("no field name is a property anywhere outside the securityContext definitions", () => {
    const names = new Set(FIELDS.map((f) => f.name));
    const seen: string[] = [];
    const walk = (s: unknown, where: string) => {
      if (Array.isArray(s)) return s.forEach((x) => walk(x, where));
      if (s === null || typeof s !== "object") return;
      const o = s as JsonSchema;
      if (o.properties) for (const k of Object.keys(o.properties as object)) if (names.has(k)) seen.push(`${where}:${k}`);
      for (const [k, v] of Object.entries(o)) if (k !== "properties") walk(v, where);
      if (o.properties) for (const v of Object.values(o.properties as object)) walk(v, where);
    };
    for (const [name, def] of Object.entries(defs)) {
      if (name === "podSecurityContext" || name === "containerSecurityContext") continue;
      walk(def, name);
    }
    expect(seen).toEqual([]);
  });

  it.each(FIELDS.map((f) => [f.name, f] as const))("%s is accepted at its levels and refused elsewhere", (_n, f) => {
    const sample = sampleValue(f);
    for (const level of ["pod", "container"] as const) {
      const doc = wrap("Pod", level === "pod" ? podSpec({ [f.name]: sample }, undefined) : podSpec(undefined, { [f.name]: sample }));
      const errors = check(doc);
      if (f.levels.includes(level)) expect(errors, `${f.name} at ${level}`).toEqual([]);
      else expect(errors.map((e) => e.message), `${f.name} at ${level}`).toContain(`property ${f.name} is not allowed`);
    }
  });
});

describe("enums and types come from the catalogue", () => {
  it.each(FIELDS.map((f) => [f.name, f] as const))("%s", (_n, f) => {
    for (const level of f.levels) {
      const s = props(level === "pod" ? podSc : containerSc)[f.name];
      if (f.enum && f.type === "string") expect((s.enum as unknown[]).filter((v) => v !== null)).toEqual([...f.enum]);
      expect(s.type).toContain(f.type);
      expect(typeof s.description).toBe("string");
      expect(s.description as string).toContain(entryProse(f).summary);
      expect(s.markdownDescription as string).toContain(entryProse(f).kernel);
      for (const sub of f.fields ?? []) {
        const container = f.type === "array" ? (s.items as JsonSchema) : s;
        const subSchema = props(container)[sub.name];
        expect(subSchema, sub.name).toBeDefined();
        if (sub.enum) expect((subSchema.enum as unknown[]).filter((v) => v !== null)).toEqual([...sub.enum]);
        expect(container.additionalProperties).toBe(false);
      }
    }
  });

  it("describes the pod settings outside securityContext from POD_SETTINGS_SPECS", () => {
    const spec = props(defs.podSpec);
    for (const p of POD_SETTINGS_SPECS) {
      const s = p.path === "os.name" ? props(spec.os).name : spec[p.path];
      expect(s, p.path).toBeDefined();
      expect(s.description as string).toContain(entryProse(p).summary);
    }
  });
});

describe("validation of manifests", () => {
  it.each(KINDS)("%s: a pod-only field is not allowed under a container", (kind) => {
    const errors = check(wrap(kind, podSpec(undefined, { fsGroup: 2000 })));
    expect(errors).toHaveLength(1);
    expect(errors[0].message).toBe("property fsGroup is not allowed");
    expect(errors[0].path).toBe(`${WORKLOAD_KINDS[kind as keyof typeof WORKLOAD_KINDS]}.containers[0].securityContext.fsGroup`);
  });

  it.each(KINDS)("%s: a container-only field is not allowed on the pod", (kind) => {
    const errors = check(wrap(kind, podSpec({ privileged: true }, undefined)));
    expect(errors.map((e) => e.message)).toEqual(["property privileged is not allowed"]);
  });

  it("checks initContainers and ephemeralContainers too", () => {
    const spec = podSpec(undefined, undefined, {
      initContainers: [{ name: "i", securityContext: { sysctls: [] } }],
      ephemeralContainers: [{ name: "e", securityContext: { fsGroupChangePolicy: "Always" } }],
    });
    expect(check(wrap("Pod", spec)).map((e) => e.path)).toEqual([
      "spec.initContainers[0].securityContext.sysctls",
      "spec.ephemeralContainers[0].securityContext.fsGroupChangePolicy",
    ]);
  });

  it("checks every item of a List", () => {
    const list = { apiVersion: "v1", kind: "List", items: [wrap("Pod", podSpec(undefined, undefined)), wrap("Deployment", podSpec(undefined, { supplementalGroups: [1] }))] };
    expect(check(list).map((e) => e.path)).toEqual(["items[1].spec.template.spec.containers[0].securityContext.supplementalGroups"]);
  });

  it("rejects values outside an enum, wrong types and out-of-range ids", () => {
    const errors = check(wrap("Pod", podSpec({ fsGroupChangePolicy: "Sometimes", runAsUser: -1 }, { procMount: "Masked", privileged: "yes" })));
    expect(errors.map((e) => e.path).sort()).toEqual([
      "spec.containers[0].securityContext.privileged",
      "spec.containers[0].securityContext.procMount",
      "spec.securityContext.fsGroupChangePolicy",
      "spec.securityContext.runAsUser",
    ]);
  });

  it("closes the objects inside securityContext and enforces Localhost profiles", () => {
    expect(check(wrap("Pod", podSpec(undefined, { capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"], keep: [] } }))).map((e) => e.message)).toEqual([
      "property keep is not allowed",
    ]);
    expect(check(wrap("Pod", podSpec({ seccompProfile: { type: "Localhost" } }, undefined))).map((e) => e.message)).toEqual(["missing localhostProfile"]);
    expect(check(wrap("Pod", podSpec({ seccompProfile: { type: "RuntimeDefault", localhostProfile: "x.json" } }, undefined)))).toHaveLength(1);
    expect(check(wrap("Pod", podSpec({ seccompProfile: { type: "Localhost", localhostProfile: "profiles/a.json" } }, undefined)))).toEqual([]);
    expect(check(wrap("Pod", podSpec({ sysctls: [{ name: "net.ipv4.ip_unprivileged_port_start" }] }, undefined))).map((e) => e.message)).toEqual(["missing value"]);
  });

  it("leaves everything outside securityContext open and accepts nulls", () => {
    const doc = wrap(
      "StatefulSet",
      podSpec({ runAsUser: null }, { readOnlyRootFilesystem: null }, {
        hostUsers: false,
        volumes: [{ name: "tmp", emptyDir: {} }],
        someFutureField: { anything: 1 },
        os: { name: "linux", future: true },
      }),
    );
    expect(check(doc)).toEqual([]);
    expect(check({ apiVersion: "v1", kind: "Service", spec: { securityContext: { nonsense: 1 } } })).toEqual([]);
    expect(check({ kind: "ConfigMap", data: { a: "b" } })).toEqual([]);
  });

  it("accepts the seed documents' examples (seed 000 golden standard, seed 003 hardened example)", () => {
    const seed000 = wrap("Pod", {
      securityContext: { fsGroup: 2000, runAsUser: 1000, runAsGroup: 3000 },
      containers: [
        {
          name: "my-app",
          image: "my-app:v1",
          securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
          volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
        },
      ],
      volumes: [{ name: "tmp", emptyDir: {} }],
    });
    const seed003 = wrap("Pod", {
      securityContext: { runAsNonRoot: true, runAsUser: 1000, fsGroup: 2000 },
      containers: [
        {
          name: "app",
          image: "myapp:1.0",
          securityContext: { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } },
        },
      ],
    });
    expect(check(seed000)).toEqual([]);
    expect(check(seed003)).toEqual([]);
  });
});

function sampleValue(f: FieldSpec): unknown {
  switch (f.name) {
    case "seccompProfile":
    case "appArmorProfile":
      return { type: "RuntimeDefault" };
    case "sysctls":
      return [{ name: "net.ipv4.ip_unprivileged_port_start", value: "0" }];
    case "capabilities":
      return { drop: ["ALL"] };
    case "seLinuxOptions":
      return { level: "s0:c1,c2" };
    case "windowsOptions":
      return { runAsUserName: "ContainerUser" };
  }
  if (f.enum) return f.enum[0];
  switch (f.type) {
    case "integer":
      return 1000;
    case "boolean":
      return true;
    case "array":
      return [1000];
    default:
      return "x";
  }
}
