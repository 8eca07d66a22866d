// Hostile input: every case gives its diagnostic at a sane line and column, the other documents of
// the text are still analysed, nothing throws, and analyze returns within a generous bound (no
// tight timings: the bounds only catch a hang or a quadratic blow-up).

import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { analyzeChecked, canonical, projection } from "./fuzz/properties";
import type { Analysis } from "./types";
import { parseYamlText } from "./yaml/parse";
import { mergeWindowsOptions } from "./resolve";

const pod = (name: string, extra = "") => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: x\n${extra}`;
const BEFORE = pod("before");
/** Lines before the hostile document: the Pod "before" (8 lines) and the `---` line. */
const OFFSET = BEFORE.split("\n").length;

/** The hostile text as the middle document, between two valid Pods. */
const sandwich = (hostile: string) => `${BEFORE}---\n${hostile}\n---\n${pod("after")}`;

/** analyze with the contract's shape and in-range positions checked, and a generous time bound. */
function run(text: string, boundMs = 10_000): { a: Analysis; ms: number } {
  const t0 = performance.now();
  const a = analyzeChecked(text);
  const ms = performance.now() - t0;
  expect(ms, "analyze took too long").toBeLessThan(boundMs);
  return { a, ms };
}

const names = (a: Analysis) => a.workloads.map((w) => w.name);

interface Case {
  name: string;
  /** The hostile document (placed between two valid Pods). */
  doc: string;
  /** Expected diagnostic: its code, and its line (and column) within the hostile document. */
  code?: string;
  line?: number;
  column?: number;
  message?: RegExp;
  /** Workloads the hostile document itself still yields. */
  workloads?: string[];
}

function billionLaughs(levels = 12, fanout = 10): string {
  const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(fanout).fill(`*a${i - 1}`).join(", ")}]`);
  return lines.join("\n");
}

/** Each level merges the previous one several times and adds keys: the key count multiplies. */
function mergeBomb(levels = 30): string {
  const lines = [`m0: &m0 {${Array.from({ length: 50 }, (_, i) => `k${i}: ${i}`).join(", ")}}`];
  for (let i = 1; i < levels; i++) lines.push(`m${i}: &m${i} {<<: [*m${i - 1}, *m${i - 1}, *m${i - 1}], x${i}: {<<: *m${i - 1}}}`);
  return lines.join("\n");
}

