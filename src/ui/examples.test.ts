import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { analyze } from "../core/analyze";

// Read from disk (vitest has no ?raw here): every manifest in src/core/examples/ is an example.
const dir = new URL("../core/examples/", import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith(".yaml"));

describe("the examples gallery", () => {
  it("has at least 12 examples, each listed", () => {
    const listed = readFileSync(new URL("./examples.ts", import.meta.url), "utf8");
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) expect(listed, f).toContain(`examples/${f}?raw`);
  });

  it.each(files)("%s is a manifest the API server accepts, with at least one workload", (f) => {
    const a = analyze(readFileSync(new URL(f, dir), "utf8"));
    expect(a.workloads.length).toBeGreaterThan(0);
    expect(a.diagnostics.filter((d) => d.severity === "error").map((d) => d.message)).toEqual([]);
    for (const w of a.workloads) expect(w.containers.length).toBeGreaterThan(0);
  });
});
