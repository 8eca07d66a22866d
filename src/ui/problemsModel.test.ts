import { describe, expect, it } from "vitest";
import { analyze } from "../core/analyze";
import { manyContainersPod } from "../../bench/hostile";
import { attachProblems, displayProblems, MESSAGE_CHARS, PROBLEMS_SHOWN, problemsOf, shortMessage } from "./problemsModel";
import { allProblems } from "./problemsMake";
import type { Diagnostic } from "../core/types";
import { DISPLAY_LIMITS } from "./displayCap";

describe("shortMessage", () => {
  it.each([
    ["short", 30, "short"],
    // Over the limit by less than the note would cost: kept whole.
    ["one two three four five six", 12, "one two three four five six"],
    [`${"w ".repeat(100)}end`, 30, `${"w ".repeat(9)}w … (${203 - 19 - 9} characters left out) … ${"w ".repeat(3)}end`],
    ["x".repeat(200), 30, `${"x".repeat(20)} … (170 characters left out) … ${"x".repeat(10)}`],
  ])("cuts %j to about %i characters, keeping its start and its end", (m, max, want) => expect(shortMessage(m, max)).toBe(want));

  it("keeps what Pod Security says to set at the end of a long list of containers", () => {
    const names = Array.from({ length: 200 }, (_, i) => `"c${i}"`).join(", ");
    const message = `seccompProfile (pod or containers ${names} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`;
    const short = shortMessage(message);
    expect(short.length).toBeLessThan(MESSAGE_CHARS + 40);
    expect(short.startsWith("seccompProfile (pod or containers \"c0\"")).toBe(true);
    expect(short.endsWith('must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")')).toBe(true);
    // What was left out is counted exactly.
    const [head, rest] = short.split(" … (");
    const [count, tail] = rest.split(" characters left out) … ");
    expect(head.length + Number(count.replace(/,/g, "")) + tail.length).toBe(message.length);
  });
});

describe("the problems of a pod of 1,000 containers (a text far over 32 KB)", { timeout: 60_000 }, () => {
  const text = manyContainersPod(1000, 20_000);
  const analysis = analyze(text);
  const all = allProblems(analysis, text);
  const shown = displayProblems(all);
  const lines = text.split("\n");

  it("places the violations of the containers the graph shows on their own fields, with exact ranges", () => {
    expect(text.length).toBeGreaterThan(32_000);
    const last = `spec.containers[${DISPLAY_LIMITS.containers - 1}]`;
    const atLast = all.filter((d) => d.path === last);
    expect(atLast.length).toBeGreaterThan(0);
    for (const d of atLast) {
      expect(lines[d.line - 1]).toContain(`name: c${DISPLAY_LIMITS.containers - 1}`);
      // A range from the locator, not just a line: the key and its value.
      expect(d.endColumn).toBeGreaterThan(d.column);
    }
    // The rest are in the panel and the exports: placing them all scans every violation's text per container (minutes for 3,000).
    expect(all.some((d) => d.path === `spec.containers[${DISPLAY_LIMITS.containers}]`)).toBe(false);
  });

  it("cuts each message short for display; the whole wording stays in the full list", () => {
    expect(Math.max(...shown.map((d) => d.message.length))).toBeLessThan(MESSAGE_CHARS + 40);
    expect(Math.max(...all.map((d) => d.message.length))).toBeGreaterThan(MESSAGE_CHARS);
    expect(shown.find((d) => d.message.length > 200)?.message).toMatch(/… \(\d[\d,]* characters left out\) … /);
  });
});

describe("displayProblems", () => {
  it("keeps the first problems the list shows, and one note of the rest", () => {
    const many: Diagnostic[] = Array.from({ length: PROBLEMS_SHOWN + 50 }, (_, i) => ({ severity: "warning", code: "x", message: `m${i}`, line: i + 1, column: 1 }));
    const shown = displayProblems(many);
    expect(shown).toHaveLength(PROBLEMS_SHOWN + 1);
    expect(shown.at(-1)?.code).toBe("display-capped");
    expect(shown.at(-1)?.message).toMatch(/^50 more problems/);
    expect(displayProblems(many.slice(0, 3))).toEqual(many.slice(0, 3));
  });
});

describe("problemsOf", () => {
  it("takes the list attached to an analysis (made in the worker) without making it again", () => {
    const analysis = analyze("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext: {privileged: true}\n");
    const made: Diagnostic[] = [{ severity: "info", code: "x", message: "from the worker", line: 1, column: 1 }];
    attachProblems(analysis, made);
    expect(problemsOf(analysis)).toBe(made);
  });

  it("without an attached list (an analysis that did not come through the client): the analysis's own diagnostics", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext: {privileged: true, runAsUsr: 1}\n";
    const analysis = analyze(text);
    expect(problemsOf(analysis).map((d) => d.code)).toEqual(analysis.diagnostics.map((d) => d.code));
    expect(problemsOf(analysis).some((d) => d.code === "unknown-field")).toBe(true);
  });
});

describe("allProblems (made beside the analysis)", () => {
  it("places Pod Security violations on their fields, with exact ranges", () => {
    const text = "apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n  - name: a\n    image: x\n    securityContext: {privileged: true}\n";
    const ds = allProblems(analyze(text), text);
    const priv = ds.find((d) => d.code === "pss-baseline" && d.message.includes("privileged"));
    expect(priv?.line).toBe(8);
    expect(text.split("\n")[7].slice(priv!.column - 1, priv!.endColumn! - 1)).toBe("privileged: true");
  });
});