const CASES: Case[] = [
  // Aliases and merge keys
  { name: "billion laughs", doc: billionLaughs(), code: "yaml-aliases", message: /excessive aliasing/ },
  {
    name: "billion laughs inside a pod's securityContext",
    doc: `kind: Pod\nmetadata: {name: bomb}\nspec:\n  securityContext:\n    seLinuxOptions:\n${billionLaughs()
      .split("\n")
      .map((l) => `      ${l}`)
      .join("\n")}\n  containers: [{name: c, image: x}]`,
    code: "yaml-aliases",
  },
  { name: "merge-key bomb (<< chains that multiply keys)", doc: mergeBomb(), code: "yaml-aliases", message: /merge keys/ },
  { name: "unknown alias", doc: "kind: Pod\nmetadata: {name: *nope}\nspec: {containers: [{name: c, image: x}]}", code: "yaml-syntax", line: 2, column: 18, message: /unknown anchor "nope"/, workloads: [""] },
  // Depth
  { name: "flow nesting past maxDepth", doc: `a: ${"[".repeat(5000)}${"]".repeat(5000)}`, code: "yaml-syntax", line: 1, message: /maxDepth/ },
  { name: "block nesting past maxDepth", doc: Array.from({ length: 400 }, (_, i) => `${" ".repeat(i)}k:`).join("\n"), code: "yaml-syntax", message: /maxDepth/ },
  // Bytes
  { name: "binary data with NUL", doc: `kind: Pod\nname: ${Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37) % 256)).toString("latin1")}`, code: "yaml-syntax", line: 2 },
  {
    name: "Windows-1252 byte soup read as Latin-1 (C1 controls)",
    doc: `kind: Pod\nmetadata:\n  name: ${Buffer.from([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x96, 0x80, 0x99, 0x85]).toString("latin1")}`,
    code: "yaml-syntax",
    line: 3,
    message: /non-printable/,
  },
  {
    name: "Windows-1252 byte soup read as UTF-8 (replacement characters)",
    doc: Buffer.from(Array.from({ length: 300 }, (_, i) => 0x80 + ((i * 7) % 128))).toString("utf8"),
    code: "not-an-object",
    line: 1,
    column: 1,
  },
  { name: "lone surrogate", doc: "kind: Pod\nmetadata: {name: \uD800x}", code: "yaml-syntax", line: 2 },
  { name: "BOM at the start of a later document", doc: "\uFEFFapiVersion: v1\nkind: Pod\nmetadata: {name: bom}\nspec: {containers: [{name: c, image: x}]}", code: "unknown-field", line: 1, column: 1, workloads: ["bom"] },
  // Tabs
  { name: "tab-indented document", doc: "kind: Pod\nmetadata:\n\tname: tabs\nspec:\n\tcontainers: []", code: "yaml-syntax", line: 3, column: 1, message: /tab/ },
  { name: "tab in the middle of an indentation", doc: "kind: Pod\nmetadata: {name: t}\nspec:\n  containers:\n  - name: a\n    securityContext:\n    \trunAsUser: 1", code: "yaml-syntax", line: 7, column: 5 },
  // Null or a wrong type in any place
  { name: "securityContext is a string", doc: `kind: Pod\nmetadata: {name: s}\nspec:\n  securityContext: "hello"\n  containers: [{name: c, image: x}]`, code: "wrong-type", line: 4, column: 20, workloads: ["s"] },
  { name: "container securityContext is a number", doc: `kind: Pod\nmetadata: {name: s}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext: 5`, code: "wrong-type", line: 7, column: 22, workloads: ["s"] },
  { name: "containers is a map", doc: `kind: Pod\nmetadata: {name: m}\nspec:\n  containers: {name: c, image: x}`, code: "wrong-type", line: 4, column: 15, workloads: ["m"] },
  { name: "runAsUser 1.5", doc: `kind: Pod\nmetadata: {name: f}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext: {runAsUser: 1.5}`, code: "wrong-type", line: 7, column: 34, message: /number 1\.5/, workloads: ["f"] },
  { name: "runAsUser 99999999999999999999", doc: `kind: Pod\nmetadata: {name: h}\nspec:\n  securityContext:\n    runAsUser: 99999999999999999999\n  containers: [{name: c, image: x}]`, code: "wrong-type", line: 5, column: 16, workloads: ["h"] },
  { name: "numbers in capabilities.drop", doc: `kind: Pod\nmetadata: {name: nums}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      capabilities:\n        drop: [1, ALL, 2.5]`, code: "wrong-type", line: 9, column: 16, workloads: ["nums"] },
  { name: "capabilities.add is a number", doc: `kind: Pod\nmetadata: {name: nums}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext:\n      capabilities: {add: 7}`, code: "wrong-type", line: 8, column: 27, workloads: ["nums"] },
  { name: "a null container", doc: `kind: Pod\nmetadata: {name: z}\nspec:\n  containers:\n  - \n  - name: c\n    image: x`, code: "required-value", line: 5, column: 3, workloads: ["z"] },
  { name: "spec: null", doc: `kind: Deployment\nmetadata: {name: d}\nspec:`, code: "missing-pod-spec", line: 1, workloads: ["d"] },
  { name: "template is a number", doc: `kind: CronJob\nmetadata: {name: cj}\nspec: {jobTemplate: {spec: {template: 5}}}`, code: "missing-pod-spec", workloads: ["cj"] },
  { name: "kind is a number", doc: `kind: 5\nmetadata: {name: k}\nspec: {containers: []}`, code: "missing-kind", line: 1, column: 1 },
  { name: "a List with junk items", doc: `kind: List\nitems:\n- null\n- 1\n- kind: Pod\n  metadata: {name: in-list}\n  spec: {containers: [{name: c, image: x}]}`, code: "not-an-object", line: 3, workloads: ["in-list"] },
  // Keys that name prototype members
  { name: "kind: constructor", doc: "kind: constructor\nmetadata: {name: c}\nspec: {containers: [{name: c}]}", code: "skipped-kind", line: 1 },
  { name: "kind: __proto__", doc: "kind: __proto__\nmetadata: {name: c}", code: "skipped-kind", line: 1 },
  { name: "kind: toString", doc: "kind: toString\nmetadata: {name: c}", code: "skipped-kind", line: 1 },
  {
    name: "__proto__ and constructor keys in a securityContext",
    doc: `kind: Pod\nmetadata: {name: p}\nspec:\n  securityContext:\n    __proto__: {runAsUser: 0}\n    constructor: {prototype: {polluted: 1}}\n  containers:\n  - name: constructor\n    image: x\n    securityContext: {__proto__: x, toString: 1, hasOwnProperty: null}`,
    code: "unknown-field",
    line: 5,
    column: 5,
    workloads: ["p"],
  },
  // Document shapes
  { name: "a JSON array document", doc: '[{"kind": "Pod"}, 1]', code: "not-an-object", line: 1, column: 1, message: /a list/ },
  { name: "a scalar document", doc: "just some text", code: "not-an-object", line: 1, column: 1 },
  { name: "a huge integer", doc: `kind: Pod\nmetadata: {name: big}\nspec:\n  securityContext: {fsGroup: 123456789012345678901234567890123456789012345678901234567890}\n  containers: [{name: c, image: x}]`, code: "wrong-type", line: 4, column: 30, workloads: ["big"] },
  {
    name: "YAML tags !!binary and !custom",
    doc: `kind: Pod\nmetadata: {name: !!binary dGFncw==}\nspec:\n  securityContext: !custom {runAsUser: !!int "7"}\n  containers:\n  - name: !custom c\n    image: !!str x\n  - !!set {a, b}`,
    code: "required-value",
    line: 8,
    workloads: ["dGFncw=="],
  },
  { name: "`---` with content on the same line", doc: "--- kind: Pod", code: "yaml-syntax", line: 1 },
  { name: "a %YAML directive (kubectl splits it off its document, kubernetes/kubernetes#135998)", doc: "%YAML 1.1", code: "yaml-syntax" },
];

