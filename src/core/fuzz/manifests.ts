// Generated manifests for the fuzz properties: a model (plain values) of Pods, Deployments and
// CronJobs with random securityContext fields at pod and container level, and a renderer that
// writes the same model as YAML in many spellings: block or flow style or JSON, keys in any order,
// comments anywhere a comment may go, strings plain or quoted. Every spelling must give the same
// analysis.

import fc from "fast-check";

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type JsonMap = { [k: string]: Json };

const CAPS = ["ALL", "NET_ADMIN", "NET_BIND_SERVICE", "NET_RAW", "SYS_ADMIN", "CHOWN", "SETUID", "SYS_PTRACE", "CAP_KILL", "all", "bogus"];
const NAMES = ["app", "web", "proxy", "init-db", "a", "x1", "metrics", "log-shipper"];

const id = fc.oneof(fc.constantFrom(0, 1, 1000, 65534, 2147483647), fc.integer({ min: -2, max: 100_000 }));
const seccomp = fc.oneof(
  fc.constantFrom<Json>({ type: "RuntimeDefault" }, { type: "Unconfined" }),
  fc.record({ type: fc.constant("Localhost"), localhostProfile: fc.constantFrom("p.json", "profiles/audit.json") }),
);
const appArmor = fc.oneof(
  fc.constantFrom<Json>({ type: "RuntimeDefault" }, { type: "Unconfined" }),
  fc.record({ type: fc.constant("Localhost"), localhostProfile: fc.constantFrom("k8s-apparmor-example") }),
);
const seLinux = fc.record(
  { user: fc.constantFrom("system_u", "user_u"), role: fc.constantFrom("system_r"), type: fc.constantFrom("container_t", "spc_t"), level: fc.constantFrom("s0:c123,c456", "s0") },
  { requiredKeys: [] },
);
const capabilities = fc.record({ add: fc.subarray(CAPS, { maxLength: 3 }), drop: fc.subarray(CAPS, { maxLength: 3 }) }, { requiredKeys: [] });

/** Fields both levels have. */
const common = {
  runAsUser: id,
  runAsGroup: id,
  runAsNonRoot: fc.boolean(),
  seccompProfile: seccomp,
  appArmorProfile: appArmor,
  seLinuxOptions: seLinux,
};

const podSecurityContext = fc.record(
  {
    ...common,
    fsGroup: id,
    fsGroupChangePolicy: fc.constantFrom("OnRootMismatch", "Always"),
    supplementalGroups: fc.array(id, { maxLength: 3 }),
    supplementalGroupsPolicy: fc.constantFrom("Merge", "Strict"),
    sysctls: fc.array(fc.record({ name: fc.constantFrom("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "kernel.msgmax"), value: fc.constantFrom("1", "1024 65535") }), { maxLength: 2 }),
    seLinuxChangePolicy: fc.constantFrom("MountOption", "Recursive"),
  },
  { requiredKeys: [] },
);

const containerSecurityContext = fc.record(
  {
    ...common,
    privileged: fc.boolean(),
    allowPrivilegeEscalation: fc.boolean(),
    readOnlyRootFilesystem: fc.boolean(),
    capabilities,
    procMount: fc.constantFrom("Default", "Unmasked"),
  },
  { requiredKeys: [] },
);

function container(name: string, sc: JsonMap | undefined, sidecar: boolean): JsonMap {
  const c: JsonMap = { name, image: "registry.example/app:1.0" };
  if (sc !== undefined) c.securityContext = sc;
  if (sidecar) c.restartPolicy = "Always";
  return c;
}

const containerList = (min: number, max: number) =>
  fc
    .tuple(
      fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: min, maxLength: max }),
      fc.array(fc.option(containerSecurityContext, { nil: undefined }), { minLength: max, maxLength: max }),
      fc.array(fc.boolean(), { minLength: max, maxLength: max }),
    )
    .map(([names, scs, sidecars]) => names.map((n, i) => ({ name: n, sc: scs[i] as JsonMap | undefined, sidecar: sidecars[i] })));

const podSpec: fc.Arbitrary<JsonMap> = fc
  .record({
    sc: fc.option(podSecurityContext, { nil: undefined }),
    init: containerList(0, 2),
    regular: containerList(1, 3),
    hostNetwork: fc.option(fc.boolean(), { nil: undefined }),
    hostPID: fc.option(fc.boolean(), { nil: undefined }),
    hostUsers: fc.option(fc.boolean(), { nil: undefined }),
    hostPath: fc.boolean(),
    // One securityContext for every container, as manifests that use a YAML anchor for it have.
    shareSc: fc.boolean(),
  })
  .map((r) => {
    if (r.shareSc) for (const c of [...r.init, ...r.regular]) c.sc = r.regular[0].sc;
    const spec: JsonMap = {};
    if (r.sc !== undefined) spec.securityContext = r.sc as JsonMap;
    // Init and regular names must differ (the API refuses duplicates across both lists).
    const regularNames = new Set(r.regular.map((c) => c.name));
    const init = r.init.filter((c) => !regularNames.has(c.name)).map((c) => container(`init-${c.name}`, c.sc, c.sidecar));
    if (init.length) spec.initContainers = init;
    spec.containers = r.regular.map((c) => container(c.name, c.sc, false));
    if (r.hostNetwork !== undefined) spec.hostNetwork = r.hostNetwork;
    if (r.hostPID !== undefined) spec.hostPID = r.hostPID;
    if (r.hostUsers !== undefined) spec.hostUsers = r.hostUsers;
    if (r.hostPath) spec.volumes = [{ name: "data", hostPath: { path: "/var/data" } }];
    return spec;
  });

const workload: fc.Arbitrary<JsonMap> = fc
  .record({
    kind: fc.constantFrom("Pod", "Deployment", "CronJob"),
    name: fc.constantFrom("web", "batch", "api-server", "w0"),
    namespace: fc.option(fc.constantFrom("default", "team-a", "prod"), { nil: undefined }),
    spec: podSpec,
  })
  .map(({ kind, name, namespace, spec }): JsonMap => {
    const metadata: JsonMap = { name };
    if (namespace !== undefined) metadata.namespace = namespace;
    if (kind === "Pod") return { apiVersion: "v1", kind, metadata, spec };
    if (kind === "Deployment") {
      return {
        apiVersion: "apps/v1",
        kind,
        metadata,
        spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec } },
      };
    }
    return {
      apiVersion: "batch/v1",
      kind,
      metadata,
      spec: { schedule: "*/5 * * * *", jobTemplate: { spec: { template: { spec: { ...spec, restartPolicy: "OnFailure" } } } } },
    };
  });

