import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze";
import { manyContainersPod } from "../../bench/hostile";
import { renameFixesAt, wantsPssFixes } from "./quickFixes";
import { pssFixesAt } from "./pssQuickFixes";
import { allProblems } from "./problemsMake";

const apply = (text: string, e: { start: number; end: number; text: string }) => text.slice(0, e.start) + e.text + text.slice(e.end);

describe("Pod Security quick fixes (made in the worker)", () => {
  const pod = (extra: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n${extra}`;

  it("offers the baseline fix of a privileged container, and the edit makes the pod pass baseline", () => {
    const text = pod("    securityContext:\n      privileged: true\n");
    const fixes = pssFixesAt(text, analyze(text), 6, "latest", {});
    const priv = fixes.find((f) => f.title.startsWith("Pod Security (baseline)") && f.title.includes("privileged"));
    expect(priv).toBeDefined();
    expect(fixes.every((f) => f.title.startsWith("Pod Security (baseline)"))).toBe(true); // baseline first
    expect(analyze(apply(text, priv!.edit)).workloads[0].pss?.baseline.allowed).toBe(true);
  });

  it("offers restricted fixes once baseline passes, and none for a line before any workload", () => {
    const text = pod("");
    const a = analyze(text);
    expect(pssFixesAt(text, a, 6, "latest", {}).length).toBeGreaterThan(0);
    expect(pssFixesAt(text, a, 6, "latest", {}).every((f) => f.title.startsWith("Pod Security (restricted)"))).toBe(true);
    expect(pssFixesAt(`# x\n${text}`, analyze(`# x\n${text}`), 1, "latest", {})).toEqual([]);
  });

  it("works on a text far over 32 KB (no size limit any more), leaving out the fixes that edit every one of 1,000 containers", { timeout: 60_000 }, () => {
    const text = manyContainersPod(1000, 20_000);
    const a = analyze(text);
    // No time limit here (a loaded CI machine can take over the worker's 500 ms): what is checked is
    // which fixes are left out, not how fast.
    const fixes = pssFixesAt(text, a, 9, "latest", {}, Infinity);
    expect(fixes.length).toBeGreaterThan(0);
    expect(fixes.some((f) => /allowPrivilegeEscalation/.test(f.title))).toBe(false);
    for (const f of fixes) expect(apply(text, f.edit).length).toBeLessThan(text.length + 500);
  });

  it("stops when its time is up, so the worker is free for the next analysis", () => {
    const text = manyContainersPod(1000, 20_000);
    expect(pssFixesAt(text, analyze(text), 9, "latest", {}, 0)).toEqual([]);
  });

  it.each([
    [[], true],
    [["pss-baseline"], true],
    [["unknown-field"], false],
  ])("a request about markers %j wants Pod Security fixes: %s", (codes, want) => expect(wantsPssFixes(codes)).toBe(want));
});

describe("did-you-mean renames (on the page)", () => {
  it("renames a misspelt field at its line", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      runAsUsr: 1000\n";
    const fixes = renameFixesAt(text, allProblems(analyze(text), text), 9);
    expect(fixes).toHaveLength(1);
    expect(apply(text, fixes[0].edit)).toContain("runAsUser: 1000");
  });
});