describe("hostile documents: a diagnostic where it belongs, the other documents analysed", () => {
  it.each(CASES)("$name", (c) => {
    const text = sandwich(c.doc);
    const { a } = run(text);
    // The documents around the hostile one are analysed.
    expect(names(a)).toContain("before");
    expect(names(a)).toContain("after");
    if (c.workloads) expect(names(a).filter((n) => n !== "before" && n !== "after")).toEqual(c.workloads);
    if (c.code) {
      const found = a.diagnostics.filter((d) => d.code === c.code && d.line > OFFSET && d.line <= OFFSET + c.doc.split(/\r\n|\r|\n/).length);
      expect(found, `no ${c.code} diagnostic inside the hostile document: ${JSON.stringify(a.diagnostics.map((d) => [d.code, d.line, d.column, d.message.slice(0, 80)]))}`).not.toHaveLength(0);
      const d = found[0];
      if (c.line !== undefined) expect(d.line - OFFSET, d.message).toBe(c.line);
      if (c.column !== undefined) expect(d.column, d.message).toBe(c.column);
      if (c.message) expect(found.some((f) => c.message!.test(f.message)), found.map((f) => f.message).join("\n")).toBe(true);
    }
  });

  it("leaves Object.prototype alone", () => {
    analyze("__proto__: {polluted: 1}\nconstructor: {prototype: {polluted: 1}}\nkind: Pod\nspec:\n  __proto__: {polluted: 1}\n  containers: [{name: __proto__, __proto__: {polluted: 1}}]\n");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("reads a container named constructor with the default image user, not Object's constructor", () => {
    const a = run(pod("ctor").replace("name: app", "name: constructor"), 5000).a;
    const c = a.workloads[0].containers[0];
    expect(c.effective.runAsUser).toMatchObject({ value: 0, source: "image" });
    expect(c.process!.uid).toBe(0);
  });
});

describe("aliases and merge keys are bounded, and the shared graph is never walked as a tree", () => {
  it("refuses an alias bomb at the alias that blows the budget, fast", () => {
    const { a } = run(sandwich(billionLaughs(30, 10)), 5000);
    const d = a.diagnostics.find((x) => x.code === "yaml-aliases")!;
    expect(d.severity).toBe("error");
    expect(d.line).toBeGreaterThan(OFFSET);
    expect(d.line).toBeLessThanOrEqual(OFFSET + 30);
  });

  it("counts merged keys against the alias budget", () => {
    // A base map of 5,000 keys (10,000 scalars) merged into n maps. Each merge costs its alias
    // (10,000 nodes) plus the 5,000 keys it copies. The budget refuses more than 20× the document's
    // own nodes (≈ 200,600 here): 14 merges are 140,000 by aliases alone, 210,000 with the merged keys.
    const doc = (n: number) =>
      `base: &base {${Array.from({ length: 5000 }, (_, i) => `k${i}: ${i}`).join(", ")}}\n${Array.from({ length: n }, (_, i) => `m${i}: {<<: *base}`).join("\n")}`;
    const refused = parseYamlText(doc(15));
    // Refused at the 14th merge (line 15), before the 15th.
    expect(refused.diagnostics.map((d) => [d.code, d.line])).toEqual([["yaml-aliases", 15]]);
    const bounded = parseYamlText(doc(10));
    expect(bounded.diagnostics).toEqual([]);
    expect(Object.keys((bounded.documents[0].value as Record<string, Record<string, unknown>>).m9)).toHaveLength(5000);
  });

  it("applies ordinary merge keys, explicit keys winning", () => {
    const { a } = run("defaults: &d {runAsUser: 1000, runAsGroup: 3000}\nkind: Pod\nmetadata: {name: m}\nspec:\n  securityContext:\n    <<: *d\n    runAsUser: 2000\n  containers: [{name: c, image: x}]\n");
    expect(a.workloads[0].containers[0].effective.runAsUser.value).toBe(2000);
    expect(a.workloads[0].containers[0].effective.runAsGroup.value).toBe(3000);
  });

  it("500 containers that are one aliased map: each analysed", () => {
    const doc = `kind: Pod\nmetadata: {name: fan}\nspec:\n  initContainers:\n  - &c {name: c, image: x, securityContext: {runAsUser: 1, capabilities: {drop: [ALL]}}}\n  containers: [${Array(500).fill("*c").join(", ")}]`;
    const { a } = run(sandwich(doc));
    const fan = a.workloads.find((w) => w.name === "fan")!;
    expect(fan.containers).toHaveLength(501);
    expect(fan.containers[500].effective.runAsUser.value).toBe(1);
  });

  it("a deep chain of aliases (depth far beyond maxDepth once expanded) completes", () => {
    const lines = ["c0: &c0 [x]"];
    for (let i = 1; i < 300; i++) lines.push(`c${i}: &c${i} [*c${i - 1}]`);
    const { a } = run(sandwich(lines.join("\n")));
    expect(names(a)).toEqual(["before", "after"]);
  });
});

describe("size", () => {
  it("an 8 MB line", () => {
    const doc = `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "long", "annotations": {"note": "${"a".repeat(8 * 1024 * 1024)}"}}, "spec": {"containers": [{"name": "c", "image": "x", "securityContext": {"runAsUser": "root"}}]}}`;
    const { a } = run(sandwich(doc), 20_000);
    expect(names(a)).toEqual(["before", "long", "after"]);
    const d = a.diagnostics.find((x) => x.code === "wrong-type")!;
    expect(d.line).toBe(OFFSET + 1);
    expect(d.column).toBe(doc.indexOf('"root"') + 1);
  }, 30_000);

  it("3,000 containers in one pod", () => {
    const containers = Array.from({ length: 3000 }, (_, i) => `  - name: c${i}\n    image: x\n    securityContext:\n      allowPrivilegeEscalation: false\n      capabilities: {drop: [ALL]}\n`).join("");
    const { a } = run(sandwich(`kind: Pod\nmetadata: {name: many}\nspec:\n  securityContext: {runAsNonRoot: true, runAsUser: 1000}\n  containers:\n${containers}`), 20_000);
    const many = a.workloads.find((w) => w.name === "many")!;
    expect(many.containers).toHaveLength(3000);
    expect(many.containers[2999]).toMatchObject({ name: "c2999", line: OFFSET + 5 + 2999 * 5 + 1 });
    expect(many.containers[2999].effective.runAsUser).toMatchObject({ value: 1000, source: "pod" });
  }, 30_000);

  it("3,000 containers sharing a pod's 100,000 supplementalGroups: the list is not copied per container", () => {
    const groups = Array.from({ length: 100_000 }, (_, i) => i).join(",");
    const containers = Array.from({ length: 3000 }, (_, i) => `  - {name: c${i}, image: x}\n`).join("");
    // Before: 3,000 sorted copies of the list (a minute, gigabytes).
    const { a } = run(`kind: Pod\nmetadata: {name: g}\nspec:\n  securityContext:\n    supplementalGroups: [${groups}]\n  containers:\n${containers}`, 20_000);
    const [first, last] = [a.workloads[0].containers[0], a.workloads[0].containers[2999]];
    expect(last.process!.groups).toHaveLength(100_000);
    expect(last.process).toBe(first.process);
  }, 30_000);

  it("a pod's windowsOptions is merged by its four API fields, not copied key by key per container", () => {
    const pod: Record<string, unknown> = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`junk${i}`, i]));
    pod.runAsUserName = "pod-user";
    expect(mergeWindowsOptions(pod, { hostProcess: false })).toEqual({ runAsUserName: "pod-user", hostProcess: false });
  });

  it("a map with 50,000 keys (duplicate-key checks are not quadratic: this took 18 s before)", () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `  k${i}: ${i}`).join("\n");
    const { a } = run(sandwich(`kind: ConfigMap\nmetadata: {name: cm}\ndata:\n${keys}\n  k7: again`), 20_000);
    const dup = a.diagnostics.find((d) => d.code === "duplicate-key")!;
    expect(dup.line).toBe(OFFSET + 4 + 50_000);
    expect(dup.message).toContain(`line ${OFFSET + 4 + 7}`);
  }, 30_000);

  it("2,000 unknown fields in one securityContext, each at its line", () => {
    const keys = Array.from({ length: 2000 }, (_, i) => `    bogus${i}: ${i}`).join("\n");
    const { a } = run(sandwich(`kind: Pod\nmetadata: {name: u}\nspec:\n  securityContext:\n${keys}\n  containers: [{name: c, image: x}]`), 20_000);
    const unknown = a.diagnostics.filter((d) => d.code === "unknown-field");
    expect(unknown).toHaveLength(2000);
    expect(unknown[1999].line).toBe(OFFSET + 4 + 2000);
  }, 30_000);
});

