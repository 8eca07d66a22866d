// What pods alike share (memo.ts: processes, actions, Pod Security verdicts) must never show: an
// analysis with the memo is the analysis computed pod by pod, to the byte, whatever differs between
// the pods (names, namespaces, lines, mounts, one setting).

import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyzeWith, analyzeListItem, newStreamState } from "./analyze";
import { MEMO_LIMIT, memoSize, newMemo, valueKey } from "./memo";
import { PartSplitter, type Part } from "./streamSplit";
import type { AnalyzeOptions, Workload } from "./types";

/** Both analyses, as the JSON the command line prints (so key order counts too). */
function both(text: string, options: AnalyzeOptions = {}) {
  const shared = JSON.stringify(analyzeWith(text, options, newMemo(true)), null, 2);
  const alone = JSON.stringify(analyzeWith(text, options, newMemo(false)), null, 2);
  return { shared, alone };
}

/** One pod of a List, each thing that may differ between pods given as a choice. */
interface PodChoice {
  name: string;
  namespace: string;
  /** Extra label lines: moves every line below. */
  labels: number;
  apiAccess: string;
  runAsUser: number;
  metricsUser: number;
  privileged: boolean;
  hostNetwork: boolean;
  addCap: string;
  hostPath: boolean;
  readOnlyRoot: boolean | null;
  seccompAnnotation: string | null;
  apparmorAnnotation: string | null;
  podSeccomp: string | null;
  fsGroup: number | null;
  kind: "Pod" | "Deployment";
  windows: boolean;
  sysctl: boolean;
}

function pod(c: PodChoice, indent: number): string {
  const annotations = [
    `kubectl.kubernetes.io/last-applied-configuration: '{"metadata":{"name":"${c.name}"}}'`,
    ...(c.seccompAnnotation ? [`container.seccomp.security.alpha.kubernetes.io/app: ${c.seccompAnnotation}`] : []),
    ...(c.apparmorAnnotation ? [`container.apparmor.security.beta.kubernetes.io/metrics: ${c.apparmorAnnotation}`] : []),
  ];
  const podSc = [
    "runAsNonRoot: true",
    `runAsUser: ${c.runAsUser}`,
    ...(c.fsGroup !== null ? [`fsGroup: ${c.fsGroup}`] : []),
    ...(c.podSeccomp ? ["seccompProfile:", `  type: ${c.podSeccomp}`] : []),
    ...(c.sysctl ? ["sysctls:", "- name: net.ipv4.ping_group_range", '  value: "0 1"'] : []),
  ];
  const spec = [
    ...(c.hostNetwork ? ["hostNetwork: true"] : []),
    ...(c.windows ? ["os:", "  name: windows"] : []),
    "securityContext:",
    ...podSc.map((l) => `  ${l}`),
    "containers:",
    "- name: app",
    "  image: registry.example.com/app:1",
    "  securityContext:",
    "    allowPrivilegeEscalation: false",
    ...(c.readOnlyRoot !== null ? [`    readOnlyRootFilesystem: ${c.readOnlyRoot}`] : []),
    "    capabilities:",
    '      drop: ["ALL"]',
    `      add: ["${c.addCap}"]`,
    "  volumeMounts:",
    "  - mountPath: /tmp",
    "    name: tmp",
    "  - mountPath: /var/run/secrets/kubernetes.io/serviceaccount",
    `    name: ${c.apiAccess}`,
    "    readOnly: true",
    ...(c.hostPath ? ["  - mountPath: /host", "    name: host"] : []),
    "- name: metrics",
    "  image: registry.example.com/metrics:1",
    "  securityContext:",
    `    runAsUser: ${c.metricsUser}`,
    `    privileged: ${c.privileged}`,
    "volumes:",
    "- name: tmp",
    "  emptyDir: {}",
    ...(c.hostPath ? ["- name: host", "  hostPath: {path: /var/log}"] : []),
  ];
  const metadata = [`name: ${c.name}`, `namespace: ${c.namespace}`, "labels:", ...Array.from({ length: c.labels }, (_, i) => `  l${i}: v`), "annotations:", ...annotations.map((a) => `  ${a}`)];
  const lines =
    c.kind === "Pod"
      ? ["apiVersion: v1", "kind: Pod", "metadata:", ...metadata.map((l) => `  ${l}`), "spec:", ...spec.map((l) => `  ${l}`)]
      : ["apiVersion: apps/v1", "kind: Deployment", "metadata:", ...metadata.slice(0, 2).map((l) => `  ${l}`), "spec:", "  template:", "    metadata:", ...metadata.slice(2).map((l) => `      ${l}`), "    spec:", ...spec.map((l) => `      ${l}`)];
  const pad = " ".repeat(indent);
  return lines.map((l, i) => (i === 0 ? `${pad}- ${l}` : `${pad}  ${l}`)).join("\n");
}

