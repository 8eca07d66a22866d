// A streamed input (parts analysed one at a time) gives the analysis a whole read gives: the same
// workloads and the same diagnostics, whatever the pieces the text arrives in.

import { describe, expect, it } from "vitest";
import { analyze, analyzeDocumentPart, analyzeListItem, newStreamState } from "./analyze";
import { PartSplitter, PartTooLargeError, type Part } from "./streamSplit";
import { podDump } from "../../bench/generate";
import type { AnalyzeOptions, Diagnostic, Workload } from "./types";

function streamed(text: string, pieceSize: number, options: AnalyzeOptions = {}) {
  const state = newStreamState(options);
  const splitter = new PartSplitter(1 << 20);
  const workloads: Workload[] = [];
  const diagnostics: Diagnostic[] = [];
  const take = (p: Part) => {
    if (p.kind === "list-end") return void state.documents++;
    const r = p.kind === "item" ? analyzeListItem(state, p.text, p.firstLine, p.index) : analyzeDocumentPart(state, p.text, p.firstLine);
    workloads.push(...r.workloads);
    diagnostics.push(...r.diagnostics);
  };
  for (let i = 0; i < text.length; i += pieceSize) splitter.push(text.slice(i, i + pieceSize)).forEach(take);
  splitter.end().forEach(take);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return JSON.parse(JSON.stringify({ workloads, diagnostics }));
}

const whole = (text: string, options: AnalyzeOptions = {}) => {
  const a = analyze(text, options);
  return JSON.parse(JSON.stringify({ workloads: a.workloads, diagnostics: a.diagnostics }));
};

const NS = "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-1\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n";
const BAD_POD = "apiVersion: v1\nkind: Pod\nmetadata: {name: bad}\nspec:\n  securityContext: {runAsUser: -1, bogus: 1}\n  containers:\n  - name: c\n    image: x\n    securityContext: {runAsNonRoot: true, runAsUser: 0, privileged: yes}\n";
const DEPLOY_LIST = "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: apps/v1\n    kind: Deployment\n    metadata: {name: indented}\n    spec:\n      template:\n        spec:\n          containers: [{name: a, image: x}]\n";

describe("a streamed input gives the whole read's analysis", () => {
  it.each([
    ["a kubectl List of pods", podDump(12)],
    ["documents, a labelled Namespace first, then a List, then a broken pod", `${NS}---\n${podDump(5)}---\n${BAD_POD}`],
    ["a List with indented items (read as one document)", DEPLOY_LIST],
    ["CRLF line ends", podDump(3).replace(/\n/g, "\r\n")],
    ["comments and blank lines between items", podDump(4).replace(/\n- apiVersion/g, "\n\n# next pod\n- apiVersion")],
  ])("%s", (_, text) => {
    const expected = whole(text, { runtime: "cri-o" });
    expect(expected.workloads.length).toBeGreaterThan(0);
    for (const piece of [7, 4096, text.length]) expect(streamed(text, piece, { runtime: "cri-o" }), `pieces of ${piece}`).toEqual(expected);
  });

  it("a List item with a YAML error costs that item only", () => {
    const text = podDump(3).replace("    dnsPolicy: ClusterFirst\n", "    dnsPolicy: [ClusterFirst\n");
    const r = streamed(text, 1000);
    expect(r.workloads).toHaveLength(2);
    expect(r.diagnostics.filter((d: Diagnostic) => d.code === "yaml-syntax")).toHaveLength(1);
    // Where the error is in the whole input (as a whole read places it), not in the item.
    const wholeError = whole(text).diagnostics.find((d: Diagnostic) => d.code === "yaml-syntax");
    expect(whole(text).workloads).toHaveLength(0);
    expect([r.diagnostics[0].line, r.diagnostics[0].column]).toEqual([wholeError.line, wholeError.column]);
  });

  it("a part over the limit is refused, with the line it starts on", () => {
    const splitter = new PartSplitter(1000);
    expect(() => splitter.push(`a: 1\nb: ${"x".repeat(2000)}\n`)).toThrow(PartTooLargeError);
    expect(() => new PartSplitter(1000).push("x".repeat(2000))).toThrow(/starts on line 1 is larger than/);
  });
});
