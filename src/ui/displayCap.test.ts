import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze";
import { manyContainersPod, unknownFieldsPod } from "../../bench/hostile";
import { capDiagnostics, capWorkload, detailCopy, displayCopy, DISPLAY_LIMITS, fitsPage, lightWorkload, moreItems, PAGE_BUDGET, SHOW_ALL, SHOW_ALL_BUDGET, sizeOf } from "./displayCap";

describe("sizeOf", () => {
  it.each([
    [1, 1],
    [[1, 2, 3], 4],
    [{ a: 1, b: [1, 2] }, 5],
    [null, 1],
  ])("counts %j as %i values", (v, n) => expect(sizeOf(v, 1000)).toBe(n));

  it("stops early on a huge value, but still reports it over budget", () => {
    const shared = Array.from({ length: 20_000 }, () => 1000);
    const huge = Array.from({ length: 1000 }, () => ({ groups: shared }));
    expect(sizeOf(huge, 100)).toBeGreaterThan(100);
    expect(fitsPage(huge, 100)).toBe(false);
    expect(fitsPage([1, 2, 3], 100)).toBe(true);
  });
});

describe("the share link of issue 16 (1,000 containers, 20,000 supplementalGroups)", { timeout: 60_000 }, () => {
  const analysis = analyze(manyContainersPod(1000, 20_000));

  it("is far too big for the page whole, and fits once cut", () => {
    expect(fitsPage(analysis)).toBe(false);
    const copy = displayCopy(analysis, 200_000);
    expect(fitsPage(copy.analysis)).toBe(true);
    expect(copy.light).toBe(false);
    const w = copy.analysis.workloads[0] as ReturnType<typeof capWorkload>;
    expect(w.containers).toHaveLength(DISPLAY_LIMITS.containers);
    expect(w.capped).toMatchObject({ containersTotal: 1000, longestList: 20_000 });
    const groups = w.containers[0].effective.supplementalGroups.value as unknown[];
    expect(groups).toHaveLength(DISPLAY_LIMITS.values + 1);
    expect(groups.at(-1)).toBe(moreItems(20_000 - DISPLAY_LIMITS.values));
    // The whole analysis is untouched (the worker keeps it for exports).
    expect(analysis.workloads[0].containers).toHaveLength(1000);
    expect(analysis.workloads[0].containers[0].effective.supplementalGroups.value as unknown[]).toHaveLength(20_000);
  });

  it("shows every container on 'show all', keeping lists short when all of them would not fit", () => {
    const all = detailCopy(analysis.workloads[0], SHOW_ALL);
    expect(all.containers).toHaveLength(1000);
    expect(all.containers[999].effective.supplementalGroups.value as unknown[]).toHaveLength(DISPLAY_LIMITS.values + 1);
    expect(fitsPage(all, SHOW_ALL_BUDGET)).toBe(true);
  });
});

describe("displayCopy", () => {
  it("sends a small analysis whole (the same object)", () => {
    const a = analyze(manyContainersPod(3));
    expect(displayCopy(a, 100).analysis).toBe(a);
  });

  it("sends a many-workload dump light, with container counts", () => {
    const one = analyze(manyContainersPod(2));
    const a = { ...one, workloads: Array.from({ length: 151 }, () => one.workloads[0]) };
    const copy = displayCopy(a, 30_000);
    expect(copy.light).toBe(true);
    expect(copy.analysis.workloads[0].containers).toEqual([]);
    expect(copy.analysis.workloads[0].containerCount).toBe(a.workloads[0].containers.length);
  });

  it("keeps of a light workload what the list shows (names, place, Pod Security verdicts), not its details", () => {
    const one = analyze(manyContainersPod(2));
    const w = one.workloads[0];
    const l = lightWorkload(w);
    expect(l).toMatchObject({ kind: w.kind, name: w.name, line: w.line, document: w.document, podSpecPath: w.podSpecPath, light: true, containerCount: 2 });
    expect(l.pss?.baseline.allowed).toBe(w.pss?.baseline.allowed);
    expect(l.pss?.restricted.allowed).toBe(w.pss?.restricted.allowed);
    expect(w.pss?.restricted.violations.length).toBeGreaterThan(0);
    expect(l.pss?.restricted.violations).toEqual([]);
    expect(l.volumes).toBeUndefined();
    expect(JSON.stringify(l).length).toBeLessThan(JSON.stringify({ ...w, containers: [] }).length / 2);
  });

  it("lists the first problems and says how many more there are", () => {
    const a = analyze(unknownFieldsPod(3000));
    const ds = capDiagnostics(a.diagnostics, 100);
    expect(a.diagnostics.length).toBeGreaterThanOrEqual(3000);
    expect(ds).toHaveLength(101);
    expect(ds[100]).toMatchObject({ severity: "info", code: "display-capped" });
    expect(ds[100].message).toContain(`${(a.diagnostics.length - 100).toLocaleString("en-US")} more problems`);
  });

  it("cuts a long string and a long list of records without breaking the records", () => {
    const w = analyze(manyContainersPod(1)).workloads[0];
    const volumes = Array.from({ length: 100 }, (_, i) => ({ name: `v${i}`, type: "emptyDir", ownership: "changed" as const, why: "x".repeat(5000) }));
    const c = capWorkload({ ...w, volumes }, DISPLAY_LIMITS);
    expect(c.volumes).toHaveLength(DISPLAY_LIMITS.values);
    expect(c.volumes!.every((v) => typeof v === "object" && v.name.startsWith("v"))).toBe(true);
    expect(c.volumes![0].why.length).toBeLessThan(DISPLAY_LIMITS.chars + 40);
    expect(c.capped?.valuesCut).toBeGreaterThan(0);
    expect(PAGE_BUDGET).toBeGreaterThan(0);
  });
});
