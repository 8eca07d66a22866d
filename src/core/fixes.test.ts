import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyze } from "./analyze";
import { fixEdit, fixesFor, targetOf } from "./fixes";
import { applyEdits } from "./edit/yamlEdit";

const seeds = ["golden-standard.yaml", "hardened-app.yaml"].map((f) => [f, readFileSync(new URL(`./examples/${f}`, import.meta.url), "utf8")] as const);

describe("the seeds against the Pod Security Standards (issue 5)", () => {
  it.each(seeds)("%s passes baseline, fails restricted only for want of a seccomp profile, and one fix makes it pass", (_f, text) => {
    const w = analyze(text).workloads[0];
    expect(w.pss!.baseline).toEqual({ allowed: true, violations: [] });
    expect(w.pss!.restricted.allowed).toBe(false);
    expect(w.pss!.restricted.violations.map((v) => v.check)).toEqual(["seccompProfile_restricted"]);
    const [fix] = fixesFor(text, targetOf(w), "restricted");
    const edit = fixEdit(text, targetOf(w), fix)!;
    const fixed = applyEdits(text, [edit]);
    expect(fixed).toContain("seccompProfile:\n");
    expect(fixed.length - text.length).toBeLessThan(60);
    const after = analyze(fixed).workloads[0];
    expect(after.pss!.restricted).toEqual({ allowed: true, violations: [] });
    expect(after.containers[0].effective.seccompProfile).toMatchObject({ value: { type: "RuntimeDefault" } });
  });

  it("fixes every restricted violation of a bare Deployment, one click at a time", () => {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: x\n";
    for (let i = 0; i < 10; i++) {
      const w = analyze(text).workloads[0];
      if (w.pss!.restricted.allowed) break;
      const [fix] = fixesFor(text, targetOf(w), "restricted");
      text = applyEdits(text, [fixEdit(text, targetOf(w), fix)!]);
    }
    expect(analyze(text).workloads[0].pss!.restricted.allowed).toBe(true);
    expect(analyze(text).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });
});
