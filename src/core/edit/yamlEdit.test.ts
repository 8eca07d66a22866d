import { describe, expect, it } from "vitest";
import { parseYamlText } from "../yaml/parse";
import { applyEdits, setValueEdit } from "./yamlEdit";

function edit(text: string, path: string, value: unknown): string {
  const p = parseYamlText(text);
  const e = setValueEdit(p, p.documents[0].value, path, value);
  if (!e) throw new Error("no edit");
  return applyEdits(text, [e]);
}

describe("setValueEdit makes the smallest edit and keeps the rest of the text", () => {
  it.each([
    [
      "adds a key to an existing block map, at its indentation",
      "spec:\n  securityContext:\n    runAsUser: 1 # me\n  containers: []\n",
      "spec.securityContext.seccompProfile",
      { type: "RuntimeDefault" },
      "spec:\n  securityContext:\n    runAsUser: 1 # me\n    seccompProfile:\n      type: RuntimeDefault\n  containers: []\n",
    ],
    [
      "creates a missing map under an existing one",
      "spec:\n  containers:\n  - name: a\n    image: x\n",
      "spec.containers[0].securityContext.allowPrivilegeEscalation",
      false,
      "spec:\n  containers:\n  - name: a\n    image: x\n    securityContext:\n      allowPrivilegeEscalation: false\n",
    ],
    [
      "replaces an existing scalar",
      "sc:\n  privileged: true\n  other: 1\n",
      "sc.privileged",
      false,
      "sc:\n  privileged: false\n  other: 1\n",
    ],
    [
      "adds inside a flow map",
      "sc: {runAsUser: 1}\n",
      "sc.runAsNonRoot",
      true,
      "sc: {runAsUser: 1, runAsNonRoot: true}\n",
    ],
    [
      "adds inside an empty flow map",
      "sc: {}\n",
      "sc.capabilities",
      { drop: ["ALL"] },
      "sc: {capabilities: {drop: [ALL]}}\n",
    ],
    [
      "fills a key that has no value yet",
      "sc:\nnext: 1\n",
      "sc.seccompProfile.type",
      "RuntimeDefault",
      "sc:\n  seccompProfile:\n    type: RuntimeDefault\nnext: 1\n",
    ],
    ["removes a block key with its line", "sc:\n  a: 1\n  hostPID: true\n  b: 2\n", "sc.hostPID", undefined, "sc:\n  a: 1\n  b: 2\n"],
    ["removes a flow key with its comma", "sc: {a: 1, hostPID: true}\n", "sc.hostPID", undefined, "sc: {a: 1}\n"],
    ["quotes strings YAML 1.1 would misread", "m:\n  x: 1\n", "m.value", "on", 'm:\n  x: 1\n  value: "on"\n'],
  ])("%s", (_name, text, path, value, expected) => {
    const out = edit(text, path, value);
    expect(out).toBe(expected);
    expect(parseYamlText(out).diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  });

  it("gives up (undefined) where the path runs through a list that is too short or a scalar", () => {
    const p = parseYamlText("spec:\n  containers: []\n  x: 5\n");
    expect(setValueEdit(p, p.documents[0].value, "spec.containers[0].securityContext.privileged", false)).toBeUndefined();
    expect(setValueEdit(p, p.documents[0].value, "spec.x.y", 1)).toBeUndefined();
  });
});