const base: PodChoice = {
  name: "web-0",
  namespace: "team-a",
  labels: 1,
  apiAccess: "kube-api-access-abcde",
  runAsUser: 1000,
  metricsUser: 65534,
  privileged: false,
  hostNetwork: false,
  addCap: "NET_BIND_SERVICE",
  hostPath: false,
  readOnlyRoot: true,
  seccompAnnotation: null,
  apparmorAnnotation: null,
  podSeccomp: "RuntimeDefault",
  fsGroup: 2000,
  kind: "Pod",
  windows: false,
  sysctl: false,
};

/** A List of pods (its items indented by `indent`), plus a labelled Namespace so that admission runs for team-a. */
function dump(pods: PodChoice[], indent = 0): string {
  const ns = "---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n  labels:\n    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n";
  return `${ns}---\napiVersion: v1\nkind: List\nitems:\n${pods.map((p) => pod(p, indent)).join("\n")}\n`;
}

// Every pod alike but for its place, and pods that differ from them in one field each.
const variants: Partial<PodChoice>[] = [
  {},
  { runAsUser: 0 },
  { metricsUser: 0 },
  { privileged: true },
  { hostNetwork: true },
  { addCap: "SYS_ADMIN" },
  { hostPath: true },
  { readOnlyRoot: null },
  { readOnlyRoot: false },
  { seccompAnnotation: "unconfined" },
  { seccompAnnotation: "runtime/default" },
  { apparmorAnnotation: "unconfined" },
  { podSeccomp: null },
  { podSeccomp: "Unconfined" },
  { fsGroup: null },
  { kind: "Deployment" },
  { windows: true },
  { sysctl: true },
  { namespace: "team-b" },
];

