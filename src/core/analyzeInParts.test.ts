// A kubectl List read item by item (analyzeInParts) gives analyze(text) to the byte, or declines.

import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { analyze, analyzeInParts } from "./analyze";
import { podDump } from "../../bench/generate";
import type { AnalyzeOptions } from "./types";

const json = (v: unknown) => JSON.stringify(v, null, 2);

/** The same bytes as a whole read, or undefined; returns which. */
function check(text: string, options: AnalyzeOptions = {}): "parts" | "declined" {
  const parts = analyzeInParts(text, options);
  if (parts === undefined) return "declined";
  expect(json(parts)).toBe(json(analyze(text, options)));
  return "parts";
}

const POD = (name: string, extra = "") => `- apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
    namespace: team-1
  spec:
    securityContext: {runAsNonRoot: true}
    containers:
    - name: app
      image: x
      securityContext:
        runAsUser: 0
        privileged: true
        bogus: 1
${extra}`;
const list = (items: string[], head = "apiVersion: v1\nitems:\n", tail = 'kind: List\nmetadata:\n  resourceVersion: ""\n') => `${head}${items.join("")}${tail}`;

describe("analyzeInParts", () => {
  it.each<[string, string, AnalyzeOptions]>([
    ["the bench's dump", podDump(40), {}],
    ["the bench's dump, CRI-O and an old Kubernetes", podDump(15), { runtime: "cri-o", kubernetes: "1.25" }],
    ["pods whose containers will not start, with validation findings", list([POD("a"), POD("b"), POD("c", "    volumes: [{name: v, hostPath: {path: /}}]\n")]), {}],
    ["CRLF line ends", podDump(5).replace(/\n/g, "\r\n"), {}],
    ["comments and blank lines between items", podDump(6).replace(/\n- apiVersion/g, "\n\n# next pod\n- apiVersion"), {}],
    ["a Deployment and a ConfigMap among the items", list([POD("a"), "- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: c}\n", "- apiVersion: apps/v1\n  kind: Deployment\n  metadata: {name: d}\n  spec:\n    template:\n      spec:\n        containers: [{name: x, image: nginx, securityContext: {runAsNonRoot: true}}]\n"]), {}],
  ])("reads %s item by item, as a whole read", (_name, text, options) => {
    expect(check(text, options)).toBe("parts");
  });

  it.each<[string, string]>([
    ["a YAML error in one item", list([POD("a"), "- apiVersion: v1\n  kind: Pod\n  metadata: {name: [b\n", POD("c")])],
    ["a duplicate key in an item", list([POD("a"), POD("b").replace("  kind: Pod\n", "  kind: Pod\n  kind: Pod\n")])],
    ["a YAML 1.1 boolean (a parse warning)", list([POD("a"), POD("b").replace("privileged: true", "privileged: yes")])],
    ["an alias", list([POD("a").replace("runAsNonRoot: true}", "runAsNonRoot: true}\n    x: &a 1\n    y: *a"), POD("b")])],
    ["a labelled Namespace after the pods", list([POD("a"), "- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: team-1\n    labels: {pod-security.kubernetes.io/enforce: restricted}\n"])],
    ["a nested List", list([POD("a"), "- apiVersion: v1\n  kind: List\n  items:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: n}\n    spec: {containers: [{name: c, image: x}]}\n"])],
    ["a scalar item", list([POD("a"), "- 42\n"])],
    ["a broken tail", list([POD("a")], undefined, "kind: List\nmetadata: {a: [\n")],
    ["a tail with a second items key", list([POD("a")], undefined, "kind: List\nitems: []\n")],
    ["not a List", list([POD("a")], "apiVersion: v1\nitems:\n", "kind: Pod\n")],
    ["two documents", `${list([POD("a")])}---\n${list([POD("b")])}`],
    ["indented items", list(["  " + POD("a").replace(/\n(?=.)/g, "\n  ")])],
    ["no items", "apiVersion: v1\nkind: List\nitems: []\n"],
  ])("declines %s (a whole read decides)", (_name, text) => {
    expect(check(text)).toBe("declined");
  });

  it("any mix of items it takes gives the whole read (property)", () => {
    let taken = 0;
    const item = fc.oneof(
      fc.constantFrom("a", "b", "c").map((n) => POD(n)),
      fc.constantFrom(POD("h", "    volumes: [{name: v, hostPath: {path: /}}]\n"), "- apiVersion: v1\n  kind: Service\n  metadata: {name: s}\n", "- {apiVersion: v1, kind: Pod, metadata: {name: f}, spec: {containers: [{name: c, image: x, securityContext: {capabilities: {add: [SYS_ADMIN]}}}]}}\n"),
      fc.constantFrom("- apiVersion: v1\n  kind: Pod\n  metadata: {name: [b\n", "- apiVersion: v1\n  kind: Pod\n  kind: Pod\n"),
    );
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 6 }), fc.constantFrom("\n", "\r\n"), (items, eol) => {
        taken += check(list(items).replace(/\n/g, eol)) === "parts" ? 1 : 0;
      }),
      { numRuns: 80 },
    );
    expect(taken).toBeGreaterThan(10);
  });
});
