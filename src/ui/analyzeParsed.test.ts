// The worker parses a text once for its analysis and for placing its problems (analysis.worker.ts):
// both must be what they are when each parses the text itself, and the analysis must leave the
// parse as it found it.
import { describe, expect, it } from "vitest";
import { analyze, analyzeParsed } from "../core/analyze";
import { parseYamlText } from "../core/yaml/parse";
import { manyContainersPod } from "../../bench/hostile";
import { manifest300 } from "../../bench/browser";
import { EXAMPLES } from "./examples";
import { allProblems } from "./problemsMake";

const texts: [string, string][] = [
  ...EXAMPLES.map((e): [string, string] => [e.id, e.text]),
  ["the keystroke bench's 300-line Deployment", manifest300()],
  ["a pod of 40 containers with long lists", manyContainersPod(40, 300)],
  ["two documents, one broken", "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers: [{name: c, image: x, securityContext: {privileged: true}}]\n---\nkind: [\n"],
];

describe("one parse for the analysis and the problems", () => {
  it.each(texts)("%s: the same analysis and problems as two parses", (_, text) => {
    const options = { runtime: "cri-o" as const, kubernetes: "1.30" };
    const parsed = parseYamlText(text);
    const analysis = analyzeParsed(parsed, options);
    expect(analysis).toEqual(analyze(text, options));
    // After the analysis has read it, the parse still places every problem where a fresh one does.
    expect(allProblems(analysis, text, parsed)).toEqual(allProblems(analysis, text));
  });

  it("places Pod Security problems through the shared parse (the comparison above is not of empty lists)", () => {
    const text = manifest300();
    const parsed = parseYamlText(text);
    const pss = allProblems(analyzeParsed(parsed, {}), text, parsed).filter((d) => d.code.startsWith("pss-"));
    expect(pss.length).toBeGreaterThan(0);
    expect(pss.every((d) => d.endLine !== undefined && d.endColumn !== undefined)).toBe(true);
  });
});
