import { describe, expect, it } from "vitest";
import { parseYamlText } from "./parse";
import { resolvePlain } from "./scalars";
import { locatePath } from "./locate";
import { positionAt, buildLineIndex } from "./lines";

describe("resolvePlain reads scalars as go-yaml v2 (sigs.k8s.io/yaml goyaml.v2/resolve.go)", () => {
  it.each([
    ["yes", true], ["Yes", true], ["on", true], ["ON", true], ["y", true], ["True", true], ["true", true],
    ["no", false], ["off", false], ["n", false], ["FALSE", false],
    ["~", null], ["null", null], ["", null],
    ["1000", 1000], ["0755", 493], ["0x1F", 31], ["1_000", 1000], ["+5", 5], ["-1", -1], ["0b101", 5],
    ["1.5", 1.5], ["1e3", 1000], ["99999999999999999999", 1e20],
    ["ALL", "ALL"], ["NET_BIND_SERVICE", "NET_BIND_SERVICE"], ["1.2.3", "1.2.3"], ["0x", "0x"], ["09", 9],
  ])("%j → %j", (text, expected) => {
    expect(resolvePlain(text).value).toStrictEqual(expected);
  });
});

describe("parseYamlText", () => {
  it("keeps every document of a multi-document text, even after a broken one", () => {
    const text = "a: 1\n---\nb: [x\n---\nc: 3\n";
    const p = parseYamlText(text);
    expect(p.documents.map((d) => d.ok)).toEqual([true, false, true]);
    expect(p.documents[2].value).toEqual({ c: 3 });
    const err = p.diagnostics.find((d) => d.code === "yaml-syntax");
    expect(err).toBeDefined();
    expect(err!.line).toBeGreaterThanOrEqual(3);
    expect(err!.line).toBeLessThanOrEqual(4);
  });

  it("reports duplicate keys as errors with both lines, and keeps the last value (go-yaml)", () => {
    const p = parseYamlText("x: 1\nz: 2\nx: 3\n");
    expect(p.documents[0].value).toEqual({ x: 3, z: 2 });
    const d = p.diagnostics.find((d) => d.code === "duplicate-key")!;
    expect(d).toMatchObject({ severity: "error", line: 3, column: 1 });
    expect(d.message).toContain("line 1");
  });

  it("says when a YAML 1.1 boolean spelling is read as a boolean", () => {
    const p = parseYamlText("runAsNonRoot: yes\nprivileged: true\nname: 'on'\n");
    expect(p.documents[0].value).toEqual({ runAsNonRoot: true, privileged: true, name: "on" });
    const infos = p.diagnostics.filter((d) => d.code === "yaml-boolean");
    expect(infos).toHaveLength(1);
    expect(infos[0]).toMatchObject({ severity: "info", line: 1, column: 15 });
  });

  it("gives positions of keys and values", () => {
    const text = "spec:\n  containers:\n  - name: a\n    securityContext:\n      runAsUser: 5\n";
    const p = parseYamlText(text);
    const loc = locatePath(p.positions, p.documents[0].value, "spec.containers[0].securityContext.runAsUser")!;
    expect(loc.exact).toBe(true);
    expect(positionAt(p.lines, loc.span.keyStart)).toEqual({ line: 5, column: 7 });
    expect(positionAt(p.lines, loc.span.valueStart)).toEqual({ line: 5, column: 18 });
    const missing = locatePath(p.positions, p.documents[0].value, "spec.containers[0].securityContext.fsGroup")!;
    expect(missing.exact).toBe(false);
    expect(positionAt(p.lines, missing.span.keyStart).line).toBe(4);
  });

  it("turns non-string keys into JSON keys as sigs.k8s.io/yaml does (a `y` key is the boolean true)", () => {
    const p = parseYamlText("y: 1\n8: 2\n~: 3\n");
    expect(p.documents[0].value).toEqual({ true: 1, "8": 2, null: 3 });
  });

  it("reads JSON (a YAML subset)", () => {
    const p = parseYamlText('{"kind": "Pod", "spec": {"containers": [{"name": "a"}]}}');
    expect(p.documents[0].value).toEqual({ kind: "Pod", spec: { containers: [{ name: "a" }] } });
  });

  it("applies merge keys, explicit keys winning", () => {
    const p = parseYamlText("base: &b {runAsUser: 1, runAsGroup: 2}\nsc:\n  <<: *b\n  runAsUser: 9\n");
    expect((p.documents[0].value as Record<string, unknown>).sc).toEqual({ runAsUser: 9, runAsGroup: 2 });
  });

  it("refuses an alias bomb without expanding it", () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(",")}]`);
    }
    const t0 = performance.now();
    const p = parseYamlText(lines.join("\n") + "\n---\nkind: Pod\n");
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(p.diagnostics.some((d) => d.code === "yaml-aliases")).toBe(true);
    expect(p.documents[1].value).toEqual({ kind: "Pod" });
  });

  it("never lets __proto__ or constructor keys touch a prototype", () => {
    const p = parseYamlText("__proto__: {polluted: 1}\nconstructor: x\n");
    const v = p.documents[0].value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(v)).toEqual(["__proto__", "constructor"]);
  });

  it("counts lines by binary search over line starts", () => {
    const idx = buildLineIndex("ab\ncd\n\nef");
    expect(positionAt(idx, 0)).toEqual({ line: 1, column: 1 });
    expect(positionAt(idx, 3)).toEqual({ line: 2, column: 1 });
    expect(positionAt(idx, 6)).toEqual({ line: 3, column: 1 });
    expect(positionAt(idx, 8)).toEqual({ line: 4, column: 2 });
  });
});
