// The JSON schema the editor (monaco-yaml / yaml-language-server) uses for hover, completion and
// markers, generated from the catalogue (the rules in fields.ts, the words in fieldProse.ts): no
// second copy of the securityContext fields exists.
//
// Only securityContext objects (and the objects inside them) are closed with
// `additionalProperties: false`; everything else stays open, so a real manifest with fields this
// schema does not describe never gets a false error. Values may also be null, as the API server
// accepts null for every optional field (it means unset).

import {
  FIELDS,
  POD_SETTINGS_SPECS,
  CAPABILITY_NAMES,
  fieldsAt,
  type CatalogueEntry,
  type FieldSpec,
  type Level,
  type SubField,
  type ValueType,
} from "./fields";
import { entryProse } from "./fieldProse";

export type JsonSchema = { [key: string]: unknown };

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/** Kinds whose objects carry a pod spec, and where it sits. */
export const WORKLOAD_KINDS = {
  Pod: "spec",
  PodTemplate: "template.spec",
  Deployment: "spec.template.spec",
  ReplicaSet: "spec.template.spec",
  StatefulSet: "spec.template.spec",
  DaemonSet: "spec.template.spec",
  Job: "spec.template.spec",
  ReplicationController: "spec.template.spec",
  CronJob: "spec.jobTemplate.spec.template.spec",
} as const;

export type WorkloadKindName = keyof typeof WORKLOAD_KINDS;

/** The containers lists of a pod spec whose items carry a container securityContext. */
export const CONTAINER_LISTS = ["initContainers", "containers", "ephemeralContainers"] as const;

const MERGE_WORDS: Record<FieldSpec["merge"], string> = {
  "container-wins": "pod and container; the container's value replaces the pod's",
  "per-subfield": "pod and container; the container's sub-fields replace the pod's one by one",
  "container-only": "container only",
  "pod-only": "pod only; applies to every container",
};

function ref(name: string): JsonSchema {
  return { $ref: `#/definitions/${name}` };
}

function nullable(type: ValueType): string[] {
  return [type, "null"];
}

function versionLine(e: CatalogueEntry): string | undefined {
  const parts: string[] = [];
  const addedNote = e.added ? undefined : entryProse(e).addedNote;
  if (e.added) parts.push(`added in ${e.added}`);
  else if (addedNote) parts.push(addedNote);
  if (e.ga && e.ga !== e.added) parts.push(`GA in ${e.ga}`);
  if (e.featureGate) parts.push(`feature gate ${e.featureGate}${e.betaDefaultOn ? ` (on by default from ${e.betaDefaultOn})` : ""}`);
  return parts.length ? parts.join("; ") : undefined;
}

/** Plain text for `description`: the summary and the kernel effect. */
export function plainDescription(e: CatalogueEntry): string {
  const p = entryProse(e);
  return `${p.summary}\n\nKernel: ${p.kernel}`;
}

/** Markdown for `markdownDescription`: what it does, in the kernel, when unset, where, since when, mistakes. */
export function markdownDescription(e: CatalogueEntry, where?: string): string {
  const p = entryProse(e);
  const lines = [`**${p.summary}**`, "", `**Kernel:** ${p.kernel}`, "", `**When unset:** ${p.unset}`];
  if (where) lines.push("", `**Set on:** ${where}`);
  const v = versionLine(e);
  if (v) lines.push("", `**Kubernetes:** ${v}`);
  if (e.os) lines.push("", `**OS:** ${e.os} only`);
  if (p.mistakes.length) lines.push("", "**Common mistakes:**", ...p.mistakes.map((m) => `- ${m}`));
  const docs = p.references.filter((r) => r.kind !== "source").slice(0, 3);
  if (docs.length) lines.push("", docs.map((r) => `[${r.title}](${r.url})`).join(" · "));
  return lines.join("\n");
}

function subFieldSchema(f: SubField, parent: string): JsonSchema {
  const s: JsonSchema = { type: nullable(f.type), description: f.description };
  if (f.enum) s.enum = [...f.enum, null];
  if (f.type === "array" && f.items) {
    const items: JsonSchema = { type: f.items };
    if (parent === "capabilities" && f.items === "string") items.examples = [...CAPABILITY_NAMES, ...(f.name === "drop" ? ["ALL"] : [])];
    s.items = items;
  }
  if (f.minimum !== undefined) s.minimum = f.minimum;
  if (f.maximum !== undefined) s.maximum = f.maximum;
  const md = [f.description];
  if (f.added) md.push(`Added in ${f.added}${f.ga && f.ga !== f.added ? `, GA in ${f.ga}` : ""}${f.featureGate ? ` (feature gate ${f.featureGate})` : ""}.`);
  s.markdownDescription = md.join(" ");
  return s;
}

/** Properties (closed) of an object built from sub-fields. */
function closedObject(fields: readonly SubField[], parent: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const f of fields) properties[f.name] = subFieldSchema(f, parent);
  const required = fields.filter((f) => f.required).map((f) => f.name);
  const s: JsonSchema = { type: nullable("object"), additionalProperties: false, properties };
  if (required.length) s.required = required;
  return s;
}

