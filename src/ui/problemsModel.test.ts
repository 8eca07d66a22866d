import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze";
import { manyContainersPod } from "../../bench/hostile";
import { allProblems, attachProblems, displayProblems, MESSAGE_CHARS, problemsOf, shortMessage } from "./problemsModel";
import { DISPLAY_LIMITS } from "./displayCap";
import type { Diagnostic } from "../core/types";

describe("shortMessage", () => {
  it.each([
    ["short", 10, "short"],
    ["one two three four five six", 12, "one two … (20 more characters)"],
    ["x".repeat(30), 10, `${"x".repeat(10)} … (20 more characters)`],
  ])("cuts %j to %i characters at a word", (m, max, want) => expect(shortMessage(m, max)).toBe(want));
});

describe("the problems of a pod of 1,000 containers (a text far over 32 KB)", { timeout: 60_000 }, () => {
  const text = manyContainersPod(1000, 20_000);
  const analysis = analyze(text);
  const all = allProblems(analysis, text);
  const shown = displayProblems(all);

  it("places every container's violation on its own field, with the exact range (the text was parsed for positions)", () => {
    expect(text.length).toBeGreaterThan(32_000);
    const lines = text.split("\n");
    const atC999 = all.filter((d) => d.path?.endsWith("containers[999]"));
    expect(atC999.length).toBeGreaterThan(0);
    for (const d of atC999) {
      expect(lines[d.line - 1]).toContain("name: c999");
      // A range from the locator, not just a line: the key and its value.
      expect(d.endColumn).toBeGreaterThan(d.column);
    }
  });

  it("shows at most the display's number of problems, each message cut short, with a note of the rest", () => {
    expect(all.length).toBeGreaterThan(DISPLAY_LIMITS.diagnostics);
    expect(shown).toHaveLength(DISPLAY_LIMITS.diagnostics + 1);
    expect(shown.at(-1)?.code).toBe("display-capped");
    expect(Math.max(...shown.map((d) => d.message.length))).toBeLessThan(MESSAGE_CHARS + 40);
    // The long messages name every container: the whole wording stays in the full list.
    expect(Math.max(...all.map((d) => d.message.length))).toBeGreaterThan(MESSAGE_CHARS);
    expect(shown.find((d) => d.message.length > 200)?.message).toMatch(/… \(\d[\d,]* more characters\)$/);
  });
});

describe("problemsOf", () => {
  it("takes the list attached to an analysis (made in the worker) without making it again", () => {
    const analysis = analyze("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext: {privileged: true}\n");
    const made: Diagnostic[] = [{ severity: "info", code: "x", message: "from the worker", line: 1, column: 1 }];
    attachProblems(analysis, made);
    expect(problemsOf(analysis, "not the text")).toBe(made);
  });

  it("makes it here when nothing was attached (no worker), Pod Security included", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext: {privileged: true}\n";
    const ds = problemsOf(analyze(text), text);
    const priv = ds.find((d) => d.code === "pss-baseline" && d.message.includes("privileged"));
    expect(priv?.line).toBe(8);
    expect(text.split("\n")[7].slice(priv!.column - 1, priv!.endColumn! - 1)).toBe("privileged: true");
  });
});