describe("line ends, BOM, document markers", () => {
  const text = `${pod("one")}---\nkind: Pod\nmetadata: {name: two}\nspec:\n  containers:\n  - name: c\n    image: x\n    securityContext: {runAsUser: "x"}\n`;

  it("CRLF: the same analysis and the same positions as LF", () => {
    const lf = run(text).a;
    const crlf = run(text.replace(/\n/g, "\r\n")).a;
    expect(canonical(projection(crlf))).toBe(canonical(projection(lf)));
    expect(crlf.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(lf.diagnostics.map((d) => [d.code, d.line, d.column]));
    expect(crlf.workloads.map((w) => w.line)).toEqual(lf.workloads.map((w) => w.line));
  });

  it("CR only (old Mac line ends): lines count as the editor counts them", () => {
    const lf = run(text).a;
    const cr = run(text.replace(/\n/g, "\r")).a;
    expect(cr.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(lf.diagnostics.map((d) => [d.code, d.line, d.column]));
  });

  it("a BOM at the start changes nothing but the first column of line 1", () => {
    const plain = run(text).a;
    const bom = run(`\uFEFF${text}`).a;
    expect(canonical(projection(bom))).toBe(canonical(projection(plain)));
    expect(bom.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual(plain.diagnostics.map((d) => [d.code, d.line, d.column]));
  });

  it("`...` document end markers", () => {
    const { a } = run(`${pod("one")}...\n---\n${pod("two")}...\n`);
    expect(names(a)).toEqual(["one", "two"]);
    expect(a.workloads.map((w) => w.document)).toEqual([0, 1]);
    expect(a.diagnostics).toEqual([]);
  });

  it("`--- ` with content on the same line, and `--- # comment`", () => {
    const { a } = run(`--- {kind: Pod, metadata: {name: flow}, spec: {containers: [{name: c, image: x}]}}\n--- # next\n${pod("block")}--- !!map\n${pod("tagged")}`);
    expect(names(a)).toEqual(["flow", "block", "tagged"]);
    expect(a.workloads.map((w) => w.line)).toEqual([1, 3, 12]);
    expect(a.diagnostics).toEqual([]);
  });

  it("nothing at all: empty text, blank lines, comments, bare separators", () => {
    for (const t of ["", "\n\n", "# only a comment\n", "---\n---\n---", "...\n", "\uFEFF", "\r\n\r\n"]) {
      const { a } = run(t);
      expect(a.workloads, JSON.stringify(t)).toEqual([]);
      expect(a.diagnostics, JSON.stringify(t)).toEqual([]);
    }
  });

  it("an empty value sits on its own line, not on the previous document's last line", () => {
    const { a } = run(`${pod("one")}---\nkind: Pod\nmetadata: {name: two}\nspec:\n  containers:\n  -\n  - name: c\n    image: x\n`);
    const d = a.diagnostics.find((x) => x.code === "required-value" && x.path === "spec.containers[0]")!;
    expect([d.line, d.column]).toEqual([14, 3]);
  });
});
