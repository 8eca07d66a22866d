// The fuzz properties of the core, shared by src/core/fuzz.test.ts (a bounded number of cases, in
// CI) and scripts/fuzz.ts (many more). Each property throws with a readable message on failure.

import fc from "fast-check";
import { ENCODER_PROPERTIES } from "./encoders";
import { analyze } from "../analyze";
import type { Analysis } from "../types";
import { CANONICAL, manifestModel, render, renderOptions, type Json, type JsonMap } from "./manifests";
import { positionProblems, shapeProblems } from "./shape";

/** analyze, then the contract's shape and in-range positions; throws with every problem found. */
export function analyzeChecked(text: string): Analysis {
  const a = analyze(text);
  const problems = [...shapeProblems(a), ...positionProblems(a, text)];
  if (problems.length) throw new Error(`${problems.length} problem(s):\n  ${problems.slice(0, 10).join("\n  ")}`);
  return a;
}

// ---------------------------------------------------------------------------------------------
// (a) random text

const TOKENS = [
  "---", "--- ", "...", "\n", "\r\n", "\r", " ", "  ", "    ", "\t", "- ", "-", ": ", ":", "? ", ",", "#", " # c",
  "[", "]", "{", "}", "&a ", "&b ", "*a", "*b", "<<: ", "<<: *a", "!!str ", "!!binary ", "!!map ", "!!int ", "!custom ", "!", "|", "|-", ">", "'", "\"", "\\",
  "%YAML 1.2", "%TAG ! tag:x,2000:", "\uFEFF", "\u0000", "\u0085", "\u2028", "\uD800", "é", "😀",
  "kind: Pod", "kind: Deployment", "kind: List", "kind: CronJob", "kind: constructor", "apiVersion: v1", "metadata:", "name: a",
  "spec:", "template:", "jobTemplate:", "containers:", "initContainers:", "items:", "securityContext:", "runAsUser: ", "runAsNonRoot: ",
  "capabilities:", "drop: [ALL]", "add:", "privileged: true", "seccompProfile:", "type: ", "__proto__: ", "constructor: ",
  "null", "~", "true", "yes", "0", "1.5", "-1", "99999999999999999999", "0x1F", ".inf", ".nan", "1e400",
];

const tokenSoup = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 4 }) }), { maxLength: 80 }).map((t) => t.join(""));

export const randomText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "binary-ascii", maxLength: 300 }),
  tokenSoup,
);

export const randomTextProperty = fc.property(randomText, (text) => {
  analyzeChecked(text);
});

// ---------------------------------------------------------------------------------------------
// (b) the same manifest, spelled differently, gives the same analysis

/** What must not change with the spelling: everything but lines, columns and text order. */
export function projection(a: Analysis): unknown {
  return {
    kubernetes: a.kubernetes,
    runtime: a.runtime,
    workloads: a.workloads.map((w) => ({
      kind: w.kind,
      name: w.name,
      namespace: w.namespace,
      document: w.document,
      podSpecPath: w.podSpecPath,
      pss: w.pss,
      admission: w.admission,
      podFields: w.pod.fields.map((f) => ({ name: f.name, value: f.value, path: f.path })).sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0)),
      containers: w.containers.map((c) => ({
        name: c.name,
        type: c.type,
        path: c.path,
        effective: Object.fromEntries(
          Object.entries(c.effective).map(([k, e]) => [k, { value: e.value, source: e.source, path: e.path, overrides: e.overrides && { value: e.overrides.value, path: e.overrides.path } }]),
        ),
        process: c.process,
        startup: c.startup,
        risks: c.risks,
      })),
    })),
    // Diagnostics are sorted by position, which moves with the spelling: compare them as a sorted list.
    diagnostics: a.diagnostics
      .filter((d) => d.code !== "yaml-boolean")
      .map((d) => `${d.severity} ${d.code} ${d.path ?? ""} ${d.message.replace(/line \d+/g, "line N")}`)
      .sort(),
  };
}

/** JSON with object keys sorted, so key order never matters in a comparison. */
export function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => {
    if (x === null || typeof x !== "object" || Array.isArray(x)) return x;
    const o = x as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
  });
}