/** A Namespace whose Pod Security labels apply to the workloads in it. */
const namespace: fc.Arbitrary<JsonMap> = fc
  .record({ name: fc.constantFrom("team-a", "prod"), level: fc.constantFrom("privileged", "baseline", "restricted"), mode: fc.constantFrom("enforce", "warn") })
  .map(({ name, level, mode }) => ({ apiVersion: "v1", kind: "Namespace", metadata: { name, labels: { [`pod-security.kubernetes.io/${mode}`]: level } } }));

/** One to three objects, each its own YAML document. */
export const manifestModel: fc.Arbitrary<JsonMap[]> = fc
  .tuple(fc.option(namespace, { nil: undefined }), fc.array(workload, { minLength: 1, maxLength: 3 }))
  .map(([ns, ws]) => (ns ? [ns, ...ws] : ws));

export interface RenderOptions {
  style: "block" | "flow" | "json";
  shuffleKeys: boolean;
  comments: boolean;
  /** How strings are written: plain where YAML allows, always double-quoted, or a mix. */
  quoting: "plain" | "quoted" | "mixed";
  /** Indent block sequences under their key ("key:\n  - a") instead of kubectl's "key:\n- a". */
  indentSequences: boolean;
  /** Start with `---` (and a comment before it). */
  leadingSeparator: boolean;
  crlf: boolean;
  /** Write a map or list that occurs again in its document once, with an anchor, and alias it after. */
  anchors: boolean;
  seed: number;
}

export const CANONICAL: RenderOptions = {
  style: "block",
  shuffleKeys: false,
  comments: false,
  quoting: "plain",
  indentSequences: false,
  leadingSeparator: false,
  crlf: false,
  anchors: false,
  seed: 1,
};

export const renderOptions: fc.Arbitrary<RenderOptions> = fc.record({
  style: fc.constantFrom("block", "flow", "json"),
  shuffleKeys: fc.boolean(),
  comments: fc.boolean(),
  quoting: fc.constantFrom("plain", "quoted", "mixed"),
  indentSequences: fc.boolean(),
  leadingSeparator: fc.boolean(),
  crlf: fc.boolean(),
  anchors: fc.boolean(),
  seed: fc.integer(),
});

/** mulberry32: the renderer's choices (key order, comment places) come from the options' seed. */
function rng(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMENTS = ["# note", "#", "# --- not a separator", "# key: value", "# - item", "# ünïcödé ✓", "# &anchor *alias !tag", "#\ttab"];
// Strings YAML 1.1 (kubectl) would read as something else when plain.
const RESERVED = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~)$/;