describe("the memo changes nothing in the analysis", () => {
  const pods: PodChoice[] = [];
  for (let i = 0; i < 60; i++)
    pods.push({ ...base, ...variants[i % variants.length], name: `web-${i}`, namespace: variants[i % variants.length].namespace ?? (i % 3 === 0 ? "team-a" : `team-${i % 5}`), labels: i % 4, apiAccess: `kube-api-access-${(i * 7919).toString(36)}` });
  const text = dump(pods, 2);

  it.each<[string, AnalyzeOptions]>([
    ["defaults", {}],
    ["CRI-O, seccompDefault, an old Kubernetes", { runtime: "cri-o", seccompDefault: true, kubernetes: "1.27" }],
    ["an image user per container", { imageUsers: { app: 0, metrics: "nobody" } }],
  ])("a dump of pods alike but for names, places and one field each (%s)", (_name, options) => {
    const { shared, alone } = both(text, options);
    expect(shared).toBe(alone);
    // The dump exercises what is shared: actions placed per pod, admission, Windows pods.
    const a = JSON.parse(shared) as { workloads: Workload[] };
    expect(a.workloads).toHaveLength(60);
    expect(a.workloads.some((w) => w.admission)).toBe(true);
    expect(a.workloads.some((w) => w.containers.some((c) => c.windows))).toBe(true);
    expect(new Set(a.workloads.flatMap((w) => w.containers.flatMap((c) => (c.actions ?? []).map((x) => x.at?.line)))).size).toBeGreaterThan(60);
  });

  it("shares actions and verdicts between pods alike (the same objects)", () => {
    const a = analyzeWith(text, {}, newMemo(true));
    const [w0, w1] = a.workloads.filter((w) => w.namespace === "team-a" && w.containers[0].actions?.length).slice(0, 2);
    expect(w0.name).not.toBe(w1.name);
    expect(w0.pss).toBe(a.workloads[0].pss);
    const unplaced = w0.containers[0].actions!.filter((x) => !x.at);
    for (const x of unplaced) expect(a.workloads.some((w) => w !== w0 && w.containers[0].actions?.includes(x))).toBe(true);
  });

  it("any mix of pods (property)", () => {
    const choice = fc.record<PodChoice>({
      name: fc.constantFrom("a", "b", "web-1", "web-2"),
      namespace: fc.constantFrom("team-a", "team-b", "default"),
      labels: fc.integer({ min: 0, max: 3 }),
      apiAccess: fc.constantFrom("kube-api-access-1", "kube-api-access-2", "tmp"),
      runAsUser: fc.constantFrom(0, 1000, 65534),
      metricsUser: fc.constantFrom(0, 1000),
      privileged: fc.boolean(),
      hostNetwork: fc.boolean(),
      addCap: fc.constantFrom("NET_BIND_SERVICE", "SYS_ADMIN", "NET_RAW", "SYS_PTRACE"),
      hostPath: fc.boolean(),
      readOnlyRoot: fc.constantFrom(true, false, null),
      seccompAnnotation: fc.constantFrom(null, "unconfined", "runtime/default"),
      apparmorAnnotation: fc.constantFrom(null, "unconfined", "runtime/default"),
      podSeccomp: fc.constantFrom(null, "RuntimeDefault", "Unconfined"),
      fsGroup: fc.constantFrom(null, 0, 2000),
      kind: fc.constantFrom("Pod", "Deployment"),
      windows: fc.boolean(),
      sysctl: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(choice, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.constantFrom(0, 2), (pods, seccompDefault, indent) => {
        const { shared, alone } = both(dump(pods, indent), { seccompDefault });
        expect(shared).toBe(alone);
        expect((JSON.parse(shared) as { workloads: unknown[] }).workloads).toHaveLength(pods.length);
      }),
      { numRuns: 60 },
    );
  });

  it("the examples and the seeds", () => {
    const dirs = [join(__dirname, "examples"), join(__dirname, "../../../shared/seeds")];
    let n = 0;
    for (const dir of dirs) {
      let files: string[];
      try {
        files = readdirSync(dir);
      } catch {
        continue; // the seeds live outside the repository
      }
      for (const f of files) {
        const text = readFileSync(join(dir, f), "utf8");
        const { shared, alone } = both(text);
        expect(shared, f).toBe(alone);
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(15);
  });

  it("streamed List items share a memo across parts, and it starts again when full", () => {
    const pods = Array.from({ length: 30 }, (_, i) => ({ ...base, ...variants[i % variants.length], name: `p${i}` }));
    const text = dump(pods);
    const run = (on: boolean) => {
      const state = newStreamState({}, newMemo(on));
      const splitter = new PartSplitter(1 << 20);
      const out: unknown[] = [];
      const take = (p: Part) => {
        if (p.kind === "list-end") return void state.documents++;
        if (p.kind === "item") out.push(analyzeListItem(state, p.text, p.firstLine, p.index));
        else state.documents++;
      };
      splitter.push(text).forEach(take);
      splitter.end().forEach(take);
      return { json: JSON.stringify(out), state };
    };
    const on = run(true);
    expect(on.json).toBe(run(false).json);
    expect(memoSize(on.state.memo)).toBeGreaterThan(0);
    expect(memoSize(on.state.memo)).toBeLessThanOrEqual(MEMO_LIMIT);
  });
});

describe("valueKey", () => {
  it("tells apart values that code can tell apart", () => {
    const values: unknown[] = [null, undefined, 0, -0, NaN, Infinity, 1, "1", true, "t", [], {}, [null], [undefined], { a: 1 }, { a: "1" }, { a: 1, b: 2 }, { b: 2, a: 1 }, ["a,b"], ["a", "b"]];
    const keys = values.map(valueKey);
    expect(new Set(keys).size).toBe(values.length);
  });

  it("gives equal keys to equal values", () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => {
        expect(valueKey(structuredClone(v))).toBe(valueKey(v));
      }));
  });
});
