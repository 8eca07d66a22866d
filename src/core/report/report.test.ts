import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { load } from "js-yaml";
import { analyze } from "../analyze";
import { effectiveSecurityContext, effectiveSecurityContextYaml } from "./effectiveYaml";
import { markdownReport } from "./markdown";
import { diffAnalyses } from "./diff";

const golden = readFileSync(new URL("../examples/golden-standard.yaml", import.meta.url), "utf8");

describe("exports", () => {
  it("the effective securityContext merges pod values in, and pasted at container level gives the same effective values", () => {
    const c = analyze(golden).workloads[0].containers[0];
    const sc = effectiveSecurityContext(c);
    expect(sc).toMatchObject({ runAsUser: 1000, runAsGroup: 3000, runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] }, seccompProfile: { type: "Unconfined" } });
    expect(sc).not.toHaveProperty("fsGroup"); // pod-level only
    const yaml = effectiveSecurityContextYaml(c);
    const parsed = load(yaml) as { securityContext: Record<string, unknown> };
    const pasted = `kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: my-app\n    image: x\n    securityContext: ${JSON.stringify(parsed.securityContext)}\n`;
    const c2 = analyze(pasted).workloads[0].containers[0];
    for (const f of Object.keys(sc) as (keyof typeof sc)[]) expect(c2.effective[f].value).toEqual(c.effective[f].value);
  });

  it("the Markdown report carries the facts: sources, /proc/1/status, Pod Security", () => {
    const md = markdownReport(analyze(golden));
    expect(md).toContain("| runAsUser | `1000` | pod | 9 |");
    expect(md).toContain("CapBnd:\t0000000000000000");
    expect(md).toContain("Pod Security **restricted**: not allowed");
  });

  it("compare: what an edit changes", () => {
    const before = analyze(golden);
    const after = analyze(golden.replace("runAsUser: 1000", "runAsUser: 0"));
    const changes = diffAnalyses(before, after);
    expect(changes).toContainEqual({ workload: "Pod secure-app", container: "my-app", what: "runAsUser", before: "1000 (pod)", after: "0 (pod)" });
    expect(changes.some((c) => c.what === "startup" && c.after === "CreateContainerConfigError")).toBe(true);
  });
});

describe("SARIF", () => {
  it("carries diagnostics and Pod Security violations with their places", async () => {
    const { sarifReport } = await import("./sarif");
    const a = analyze(golden.replace("runAsUser: 1000", "runAsUser: -5"));
    const s = sarifReport(a, "golden.yaml") as { version: string; runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    expect(s.version).toBe("2.1.0");
    const results = s.runs[0].results;
    expect(results.find((r) => r.ruleId === "invalid-value")).toMatchObject({ level: "error", locations: [{ physicalLocation: { region: { startLine: 9 } } }] });
    expect(results.some((r) => r.ruleId === "pod-security-restricted/seccompProfile_restricted" && r.level === "note")).toBe(true);
  });
});

describe("compare (issue 12)", () => {
  it("names capabilities rather than hex, and says when the runtime changed", () => {
    const pod = "kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: app\n    image: x\n";
    const before = analyze(pod, { runtime: "containerd" });
    const after = analyze(pod.replace("image: x\n", "image: x\n    securityContext: {capabilities: {drop: [ALL], add: [NET_BIND_SERVICE]}}\n"), { runtime: "cri-o" });
    const changes = diffAnalyses(before, after);
    expect(changes[0]).toMatchObject({ what: "runtime", before: expect.stringMatching(/^containerd/), after: expect.stringMatching(/^CRI-O/) });
    const bnd = changes.find((c) => c.what.startsWith("CapBnd"))!;
    expect(bnd.after).toBe("1: NET_BIND_SERVICE");
    expect(bnd.before).toMatch(/^\d+: .*CHOWN/);
    expect(changes.every((c) => !/^[0-9a-f]{16}$/.test(c.before) && !/^[0-9a-f]{16}$/.test(c.after))).toBe(true);
  });
});
