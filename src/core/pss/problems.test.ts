import { describe, expect, it } from "vitest";
import { analyze } from "../analyze";
import { textLocator } from "../yaml/locator";
import { pssDiagnostics } from "./problems";

const POD = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true
  securityContext:
    runAsUser: 0
  containers:
  - name: web
    image: x
    securityContext:
      privileged: true
  - name: side
    image: x
    securityContext:
      allowPrivilegeEscalation: false
  volumes:
  - name: logs
    hostPath: {path: /var/log}
`;

const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("Pod Security violations as problems", () => {
  const w = analyze(POD).workloads[0];

  it.each([
    // [what, the line it points at, level]
    ["privileged", "privileged: true", "baseline"],
    ["host namespaces", "hostNetwork: true", "baseline"],
    ["hostPath volumes", "- name: logs", "baseline"],
    ["runAsUser=0", "runAsUser: 0", "restricted"],
  ] as const)("%s points at its field line (%s), level %s", (reason, needle, level) => {
    const ds = pssDiagnostics(w, textLocator(POD)).filter((d) => d.message.includes(`: ${reason} (`));
    expect(ds.length).toBeGreaterThan(0);
    expect(ds[0].line).toBe(lineOf(POD, needle));
    expect(ds[0].code).toBe(`pss-${level}`);
    expect(ds[0].severity).toBe(level === "baseline" ? "error" : "warning");
    expect(ds[0].message).toMatch(new RegExp(`^Pod Security ${level}: `));
  });

  it("underlines the key and its value on one line, from the key's column", () => {
    const d = pssDiagnostics(w, textLocator(POD)).find((x) => x.message.includes(": privileged ("))!;
    const line = POD.split("\n")[d.line - 1];
    expect(line.slice(d.column - 1, d.endColumn! - 1)).toBe("privileged: true");
  });

  it("lists a violation once per container it names, at each container's own line", () => {
    const ds = pssDiagnostics(w, textLocator(POD)).filter((d) => d.message.includes("allowPrivilegeEscalation != false"));
    // Only "web" leaves allowPrivilegeEscalation unset; "side" sets it to false.
    expect(ds.map((d) => d.path)).toEqual(["spec.containers[0]"]);
    expect(ds[0].line).toBe(lineOf(POD, "privileged: true") - 1); // web's securityContext: where it would go
  });

  it("does not repeat a baseline violation at restricted", () => {
    const ds = pssDiagnostics(w, textLocator(POD));
    expect(ds.filter((d) => d.message.includes(": privileged (")).length).toBe(1);
  });

  it("works without a locator, from the lines the analysis carries", () => {
    const ds = pssDiagnostics(w);
    expect(ds.find((d) => d.message.includes(": privileged ("))!.line).toBe(lineOf(POD, "privileged: true"));
    expect(ds.every((d) => d.line >= 1 && d.column >= 1)).toBe(true);
  });

  it("gives nothing for a pod restricted allows", () => {
    const ok = analyze(`kind: Pod
metadata: {name: ok}
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
  - name: a
    image: x
    securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
`).workloads[0];
    expect(ok.pss!.restricted.allowed).toBe(true);
    expect(pssDiagnostics(ok)).toEqual([]);
  });
});
