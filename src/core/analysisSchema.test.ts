// The published schemas (docs/analysis.schema.json, docs/analysis-summary.schema.json) against the
// core: regenerating them from the types gives the checked-in files, and real outputs — the
// examples, the seeds, hostile and generated manifests — validate. A field the core prints that
// the types do not declare (or a wrong type) fails here.

import Ajv from "ajv";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { summarizeWorkload } from "./summary";
import { manifestModel, render, renderOptions } from "./fuzz/manifests";
import { podDump } from "../../bench/generate";
// @ts-expect-error: a plain .mjs script without declarations
import { generateSchemas } from "../../scripts/schema.mjs";

const ROOT = join(import.meta.dirname, "..", "..");
const read = (f: string) => readFileSync(join(ROOT, f), "utf8");

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
ajv.addKeyword("version");
const validateAnalysis = ajv.compile(JSON.parse(read("docs/analysis.schema.json")));
const validateSummary = ajv.compile(JSON.parse(read("docs/analysis-summary.schema.json")));

/** The analysis as it travels (through JSON), checked against both schemas. */
function check(text: string, options: Parameters<typeof analyze>[1] = {}): void {
  const a = analyze(text, options);
  const json = JSON.parse(JSON.stringify(a));
  expect(validateAnalysis(json) ? [] : validateAnalysis.errors, text.slice(0, 200)).toEqual([]);
  const { workloads, ...head } = a;
  const summary = JSON.parse(JSON.stringify({ ...head, workloads: workloads.map(summarizeWorkload) }));
  expect(validateSummary(summary) ? [] : validateSummary.errors).toEqual([]);
}

describe("the schema files", () => {
  it("are what npm run schema generates from the types (run it after changing src/core/types.ts)", () => {
    const generated = generateSchemas() as Record<string, string>;
    for (const [file, text] of Object.entries(generated)) expect(read(file), `${file} is stale: run npm run schema`).toBe(text);
  }, 120_000);
});

describe("real outputs validate", () => {
  const examples = readdirSync(join(ROOT, "src/core/examples")).map((f) => [f, read(`src/core/examples/${f}`)] as const);
  it.each(examples)("example %s", (_, text) => check(text));

  it.each([
    ["a Windows pod", "apiVersion: v1\nkind: Pod\nmetadata: {name: w}\nspec:\n  os: {name: windows}\n  containers:\n  - {name: c, image: x}\n"],
    ["errors of every kind", "apiVersion: v1\nkind: Pod\nmetadata: {name: e}\nspec:\n  securityContext: {runAsUser: -1, runAsNonRoot: true, bogus: 1}\n  containers:\n  - name: c\n    image: x\n    securityContext: {runAsUser: 0, capabilities: {add: [SYS_ADMIN]}, privileged: yes}\n---\n: broken: [\n"],
    ["a labelled namespace and a List", "apiVersion: v1\nkind: Namespace\nmetadata: {name: ns, labels: {pod-security.kubernetes.io/enforce: restricted}}\n---\n" + podDump(3).replace(/namespace: team-\d+/g, "namespace: ns")],
    ["not a manifest", "just text\n"],
  ])("%s", (_, text) => check(text, { runtime: "cri-o", kubernetes: "1.25" }));

  it("generated manifests (100 samples)", () => {
    const samples = fc.sample(fc.tuple(manifestModel, renderOptions), { numRuns: 100, seed: 15 });
    for (const [docs, o] of samples) check(render(docs, o));
  }, 60_000);
});

describe("the schema can fail", () => {
  it.each([
    ["an undeclared field", (a: any) => (a.workloads[0].containers[0].surprise = 1)],
    ["a wrong type", (a: any) => (a.workloads[0].line = "3")],
    ["a missing effective field", (a: any) => delete a.workloads[0].containers[0].effective.seccompProfile],
    ["an unknown source", (a: any) => (a.workloads[0].containers[0].effective.privileged.source = "cluster")],
  ])("%s is refused", (_, mutate) => {
    const a = JSON.parse(JSON.stringify(analyze(read("src/core/examples/golden-standard.yaml"))));
    mutate(a);
    expect(validateAnalysis(a)).toBe(false);
  });
});
