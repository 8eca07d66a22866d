import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { analyze } from "./analyze";
import { didYouMeanFix, fixEdit, fixesFor, targetOf } from "./fixes";
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

describe("the runAsNonRoot fix leaves a pod that can start (issue 12)", () => {
  const bare = (sc = "") => `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n${sc}  containers:\n  - name: app\n    image: x\n`;
  const runAsNonRootFix = (text: string, imageUsers: Record<string, number | string> = {}) => {
    const w = analyze(text, { imageUsers }).workloads[0];
    return fixesFor(text, targetOf(w), "restricted", undefined, imageUsers).find((f) => f.check === "runAsNonRoot")!;
  };

  it.each([
    ["no image user (root)", {}, true],
    ["image user 0", { app: 0 }, true],
    ["a user name the kubelet cannot check", { app: "nginx" }, true],
    ["image user 101", { app: 101 }, false],
  ] as const)("%s → proposes runAsUser: %s", (_what, imageUsers, proposes) => {
    const text = bare();
    const fix = runAsNonRootFix(text, imageUsers);
    const fixed = applyEdits(text, [fixEdit(text, targetOf(analyze(text).workloads[0]), fix)!]);
    const after = analyze(fixed, { imageUsers }).workloads[0];
    expect(after.containers[0].effective.runAsNonRoot.value).toBe(true);
    // The point: the container starts (no CreateContainerConfigError).
    expect(after.containers[0].startup?.ok).toBe(true);
    expect(fixed.includes("runAsUser: 1000")).toBe(proposes);
    if (proposes) expect(fix.description).toMatch(/runAsUser to 1000.*CreateContainerConfigError/);
  });

  it("keeps a runAsUser the pod already sets", () => {
    const text = bare("  securityContext:\n    runAsUser: 0\n");
    const fix = runAsNonRootFix(text);
    expect(fix.edits.some((e) => e.path === "securityContext.runAsUser")).toBe(false);
  });

  it("does not propose one for a container that sets its own", () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: x\n    securityContext: {runAsUser: 2000}\n`;
    expect(runAsNonRootFix(text).edits.some((e) => e.path === "securityContext.runAsUser")).toBe(false);
  });
});

describe("did-you-mean quick fixes for unknown fields", () => {
  it.each([
    ["runAsUsr: 5", "runAsUser: 5"],
    ['"capabilitiez": {}', '"capabilities": {}'],
    ["allowPrivilegeEscalaton: false", "allowPrivilegeEscalation: false"],
  ])("%s → %s", (line, fixedLine) => {
    const text = `kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      ${line}\n`;
    const d = analyze(text).diagnostics.find((x) => x.code === "unknown-field")!;
    const fix = didYouMeanFix(text, d)!;
    expect(fix.title).toMatch(/^Rename /);
    const fixed = applyEdits(text, [fix.edit]);
    expect(fixed).toContain(`      ${fixedLine}\n`);
    expect(analyze(fixed).diagnostics.filter((x) => x.code === "unknown-field")).toEqual([]);
  });

  it("offers nothing without a suggestion, or when the text no longer holds the key", () => {
    const text = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      zzzzzzzzzz: 1\n";
    const d = analyze(text).diagnostics.find((x) => x.code === "unknown-field")!;
    expect(didYouMeanFix(text, d)).toBeUndefined();
    const typo = text.replace("zzzzzzzzzz", "runAsUsr");
    const d2 = analyze(typo).diagnostics.find((x) => x.code === "unknown-field")!;
    expect(didYouMeanFix(typo.replace("runAsUsr", "runAsUsx"), d2)).toBeUndefined();
  });
});