/** The schema of one securityContext field's value. */
export function fieldValueSchema(spec: FieldSpec): JsonSchema {
  let s: JsonSchema;
  if (spec.type === "object" && spec.fields) {
    s = closedObject(spec.fields, spec.name);
    const hasLocalhost = spec.fields.some((f) => f.name === "localhostProfile");
    if (hasLocalhost) {
      // seccompProfile / appArmorProfile: localhostProfile is required with Localhost and
      // forbidden otherwise (pkg/apis/core/validation validateSeccompProfileField / validateAppArmorProfileField).
      s.if = { type: "object", properties: { type: { const: "Localhost" } }, required: ["type"] };
      s.then = { required: ["localhostProfile"] };
      s.else = { not: { type: "object", required: ["localhostProfile"] } };
    }
  } else if (spec.type === "array" && spec.items === "object" && spec.fields) {
    const item = closedObject(spec.fields, spec.name);
    item.type = "object";
    s = { type: nullable("array"), items: item };
  } else if (spec.type === "array") {
    const item: JsonSchema = { type: spec.items ?? "string" };
    if (spec.minimum !== undefined) item.minimum = spec.minimum;
    if (spec.maximum !== undefined) item.maximum = spec.maximum;
    s = { type: nullable("array"), items: item };
  } else {
    s = { type: nullable(spec.type) };
    if (spec.enum) s.enum = [...spec.enum, null];
    if (spec.minimum !== undefined) s.minimum = spec.minimum;
    if (spec.maximum !== undefined) s.maximum = spec.maximum;
  }
  s.description = plainDescription(spec);
  s.markdownDescription = markdownDescription(spec, MERGE_WORDS[spec.merge]);
  return s;
}

/** The closed securityContext object of a pod or of a container. */
export function securityContextSchema(level: Level): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const spec of FIELDS) if (spec.levels.includes(level)) properties[spec.name] = fieldValueSchema(spec);
  const names = fieldsAt(level);
  return {
    type: nullable("object"),
    description:
      level === "pod"
        ? `Pod-level security settings (PodSecurityContext). Fields: ${names.join(", ")}.`
        : `Container security settings (SecurityContext); they take precedence over the pod's. Fields: ${names.join(", ")}.`,
    additionalProperties: false,
    properties,
  };
}

function podSettingSchema(name: string): JsonSchema {
  const spec = POD_SETTINGS_SPECS.find((p) => p.path === name);
  if (!spec) throw new Error(`no pod setting ${name}`);
  const s: JsonSchema = { type: nullable(spec.type) };
  if (spec.enum) s.enum = [...spec.enum, null];
  s.description = plainDescription(spec);
  s.markdownDescription = markdownDescription(spec, "pod spec");
  return s;
}

function open(properties: Record<string, JsonSchema>, extra: JsonSchema = {}): JsonSchema {
  return { type: nullable("object"), properties, ...extra };
}

function podSpecSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {
    securityContext: ref("podSecurityContext"),
  };
  for (const list of CONTAINER_LISTS) properties[list] = { type: nullable("array"), items: ref("container") };
  for (const p of POD_SETTINGS_SPECS) {
    if (p.path.includes(".")) continue;
    properties[p.path] = podSettingSchema(p.path);
  }
  properties.os = open({ name: podSettingSchema("os.name") }, { description: "The operating system of the pod's containers." });
  return open(properties, { description: "Pod spec (only the security-relevant fields are described; all others are allowed)." });
}

/** Builds an open object chain for a dotted path ending in `leaf`, e.g. "spec.template" → {spec: {template: leaf}}. */
function nest(path: string, leaf: JsonSchema): JsonSchema {
  const keys = path.split(".");
  let s = leaf;
  for (let i = keys.length - 1; i >= 0; i--) s = open({ [keys[i]]: s });
  return s;
}

function kindRule(kinds: readonly string[], then: JsonSchema): JsonSchema {
  return {
    if: { type: "object", properties: { kind: kinds.length === 1 ? { const: kinds[0] } : { enum: [...kinds] } }, required: ["kind"] },
    then,
  };
}

function manifestSchema(): JsonSchema {
  const byPath = new Map<string, string[]>();
  for (const [kind, path] of Object.entries(WORKLOAD_KINDS)) {
    const list = byPath.get(path) ?? [];
    list.push(kind);
    byPath.set(path, list);
  }
  const rules: JsonSchema[] = [];
  for (const [path, kinds] of byPath) {
    // The pod spec sits at `path`; its parent is a PodTemplateSpec unless the kind is Pod.
    const parent = path.split(".").slice(0, -1).join(".");
    rules.push(kindRule(kinds, parent ? nest(parent, ref("podTemplateSpec")) : open({ spec: ref("podSpec") })));
  }
  rules.push(kindRule(["List"], open({ items: { type: nullable("array"), items: ref("manifest") } })));
  return { type: nullable("object"), allOf: rules };
}

/**
 * JSON Schema (draft-07) for Kubernetes manifests of the pod-carrying kinds (and `kind: List`),
 * describing and checking pod- and container-level securityContext from the catalogue.
 */
export function buildManifestSchema(): JsonSchema {
  return {
    $schema: DRAFT_07,
    title: "Kubernetes manifest (securityContext from the Security Context Playground catalogue)",
    description:
      "Pod, Deployment, ReplicaSet, StatefulSet, DaemonSet, Job, CronJob, ReplicationController, PodTemplate and List. Only securityContext objects are closed; all other fields are allowed.",
    definitions: {
      manifest: manifestSchema(),
      podTemplateSpec: open({ spec: ref("podSpec") }, { description: "Pod template: metadata and the pod spec." }),
      podSpec: podSpecSchema(),
      container: open({ securityContext: ref("containerSecurityContext") }, { description: "A container (init, regular or ephemeral)." }),
      podSecurityContext: securityContextSchema("pod"),
      containerSecurityContext: securityContextSchema("container"),
    },
    allOf: [ref("manifest")],
  };
}
