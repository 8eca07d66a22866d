// Property tests of the core with fast-check, a bounded number of cases so CI stays fast. The same
// properties run with many more cases in scripts/fuzz.ts (npm run fuzz). A failure prints the seed
// and the shrunk counterexample; replay with `npm run fuzz -- --seed <seed> --only "<name>"`.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyze } from "./analyze";
import { PROPERTIES, analyzeChecked, canonical, mutate, projection } from "./fuzz/properties";
import { CANONICAL, render, type JsonMap } from "./fuzz/manifests";
import { positionProblems, shapeProblems } from "./fuzz/shape";

const RUNS = 200;

describe("fuzz properties (fast-check)", () => {
  it.each(PROPERTIES.map((p) => [p.name, p.property] as const))("%s", (_name, property) => {
    fc.assert(property as fc.IRawProperty<unknown[]>, { numRuns: RUNS });
  }, 30_000);
});

// The checkers themselves: a property is only as good as what it checks.
describe("the fuzz checkers", () => {
  const doc: JsonMap = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "p" },
    spec: { securityContext: { runAsUser: 1000, runAsNonRoot: true }, containers: [{ name: "app", image: "x", securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } } }] },
  };

  it("accept a real analysis", () => {
    const text = render([doc], CANONICAL);
    const a = analyze(text);
    expect(shapeProblems(a)).toEqual([]);
    expect(positionProblems(a, text)).toEqual([]);
  });

  it("catch a wrong shape, a position outside the text and an internal error", () => {
    const text = render([doc], CANONICAL);
    const a = analyze(text);
    const broken = structuredClone(a) as unknown as { workloads: { containers: { process: { capHex: { CapEff: string } }; effective: Record<string, unknown> }[] }[]; diagnostics: unknown[] };
    broken.workloads[0].containers[0].process.capHex.CapEff = "xyz";
    delete broken.workloads[0].containers[0].effective.procMount;
    broken.diagnostics.push({ severity: "error", code: "internal-error", message: "boom", line: 999, column: 1 });
    broken.diagnostics.push({ severity: "error", code: "x", message: "m", line: 1, column: 500 });
    expect(shapeProblems(broken)).toEqual([
      "workloads[0].containers[0].effective.procMount: missing",
      "workloads[0].containers[0].process.capHex.CapEff: xyz",
    ]);
    expect(positionProblems(broken as never, text)).toEqual([
      expect.stringContaining("line 999 outside"),
      expect.stringContaining("internal error: boom"),
      expect.stringContaining("column 500 outside"),
    ]);
  });

  it("render one model in every style to the same analysis", () => {
    const base = canonical(projection(analyzeChecked(render([doc], CANONICAL))));
    for (const style of ["block", "flow", "json"] as const) {
      const text = render([doc], { ...CANONICAL, style, shuffleKeys: true, comments: true, quoting: "mixed", indentSequences: true, leadingSeparator: true, crlf: true, seed: 7 });
      expect(canonical(projection(analyzeChecked(text))), text).toBe(base);
    }
  });

  it("see a real change: a different value changes the projection", () => {
    const other = structuredClone(doc);
    ((other.spec as JsonMap).securityContext as JsonMap).runAsUser = 0;
    expect(canonical(projection(analyze(render([other], CANONICAL))))).not.toBe(canonical(projection(analyze(render([doc], CANONICAL)))));
  });

  it("mutate by lines and characters", () => {
    expect(mutate("a\nb\nc", { op: "delete-line", at: 1 })).toBe("a\nc");
    expect(mutate("a\nb\nc", { op: "duplicate-line", at: 4 })).toBe("a\nb\nb\nc");
    expect(mutate("a\n  b", { op: "indent", at: 1, by: -2 })).toBe("a\nb");
    expect(mutate("ab", { op: "insert-char", at: 1, char: "\t" })).toBe("a\tb");
  });
});