export const invarianceProperty = fc.property(manifestModel, renderOptions, (docs, options) => {
  const base = render(docs, CANONICAL);
  const variant = render(docs, options);
  const a = canonical(projection(analyzeChecked(base)));
  const b = canonical(projection(analyzeChecked(variant)));
  if (a !== b) throw new Error(`analysis changed with the spelling:\n--- canonical ---\n${base}\n--- variant ---\n${variant}\n${firstDifference(a, b)}`);
});

function firstDifference(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `first difference at ${i}:\n  canonical: …${a.slice(Math.max(0, i - 120), i + 120)}\n  variant:   …${b.slice(Math.max(0, i - 120), i + 120)}`;
}

// ---------------------------------------------------------------------------------------------
// (c) mutations of a valid manifest

export type Mutation =
  | { op: "delete-line" | "duplicate-line" | "swap-lines" | "truncate"; at: number }
  | { op: "indent"; at: number; by: number }
  | { op: "insert-char"; at: number; char: string };

const CHARS = [" ", "\t", "\n", "\r", ":", "-", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "?", "\\", "\u0000", "\uFEFF", "\uD83D", "😀", "\u00A0", "x", "0"];

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("delete-line" as const, "duplicate-line" as const, "swap-lines" as const, "truncate" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("indent" as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ op: fc.constant("insert-char" as const), at: fc.nat(), char: fc.oneof(fc.constantFrom(...CHARS), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })) }),
);

export function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  const i = m.at % lines.length;
  switch (m.op) {
    case "delete-line":
      lines.splice(i, 1);
      return lines.join("\n");
    case "duplicate-line":
      lines.splice(i, 0, lines[i]);
      return lines.join("\n");
    case "swap-lines": {
      const j = (i + 1) % lines.length;
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join("\n");
    }
    case "indent":
      lines[i] = m.by >= 0 ? " ".repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), "");
      return lines.join("\n");
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
    case "insert-char": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.char + text.slice(at);
    }
  }
}

export const mutationProperty = fc.property(manifestModel, renderOptions, fc.array(mutation, { minLength: 1, maxLength: 6 }), (docs, options, mutations) => {
  const text = mutations.reduce(mutate, render(docs, options));
  analyzeChecked(text);
});

// ---------------------------------------------------------------------------------------------
// (d) null or a wrong type in any place of a valid manifest

const WEIRD: Json[] = [
  null, "", "x", "1000", 0, -1, 1.5, 1e20, 99999999999999999999, true, false, [], [null], ["a", 1, null, {}, []], {},
  JSON.parse('{"__proto__": {"runAsUser": 0}, "constructor": {"prototype": 1}, "toString": 3, "hasOwnProperty": null}') as Json,
  { type: "Localhost" }, { name: 5, value: [] }, [1, 2.5, "ALL", null],
];

/** Every path to a value in the model, so one can be replaced. */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(v)) v.forEach((x, i) => paths(x, [...prefix, i], out));
  else if (v !== null && typeof v === "object") for (const k of Object.keys(v)) paths(v[k], [...prefix, k], out);
  return out;
}

function replaceAt(v: Json, path: (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? replaceAt(x, rest, value) : x));
  if (v !== null && typeof v === "object") {
    const out: JsonMap = {};
    for (const k of Object.keys(v)) Object.defineProperty(out, k, { value: k === head ? replaceAt(v[k], rest, value) : v[k], enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

export const wrongTypeProperty = fc.property(
  manifestModel,
  renderOptions,
  fc.array(fc.tuple(fc.nat(), fc.constantFrom(...WEIRD)), { minLength: 1, maxLength: 4 }),
  (docs, options, replacements) => {
    let model: Json = docs;
    for (const [at, value] of replacements) {
      const all = paths(model).filter((p) => p.length > 1); // keep the list of documents a list
      model = replaceAt(model, all[at % all.length], value);
    }
    analyzeChecked(render(model as JsonMap[], options));
  },
);

export const PROPERTIES = [
  { name: "random text", property: randomTextProperty },
  { name: "spelling invariance (comments, key order, style)", property: invarianceProperty },
  { name: "mutated manifests", property: mutationProperty },
  { name: "null or wrong type anywhere", property: wrongTypeProperty },
  ...ENCODER_PROPERTIES,
] as const;
