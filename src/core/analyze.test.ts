import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";

const template = (sc = "") => `
    spec:
      containers:
      - name: app
        image: x${sc}`;

describe("every kind that carries a pod spec (apps/v1, batch/v1, core/v1 types)", () => {
  it.each([
    ["Pod", "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  containers:\n  - name: app\n    image: x\n", "spec"],
    ["Deployment", `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: w}\nspec:\n  template:${template()}\n`, "spec.template.spec"],
    ["ReplicaSet", `apiVersion: apps/v1\nkind: ReplicaSet\nmetadata: {name: w}\nspec:\n  template:${template()}\n`, "spec.template.spec"],
    ["StatefulSet", `apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: w}\nspec:\n  template:${template()}\n`, "spec.template.spec"],
    ["DaemonSet", `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: w}\nspec:\n  template:${template()}\n`, "spec.template.spec"],
    ["Job", `apiVersion: batch/v1\nkind: Job\nmetadata: {name: w}\nspec:\n  template:${template()}\n`, "spec.template.spec"],
    ["ReplicationController", `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: w}\nspec:\n  template:${template()}\n`, "spec.template.spec"],
    ["PodTemplate", `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: w}\ntemplate:\n  spec:\n    containers:\n    - name: app\n      image: x\n`, "template.spec"],
    [
      "CronJob",
      `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: w}\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n          - name: app\n            image: x\n`,
      "spec.jobTemplate.spec.template.spec",
    ],
  ])("%s", (kind, text, podSpecPath) => {
    const a = analyze(text);
    expect(a.workloads).toHaveLength(1);
    expect(a.workloads[0]).toMatchObject({ kind, name: "w", document: 0, podSpecPath, line: 1 });
    expect(a.workloads[0].containers[0]).toMatchObject({ name: "app", type: "regular", path: `${podSpecPath}.containers[0]` });
  });
});

describe("inputs", () => {
  it("orders containers init, then regular, then ephemeral, and tells sidecars (restartPolicy Always) apart", () => {
    const a = analyze(`kind: Pod
metadata: {name: p}
spec:
  ephemeralContainers:
  - name: debug
  containers:
  - name: app
  initContainers:
  - name: setup
  - name: proxy
    restartPolicy: Always
`);
    expect(a.workloads[0].containers.map((c) => [c.name, c.type, c.path])).toEqual([
      ["setup", "init", "spec.initContainers[0]"],
      ["proxy", "sidecar", "spec.initContainers[1]"],
      ["app", "regular", "spec.containers[0]"],
      ["debug", "ephemeral", "spec.ephemeralContainers[0]"],
    ]);
  });

  it("walks kind: List as kubectl get -o yaml prints it", () => {
    const a = analyze(`apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata: {name: s}
- apiVersion: v1
  kind: Pod
  metadata: {name: a, namespace: team}
  spec:
    containers: [{name: c}]
- apiVersion: apps/v1
  kind: Deployment
  metadata: {name: b}
  spec:
    template:
      spec:
        containers: [{name: c}]
`);
    expect(a.workloads.map((w) => [w.kind, w.name, w.namespace, w.podSpecPath, w.line])).toEqual([
      ["Pod", "a", "team", "items[1].spec", 7],
      ["Deployment", "b", undefined, "items[2].spec.template.spec", 12],
    ]);
    expect(a.workloads[0].containers[0].path).toBe("items[1].spec.containers[0]");
    expect(a.diagnostics.find((d) => d.code === "skipped-kind")).toMatchObject({ severity: "info", line: 5 });
  });

  it("reads JSON", () => {
    const a = analyze(JSON.stringify({ apiVersion: "v1", kind: "Pod", metadata: { name: "j" }, spec: { securityContext: { runAsUser: 5 }, containers: [{ name: "c" }] } }));
    expect(a.workloads[0].containers[0].effective.runAsUser).toMatchObject({ value: 5, source: "pod", line: 1 });
  });

  it("analyses the documents around a broken one and marks the broken line", () => {
    const text = `kind: Pod
metadata: {name: one}
spec: {containers: [{name: a}]}
---
kind: Pod
metadata: {name: two}
spec:
  containers: [{name: b}
  securityContext: {}
---
kind: Pod
metadata: {name: three}
spec: {containers: [{name: c}]}
`;
    const a = analyze(text);
    expect(a.workloads.map((w) => [w.name, w.document])).toEqual([["one", 0], ["three", 2]]);
    const err = a.diagnostics.find((d) => d.code === "yaml-syntax")!;
    expect(err.severity).toBe("error");
    expect(err.line).toBeGreaterThanOrEqual(8);
    expect(err.line).toBeLessThanOrEqual(10);
  });

  it("skips an unknown kind with an info diagnostic and goes on", () => {
    const a = analyze("kind: Widget\nmetadata: {name: w}\n---\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: c}]}\n");
    expect(a.workloads.map((w) => w.name)).toEqual(["p"]);
    expect(a.diagnostics[0]).toMatchObject({ severity: "info", code: "skipped-kind", line: 1 });
  });

  it("never throws on wrong types and says what it could not read", () => {
    for (const text of [
      "kind: Pod\nspec: {securityContext: oops, containers: {a: 1}}",
      "kind: Pod\nspec: [1, 2]",
      "- 1\n- 2",
      "just a string",
      "kind: Deployment\nspec: {template: 5}",
      "kind: List\nitems: [1, null, {kind: Pod, spec: {containers: [null, 3, {name: x, securityContext: []}]}}]",
      "",
      "---\n---\n",
      "\uFEFFkind: Pod\r\nspec:\r\n  containers:\r\n  - name: crlf\r\n",
    ]) {
      const a = analyze(text);
      expect(a).toHaveProperty("workloads");
      for (const d of a.diagnostics) {
        expect(d.line).toBeGreaterThanOrEqual(1);
        expect(d.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it("reports what kubectl would not accept: a missing kind, a document that is not an object", () => {
    const a = analyze("metadata: {name: x}\n---\n- 1\n");
    // (no pod spec here, so only the object-level problems)
    expect(a.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["missing-kind", 1],
      ["not-an-object", 3],
    ]);
  });

  it("uses the version and runtime asked for, and the newest by default", () => {
    expect(analyze("").kubernetes).toBe("1.37");
    expect(analyze("", { kubernetes: "1.30", runtime: "cri-o" })).toMatchObject({ kubernetes: "1.30", runtime: "cri-o" });
  });
});

describe("the process cache's key", () => {
  it("holds every field computeProcess reads: changing any other field leaves the process as it was", async () => {
    const { computeProcess, PROCESS_INPUT_FIELDS } = await import("./runtime/process");
    const { EFFECTIVE_FIELDS } = await import("./types");
    const c = analyze("kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n").workloads[0].containers[0];
    const base = computeProcess({ runtime: "containerd", effective: c.effective, imageUser: 0, seccompDefault: false });
    for (const f of EFFECTIVE_FIELDS.filter((x) => !(PROCESS_INPUT_FIELDS as readonly string[]).includes(x))) {
      for (const v of [true, 0, 1000, "Unmasked", { type: "Localhost", localhostProfile: "x" }, { add: ["SYS_ADMIN"] }, [5]]) {
        const effective = { ...c.effective, [f]: { value: v, source: "container" as const } };
        expect(computeProcess({ runtime: "containerd", effective, imageUser: 0, seccompDefault: false }), `${f} = ${JSON.stringify(v)}`).toEqual(base);
      }
    }
  });
});