export function render(docs: JsonMap[], o: RenderOptions): string {
  const r = rng(o.seed);
  const keys = (m: JsonMap) => {
    const ks = Object.keys(m);
    if (!o.shuffleKeys) return ks;
    for (let i = ks.length - 1; i > 0; i--) {
      const j = Math.floor(r() * (i + 1));
      [ks[i], ks[j]] = [ks[j], ks[i]];
    }
    return ks;
  };
  const str = (s: string): string => {
    const plainOk = /^[A-Za-z_/][A-Za-z0-9_./-]*$/.test(s) && !RESERVED.test(s);
    if (o.style === "json") return JSON.stringify(s);
    if (plainOk && (o.quoting === "plain" || (o.quoting === "mixed" && r() < 0.5))) return s;
    if (o.quoting === "mixed" && !s.includes("'") && r() < 0.5) return `'${s}'`;
    return JSON.stringify(s);
  };
  const scalar = (v: Json): string => (typeof v === "string" ? str(v) : JSON.stringify(v));
  const key = (k: string) => (o.style === "json" ? JSON.stringify(k) : str(k));

  // Anchors: how often each non-empty map or list occurs in the document being written (by content),
  // and the anchor of those already written.
  let seen = new Map<string, number>();
  let anchored = new Map<string, string>();
  const countIn = (v: Json) => {
    if (v === null || typeof v !== "object" || Object.keys(v).length === 0) return;
    const k = JSON.stringify(v);
    seen.set(k, (seen.get(k) ?? 0) + 1);
    for (const x of Array.isArray(v) ? v : Object.values(v)) countIn(x);
  };
  /** "*aN" when this value was written before, "&aN" when it is written now and again later, else "". */
  const property = (v: Json): { alias?: string; anchor?: string } => {
    if (!o.anchors || o.style === "json" || v === null || typeof v !== "object" || Object.keys(v).length === 0) return {};
    const k = JSON.stringify(v);
    const name = anchored.get(k);
    if (name) return { alias: `*${name}` };
    if ((seen.get(k) ?? 0) < 2) return {};
    const fresh = `a${anchored.size + 1}`;
    anchored.set(k, fresh);
    return { anchor: `&${fresh}` };
  };

  const flow = (v: Json): string => {
    const p = property(v);
    if (p.alias) return p.alias;
    const prefix = p.anchor ? `${p.anchor} ` : "";
    if (Array.isArray(v)) return `${prefix}[${v.map(flow).join(", ")}]`;
    if (v !== null && typeof v === "object") return `${prefix}{${keys(v).map((k) => `${key(k)}: ${flow(v[k])}`).join(", ")}}`;
    return scalar(v);
  };
  const comment = () => COMMENTS[Math.floor(r() * COMMENTS.length)];

  /** Lines of a map or sequence in block style at `indent`. */
  const block = (v: Json, indent: number): string[] => {
    const pad = " ".repeat(indent);
    const out: string[] = [];
    if (Array.isArray(v)) {
      for (const item of v) {
        if (item !== null && typeof item === "object" && Object.keys(item).length > 0) {
          const p = property(item);
          if (p.alias) out.push(`${pad}- ${p.alias}`);
          else if (p.anchor) out.push(`${pad}- ${p.anchor}`, ...block(item, indent + 2));
          else {
            const inner = block(item, indent + 2);
            out.push(`${pad}- ${inner[0].slice(indent + 2)}`, ...inner.slice(1));
          }
        } else out.push(`${pad}- ${flow(item)}`);
      }
      return out;
    }
    for (const k of keys(v as JsonMap)) {
      const val = (v as JsonMap)[k];
      const empty = val === null || typeof val !== "object" || Object.keys(val).length === 0;
      if (empty) out.push(`${pad}${key(k)}: ${flow(val)}`);
      else {
        const p = property(val);
        if (p.alias) out.push(`${pad}${key(k)}: ${p.alias}`);
        else {
          out.push(p.anchor ? `${pad}${key(k)}: ${p.anchor}` : `${pad}${key(k)}:`);
          out.push(...block(val, Array.isArray(val) && !o.indentSequences ? indent : indent + 2));
        }
      }
    }
    return out;
  };

  const docLines = (d: JsonMap): string[] => {
    // Anchors are per document.
    seen = new Map();
    anchored = new Map();
    for (const x of Object.values(d)) countIn(x);
    if (o.style === "flow") return [flow(d)];
    if (o.style === "json") return JSON.stringify(reorder(d), null, 2).split("\n");
    return block(d, 0);
  };
  // JSON.stringify keeps insertion order: rebuild the maps in the (shuffled) key order.
  const reorder = (v: Json): Json => {
    if (Array.isArray(v)) return v.map(reorder);
    if (v !== null && typeof v === "object") {
      const out: JsonMap = {};
      // defineProperty: a `__proto__` key stays an own key.
      for (const k of keys(v)) Object.defineProperty(out, k, { value: reorder(v[k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };

  const lines: string[] = [];
  if (o.leadingSeparator) lines.push(...(o.comments ? [comment()] : []), "---");
  docs.forEach((d, i) => {
    if (i > 0) lines.push(o.comments && r() < 0.3 ? `--- ${comment()}` : "---");
    let body = docLines(d);
    if (o.comments) {
      const withComments: string[] = [];
      for (const line of body) {
        // Whole-line comments may go anywhere in block style; in flow and JSON only between documents.
        if (o.style === "block" && r() < 0.2) withComments.push(`${" ".repeat(Math.floor(r() * 8))}${comment()}`);
        withComments.push(o.style === "block" && r() < 0.2 ? `${line} ${comment()}` : line);
      }
      body = r() < 0.5 ? [comment(), ...withComments, comment()] : withComments;
    }
    lines.push(...body);
  });
  const text = `${lines.join("\n")}\n`;
  return o.crlf ? text.replace(/\n/g, "\r\n") : text;
}
