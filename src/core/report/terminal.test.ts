import { describe, expect, it } from "vitest";
import { escapeControls, hasControls } from "./terminal";

describe("escapeControls", () => {
  it.each([
    ["plain text, accents and emoji stay", "café ✅ 𝒳", "café ✅ 𝒳"],
    ["ESC sequences (clear screen, colour)", "\u001b[2J\u001b[32mok", "\\x1b[2J\\x1b[32mok"],
    ["OSC 8 hyperlink with BEL and ST", "\u001b]8;;http://x\u0007a\u001b]8;;\u001b\\", "\\x1b]8;;http://x\\x07a\\x1b]8;;\\x1b\\"],
    ["window title", "\u001b]0;pwned\u0007", "\\x1b]0;pwned\\x07"],
    ["newline, CR, tab, NUL, BS", "a\nb\rc\td\u0000e\u0008", "a\\nb\\rc\\td\\x00e\\x08"],
    ["DEL and C1 (one-byte CSI, OSC)", "\u007f\u009b2J\u009d0;t", "\\x7f\\x9b2J\\x9d0;t"],
    ["bidi overrides and isolates", "\u202aa\u202eb\u2066c\u2069\u200f", "\\u202aa\\u202eb\\u2066c\\u2069\\u200f"],
    ["line separators and lone surrogates", "\u2028\u2029\ud800x\udc00", "\\u2028\\u2029\\ud800x\\udc00"],
  ])("%s", (_what, input, shown) => {
    expect(escapeControls(input)).toBe(shown);
    expect(hasControls(input)).toBe(input !== shown);
  });
});
