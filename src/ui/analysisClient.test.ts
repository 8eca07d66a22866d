import { describe, expect, it } from "vitest";
import { manyContainersPod } from "../../bench/hostile";
import { typedInto } from "./analysisClient";

// A newer text ends the analysis in flight after a second, unless it is that text with a few keys
// typed: then the analysis in flight is let finish (typing into a 3,000-container paste must not
// end every analysis of it before it arrives, issue 16 item 2).
describe("typedInto: a few keys typed into the text in flight", () => {
  const big = manyContainersPod(3000);
  it.each([
    ["a key at the end", big, `${big}#`, true],
    ["twenty keys at the end", big, `${big}# a comment typed on`, true],
    ["a key in the middle", big, `${big.slice(0, 5000)}x${big.slice(5000)}`, true],
    ["a line deleted", big, big.replace("  - name: c17\n", ""), true],
    ["a different text of the same size", big, big.replace(/nginx/g, "nginy"), false],
    ["a paste over everything", big, manyContainersPod(10), false],
    ["a small text, one key", "kind: Pod\n", "kind: Pod\n#", true],
    ["a small text, rewritten", "kind: Pod\nmetadata: {name: a}\n", "apiVersion: v1\nkind: ConfigMap\ndata: {}\n", false],
    ["the same text", big, big, true],
  ])("%s", (_name, a, b, typed) => expect(typedInto(a, b)).toBe(typed));
});
